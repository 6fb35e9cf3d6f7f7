"""Sequencing: put dated events from the notes in order (only when the notes carry enough dates)."""

from __future__ import annotations

import random
from ..errors import NotEnoughMaterial
from ..model import Question, Section, Sequence, Topic
from ._gates import printable, reveals
from ._text import end_sentence
from ._dates import parse_date
from ._timeline import (apart, central, choose_events, dated_events, room, spacings, spread, with_outliers, years_apart,
                        years_matter)
from .date_match import deeds
from .base import Options

LETTERS = "ABCDEFGH"
PEOPLE_MIN, PEOPLE_MAX = 4, 5  # people to put in the order of their work
MIN_EVENTS = 3
MAX_EVENTS = 6
LEAVE_FOR_FIRST = 3  # events a 'which came first' question on the same paper needs to itself
SHARED_MAX = 4  # events to order when other questions need dated events too: worth the same two marks
LEAVE_FOR_MATCH = 3  # and a match of dates to events (it may share one more)


def date_key(date: str) -> tuple[int, int, int] | None:
    """'1934', 'December 1934', '442 BCE' -> the first day it could mean, for sorting; None if no year."""
    when = parse_date(date)
    return when.start if when else None


class Sequencing:
    name = "sequence"
    title = "Put in order"
    summary = "Dated events from the notes to put in chronological order (needs at least three dates)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        limit = min(options.count or MAX_EVENTS, MAX_EVENTS)
        # Leave 'which came first' and a match of dates events of their own: shared ones would answer them.
        leave = LEAVE_FOR_FIRST if "which-first" in options.paper else 0
        if "date-match" in options.paper and years_matter(topic):
            leave += LEAVE_FOR_MATCH
        if leave:
            limit = max(MIN_EVENTS, min(limit, SHARED_MAX, room(topic, options) - leave))
        # The events to order are drawn first, from the notes' main period and spread across it; people to put
        # in the order of their work are others (they may also use events a match of people to deeds hides).
        if not years_matter(topic) and len(deeds(dated_events(topic))) >= PEOPLE_MIN:  # leave people to order
            free = len(dated_events(topic, options.hidden | options.exclude))
            limit = min(limit, max(MIN_EVENTS, free - PEOPLE_MIN))
        try:
            chosen, why = self._events(topic, rng, options, limit), None
        except NotEnoughMaterial as exc:
            chosen, why = [], exc
        people = self._people(topic, rng, options, frozenset(e.source for e in chosen))
        if why and people is None:
            raise why
        if len(chosen) < MIN_EVENTS and people is None:
            raise NotEnoughMaterial(f"{topic.source}: sequencing needs at least {MIN_EVENTS} dated events, each a "
                                    "full sentence that no other question on the paper holds, spread across the period "
                                    "of the notes (not a few years apart) and none far outside it")
        questions = [_order_question("sequence:", chosen, [e.event for e in chosen],
                                     "Put these events in the order they happened. Write 1 next to the earliest.")
                     ] if len(chosen) >= MIN_EVENTS else []
        questions += [people] if people else []
        return Section(self.name, self.title, "Use what you know about when things happened.", tuple(questions))

    def _events(self, topic: Topic, rng: random.Random, options: Options, limit: int) -> list:
        """Up to ``limit`` events to order, none of them far outside the notes' main period unless three of it are
        ordered beside it, spread across it as far as the notes allow; [] when even half that spacing fails
        (NotEnoughMaterial when too few events can be read at all)."""
        def keep(e) -> bool:
            return printable(e.event) and not reveals(e.event, options.secrets)
        every = dated_events(topic)
        core = central(every)
        tries = spacings(every, limit)
        for i, gap in enumerate(tries):
            try:  # (share: two events another question orders would answer it)
                chosen = choose_events(topic, options, rng, limit, MIN_EVENTS, "sequencing", share=1, name=self.name,
                                       keep=lambda e: keep(e) and e.source in core, gap=gap,
                                       fall_back=i == len(tries) - 1)
            except NotEnoughMaterial:
                if len(dated_events(topic)) < MIN_EVENTS:
                    raise
                continue
            free = [e for e in dated_events(topic, options.hidden | options.exclude) if keep(e) and e.source not in core]
            return with_outliers(chosen, free, rng, limit, options.previous, self.name, gap)
        return []

    @staticmethod
    def _people(topic: Topic, rng: random.Random, options: Options, taken: frozenset[str]) -> Question | None:
        """Outside History, where events open with the people who made them: those people, names only, to
        put in the order of their work ('Dalton, Thomson, Rutherford, Bohr'). A name tells nothing of what
        its person did, so events a match of people to deeds holds may be used; events other questions print
        may not (their order would answer this one), nor the events ``taken`` to order (drawn first; when none
        were, it leaves enough for them)."""
        if years_matter(topic):
            return None
        found = [(name, event) for name, _, event in deeds(dated_events(topic))
                 if printable(name, "term") and not reveals(name, options.secrets)
                 and event.source not in (options.exclude - options.hidden) | taken]
        spare = len(dated_events(topic, options.hidden | options.exclude | taken)) - (0 if taken else MIN_EVENTS)
        want = min(PEOPLE_MAX, max(spare, PEOPLE_MIN))
        every = dated_events(topic)
        core = central(every)
        for gap in spacings(every, want):  # spread across the notes' main period where they allow
            allowed = [e for _, e in found if e.source in core]
            # first the events only this question can use (a match of people to deeds hides them from the others)
            chosen = spread([e for e in allowed if e.source in options.hidden], rng, want, options.previous,
                            "sequence", gap)
            if len(chosen) < want:
                chosen += spread([e for e in allowed if e.source not in options.hidden
                                  and all(apart(e, c) and years_apart(e, c) >= gap for c in chosen)],
                                 rng, want - len(chosen), options.previous, "sequence", gap)
            chosen = with_outliers(chosen, [e for _, e in found if e.source not in core], rng, want,
                                   options.previous, "sequence", gap)
            if len(chosen) >= PEOPLE_MIN:
                break
        if len(chosen) < PEOPLE_MIN:
            return None
        names = {event.source: name for name, event in found}
        return _order_question("sequence:people:", chosen, [names[e.source] for e in chosen],
                               "Put these people in the order in which they made their discovery or put forward "
                               "their idea. Write 1 next to the earliest.", dated=False)


def _order_question(prefix: str, chosen: list, items: list[str], prompt: str, dated: bool = True) -> Question:
    """Items to put in the order of their events' dates (2 marks; 1 for one neighbouring pair swapped). The
    answer gives each item's date, or (``dated`` False: outside History, where a year is trivia) its name."""
    order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i].when)
    if order_by_date == list(range(len(chosen))):  # printed already in order: turn it round
        chosen, items = chosen[::-1], items[::-1]
        order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i].when)
    body = Sequence(items=tuple(items), order=tuple(order_by_date))
    answer = ", ".join(f"{LETTERS[i]} ({chosen[i].date})" if dated else f"{LETTERS[i]} {items[i]}" for i in body.order)
    return Question(
        id=prefix + ",".join(chosen[i].source for i in order_by_date), strategy="sequence",
        prompt=prompt, marks=2, body=body, answer=answer,
        guidance=("2 marks for the whole order right.",
                  f"1 mark if only one pair of neighbouring {'events' if dated else 'people'} is swapped."),
        sources=tuple(e.source for e in chosen),
    )


STRATEGY = Sequencing()
