"""Fill in the blank: a sentence from the notes with one key word removed."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..errors import NotEnoughMaterial
from ..matching import SPELLING_RULE
from ..model import Gap, Point, Question, Section, Topic
from ._text import STOP_WORDS, end_sentence, find_phrase
from .base import Options

YEAR_RE = re.compile(r"(?<!\w)(1[0-9]{3}|20[0-9]{2})(?!\w)")
DEFAULT_COUNT = 6
WORD_BANK_EXTRAS = 3


@dataclass(frozen=True)
class Candidate:
    point: Point
    cause_id: str
    start: int
    end: int
    accept: tuple[str, ...]
    priority: int  # 0: the teacher's own blank, 1: key term or person, 2: a year

    @property
    def answer(self) -> str:
        return self.point.text[self.start:self.end]


def _vocabulary(topic: Topic) -> list[tuple[str, tuple[str, ...], int]]:
    """(phrase, other accepted forms, priority) for every blankable term in the notes."""
    vocab = []
    for term in topic.key_terms:
        forms = (term.term, *term.accept)
        vocab += [(form, tuple(f for f in forms if f != form), 1) for form in forms]
    for person in topic.people:
        vocab += [(name, tuple(n for n in person.names if n != name), 1) for name in person.names]
    return vocab


def _gives_away(text: str, start: int, end: int, answer: str, accept: tuple[str, ...]) -> bool:
    """True when the rest of the sentence still shows the answer (or a form of it)."""
    rest = text[:start] + " " + text[end:]
    for form in (answer, *accept):
        if find_phrase(rest, form):
            return True
    stem = answer.lower()[:6]
    return len(answer) >= 6 and any(w.lower().startswith(stem) for w in re.findall(r"\w+", rest))


def candidates(topic: Topic) -> list[Candidate]:
    """Every acceptable blank in the notes, best first within each point."""
    vocab = _vocabulary(topic)
    found: list[Candidate] = []
    for cause in topic.groups:  # every branch, whatever its kind: a sentence is a sentence
        for point in cause.walk():
            spans: dict[tuple[int, int], Candidate] = {}
            options = [(b, point.accept if len(point.blanks) == 1 else (), 0) for b in point.blanks]
            options += vocab
            for phrase, accept, priority in options:
                for m in find_phrase(point.text, phrase):
                    spans.setdefault((m.start(), m.end()), Candidate(point, cause.id, m.start(), m.end(), accept, priority))
            for m in YEAR_RE.finditer(point.text):
                spans.setdefault(m.span(), Candidate(point, cause.id, m.start(), m.end(), (), 2))
            for cand in sorted(spans.values(), key=lambda c: (c.priority, c.start)):
                if cand.answer.lower() in STOP_WORDS or len(cand.answer) < 2:
                    continue
                if _gives_away(point.text, cand.start, cand.end, cand.answer, cand.accept):
                    continue
                found.append(cand)
    return found


def _pick(cands: list[Candidate], count: int, rng: random.Random) -> list[Candidate]:
    """One blank per point, spread across causes round-robin, preferring teacher blanks."""
    by_point: dict[str, list[Candidate]] = {}
    for c in cands:
        by_point.setdefault(c.point.id, []).append(c)
    per_cause: dict[str, list[Candidate]] = {}
    for point_cands in by_point.values():
        best = min(c.priority for c in point_cands)
        choice = rng.choice([c for c in point_cands if c.priority == best])
        per_cause.setdefault(choice.cause_id, []).append(choice)
    for group in per_cause.values():
        rng.shuffle(group)
        group.sort(key=lambda c: c.priority)
    order = list(per_cause)
    rng.shuffle(order)
    picked: list[Candidate] = []
    used_answers: set[str] = set()
    while len(picked) < count and any(per_cause.values()):
        for cause_id in order:
            group = per_cause[cause_id]
            while group:
                cand = group.pop(0)
                if cand.answer.lower() not in used_answers:
                    picked.append(cand)
                    used_answers.add(cand.answer.lower())
                    break
            if len(picked) == count:
                break
    return picked


def _question(cand: Candidate) -> Question:
    text = end_sentence(cand.point.text)
    gap = Gap(
        before=text[:cand.start], after=text[cand.end:], answer=cand.answer,
        accept=tuple(a for a in cand.accept if a.lower() != cand.answer.lower()),
        source_id=cand.point.id,
    )
    return Question(
        id=f"fill-blank:{cand.point.id}",
        strategy="fill-blank",
        prompt="Fill in the missing word or words.",
        marks=1,
        body=gap,
        answer=cand.answer,
        guidance=("1 mark. Accept a clear equivalent. " + SPELLING_RULE,),
        cause_id=cand.cause_id,
        sources=(cand.point.id,),
    )


class FillBlank:
    hides_text = True
    name = "fill-blank"
    title = "Fill in the blanks"
    summary = "Sentences from the notes with a key term, name or date blanked, with an optional word bank."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        count = options.count or DEFAULT_COUNT
        every = candidates(topic)
        cands = [c for c in every if c.point.id not in options.exclude]
        if len(cands) < 2:
            shown = " that no other question on this paper prints" if len(every) >= 2 else ""
            raise NotEnoughMaterial(
                f"{topic.source}: fill-in-the-blank needs key terms, people, dates or 'blank:' phrases "
                f"in points{shown}; add some to the notes"
            )
        picked = _pick(cands, count, rng)
        rng.shuffle(picked)
        questions = tuple(_question(c) for c in picked)
        bank: tuple[str, ...] = ()
        if options.word_bank:
            answers = {q.answer.lower() for q in questions}
            extras = sorted({c.answer.lower(): c.answer for c in every
                             if c.answer.lower() not in answers and c.priority < 2}.values())
            extras = rng.sample(extras, min(WORD_BANK_EXTRAS, len(extras)))
            bank = tuple(sorted({*(q.answer for q in questions), *extras}, key=str.lower))
        instructions = "Complete each sentence with the missing word or words."
        if bank:
            instructions += " Choose from the word bank. Some words are not needed."
        return Section(self.name, self.title, instructions, questions, bank)


STRATEGY = FillBlank()
