"""Fill in the blank: a sentence from the notes with one word worth knowing removed.

Worth knowing: a key term, a named person or place (the teacher's ``blank:`` phrases, the
notes' key terms and people), ranked by how distinctive the word is. Never a headcount, and
never a date: dates are asked in chronology questions. A word bank mixes each kind of answer
(terms, names) with at least three spare words of the same kind, or is not printed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .. import quality
from ..errors import NotEnoughMaterial
from ..quality.form import bank_cues, fits_gap
from ..matching import SPELLING_RULE
from ..model import Gap, Point, Question, Section, Topic
from ._gates import in_turns, printable, reveals, shown_elsewhere, title_words
from ._pools import examples_by_cause
from ._text import STOP_WORDS, end_sentence, find_phrase
from .base import Options

YEAR_RE = re.compile(r"(?<!\w)(1[0-9]{3}|20[0-9]{2})(?!\w)")
DEFAULT_COUNT = 6
WORD_BANK_EXTRAS = 3  # spare words of each kind of answer in the bank
KEEP_RESERVED = 4  # with this many blanks, leave the points matching questions need to them
SORTERS = {"match", "multiple-choice", "true-false", "odd-one-out"}


@dataclass(frozen=True)
class Candidate:
    point: Point
    cause_id: str
    start: int
    end: int
    accept: tuple[str, ...]
    priority: int  # 0: the teacher's own blank, 1: key term or person
    kind: str  # "term", "person", "name" (a place...): a word bank mixes answers only with spares of the same kind
    distinct: float  # quality.distinctiveness: rarer words are better worth a blank

    @property
    def answer(self) -> str:
        return self.point.text[self.start:self.end]

    @property
    def rank(self) -> tuple[int, float]:
        return (self.priority, -self.distinct)


def _vocabulary(topic: Topic) -> list[tuple[str, tuple[str, ...], int, str]]:
    """(phrase, other accepted forms, priority, kind) for every blankable term in the notes."""
    vocab = []
    for term in topic.key_terms:
        forms = (term.term, *term.accept)
        vocab += [(form, tuple(f for f in forms if f != form), 1, "term") for form in forms]
    for person in topic.people:
        vocab += [(name, tuple(n for n in person.names if n != name), 1, "person") for name in person.names]
    return vocab


def _kinds(topic: Topic) -> dict[str, str]:
    kinds = {t.term.lower(): "term" for t in topic.key_terms}
    kinds.update({n.lower(): "person" for p in topic.people for n in p.names})
    return kinds


def _gives_away(text: str, start: int, end: int, answer: str, accept: tuple[str, ...]) -> bool:
    """True when the rest of the sentence still shows the answer (or a form of it)."""
    rest = text[:start] + " " + text[end:]
    for form in (answer, *accept):
        if find_phrase(rest, form):
            return True
    stem = answer.lower()[:6]
    return len(answer) >= 6 and any(w.lower().startswith(stem) for w in re.findall(r"\w+", rest))


def _worth_blanking(text: str, start: int, end: int, teacher: bool) -> bool:
    """Not a stop word, a date (asked only in chronology questions) or a headcount; an amount
    ('£300') only where the teacher marked it."""
    answer = text[start:end]
    if answer.lower() in STOP_WORDS or len(answer) < 2:
        return False
    kind = quality.word_kind(answer)
    if YEAR_RE.search(answer) or kind == "date" or (kind == "number" and not teacher):
        return False
    if not teacher and in_name_list(text, start, end):
        return False
    return not quality.is_headcount(text, start, end)


NEXT_NAME = re.compile(r"\s*(?:,|\band\b|&)\s*(?:[A-Z]|$)")
NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*(?:,|\band|&)\s*$")


def in_name_list(text: str, start: int, end: int) -> bool:
    """A name among names ('because ____, Kamenev, Bukharin and their allies'): any name of the list fits the
    gap as well, so the blank has no one answer; the notes' list tells which is missing only by elimination."""
    if not text[start:start + 1].isupper():
        return False
    return bool(NEXT_NAME.match(text[end:]) or NAME_BEFORE.search(text[:start]))


_CANDIDATES: dict[int, tuple[Topic, list[Candidate]]] = {}


def candidates(topic: Topic) -> list[Candidate]:
    """Every acceptable blank in the notes, best first within each point (worked out once per topic:
    a class set assembles the same notes hundreds of times).

    A blank's answer is never a word of a group title: titles are printed by the other questions.
    """
    cached = _CANDIDATES.get(id(topic))
    if cached and cached[0] is topic:
        return list(cached[1])
    found = _candidates(topic)
    if len(_CANDIDATES) > 8:
        _CANDIDATES.clear()
    _CANDIDATES[id(topic)] = (topic, found)
    return list(found)


def _candidates(topic: Topic) -> list[Candidate]:
    vocab = _vocabulary(topic)
    kinds = _kinds(topic)
    titles = title_words(topic)
    found: list[Candidate] = []
    for cause in topic.groups:  # every branch, whatever its kind: a sentence is a sentence
        for point in cause.walk():
            if not printable(end_sentence(point.text)):
                continue
            spans: dict[tuple[int, int], Candidate] = {}
            options = [(b, point.accept if len(point.blanks) == 1 else (), 0, "") for b in point.blanks]
            options += vocab
            for phrase, accept, priority, kind in options:
                for m in find_phrase(point.text, phrase):
                    answer = m.group(0)
                    kind = kind or kinds.get(answer.lower()) or quality.word_kind(answer)
                    spans.setdefault((m.start(), m.end()), Candidate(
                        point, cause.id, m.start(), m.end(), accept, priority, kind, quality.distinctiveness(answer)))
            for cand in sorted(spans.values(), key=lambda c: (c.rank, c.start)):
                if not _worth_blanking(point.text, cand.start, cand.end, cand.priority == 0):
                    continue
                if any(find_phrase(t, form) for t in titles for form in (cand.answer, *cand.accept)):
                    continue
                if _gives_away(point.text, cand.start, cand.end, cand.answer, cand.accept):
                    continue
                found.append(cand)
    return found


def _pick(cands: list[Candidate], count: int, rng: random.Random, seed: int,
          reserved: frozenset[str] = frozenset()) -> list[Candidate]:
    """One blank per point (its best), the points taken in this seed's turn.

    No picked sentence prints another picked answer. Points in ``reserved`` (the few that
    matching and sorting questions can use) are taken last, so those questions keep them.
    """
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.point.id not in best or c.rank < best[c.point.id].rank:
            best[c.point.id] = c
    ordered = in_turns(list(best.values()), count, seed, "fill-blank", key=lambda c: c.point.id)
    ordered.sort(key=lambda c: c.point.id in reserved)
    picked: list[Candidate] = []
    for cand in ordered:
        if len(picked) == count or (cand.point.id in reserved and len(picked) >= min(count, KEEP_RESERVED)):
            break
        if any(p.answer.lower() == cand.answer.lower() or find_phrase(cand.point.text, p.answer)
                   or find_phrase(p.point.text, cand.answer) for p in picked):
            continue
        picked.append(cand)
    rng.shuffle(picked)
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


def _spares(topic: Topic, every: list[Candidate], picked: list[Candidate], options: Options) -> dict[str, list[str]]:
    """Spare words for the bank, by kind: other blankable words, then the notes' other terms and names."""
    answers = [form for c in picked for form in (c.answer, *c.accept)]
    for person in topic.people:  # 'Martemyan Ryutin' is no spare beside the answer 'Ryutin'
        if any(find_phrase(name, a) for name in person.names for a in answers):
            answers += person.names
    pool: dict[str, dict[str, str]] = {}
    own = [(t.term, "term") for t in topic.key_terms] + [(p.known_as[-1] if p.known_as else p.name, "person")
                                                         for p in topic.people]
    for word, kind in own + [(c.answer, c.kind) for c in every]:
        if any(find_phrase(word, a) or find_phrase(a, word) for a in answers) or reveals(word, options.secrets):
            continue
        pool.setdefault(kind, {}).setdefault(word.lower(), word)
    return {kind: sorted(words.values(), key=str.lower) for kind, words in pool.items()}


def short_kinds(topic: Topic, every: list[Candidate], picked: list[Candidate], options: Options) -> set[str]:
    """The kinds of answer picked that have fewer than ``WORD_BANK_EXTRAS`` spares for the bank."""
    spares = _spares(topic, every, picked, options)
    return {c.kind for c in picked if len(spares.get(c.kind, ())) < WORD_BANK_EXTRAS}


def word_bank(topic: Topic, every: list[Candidate], picked: list[Candidate], options: Options,
              rng: random.Random) -> tuple[str, ...]:
    """The answers and ``WORD_BANK_EXTRAS`` spares of each of their kinds; empty if a kind has too few spares."""
    spares = _spares(topic, every, picked, options)
    bank = [c.answer for c in picked]
    printed = [c.point.text for c in picked]
    for kind in sorted({c.kind for c in picked}):
        have = spares.get(kind, [])
        if len(have) < WORD_BANK_EXTRAS:
            return ()
        start = len(bank)
        # spares that could stand in one of this kind's gaps by their grammar first (a noun for a noun's gap)
        # and, in each of those, spares no gap's own sentence prints: 'Central Committee' printed beside a
        # gap is a spare the student can strike out at a glance
        answers = [c.answer for c in picked if c.kind == kind]
        fitting = [w for w in have if any(fits_gap(a, w) for a in answers)]
        rest = [w for w in have if w not in fitting]
        for tier in (fitting, rest):
            unseen = [w for w in tier if not any(find_phrase(t, w) for t in printed)]
            seen = [w for w in tier if w not in unseen]
            for group in (unseen, seen):
                bank += rng.sample(group, min(WORD_BANK_EXTRAS - (len(bank) - start), len(group)))
    return tuple(sorted(set(bank), key=str.lower))


def without_cues(topic: Topic, every: list[Candidate], picked: list[Candidate], options: Options,
                 rng: random.Random) -> tuple[list[Candidate], tuple[str, ...]]:
    """The picked blanks and their bank, leaving out a blank whose answer is the only word of the bank that
    fits its gap by grammar (``quality.form.bank_cues``); no bank when fewer than two blanks would be left."""
    bank = word_bank(topic, every, picked, options, rng)
    cued = set(bank_cues(bank, [c.answer for c in picked])) if bank else set()
    if not cued:
        return picked, bank
    kept = [c for c in picked if c.answer not in cued]
    if len(kept) < 2:
        return picked, ()
    bank = word_bank(topic, every, kept, options, rng)
    return (kept, bank) if bank and not bank_cues(bank, [c.answer for c in kept]) else (picked, ())


class FillBlank:
    hides_text = True
    name = "fill-blank"
    title = "Fill in the blanks"
    summary = "Sentences from the notes with a key term or name blanked, with a word bank of spares of the same kind."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        count = options.count or DEFAULT_COUNT
        every = candidates(topic)
        cands = [c for c in every if c.point.id not in options.exclude and c.point.id not in options.hidden
                 and not reveals(c.point.text, options.secrets)
                 and not any(shown_elsewhere(f, options) for f in (c.answer, *c.accept))]
        if len(cands) < 2:
            shown = " that no other question on this paper prints" if len(every) >= 2 else ""
            raise NotEnoughMaterial(
                f"{topic.source}: fill-in-the-blank needs key terms, people or 'blank:' phrases in points that are "
                f"full sentences{shown}; add some to the notes (dates and numbers are not blanked)"
            )
        # Only when the paper has a question that sorts examples into groups do they need the few that can be.
        reserved = frozenset() if not SORTERS & set(options.paper) else frozenset(
            p.id for points in examples_by_cause(topic, title_free=True).values() for p in points)
        picked = _pick(cands, count, rng, options.seed, reserved)
        short = short_kinds(topic, every, picked, options) if options.word_bank else set()
        if short and len(rest := [c for c in cands if c.kind not in short]) >= 2:
            picked = _pick(rest, count, rng, options.seed, reserved)  # only answers the bank can hide among spares
        picked, bank = without_cues(topic, every, picked, options, rng) if options.word_bank else (picked, ())
        questions = tuple(_question(c) for c in picked)
        instructions = "Complete each sentence with the missing word or words."
        if bank:
            instructions += " Choose from the word bank. Some words are not needed."
        return Section(self.name, self.title, instructions, questions, bank)


STRATEGY = FillBlank()
