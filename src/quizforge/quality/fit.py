"""Does a sorting, matching or multiple-choice item clearly belong to its own group alone?

An item is scored against every group by the distinctive words it shares with the group's
title and the group's other items (never with itself). It is doubtful when another group
scores as high as its own (``CLOSE``), or when it shares nothing with its own group but something
with another: a student could defend putting it there.

Beside the scores: ``echoes_title`` (an item that repeats its group's title word, 'members' under
'Membership', is matched by the word, not by knowing), ``stance_clash`` (a doubting line, 'we cannot
know whether God exists', filed under an 'arguments for' group), and ``balanced`` (a sort of two
groups split 3:1 is half a guess: each group needs two items).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import re

from .words import content_words, distinctiveness, same_root, tokens


T = TypeVar("T")

OTHER_ITEMS = 0.5
MIN_RIVAL = 2.5  # about one distinctive word of another group's title, or several of its items' words
CLOSE = 1.0  # another group scoring this share of the item's own group's score is a second home for it
STEM = 6  # letters: 'members' and 'Membership' share 'member'
MIN_EACH = 2  # items each group of a two-group sort needs
HEADING_WORDS = 6  # a line with points beneath it and no longer than this heads them


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
                           and score >= CLOSE * own)
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


def subheading(text: str, children: int) -> bool:
    """A short line with points of its own beneath it ('The USA never joined.' over three lines on what that
    meant) heads those points: it restates its group, and sorted or matched it is no example of it."""
    return children > 0 and len(tokens(text)) <= HEADING_WORDS


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in content_words(text) if len(w) >= 3}


def echoes_title(text: str, title: str, others: Sequence[str] = ()) -> bool:
    """True when ``text`` uses a word of ``title`` (or one of its stem: 'members' for 'Membership', or of its
    family: 'senses' for 'Sensory') that the ``others`` titles do not share: beside the titles, the item names
    its own group."""
    own = _stems(title) - set().union(*(_stems(t) for t in others))
    if own & _stems(text):
        return True
    rival = [w for t in others for w in content_words(t)]
    family = [w for w in content_words(title) if not any(same_root(w, r) for r in rival)]
    return any(same_root(w, f) for w in content_words(text) for f in family)


SIDES = {
    "for": re.compile(r"\b(for|support|supports|supporting|advantages?|strengths?|pros?|benefits?|in favour)\b", re.I),
    "against": re.compile(r"\b(against|oppose|opposes|opposing|disadvantages?|weakness(?:es)?|cons|criticisms?|problems?)\b", re.I),
}
DOUBT = re.compile(r"\b(doubts?|doubtful|unsure|uncertain|unclear|agnostics?|agnosticism|neutral|undecided|unproven|"
                   r"unknowable|either way|no (?:proof|evidence)|lack of (?:proof|evidence)|maybe|perhaps)\b", re.I)
NOT_KNOWN = re.compile(r"\b(?:not|never|cannot|can't|can\u2019t|don't|don\u2019t|doesn't|doesn\u2019t|no one|nobody)\s+"
                       r"(?:\w+\s+)?(?:know|known|prove|proved|proven|sure|certain|tell|be proved)\b", re.I)


def side(title: str) -> str:
    """'for' or 'against' when a group's title takes a side ('Arguments for God'); '' otherwise."""
    found = [name for name, pattern in SIDES.items() if pattern.search(title)]
    return found[0] if len(found) == 1 else ""


def doubts(text: str) -> bool:
    """A line of doubt rather than an argument: 'Agnostics say we cannot know either way',
    "Can't prove there is a God, can't prove there isn't either"."""
    return bool(DOUBT.search(text) or NOT_KNOWN.search(text))


def stance_clash(text: str, title: str, others: Sequence[str]) -> bool:
    """A line of doubt under a group that argues for something, when another group argues against:
    a student could file it there, or under neither."""
    if side(title) != "for" or not any(side(t) == "against" for t in others):
        return False
    return doubts(text)


def balanced(counts: Sequence[int]) -> bool:
    """Enough items in every group for a sort to test each: two groups need ``MIN_EACH`` each (a 3:1 split
    is a guess at the odd one), more groups one each, and no group more than twice another's share plus one."""
    if len(counts) < 2 or min(counts) < 1:
        return False
    if len(counts) == 2 and min(counts) < MIN_EACH:
        return False
    return max(counts) <= 2 * min(counts) + 1


def even_split(piles: Sequence[Sequence[T]], count: int) -> list[tuple[T, int]]:
    """Up to ``count`` items taken from the piles in turn (one from each, then again), so no group dominates;
    (item, pile index) pairs, in the order taken."""
    taken: list[tuple[T, int]] = []
    depth = 0
    while len(taken) < count and any(len(p) > depth for p in piles):
        for i, pile in enumerate(piles):
            if len(pile) > depth and len(taken) < count:
                taken.append((pile[depth], i))
        depth += 1
    return taken


__all__: Sequence[str] = ("Group", "rivals", "clear_items", "fits", "echoes_title", "stance_clash", "side",
                          "balanced", "even_split", "subheading")
