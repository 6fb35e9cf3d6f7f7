"""Material that several strategies draw on: examples owned by one cause, choices, slugs."""

from __future__ import annotations

import random
import re

from ..model import Choice, Point, Topic
from .. import quality
from ._text import end_sentence, normalise


KEY_DISTINCT = 2.0  # 'other', 'more' are too common to give an answer away or mislead


def examples_by_cause(topic: Topic, *, title_free: bool = False) -> dict[str, list[Point]]:
    """Every point (at any depth) that passes the quality check and belongs to exactly one cause.

    A point repeated under two causes belongs to neither, and so does one whose words fit
    another cause as well as its own (``quality.rivals``), so a question built from it can
    never have two right answers; so does one that shares a key word with another cause's
    title, which would point a student there. With ``title_free``, a point that shares a key word with
    its own cause's title is left out too: printed beside the titles, it would match itself.
    """
    pools = _owned(topic)
    if not title_free:
        return {cid: list(points) for cid, points in pools.items()}
    keys = title_keys(topic)
    out = {cid: [p for p in points if not (quality.content_words(p.text) & keys[cid])] for cid, points in pools.items()}
    return {cid: points for cid, points in out.items() if points}


def title_keys(topic: Topic) -> dict[str, frozenset[str]]:
    """Each cause's key words: the content words of its title that no other cause's title has."""
    words = {c.id: frozenset(w for w in quality.content_words(c.title) if quality.distinctiveness(w) >= KEY_DISTINCT)
             for c in topic.causes}
    return {cid: w - frozenset().union(*(o for oid, o in words.items() if oid != cid)) for cid, w in words.items()}


_OWNED: dict[int, tuple[Topic, dict[str, tuple[Point, ...]]]] = {}


def _owned(topic: Topic) -> dict[str, tuple[Point, ...]]:
    cached = _OWNED.get(id(topic))
    if cached and cached[0] is topic:
        return cached[1]
    owners: dict[str, set[str]] = {}
    for cause in topic.causes:
        for point in cause.walk():
            owners.setdefault(normalise(point.text), set()).add(cause.id)
    groups = {c.id: quality.Group(c.title, tuple(p.text for p in c.walk())) for c in topic.causes}
    doubtful = {(gid, groups[gid].items[i]) for gid, i in quality.rivals(groups)}
    keys = title_keys(topic)
    pools: dict[str, tuple[Point, ...]] = {}
    for cause in topic.causes:
        seen: set[str] = set()
        kept = []
        for point in cause.walk():
            key = normalise(point.text)
            if (quality.ok(end_sentence(point.text)) and len(owners[key]) == 1 and key not in seen
                    and (cause.id, point.text) not in doubtful
                    and not any(quality.content_words(point.text) & k for cid, k in keys.items() if cid != cause.id)):
                seen.add(key)
                kept.append(point)
        if kept:
            pools[cause.id] = tuple(kept)
    if len(_OWNED) > 8:
        _OWNED.clear()
    _OWNED[id(topic)] = (topic, pools)
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
