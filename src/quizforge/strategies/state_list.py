"""'State the conditions for the Haber process': recall of a short titled list, 1 mark for each item."""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import ItemList, Question, Section, ShortAnswer, Topic
from ._lists import VALUE, item_text, list_source, place
from ..quality.words import pos
from ._text import normalise, points_rule
from .base import Options

MIN_ITEMS = 2
MAX_MARKS = 4
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


def usable(topic: Topic, options: Options) -> list[ItemList]:
    """Lists with two or more different items that no earlier question prints or asks for."""
    out = []
    for item_list in topic.lists:
        texts = [normalise(i.text) for i in item_list.items]
        taken = any(i.id in options.hidden for i in item_list.items) or list_source(item_list) in options.hidden
        if len(set(texts)) == len(texts) >= MIN_ITEMS and not taken:
            out.append(item_list)
    return out


def complete(item_list: ItemList) -> bool:
    """A list of conditions is the whole set, so all are asked for; causes or examples are some of many."""
    return bool(re.match(r"(the )?(\w+ )?conditions?\b", item_list.title.strip(), re.IGNORECASE))


# 'Causes of less grip between road and tyres': the causes of a change in something, which the title names.
CHANGE_CAUSES = re.compile(r"(?:causes?|reasons?) (?:of|for) (?:less|more|reduced|increased|poor|lower|higher) (?P<what>.+)",
                           re.IGNORECASE)


def dimensions(item_list: ItemList) -> bool:
    """Items that name what varies, not how: 'Road surface', 'Weather conditions', 'Tyre quality' (a noun first,
    no word of state such as 'wet' or 'worn'). Listed under 'Causes of less grip', they are no causes by
    themselves: they are the things that affect the grip."""
    for item in item_list.items:
        words = item_text(item.text).rstrip(".").split()
        if not 1 <= len(words) <= 3 or "NOUN" not in pos(words[0].lower()) or "ADJ" in pos(words[0].lower()):
            return False
    return True


def prompt_for(item_list: ItemList, marks: int) -> str:
    """'State the conditions for X.' when every item is asked for; 'State three of the conditions for X.' or,
    for causes and examples, 'Give two causes of X.' otherwise; 'Name two things that affect the grip ...'
    for the 'causes of less grip' that are only what varies (``dimensions``)."""
    title = item_list.title.strip().rstrip(".:")
    what = title[0].lower() + title[1:] if title[1:2].islower() else title
    what = what[4:] if what.lower().startswith("the ") else what
    change = CHANGE_CAUSES.fullmatch(what)
    if change and dimensions(item_list):
        return f"Name {NUMBER_WORDS[marks]} things that affect the {change['what']}."
    if marks < len(item_list.items):
        return f"State {NUMBER_WORDS[marks]} of the {what}." if complete(item_list) else f"Give {NUMBER_WORDS[marks]} {what}."
    return f"State the {what}."


KINDS = (("cause", r"causes?|reasons?"), ("example", r"examples?"), ("effect", r"effects?|consequences?"))


def kind_of(item_list: ItemList) -> str:
    """What the list's items are, by its title ('Causes of slow reactions' -> 'cause'), else 'point'."""
    if dimensions(item_list):  # 'Name two things that affect the grip': things, not causes
        return "answer"
    for kind, pattern in KINDS:
        if re.match(rf"(?:the )?(?:\w+ )?(?:{pattern})\b", item_list.title.strip(), re.IGNORECASE):
            return kind
    return "point"


def question_for(item_list: ItemList, tier: str) -> Question:
    items = tuple(item_text(i.text) for i in item_list.items)
    cap = 3 if tier == "support" else MAX_MARKS
    # causes or examples: one fewer than the notes give, so a student has a choice (never fewer than two)
    marks = min(len(items) if complete(item_list) else max(MIN_ITEMS, len(items) - 1), cap)
    every = marks == len(items)
    guidance = (points_rule(marks, len(items)),
                "Allow the same point in the student's own words.")
    if not complete(item_list):
        # causes or examples are some of many: the notes' list is not the only right answer (blind review:
        # "refuses 'distractions', ... the answer students give most often")
        guidance += (f"Also credit any other correct {kind_of(item_list)} that is not one of these in other words.",)
    body = ShortAnswer(answer="; ".join(items), lines=marks + 1, points=items)
    return Question(
        id=f"state-list:{item_list.id}", strategy="state-list", prompt=prompt_for(item_list, marks), marks=marks,
        body=body, answer=("" if every else "Any " + NUMBER_WORDS[marks] + " of: ") + "; ".join(items) + ".",
        guidance=guidance, sources=(list_source(item_list), *(i.id for i in item_list.items)),
    )


def valued(item_list: ItemList) -> list[tuple[str, str]]:
    """(item id, name) of the items that name a condition and give its value ('Pressure is 200 atm')."""
    found = [(i.id, VALUE.fullmatch(item_text(i.text))) for i in item_list.items]
    return [(iid, m["name"].strip()) for iid, m in found if m]


def values_question(item_list: ItemList, items: list[tuple[str, str]]) -> Question | None:
    """'State the pressure and temperature used in the Haber process.': the values of the conditions that have one,
    the others (a catalyst named, no value) left for another question to ask about."""
    where = place(item_list)
    if not where:
        return None
    names = [n.lower() if n[1:].islower() else n for _, n in items]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    points = tuple(item_text(i.text) for i in item_list.items if i.id in {iid for iid, _ in items})
    return Question(
        id=f"state-list:{item_list.id}:values", strategy="state-list", prompt=f"State the {listed} used in {where}.",
        marks=len(points), body=ShortAnswer(answer="; ".join(points), lines=len(points) + 1, points=points),
        answer="; ".join(points) + ".", guidance=("1 mark for each of the points above.",
                                                  "Allow the same point in the student's own words."),
        sources=(list_source(item_list), *(iid for iid, _ in items)),
    )


def second_version(item_list: ItemList, options: Options) -> Question | None:
    """Where the seed before asked a whole list of conditions, the values of those that have one (at least two,
    and fewer than all): seed 2 asks another question, and the rest can be asked about elsewhere."""
    items = valued(item_list)
    if not complete(item_list) or not all(f"state-list@{i.id}" in options.previous for i in item_list.items):
        return None
    if not MIN_ITEMS <= len(items) < len(item_list.items):
        return None
    return values_question(item_list, items)


class StateList:
    # The items are the answers: drawn first, and no other question may print them.
    hides_text = True
    name = "state-list"
    title = "Recall"
    summary = "'State the conditions for ...': a short titled list from the notes, 1 mark for each item."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = usable(topic, options)
        if not found:
            raise NotEnoughMaterial(
                f"{topic.source}: state-list needs 'lists' with a title and at least {MIN_ITEMS} different items "
                "(e.g. 'Conditions for the Haber process' with each condition)")
        count = min(options.count or len(found), len(found))
        chosen = sorted(rng.sample(found, count), key=topic.lists.index)
        questions = tuple(second_version(item_list, options) or question_for(item_list, options.tier)
                          for item_list in chosen)
        return Section(self.name, self.title, "Answer in a word or a short phrase.", questions)


STRATEGY = StateList()
