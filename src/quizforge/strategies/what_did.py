"""'What did James Chadwick discover?': short recall of one step forward, from a timeline's events that open
with the person who made it ('James Chadwick discovered neutrons by bombarding atoms with alpha particles.').

The verb of the deed gives the question's verb (discovered -> discover, showed -> show, said or came up with ->
suggest or propose); a deed whose verb says nothing of what kind of step it was ('made several statements')
makes no question. Each idea of the deed is a mark: 'discovered electrons and showed atoms were not the
smallest objects' is two. How it was done ('by bombarding atoms ...') is no second idea and is not asked.
"""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import Question, Section, ShortAnswer, Topic
from ._gates import printable, reveals
from ._text import end_sentence, points_rule
from ._timeline import dated_events, staleness
from .base import Options
from .date_match import deeds

COUNT = 3
ABOUT_WORDS = 6  # a that-clause's subject longer than this is no short 'about ...' in a stem
# past tense in the notes -> the verb a question asks with
VERBS = {
    "discovered": "discover", "found": "find", "identified": "identify", "invented": "invent",
    "showed": "show", "shown": "show", "demonstrated": "show", "proved": "prove",
    "suggested": "suggest", "said": "suggest", "proposed": "propose", "came up with": "propose",
    "developed": "develop", "predicted": "predict",
}
FINDS, SHOWS = frozenset({"discover", "find", "identify"}), frozenset({"show", "prove"})
_VERB = "|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True))
LEAD = re.compile(rf"^({_VERB})\s+(.+)$", re.IGNORECASE)
SECOND = re.compile(rf",?\s+and\s+(?=(?:{_VERB})\s)", re.IGNORECASE)
# how it was done, not what was done: 'by bombarding atoms with alpha particles', 'using ...'
METHOD = re.compile(r"\s*,?\s+(?:by|using|through)\s+\w+ing\b.*$|\s*,?\s+using\s+.*$", re.IGNORECASE)


def clauses(deed: str) -> list[tuple[str, str]]:
    """(question verb, what was done) for each idea of ``deed`` (the event with the person's name left out);
    [] when a part does not open with a verb of VERBS."""
    out = []
    for part in SECOND.split(deed.strip().rstrip(".")):
        found = LEAD.match(part.strip())
        if not found:
            return []
        what = METHOD.sub("", found[2]).strip(" ,;")
        if not what:
            return []
        out.append((VERBS[found[1].lower()], what))
    return out


def about(what: str) -> str:
    """The subject of a 'that' clause ('that electrons occupy ...' -> 'electrons'; 'an atom' reads 'the atom'),
    to say what the question is about; '' when the clause has no short subject before its verb."""
    from ..quality.words import is_finite_form, pos

    words = re.sub(r"^that\s+", "", what, flags=re.IGNORECASE).split()
    for i, word in enumerate(words):
        tags = pos(word)
        if is_finite_form(word) or "AUX" in tags or (i and "VERB" in tags and not tags & {"NOUN", "ADJ"}):
            subject = words[:i]
            if not 0 < len(subject) <= ABOUT_WORDS or len(words) - i < 2:
                return ""
            if subject[0].lower() in {"a", "an"}:
                subject[0] = "the"
            return " ".join(subject)
    return ""


def point(what: str) -> str:
    """What was done as a mark point: 'that an atom has ...' -> 'An atom has ...'."""
    what = re.sub(r"^that\s+", "", what, flags=re.IGNORECASE)
    return end_sentence(what[0].upper() + what[1:])


def prompt_for(name: str, ideas: list[tuple[str, str]]) -> str:
    """'What did James Chadwick discover?', 'What did Niels Bohr suggest about electrons?', 'What did J.J. Thomson
    discover, and what did this show?', 'What did Glenn Seaborg find and develop?'."""
    (first, what), *rest = ideas
    if not rest:
        subject = about(what) if what.lower().startswith("that ") or first in SHOWS else ""
        return f"What did {name} {first}" + (f" about {subject}?" if subject else "?")
    second = rest[0][0]
    if first in FINDS and second in SHOWS:
        return f"What did {name} {first}, and what did this {second}?"
    return f"What did {name} {first} and {second}?" if second != first else f"What two things did {name} {first}?"


def question_for(name: str, ideas: list[tuple[str, str]], source: str) -> Question:
    points = tuple(point(what) for _, what in ideas)
    marks = len(points)
    return Question(
        id=f"what-did:{source}", strategy="what-did", prompt=prompt_for(name, ideas), marks=marks,
        body=ShortAnswer(answer=" ".join(points), lines=marks + 1, points=points),
        answer=" ".join(points),
        guidance=(points_rule(marks, len(points)),
                  "Allow the same point in the student's own words."),
        sources=(source,),
    )


class WhatDid:
    # The deed is the answer: drawn first (after a match of people to deeds listed before it), and no other
    # question may print the events it asks about.
    hides_text = True
    name = "what-did"
    title = "Discoveries and ideas"
    summary = "'What did James Chadwick discover?': recall of what a person in the timeline found or proposed."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        avoid = options.hidden | options.exclude  # a deed another question prints, or matches to its person
        found = []
        for name, deed, event in deeds(dated_events(topic)):
            ideas = clauses(deed)
            if (event.source in avoid or not ideas or not printable(name, "term") or reveals(event.event, options.secrets)
                    or not all(printable(point(w), "statement") or printable(point(w), "term") for _, w in ideas)):
                continue
            found.append(question_for(name, ideas, event.source))
        if not found:
            raise NotEnoughMaterial(
                f"{topic.source}: what-did needs dated events that open with a person and say what they found, "
                "showed or suggested ('James Chadwick discovered neutrons ...'), that no other question prints")
        rng.shuffle(found)
        found.sort(key=lambda q: staleness(q.sources[0], options.previous, self.name))  # seed 2 asks about others
        chosen = found[:options.count or COUNT]
        order = {e.source: i for i, e in enumerate(dated_events(topic))}
        chosen.sort(key=lambda q: order[q.sources[0]])
        return Section(self.name, self.title, "Write a short answer to each question.", tuple(chosen))


STRATEGY = WhatDid()
