"""How the strategies use the quality gates: printable items, no giveaways, material in turns."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from .. import quality
from ..model import Topic
from ._text import find_phrase
from .base import Options

T = TypeVar("T")


def printable(text: str, role: str = "statement") -> bool:
    return quality.ok(text, role)


def reveals(text: str, secrets: Iterable[str]) -> bool:
    """True when ``text`` prints one of the answers another question asks for."""
    return any(s.strip() and find_phrase(text, s) for s in secrets)


def shown_elsewhere(phrase: str, options: Options) -> bool:
    """True when another question on the paper already prints ``phrase``."""
    return any(find_phrase(text, phrase) for text in options.printed)


def title_words(topic: Topic) -> list[str]:
    """The paper's title, the enquiry question, the explain stem and every group title: many questions
    print them, so no blank or answer may be one of their words ('Stalin', 'Kirov')."""
    return [t for t in (topic.title, topic.question, topic.explain_stem or "", *(g.title for g in topic.groups)) if t]


def in_turns(items: Sequence[T], per_paper: int, seed: int, salt: str, key: Callable[[T], str]) -> list[T]:
    """``items`` in a fixed order of the notes' own, started where paper ``seed`` takes its turn.

    Seed 1 starts at the beginning, seed 2 ``per_paper`` items on, and so on round: taken from
    the front, consecutive seeds share nothing while the material lasts. The order depends only
    on the items and ``salt``, so every seed (and every student of a class set) is reproducible alone.
    """
    # Ordered by a hash of each item's own key: a point added to the notes slots in without
    # reshuffling the others, so past papers' questions stay where they were.
    order = sorted(items, key=lambda item: hashlib.sha256(f"{salt}:{key(item)}".encode("utf-8")).digest())
    if not order:
        return order
    start = ((seed - 1) * max(per_paper, 1)) % len(order)
    return order[start:] + order[:start]


def fresh_first(items: Sequence[T], used: Iterable[str], key: Callable[[T], str | Iterable[str]],
                strategy: str = "") -> list[T]:
    """``items`` in their order, those an earlier seed of the series did not use first (a stable sort).

    ``key`` gives an item's source, or several: an item is used when any of them was. With ``strategy``, what
    that strategy itself asked ('multiple-choice@economy.1', see ``assemble.paper.asked_by``) goes last of
    all: an essay cites every point of the notes, so 'used by any question' alone would leave seed 2's
    multiple choice asking seed 1's examples again (blind review: "Purges seed 2 repeats seed 1's Q3 and Q4").
    """
    used = frozenset(used)
    if not used:
        return list(items)

    def sources(item: T) -> tuple[str, ...]:
        found = key(item)
        return (found,) if isinstance(found, str) else tuple(found)

    def seen(item: T) -> tuple[bool, bool]:
        mine = bool(strategy) and any(f"{strategy}@{s}" in used for s in sources(item))
        return mine, any(s in used for s in sources(item))
    return sorted(items, key=seen)


def few_repeats(chosen: Sequence[T], used: Iterable[str], key: Callable[[T], str | Iterable[str]], strategy: str,
                keep: int = 2) -> list[T]:
    """``chosen`` without the items ``strategy`` asked the seed before beyond a third of them, while at least
    ``keep`` items are left: where the notes run out of fresh material, seed 2 asks fewer questions rather
    than the same ones again (the issue's bar: seeds 1 and 2 share at most a third of their items)."""
    used = frozenset(used)

    def stale(item: T) -> bool:
        found = key(item)
        return any(f"{strategy}@{s}" in used for s in ((found,) if isinstance(found, str) else found))
    allowed = sum(1 for item in chosen if not stale(item)) // 2  # r repeats beside f fresh: r <= (f + r) / 3
    out: list[T] = []
    repeats = 0
    for i, item in enumerate(chosen):
        if stale(item):
            left = len(out) + sum(1 for rest in chosen[i + 1:] if not stale(rest))
            if repeats >= allowed and left >= keep:
                continue
            repeats += 1
        out.append(item)
    return out


QUOTES = re.compile("[\u2018\u2019\u201c\u201d'\"]")


def stem_echo(stem: str, options: Sequence[str], correct: int) -> str:
    """The distinctive word only the right option shares with the stem ('What does \u2018Old Bolshevik\u2019
    mean?' where only the right definition says 'Bolshevik'; 'senses' in the stem, 'Sensory' the one option
    of that family), or '' when there is none: such a word picks the answer for a student who knows nothing."""
    stem = QUOTES.sub(" ", stem)  # 'Bolshevik\u2019' is the word Bolshevik
    shared = quality.words.family_overlap(stem, options[correct])
    if shared and not any(quality.words.family_overlap(stem, o) for i, o in enumerate(options) if i != correct):
        return sorted(shared)[0]
    return ""
