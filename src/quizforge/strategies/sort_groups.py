"""Sort statements into groups: categories, case studies, themes, characters or factors (never reasons).

Every statement must belong to one group only: an item that uses a word of any group's title (its own
gives the answer away, another's is a trap), or says much the same as an item of another group, is left
out, and so is a group with no item that belongs to it alone.
"""

from __future__ import annotations

import random
import string

from ..errors import NotEnoughMaterial
from ..model import Cause, Match, Point, Question, Section, Topic
from ._groups import distinctive_title_stems, is_trivia, names_a_group, overlap, reads_as_item, sentence, uses_case_study
from ._text import normalise
from .base import Options

KINDS = ("category", "case", "theme", "character", "factor")  # tried in this order
MAX_GROUPS = 4
MAX_ITEMS = 8
DEFAULT_ITEMS = 6  # leaves statements for other questions on the same notes
MIN_ITEMS = 4
SAME = 0.6  # share of words above which two items say the same thing


def noun(kind: str, topic: Topic) -> str:
    if kind == "case":
        return "case study" if uses_case_study(topic) else "example"
    return {"category": "group", "theme": "theme", "character": "character", "factor": "factor"}[kind]


def plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def pools(groups: list[Cause], options: Options) -> dict[str, list[Point]]:
    """For each group, the items that could belong to it alone and that no other question prints."""
    names = distinctive_title_stems(groups)
    texts = {g.id: [p.text for p in g.walk()] for g in groups}
    out: dict[str, list[Point]] = {}
    for group in groups:
        others = [t for gid, ts in texts.items() if gid != group.id for t in ts]
        seen: set[str] = set()
        items = []
        for point in group.walk():
            key = normalise(point.text)
            if key in seen or point.id in options.hidden or point.id in options.exclude or not reads_as_item(point.text):
                continue
            if names_a_group(point.text, names) or any(overlap(point.text, t) >= SAME for t in others):
                continue
            seen.add(key)
            items.append(point)
        plain = [p for p in items if not is_trivia(p.text)]
        if plain or items:
            out[group.id] = plain or items
    return out


def choose(groups: list[Cause], found: dict[str, list[Point]], rng: random.Random, count: int) -> list[tuple[Point, int]]:
    """One item from each group first, then the rest in turn, so no group dominates."""
    groups = [g for g in groups if g.id in found]
    if len(groups) > MAX_GROUPS:
        groups = sorted(rng.sample(groups, MAX_GROUPS), key=groups.index)
    piles = []
    for g in groups:
        pile = found[g.id][:]
        rng.shuffle(pile)
        piles.append(pile)
    chosen: list[tuple[Point, int]] = []
    while len(chosen) < count and any(piles):
        for i, pile in enumerate(piles):
            if pile and len(chosen) < count:
                chosen.append((pile.pop(), i))
    return chosen, groups


class SortGroups:
    name = "sort"
    title = "Sort the statements"
    summary = "Sort statements into the groups, case studies, themes or factors they belong to; each fits exactly one."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        for kind in KINDS:
            groups = list(topic.of_kind(kind))
            if len(groups) < 2:
                continue
            found = pools(groups, options)
            if len(found) >= 2 and sum(len(v) for v in found.values()) >= MIN_ITEMS:
                return self._section(topic, kind, groups, found, rng, options)
        raise NotEnoughMaterial(
            f"{topic.source}: sort needs two or more categories, case studies, themes or factors with at least "
            f"{MIN_ITEMS} statements between them that each fit one group only, do not name a group and are not "
            "printed by another question on the paper"
        )

    def _section(self, topic, kind, groups, found, rng, options) -> Section:
        chosen, groups = choose(groups, found, rng, min(options.count or DEFAULT_ITEMS, MAX_ITEMS))
        rng.shuffle(chosen)
        what = noun(kind, topic)
        body = Match(
            causes=tuple(g.title.strip().rstrip(".") for g in groups),
            examples=tuple(sentence(p.text) for p, _ in chosen), key=tuple(i for _, i in chosen),
            example_ids=tuple(p.id for p, _ in chosen), left_label=what.capitalize(), right_label="Statement",
        )
        letters = string.ascii_uppercase
        n = len(chosen)
        verb = "describes" if kind in ("case", "character") else "belongs to"
        question = Question(
            id=f"sort:{kind}:" + ",".join(body.example_ids), strategy=self.name,
            prompt=f"Each statement, A to {letters[n - 1]}, {verb} one of the {plural(what)} "
                   f"numbered 1 {'and' if len(groups) == 2 else 'to'} {len(groups)}. Write the number in the box next to each statement. "
                   f"{'An' if what[0] in 'aeiou' else 'A'} {what} may be used more than once.",
            marks=n, body=body, answer=", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key)),
            guidance=(f"1 mark for each statement sorted into the right {what} (up to {n}).",),
            sources=body.example_ids,
        )
        instructions = f"Sort each statement into the {what} it {'describes' if verb == 'describes' else 'belongs to'}."
        return Section(self.name, self.title, instructions, (question,))


STRATEGY = SortGroups()
