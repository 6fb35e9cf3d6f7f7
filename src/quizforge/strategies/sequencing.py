"""Sequencing: put dated events from the notes in order (only when the notes carry enough dates)."""

from __future__ import annotations

import random
from ..errors import NotEnoughMaterial
from ..model import Question, Section, Sequence, Topic
from ._gates import printable, reveals
from ._text import end_sentence
from ._dates import parse_date
from ._timeline import choose_events, room, years_matter
from .base import Options

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
        chosen = choose_events(topic, options, rng, limit, MIN_EVENTS,
                               "sequencing", keep=lambda e: printable(e.event) and not reveals(e.event, options.secrets),
                               share=1, name=self.name)  # two events another question orders would answer it
        if len(chosen) < MIN_EVENTS:
            raise NotEnoughMaterial(f"{topic.source}: sequencing needs at least {MIN_EVENTS} dated events, each a "
                                    "full sentence that no other question on the paper holds")
        order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i].when)
        if order_by_date == list(range(len(chosen))):  # printed already in order: turn it round
            chosen.reverse()
            order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i].when)
        body = Sequence(items=tuple(e.event for e in chosen), order=tuple(order_by_date))
        letters = "ABCDEFGH"
        answer = ", ".join(f"{letters[i]} ({chosen[i].date})" for i in body.order)
        question = Question(
            id="sequence:" + ",".join(chosen[i].source for i in order_by_date), strategy=self.name,
            prompt="Put these events in the order they happened. Write 1 next to the earliest.",
            marks=2, body=body, answer=answer,
            guidance=("2 marks for the whole order right.", "1 mark if only one pair of neighbouring events is swapped."),
            sources=tuple(e.source for e in chosen),
        )
        return Section(self.name, self.title, "Use what you know about when things happened.", (question,))


STRATEGY = Sequencing()
