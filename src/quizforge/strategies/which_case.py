"""Case studies: "Which case study does this describe?" as multiple choice, with the cases as the options.

Only facts distinctive to one case are asked: a statement that names a case, says much the same as a
statement of another case, or is a bare figure (a head count, a sum of money) is left out. A short value
under a heading ("Capacity: 7 plus or minus 2 items") is asked with its heading, when no other case has
the same value there.
"""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import Cause, Point, Question, Section, Topic
from ._groups import (distinctive_title_stems, has_verb, hide_own_name, in_running_text, is_trivia, printable,
                      reads_as_item, says_the_same, sentence, unnamed, uses_case_study, without_names)
from ..quality.fit import echoes_title
from ._abbrev import expanded
from ._gates import few_repeats, fresh_first
from ._pools import make_choice
from ._text import normalise
from .base import Options
from .multiple_choice import letter

DEFAULT_COUNT = 4
MIN_CASES = 3


def statement(text: str) -> bool:
    """A sentence that can be printed on its own; 'It ...' is allowed, as 'it' is the case being asked for."""
    return reads_as_item(text) or (text.lower().startswith(("it ", "its ")) and reads_as_item(text, alone=False))


def shown(point: Point, heading: str, case: Cause) -> str:
    """The statement as printed: a full sentence on its own (the case's own name hidden), a short value
    with its heading."""
    if statement(point.text):
        return sentence(hide_own_name(point.text, case.title) or point.text)
    return f"{heading.strip().rstrip(':')}: {point.text.strip().rstrip('.')}"


DIRECTIONAL = re.compile(r"\b(transfer|transfers|transferred|moves? (?:to|into|from)|passe[sd]? (?:to|on)|leads? to|"
                         r"goes to|input|output|next|from|into|route)\b", re.IGNORECASE)


def asking(point: Point, heading: str, case: Cause, topic: Topic) -> tuple[str, str]:
    """The stem and the quoted words: a sentence is quoted whole; a short value is asked through its heading
    ("For which of these is the capacity ‘7 ± 2’?"), not printed as a "Capacity: 7 ± 2" table cell."""
    whole = "Which case study does this describe?" if uses_case_study(topic) else "Which of these is described here?"
    if statement(point.text) or not heading.strip():
        return whole, shown(point, heading, case)
    field = heading.strip().rstrip(":").strip()
    field = field if field.isupper() else field[0].lower() + field[1:]
    who = "case study" if uses_case_study(topic) else "of these"
    value = point.text.strip().rstrip(".")
    value = value if value[:2].isupper() or not value[1:2].islower() else value[0].lower() + value[1:]
    return f"For which {who} is the {field} \u2018{value}\u2019?", ""


def candidates(topic: Topic, options: Options) -> list[tuple[Cause, Point, str]]:
    cases = list(topic.cases)
    names = distinctive_title_stems(cases)
    rows = [(c, p, a.heading) for c in cases for a in c.aspects for p in a.walk()]
    rows += [(c, p, "") for c in cases for p in c.points for p in p.walk()]
    out = []
    titles = tuple(c.title for c in cases)
    # each word of what the title stands for counts: 'long-term memory' is long, term and memory
    spelled = {c.id: f"{c.title} {expanded(c.title, topic, titles).replace('-', ' ')}" for c in cases}
    for case, point, heading in rows:
        if point.id in options.hidden or point.id in options.exclude:
            continue
        text = without_names(point.text, case.title, names, titles)  # 'The capacity of … is 7 ± 2.'
        # 'Information coming in from the different senses' for 'Sensory', 'a long time ago' for 'LTM'
        # (long-term memory): a word of the case's name, or of what it stands for, picks the option
        if not text or echoes_title(text, spelled[case.id], [spelled[c.id] for c in cases if c is not case]):
            continue
        if statement(text):
            if is_trivia(text) and uses_case_study(topic):  # a head count; in psychology '7 ± 2' is the point
                continue
            rivals = [unnamed(p.text, titles) for c, p, _ in rows if c is not case]
            if any(says_the_same(unnamed(point.text, titles), p) for p in rivals):
                continue
        elif heading and len(point.text.split()) <= 6 and not has_verb(point.text):
            same = [p for c, p, h in rows if c is not case and normalise(h) == normalise(heading)
                    and normalise(p.text) == normalise(point.text)]
            # "For which of these is the encoding ‘no encoding’?" says the heading twice; and a heading that
            # names a move between two of them ('Transfer: rehearsal') fits the one it leaves and the one it
            # reaches (blind review: "could be STM or LTM, depending on whether 'transfer' means out of or into")
            if same or len(point.text) > 80 or echoes_title(point.text, heading) or DIRECTIONAL.search(heading):
                continue
        else:
            continue
        ask, quoted = asking(point, heading, case, topic)
        if not printable(f"{ask}\n\u201c{quoted}\u201d" if quoted else ask, "stem"):
            continue
        out.append((case, point, heading))
    return out


def question_for(case: Cause, point: Point, heading: str, topic: Topic, rng: random.Random, n: int) -> Question:
    others = [c for c in topic.cases if c is not case]
    wrong = rng.sample(others, min(n - 1, len(others)))
    options = [in_running_text(c.title, topic) for c in [case, *wrong]]
    options = [o[0].upper() + o[1:] for o in options]
    right = options[0]
    body = make_choice(right, options[1:], rng, f"{shown(point, heading, case)} ({case.title})")
    ask, quoted = asking(point, heading, case, topic)
    return Question(
        id=f"which-case:{point.id}", strategy="which-case", prompt=f"{ask}\n\u201c{quoted}\u201d" if quoted else ask,
        marks=1, body=body, answer=f"{letter(body.correct)} {right}", guidance=("1 mark for the correct letter only.",),
        cause_id=case.id, sources=(point.id,),
    )


def spread(found: list[tuple[Cause, Point, str]], topic: Topic, count: int) -> list[tuple[Cause, Point, str]]:
    """Questions spread over the cases and, while there are enough, over different headings: each next one
    from a case asked least so far among those with a fact left to ask (a case whose facts have run out
    does not hold the others back)."""
    chosen: list[tuple[Cause, Point, str]] = []

    def open_(row: tuple[Cause, Point, str], distinct_headings: bool) -> bool:
        repeat = row[2] and any(normalise(h) == normalise(row[2]) for _, _, h in chosen)
        # 'Capacity: …' twice would let one answer rule out another
        return row not in chosen and not (repeat and (distinct_headings or not statement(row[1].text)))
    for distinct_headings in (True, False):
        while len(chosen) < count:
            rows = [r for r in found if open_(r, distinct_headings)]
            if not rows:
                break
            counts = {c.id: sum(1 for r in chosen if r[0] is c) for c in topic.cases}
            least = min(counts[r[0].id] for r in rows)
            chosen.append(next(r for r in rows if counts[r[0].id] == least))
    return chosen


class WhichCase:
    name = "which-case"
    title = "Which case study?"
    summary = "'Which case study does this describe?' multiple choice, from facts distinctive to one case (needs 3 cases)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = candidates(topic, options) if len(topic.cases) >= MIN_CASES else []
        if len(found) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: which-case needs at least {MIN_CASES} cases and two facts that belong to one case "
                "only (not a bare figure, not naming the case, and not printed by another question on the paper)"
            )
        rng.shuffle(found)
        found = fresh_first(found, options.previous, lambda row: row[1].id, self.name)  # seed 2 quotes other facts
        chosen = few_repeats(spread(found, topic, options.count or DEFAULT_COUNT), options.previous,
                             lambda row: row[1].id, self.name)
        questions = tuple(question_for(c, p, h, topic, rng, options.choices) for c, p, h in chosen)
        title = self.title if uses_case_study(topic) else "Which one?"
        return Section(self.name, title, "For each question, circle the letter of the one correct answer.", questions)


STRATEGY = WhichCase()
