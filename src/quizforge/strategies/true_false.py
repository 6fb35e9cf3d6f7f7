"""True or false: statements from the notes, half of them made false by a swap.

A false statement swaps one name, year, key term or cause for another taken
from the same notes. It is kept only if the swapped-in thing is not already in
the sentence, people with the same role are never swapped for each other, and
the new sentence is not itself in the notes; the mark scheme gives the
correction.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..errors import NotEnoughMaterial
from ..model import Question, Section, Topic, TrueFalse
from ._gates import in_turns, printable, reveals
from ._pools import examples_by_cause
from ._text import end_sentence, find_phrase, normalise
from .base import Options
from .fill_blank import YEAR_RE

DEFAULT_COUNT = 8


@dataclass(frozen=True)
class Swap:
    """Replace every whole-word occurrence of ``old`` (any of its forms) with ``new``."""

    old: tuple[str, ...]
    new: str

    def apply(self, text: str) -> str:
        for form in sorted(self.old, key=len, reverse=True):
            # a function, not a string, so a backslash in the notes is never read as a group reference
            text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", lambda _m: self.new, text, flags=re.IGNORECASE)
        return text[0].upper() + text[1:] if text else text


@dataclass(frozen=True)
class Source:
    key: str  # one statement per key: a point, a dated event
    true_text: str
    swaps: tuple[Swap, ...]
    cause_id: str | None = None


def _present(text: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in forms if find_phrase(text, f))


def swaps_for(topic: Topic, text: str, blanks: tuple[str, ...] = ()) -> list[Swap]:
    """Every swap of a person, year or key term in ``text`` for another from the notes.

    A key term is swapped only where the teacher marked it as a blank: swapping
    an everyday word such as 'bacteria' makes a statement that is false but silly.
    """
    swaps = []
    for person in topic.people:
        used = _present(text, person.names)
        if not used:
            continue
        short = used[0] in person.known_as
        for other in topic.people:
            if normalise(other.role) == normalise(person.role) or _present(text, other.names):
                continue
            swaps.append(Swap(person.names, other.known_as[-1] if short and other.known_as else other.name))
    for term in topic.key_terms:
        forms = (term.term, *term.accept)
        if _present(text, forms) and any(normalise(b) in map(normalise, forms) for b in blanks):
            swaps += [Swap(forms, o.term) for o in topic.key_terms  # like for like: 'Politburo' for 'NKVD'
                      if o is not term and not _present(text, (o.term, *o.accept))
                      and o.term[:1].isupper() == term.term[:1].isupper()]
    years = sorted({y for y in YEAR_RE.findall(" ".join(_all_texts(topic)))})
    for year in sorted(set(YEAR_RE.findall(text))) if years_matter(topic) else ():
        swaps += [Swap((year,), y) for y in years if y not in text]
    return swaps


def _all_texts(topic: Topic) -> list[str]:
    return [p.text for c in topic.groups for p in c.walk()] + [d.date for d in topic.dates]


# Strategies that ask when events happened: a dated statement ('1914: Moseley showed ...') answers them.
TIMELINE_STRATEGIES = frozenset({"date-match", "sequence", "which-first", "what-year"})


def years_matter(topic: Topic) -> bool:
    """Only in History is the year of an event worth a true-or-false question; elsewhere it is trivia."""
    return topic.subject.strip().lower().startswith("history")


def sources(topic: Topic, dates: bool = True) -> list[Source]:
    """What a statement can be made from; with ``dates`` False, not the dated events."""
    out = []
    titles = {c.id: c.title for c in topic.causes}
    title_free = {p.id for points in examples_by_cause(topic, title_free=True).values() for p in points}
    for cause_id, points in examples_by_cause(topic).items():
        for point in points:
            text = end_sentence(point.text)
            swaps = swaps_for(topic, text, point.blanks)
            if swaps:
                out.append(Source(point.id, text, tuple(swaps), cause_id))
            elif point.id in title_free:  # no detail to swap: test which reason it supports instead
                # concatenation, never str.format: the notes' text may hold braces
                lead = "\u201c" + text + "\u201d is evidence for the reason \u2018" + titles[cause_id].rstrip(".") + "\u2019."
                out.append(Source(point.id, lead,
                                  tuple(Swap((titles[cause_id],), t) for cid, t in titles.items()
                                        if cid != cause_id and normalise(t) != normalise(titles[cause_id])), cause_id))
    for event in topic.dates:
        if dates:
            text = end_sentence(f"{event.date}: {event.event}")
            swaps = tuple(Swap((event.date,), other.date) for other in topic.dates
                          if normalise(other.date) != normalise(event.date))
        else:  # the event without its date, made false by a person swapped, never a year
            text = end_sentence(event.event)
            swaps = tuple(w for w in swaps_for(topic, text) if not YEAR_RE.fullmatch(w.new))
            if not swaps:
                continue
        out.append(Source(f"date:{event.line}", text, swaps))
    return out


def really_false(topic: Topic, source: Source, statement: str) -> bool:
    """The swapped statement differs from the true one and is not stated anywhere in the notes."""
    known = {normalise(t) for t in _all_texts(topic)}
    known |= {normalise(f"{d.date}: {d.event}") for d in topic.dates}
    return normalise(statement) != normalise(source.true_text) and normalise(statement) not in known


def _question(topic: Topic, source: Source, want_false: bool, rng: random.Random,
              secrets: frozenset[str] = frozenset()) -> Question:
    swaps = list(source.swaps)
    rng.shuffle(swaps)
    for swap in swaps if want_false else ():
        statement = swap.apply(source.true_text)
        if really_false(topic, source, statement) and printable(statement) and not reveals(statement, secrets):
            body = TrueFalse(statement, False, correction=source.true_text)
            return _wrap(source, body, f"False. {source.true_text}")
    return _wrap(source, TrueFalse(source.true_text, True), "True.")


def _wrap(source: Source, body: TrueFalse, answer: str) -> Question:
    guidance = ("1 mark for the right choice.",) if body.true else (
        "1 mark for 'False'. The correction is for feedback; do not require it for the mark.",)
    return Question(id=f"true-false:{source.key}", strategy="true-false", prompt="Is this statement true or false?", marks=1, body=body,
                    answer=answer, guidance=guidance, cause_id=source.cause_id, sources=(source.key,))


class TrueOrFalse:
    name = "true-false"
    title = "True or false?"
    summary = "Statements from the notes; the false ones swap a name, year, term or cause for another from the notes."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        dates = years_matter(topic) and not TIMELINE_STRATEGIES & set(options.paper)
        pool = [s for s in sources(topic, dates) if s.key not in options.hidden  # never print a blanked point
                and printable(s.true_text) and not reveals(s.true_text, options.secrets)]
        fresh = [s for s in pool if s.key not in options.exclude]  # not already printed elsewhere on the paper
        pool = fresh if len(fresh) >= 4 else pool
        if len(pool) < 4 or not any(s.swaps for s in pool):
            raise NotEnoughMaterial(
                f"{topic.source}: true or false needs at least four points and some names, years, key terms "
                "or causes to swap; add people, key_terms or dates to the notes"
            )
        pool = in_turns(pool, options.count or DEFAULT_COUNT, options.seed, "true-false", key=lambda s: s.key)
        # sources that can be made false first, those the seed before did not ask first; each seed's turn within
        pool.sort(key=lambda s: (not s.swaps, s.key in options.previous))
        count = min(options.count or DEFAULT_COUNT, len(pool))
        chosen = pool[:count]
        rng.shuffle(chosen)
        pattern = [i % 2 == 0 for i in range(count)]  # half false, in a seeded order
        rng.shuffle(pattern)
        questions = tuple(_question(topic, s, f, rng, options.secrets) for s, f in zip(chosen, pattern))
        instructions = "Circle True or False for each statement. If it is false, write the correct version underneath."
        return Section(self.name, self.title, instructions, questions)


STRATEGY = TrueOrFalse()
