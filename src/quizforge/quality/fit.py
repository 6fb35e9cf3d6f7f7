"""Does a sorting, matching or multiple-choice item clearly belong to its own group alone?

An item is scored against every group by the distinctive words it shares with the group's
title and the group's other items (never with itself). It is doubtful when another group
scores as high as its own, or when it shares nothing with its own group but something with
another: a student could defend putting it there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .words import content_words, distinctiveness


@dataclass(frozen=True)
class Group:
    title: str
    items: tuple[str, ...]


def _weights(vocabs: Mapping[str, frozenset[str]]) -> dict[str, float]:
    """A word weighs its distinctiveness divided by how many groups use it: 'party' in every group counts little."""
    counts: dict[str, int] = {}
    for vocab in vocabs.values():
        for word in vocab:
            counts[word] = counts.get(word, 0) + 1
    return {w: max(distinctiveness(w), 1.0) / n for w, n in counts.items()}


def _score(words: frozenset[str], vocab: frozenset[str], title: frozenset[str], weight: dict[str, float]) -> float:
    return sum(weight.get(w, 1.0) * (2 if w in title else 1) for w in words & vocab)


def rivals(groups: Mapping[str, Group]) -> dict[tuple[str, int], tuple[str, ...]]:
    """(group id, item index) -> the other groups the item could also be put in; clear items are absent."""
    item_words = {gid: [content_words(t) for t in g.items] for gid, g in groups.items()}
    title_words = {gid: content_words(g.title) for gid, g in groups.items()}
    vocabs = {gid: title_words[gid].union(*item_words[gid]) for gid in groups}
    weight = _weights(vocabs)
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for gid, group in groups.items():
        for i, words in enumerate(item_words[gid]):
            own_vocab = title_words[gid].union(*(w for j, w in enumerate(item_words[gid]) if j != i))
            own = _score(words, own_vocab, title_words[gid], weight)
            others = tuple(hid for hid in groups if hid != gid and
                           (score := _score(words, vocabs[hid], title_words[hid], weight)) > 0 and score >= own)
            if others:
                found[(gid, i)] = others
    return found


def clear_items(groups: Mapping[str, Group]) -> dict[str, list[int]]:
    """For each group, the indices of its items that belong to it alone (groups with none are left out)."""
    doubtful = rivals(groups)
    out: dict[str, list[int]] = {}
    for gid, group in groups.items():
        keep = [i for i in range(len(group.items)) if (gid, i) not in doubtful]
        if keep:
            out[gid] = keep
    return out


def fits(text: str, groups: Mapping[str, Group], own: str) -> tuple[str, ...]:
    """The groups other than ``own`` that ``text`` could also be put in."""
    trial = dict(groups)
    base = trial[own]
    trial[own] = Group(base.title, (*[t for t in base.items if t != text], text))
    return rivals(trial).get((own, len(trial[own].items) - 1), ())


__all__: Sequence[str] = ("Group", "rivals", "clear_items", "fits")
