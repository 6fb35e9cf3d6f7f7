"""Match dates to events: a timeline's dates in order, its events jumbled, each date used once."""

from __future__ import annotations

import random

from ..model import Match, Question, Section, Topic
from ._timeline import choose_events
from .base import Options

LETTERS = "ABCDEFGHIJ"
MATCH_MIN, MATCH_MAX = 4, 6


class DateMatch:
    name = "date-match"
    title = "Dates and events"
    summary = "Match events from the notes to their dates (dates far enough apart to tell apart)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        limit = min(options.count or MATCH_MAX, MATCH_MAX) if options.tier != "support" else MATCH_MIN
        chosen = choose_events(topic, options, rng, max(limit, MATCH_MIN), MATCH_MIN, "matching dates to events")
        dates = sorted(chosen, key=lambda e: e.when)  # dates print in order, like a timeline
        order = list(range(len(dates)))
        rng.shuffle(order)
        body = Match(causes=tuple(d.date for d in dates), examples=tuple(dates[i].event for i in order),
                     key=tuple(order), example_ids=tuple(dates[i].source for i in order),
                     left_label="Date", right_label="Event")
        n = len(dates)
        question = Question(
            id="date-match:" + ",".join(d.source for d in dates), strategy=self.name,
            prompt=f"Match each event, A to {LETTERS[n - 1]}, to its date. Write the number of the date in the box. "
                   "Each date is used once.",
            marks=n, body=body, answer=", ".join(f"{LETTERS[j]} {k + 1}" for j, k in enumerate(order)),
            guidance=(f"1 mark for each event matched to its date (up to {n}).",),
            sources=tuple(d.source for d in dates),
        )
        return Section(self.name, self.title, "Show that you know when the key events happened.", (question,))


STRATEGY = DateMatch()
