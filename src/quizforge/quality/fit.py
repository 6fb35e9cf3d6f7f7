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


OTHER_ITEMS = 0.5
MIN_RIVAL = 2.5  # about one distinctive word of another group's title, or several of its items' words


@dataclass(frozen=True)
class Group:
    title: str
    items: tuple[str, ...]


def _weight(word: str, vocabs: list[frozenset[str]]) -> float:
    """A word weighs its distinctiveness divided by how many groups use it; one every group uses weighs nothing."""
    n = sum(word in v for v in vocabs)
    return 0.0 if n == 0 or n == len(vocabs) else max(distinctiveness(word), 1.0) / n


def _score(words: frozenset[str], vocab: frozenset[str], title: frozenset[str], vocabs: list[frozenset[str]],
           item_share: float = 1.0) -> float:
    """Shared title words count double: a student sorts by the titles. Another group's items count
    ``item_share`` as much as its title, so a word two groups' items share weighs less than a title."""
    return sum(_weight(w, vocabs) * (2 if w in title else item_share) for w in words & vocab)


def rivals(groups: Mapping[str, Group]) -> dict[tuple[str, int], tuple[str, ...]]:
    """(group id, item index) -> the other groups the item could also be put in; clear items are absent."""
    item_words = {gid: [content_words(t) for t in g.items] for gid, g in groups.items()}
    title_words = {gid: content_words(g.title) for gid, g in groups.items()}
    vocabs = {gid: title_words[gid].union(*item_words[gid]) for gid in groups}
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for gid in groups:
        for i, words in enumerate(item_words[gid]):
            # The item's own group, without the item: its words must not count as evidence for itself.
            own_vocab = title_words[gid].union(*(w for j, w in enumerate(item_words[gid]) if j != i))
            all_vocabs = [own_vocab if hid == gid else v for hid, v in vocabs.items()]
            own = _score(words, own_vocab, title_words[gid], all_vocabs)
            others = tuple(hid for hid in groups if hid != gid and
                           (score := _score(words, vocabs[hid], title_words[hid], all_vocabs, OTHER_ITEMS)) >= MIN_RIVAL
                           and score >= own)
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
