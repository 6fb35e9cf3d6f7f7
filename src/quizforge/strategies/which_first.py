"""'Which of these happened first?': three or four dated events, the right one years before the rest."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Choice, Question, Section, Topic
from ._timeline import (Dated, central, dated_events, spread, staleness, usable_events, usual_gap, years_before,
                        years_matter)
from ._gates import printable
from .base import Options

LETTERS = "ABCDEFGHIJ"
FIRST_COUNT = 3


def _first_question(answer: Dated, others: list[Dated], rng: random.Random) -> Question:
    options = [answer, *others]
    rng.shuffle(options)
    later = ", ".join(o.date for o in sorted(others, key=lambda o: o.when))
    body = Choice(options=tuple(o.event for o in options), correct=options.index(answer),
                  explanation=f"{answer.date}; the others are later ({later}).")
    return Question(
        id=f"which-first:{answer.source}:" + ",".join(sorted(o.source for o in others)), strategy="which-first",
        prompt="Which of these happened first?", marks=1, body=body,
        answer=f"{LETTERS[body.correct]} {answer.event}",
        guidance=("1 mark for the correct letter only.",), sources=tuple(o.source for o in options),
    )


def reserved(events: list[Dated], options: Options) -> frozenset[str]:
    """The events a what-year question on the same paper would ask about: left to it where others will do."""
    from .what_year import year_worth_asking

    if "what-year" not in options.paper:
        return frozenset()
    return frozenset(e.source for e in events if year_worth_asking(e))


def left_for_later(topic: Topic, options: Options) -> int:
    """Events to leave unused for an order or date question drawn after this one on the same paper: beyond the
    first question, 'which came first' takes no events those need (shared ones would answer them)."""
    from .date_match import MATCH_MIN
    from .sequencing import MIN_EVENTS

    paper = list(options.paper)
    if "which-first" not in paper:
        return 0
    later = paper[paper.index("which-first") + 1:]
    need = MIN_EVENTS - 1 if "sequence" in later else 0  # each may share one event printed elsewhere
    if "date-match" in later and years_matter(topic):
        need += MATCH_MIN - 1
    return need


class WhichFirst:
    name = "which-first"
    title = "Which came first?"
    summary = "Multiple choice: which of three or four events happened first (the events years apart)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        every = [e for e in usable_events(topic, Options(hidden=options.hidden), 3, "'which happened first'")
                 if printable(e.event, "option")]  # one line that fails a gate must not cost a question
        gap = usual_gap(every)
        want = options.count or FIRST_COUNT
        spare = left_for_later(topic, options)
        # an event far before the notes' main period ('442 BCE' among 1897-1940) is plainly the first: never an
        # option; one far after it only where the main period has too few events
        dated = dated_events(topic)
        core = central(dated)
        start = min((e.when.year for e in dated if e.source in core), default=0)
        questions: list[Question] = []
        for events in ([e for e in every if e.source in core], [e for e in every if e.source in core or e.when.year > start]):
            fresh = [e for e in events if e.source not in options.exclude]
            found = self._questions(fresh, gap, rng, options, want, spare)
            if len(found) < want:  # not enough events left that no other question prints
                found = max(found, self._questions(events, gap, rng, options, want, spare), key=len)
            questions = max(questions, found, key=len)
            if len(questions) >= want:
                break
        if not questions:
            raise NotEnoughMaterial(f"{topic.source}: 'which happened first' needs at least three dated events, "
                                    f"each at least {gap} years after the one before")
        return Section(self.name, self.title, "For each question, circle the letter of the one correct answer.",
                       tuple(questions))

    @staticmethod
    def _questions(events: list[Dated], gap: int, rng: random.Random, options: Options, want: int,
                   spare: int = 0) -> list[Question]:
        size = max(3, min(options.choices, 4))
        # Three options leave a later question the events it needs (counting, of two that overlap, one).
        if spare and len(spread(events, random.Random(0), len(events))) - spare < size:
            size = 3
        # Events the seed before used go last (seed 2 asks about others), and so do those a what-year
        # question on the paper could ask the year of: each event is asked about once.
        keep_off = reserved(events, options)
        answers = events[:]
        rng.shuffle(answers)
        # Events another question prints (an order question's among them) may be one option, never two:
        # two events another question puts in order would tell the student which of them came first.
        elsewhere = options.exclude
        answers.sort(key=lambda e: (e.source in elsewhere, e.source in keep_off,
                                    *staleness(e.source, options.previous, "which-first")))
        questions: list[Question] = []
        used: set[str] = set()
        for answer in answers:
            later = [e for e in events if years_before(answer, e) >= gap]
            if answer.source in elsewhere:
                later = [e for e in later if e.source not in elsewhere]
            else:
                later = [e for e in later if e.source not in elsewhere] + \
                    [e for e in later if e.source in elsewhere][:1]
            unused = [e for e in later if e.source not in used]  # each question its own events, where the notes allow
            mine = [e for e in later if e.source not in keep_off]  # leaving what-year its events comes first
            others = WhichFirst._others(answer, [[e for e in unused if e in mine], mine, unused, later], size, rng, options)
            if sum(e.source in elsewhere for e in (answer, *others)) > 1:
                continue
            if others:
                taken = used | {o.source for o in (answer, *others)}
                rest = spread([e for e in events if e.source not in taken | elsewhere], random.Random(0), len(events))
                if questions and len(rest) < spare:
                    break  # a further question would take the events a later one needs
                questions.append(_first_question(answer, others, rng))
                used.update(o.source for o in (answer, *others))
            if len(questions) == want:
                break
        return questions

    @staticmethod
    def _others(answer: Dated, pools: list[list[Dated]], size: int, rng: random.Random,
                options: Options) -> list[Dated]:
        """The later options for ``answer``, from the first pool that has enough: ``size`` options in all
        where the events allow, else three (no fewer: two options are a coin toss)."""
        for n in sorted({size - 1, 2}, reverse=True):
            for pool in pools:
                others = spread(pool, rng, n, options.previous, "which-first")
                if len(others) == n:
                    return others
        return []


STRATEGY = WhichFirst()
