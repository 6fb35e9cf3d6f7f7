"""'Sort these factors into those that affect A and those that affect B': factors grouped by ``affects``.

A factor listed under two outcomes (speed affects thinking and braking distance) fits both, so it is left out.
"""

from __future__ import annotations

import random
import string
from collections import defaultdict

from ..errors import NotEnoughMaterial
from ..quality.fit import balanced, echoes_title, even_split
from ..model import Match, Question, Section, Topic
from ._factors import factor_source
from ._groups import joined
from ._text import normalise, upper_first
from .base import Options

MIN_ITEMS = 4
MAX_ITEMS = 8
MAX_GROUPS = 4
LETTERS = string.ascii_uppercase


def groups_of(topic: Topic, options: Options) -> dict[str, list]:
    """Outcome -> the factors that affect it alone (one of each name), in the notes' order."""
    outcomes: dict[str, set[str]] = defaultdict(set)
    for f in topic.factors:
        if f.affects:
            outcomes[normalise(f.title)].add(normalise(f.affects))
    out: dict[str, list] = {}
    for f in topic.factors:
        key = normalise(f.title)
        if not f.affects or len(outcomes[key]) != 1 or factor_source(f) in options.hidden:
            continue
        pile = out.setdefault(f.affects.strip().rstrip("."), [])
        if key not in {normalise(g.title) for g in pile}:
            pile.append(f)
    return out


class SortFactors:
    # The sort prints every factor's name: drawn first, so no question asks for the names it prints.
    hides_text = True
    name = "sort-factors"
    title = "Sort the factors"
    summary = "Sort factors into the outcomes they affect (factors grouped by 'affects'); each fits one only."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = groups_of(topic, options)
        if len(found) > MAX_GROUPS:
            found = dict(sorted(rng.sample(sorted(found.items()), MAX_GROUPS)))
        if len(found) < 2 or sum(len(v) for v in found.values()) < MIN_ITEMS:
            raise NotEnoughMaterial(
                f"{topic.source}: sort-factors needs factors with 'affects' naming two or more outcomes, and at least "
                f"{MIN_ITEMS} factors between them that affect one outcome only")
        # a factor that repeats its own outcome's word ('Quality of brakes' under 'Braking distance') sorts itself
        found = {name: [f for f in fs if not echoes_title(f.title, name, [n for n in found if n != name])]
                 for name, fs in found.items()}
        found = {name: fs for name, fs in found.items() if fs}
        names = list(found)
        piles = [rng.sample(found[n], len(found[n])) for n in names]
        piles = [p[:2 * min(map(len, piles)) + 1] for p in piles] if piles else piles
        items = even_split(piles, MAX_ITEMS)
        if len(names) < 2 or len(items) < MIN_ITEMS or not balanced([sum(1 for _, i in items if i == j)
                                                                      for j in range(len(names))]):
            raise NotEnoughMaterial(
                f"{topic.source}: sort-factors needs at least {MIN_ITEMS} factors that affect one outcome only, "
                "two or more for each of two outcomes, none repeating its outcome's own word")
        rng.shuffle(items)
        body = Match(causes=tuple(upper_first(n) for n in names), examples=tuple(upper_first(f.title.strip().rstrip(".")) for f, _ in items),
                     key=tuple(i for _, i in items), example_ids=tuple(f.id for f, _ in items),
                     left_label="Outcome", right_label="Change")  # read as short phrases by the quality check
        n = len(items)
        prompt = (f"Sort these factors into {joined([f'those that affect {n}' for n in names])}. "
                  f"Write the number of what each factor affects, 1 {'or' if len(names) == 2 else 'to'} {len(names)}, "
                  "in the box next to it.")
        question = Question(
            id="sort-factors:" + ",".join(body.example_ids), strategy=self.name, prompt=prompt, marks=n, body=body,
            answer=", ".join(f"{LETTERS[j]} {g + 1}" for j, g in enumerate(body.key)),
            guidance=(f"1 mark for each factor sorted correctly (up to {n}).",),
            sources=tuple(factor_source(f) for f, _ in items),
        )
        return Section(self.name, self.title, "Sort each factor into what it affects.", (question,))


STRATEGY = SortFactors()
