"""Material that several strategies draw on: examples owned by one cause, choices, slugs."""

from __future__ import annotations

import random
import re

from ..model import Choice, Point, Topic
from ._text import normalise, stands_alone


def examples_by_cause(topic: Topic) -> dict[str, list[Point]]:
    """Every point (at any depth) that reads on its own and belongs to exactly one cause.

    A point repeated under two causes belongs to neither, so a question built
    from it can never have two right answers.
    """
    owners: dict[str, set[str]] = {}
    for cause in topic.causes:
        for point in cause.walk():
            owners.setdefault(normalise(point.text), set()).add(cause.id)
    pools: dict[str, list[Point]] = {}
    for cause in topic.causes:
        seen: set[str] = set()
        for point in cause.walk():
            key = normalise(point.text)
            if stands_alone(point.text) and len(owners[key]) == 1 and key not in seen:
                seen.add(key)
                pools.setdefault(cause.id, []).append(point)
    return pools


def make_choice(right: str, wrong: list[str], rng: random.Random, explanation: str = "") -> Choice:
    """Options shuffled by ``rng``; ``wrong`` must already exclude anything also correct."""
    options = [right, *wrong]
    rng.shuffle(options)
    return Choice(options=tuple(options), correct=options.index(right), explanation=explanation)


def distinct(texts: list[str]) -> list[str]:
    """Drop texts that read the same as an earlier one (case and punctuation ignored)."""
    seen: set[str] = set()
    out = []
    for text in texts:
        if normalise(text) not in seen:
            seen.add(normalise(text))
            out.append(text)
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def first_sentence(text: str) -> str:
    """'A. B.' -> 'A.' (definitions print shorter as options)."""
    match = re.match(r"(.+?[.!?])(\s+[A-Z]|$)", text)
    return match.group(1) if match else text
