"""Sequencing: put dated events from the notes in order (only when the notes carry enough dates)."""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import Question, Section, Sequence, Topic
from ._gates import printable, reveals
from ._text import end_sentence
from .base import Options

MIN_EVENTS = 3
MAX_EVENTS = 6
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


def date_key(date: str) -> tuple[int, int, int] | None:
    """'1934', 'December 1934', '1 December 1934' -> a sortable key; None if there is no year."""
    year = re.search(r"(?<!\d)(\d{3,4})(?!\d)", date)
    if not year:
        return None
    words = re.findall(r"[a-z]+", date.lower())
    month = next((MONTHS[w] for w in words if w in MONTHS), 0)
    rest = date[:year.start()] + date[year.end():]
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", rest)
    return (int(year.group(1)), month, int(day.group(1)) if day and month else 0)


def events(topic: Topic) -> list[tuple[tuple[int, int, int], str, str]]:
    """(key, event, date) with distinct dates; two events on the same date cannot be ordered, so both go.

    The printed event leaves its date out: the date would give the order away.
    """
    keyed = [(k, end_sentence(d.event), d.date) for d in topic.dates if (k := date_key(d.date))]
    keys = [k for k, _, _ in keyed]
    return [e for e in keyed if keys.count(e[0]) == 1]


class Sequencing:
    name = "sequence"
    title = "Put in order"
    summary = "Dated events from the notes to put in chronological order (needs at least three dates)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = [e for e in events(topic) if printable(e[1]) and not reveals(e[1], options.secrets)]
        if len(found) < MIN_EVENTS:
            raise NotEnoughMaterial(
                f"{topic.source}: sequencing needs at least {MIN_EVENTS} 'dates' entries with different dates, "
                "each event a full sentence "
                f"(found {len(found)}); add dates to the notes"
            )
        chosen = rng.sample(found, min(options.count or MAX_EVENTS, MAX_EVENTS, len(found)))
        order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i][0])
        if order_by_date == list(range(len(chosen))):  # printed already in order: turn it round
            chosen.reverse()
            order_by_date = sorted(range(len(chosen)), key=lambda i: chosen[i][0])
        body = Sequence(items=tuple(text for _, text, _ in chosen), order=tuple(order_by_date))
        letters = "ABCDEFGH"
        answer = ", ".join(f"{letters[i]} ({chosen[i][2]})" for i in body.order)
        question = Question(
            id="sequence:" + ",".join(str(k[0]) for k, _, _ in sorted(chosen)), strategy=self.name,
            prompt="Put these events in the order they happened. Write 1 next to the earliest.",
            marks=2, body=body, answer=answer,
            guidance=("2 marks for the whole order right.", "1 mark if only one pair of neighbouring events is swapped."),
        )
        return Section(self.name, self.title, "Use what you know about when things happened.", (question,))


STRATEGY = Sequencing()
