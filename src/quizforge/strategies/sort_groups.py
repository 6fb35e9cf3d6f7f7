"""Sort statements into groups: categories, case studies, themes or characters (never reasons or factors).

Every statement must belong to one group only: an item that uses a word of any group's title (its own
gives the answer away, another's is a trap), says much the same as an item of another group, fits another
group's words about as well as its own (``quality.rivals``), is a sub-heading with examples beneath it,
or doubts under an 'arguments for' group, is left out, and so is a group with no item that belongs to it
alone. Two groups need two items each, and no group more than twice another's share plus one.
"""

from __future__ import annotations

import random
import string

from .. import quality
from ..errors import NotEnoughMaterial
from ..quality.fit import MIN_EACH, stance_clash, subheading
from ..quality.form import long_ones
from ..model import Cause, Match, Point, Question, Section, Topic
from ._groups import (distinctive_title_stems, is_trivia, names_a_group, printable, reads_as_item, says_the_same, sentence, unnamed,
                      uses_case_study, without_names)
from ._text import normalise
from .base import Options

# Tried in this order. Not factors: which factor's card a detail sat on is not worth knowing.
KINDS = ("category", "case", "theme", "character")
MASKED = ("case", "character")  # named things: a statement about one may be printed with the name hidden
LETTERS = string.ascii_uppercase
WORDS = {2: "two", 3: "three", 4: "four"}
MAX_GROUPS = 4
MAX_ITEMS = 8
DEFAULT_ITEMS = 6  # leaves statements for other questions on the same notes
MIN_ITEMS = 4


def noun(kind: str, topic: Topic) -> str:
    """What the groups are called in the question; '' where no one word fits (memory stores, ...)."""
    if kind == "case":
        return "case study" if uses_case_study(topic) else ""
    return {"category": "group", "theme": "theme", "character": "character"}[kind]


def plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def pools(groups: list[Cause], options: Options, trivia_ok: bool,
          mask: bool = True) -> dict[str, list[tuple[Point, str]]]:
    """For each group, (item, text to print) for the items that could belong to it alone, that no other
    question prints, and that name no group (an item naming only its own group is printed with it hidden)."""
    names = distinctive_title_stems(groups)
    titles = tuple(g.title for g in groups)
    texts = {g.id: [unnamed(p.text, titles) for p in g.walk()] for g in groups}
    # an item whose words fit another group about as well as its own could be sorted there too
    fit = {g.id: quality.Group(g.title, tuple(texts[g.id])) for g in groups}
    doubtful = {(gid, fit[gid].items[i]) for gid, i in quality.rivals(fit)}
    out: dict[str, list[tuple[Point, str]]] = {}
    for group in groups:
        others = [t for gid, ts in texts.items() if gid != group.id for t in ts]
        other_titles = [t for t in titles if t != group.title]
        seen: set[str] = set()
        items = []
        for point in group.walk():
            key = normalise(point.text)
            if key in seen or point.id in options.hidden or point.id in options.exclude:
                continue
            if subheading(point.text, len(point.points)) or (group.id, unnamed(point.text, titles)) in doubtful \
                    or stance_clash(point.text, group.title, other_titles):
                continue  # a sub-heading, not an example; a second home; a doubt filed under 'for'
            text = without_names(point.text, group.title, names, titles) if mask else \
                ("" if names_a_group(point.text, names, titles) else point.text)
            if not text or not reads_as_item(text) or not printable(sentence(text)) or any(says_the_same(unnamed(point.text, titles), t) for t in others):
                continue
            seen.add(key)
            items.append((point, text))
        plain = [(p, t) for p, t in items if trivia_ok or not is_trivia(t)]
        if plain:
            out[group.id] = plain
    return out


def choose(groups: list[Cause], found: dict[str, list[tuple[Point, str]]], rng: random.Random,
           count: int, used: frozenset[str] = frozenset()) -> tuple[list[tuple[tuple[Point, str], int]], list[Cause]]:
    """One item from each group first, then the rest in turn, so no group dominates; items the seed
    before sorted (``used``) only when a group has no others."""
    groups = [g for g in groups if g.id in found]
    every = [item for g in groups for item in found[g.id]]
    long = {every[i][0].id for i in long_ones([text for _, text in every])}  # one long item stands out
    if all(any(p.id not in long for p, _ in found[g.id]) for g in groups):
        found = {g.id: [item for item in found[g.id] if item[0].id not in long] for g in groups}
    if len(groups) > MAX_GROUPS:
        groups = sorted(rng.sample(groups, MAX_GROUPS), key=groups.index)
    piles = []
    for g in groups:
        pile = found[g.id][:]
        rng.shuffle(pile)
        pile.sort(key=lambda item: item[0].id not in used)  # popped from the end: the fresh ones first
        piles.append(pile)
    most = 2 * min(len(p) for p in piles) + 1  # no group more than twice another's share, plus one
    piles = [p[len(p) - most:] if len(p) > most else p for p in piles]
    chosen: list[tuple[tuple[Point, str], int]] = []
    while len(chosen) < count and any(piles):
        for i, pile in enumerate(piles):
            if pile and len(chosen) < count:
                chosen.append((pile.pop(), i))
    return chosen, groups


class SortGroups:
    name = "sort"
    title = "Sort the statements"
    summary = "Sort statements into the groups, case studies or themes they belong to; each fits exactly one."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        for kind in KINDS:
            groups = list(topic.of_kind(kind))
            if len(groups) < 2:
                continue
            found = pools(groups, options, trivia_ok=not uses_case_study(topic), mask=kind in MASKED)
            if len(found) == 2 and min(len(v) for v in found.values()) < MIN_EACH:
                continue  # two groups, one with a single item: that item is sorted by elimination
            if len(found) >= 2 and sum(len(v) for v in found.values()) >= MIN_ITEMS:
                return self._section(topic, kind, groups, found, rng, options)
        raise NotEnoughMaterial(
            f"{topic.source}: sort needs two or more categories, case studies or themes with at least "
            f"{MIN_ITEMS} statements between them that each fit one group only, do not name a group and are not "
            "printed by another question on the paper"
        )

    def _section(self, topic, kind, groups, found, rng, options) -> Section:
        chosen, groups = choose(groups, found, rng, min(options.count or DEFAULT_ITEMS, MAX_ITEMS), options.previous)
        rng.shuffle(chosen)
        what = noun(kind, topic)
        body = Match(
            causes=tuple(g.title.strip().rstrip(".") for g in groups),
            examples=tuple(sentence(text) for (_, text), _ in chosen), key=tuple(i for _, i in chosen),
            example_ids=tuple(p.id for (p, _), _ in chosen), left_label=(what or "answer").capitalize(),
            right_label="Statement",
        )
        n, k = len(chosen), len(groups)
        verb = "describes" if kind in ("case", "character") else "belongs to"
        numbered = f"numbered 1 {'and' if k == 2 else 'to'} {k}"
        if what:
            ask = (f"Each statement, A to {LETTERS[n - 1]}, {verb} one of the {plural(what)} {numbered}. "
                   f"Write the number in the box next to each statement. "
                   f"{'An' if what[0] in 'aeiou' else 'A'} {what} may be used more than once.")
        else:
            ask = (f"Each statement, A to {LETTERS[n - 1]}, {verb} one of the {WORDS.get(k, k)} {numbered}. "
                   "Write the number in the box next to each statement. A number may be used more than once.")
        question = Question(
            id=f"sort:{kind}:" + ",".join(body.example_ids), strategy=self.name, prompt=ask,
            marks=n, body=body, answer=", ".join(f"{LETTERS[j]} {g + 1}" for j, g in enumerate(body.key)),
            guidance=(f"1 mark for each statement sorted into the right {what or 'one'} (up to {n}).",),
            sources=body.example_ids,
        )
        instructions = f"Sort each statement into the {what or 'one'} it {verb}."
        return Section(self.name, self.title, instructions, (question,))


STRATEGY = SortGroups()
