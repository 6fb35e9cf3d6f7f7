"""Material that several strategies draw on: examples owned by one cause, choices, slugs."""

from __future__ import annotations

import random
import re

from ..model import Cause, Choice, Point, Topic
from .. import quality
from ..quality.fit import echoes_title, stance_clash, subheading
from ._text import end_sentence, normalise


KEY_DISTINCT = 2.0  # 'other', 'more' are too common to give an answer away or mislead


def examples_by_cause(topic: Topic, *, title_free: bool = False) -> dict[str, list[Point]]:
    """Every point (at any depth) that passes the quality check and belongs to exactly one cause.

    A point repeated under two causes belongs to neither, and so does one whose words fit
    another cause as well as its own (``quality.rivals``), so a question built from it can
    never have two right answers; so does one that shares a key word with another cause's
    title, which would point a student there, and a line of doubt under an 'arguments for' cause
    (``quality.fit.stance_clash``). With ``title_free``, a point that shares a key word with its own
    cause's title (or a word of its stem: 'members' under 'Membership') is left out too: printed beside
    the titles, it would match itself; and so is a short point with points of its own beneath it: a sub-heading
    ('The USA never joined.' under 'Membership') restates its cause rather than being an example.
    """
    pools = _owned(topic)
    if not title_free:
        return {cid: list(points) for cid, points in pools.items()}
    keys = title_keys(topic)
    titles = {c.id: c.title for c in topic.causes}
    others = {cid: [t for oid, t in titles.items() if oid != cid] for cid in titles}
    out = {cid: [p for p in points if not (quality.content_words(p.text) & keys[cid]) and not subheading(p.text, len(p.points))
                 and not echoes_title(p.text, titles[cid], others[cid])]
           for cid, points in pools.items()}
    return {cid: points for cid, points in out.items() if points}


def elaborations(cause: Cause) -> frozenset[str]:
    """The ids of the lines under a developed point (a full line, not a sub-heading, with lines of its own):
    they say more about that point, and stand for the cause only through it."""
    return frozenset(c.id for p in cause.walk() if p.points and not subheading(p.text, len(p.points))
                     for c in p.points)


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
                    and not stance_clash(point.text, cause.title, [c.title for c in topic.causes if c is not cause])
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
