"""Factors: match each change to its effect.

Where every factor has an effect of its own, each change is matched to one effect (one to one). Where
several factors share an effect ("increases the braking distance"), the changes are sorted under the
effects instead, leaving out a factor whose notes say it has another group's effect too.
"""

from __future__ import annotations

import random
import string

from ..errors import NotEnoughMaterial
from ..model import Cause, Match, Question, Section, Topic
from ._factors import DOWN, UP, change_of, effect_item, effect_source, factor_source, free_factors, polarity
from ..quality.fit import balanced
from ._groups import content_words, distinctive_title_stems, names_a_group, printable
from ._text import normalise
from .base import Options

MIN_PAIRS = 3
LETTERS = string.ascii_uppercase
MAX_PAIRS = 6


def generic(effect: str, outcome: str) -> bool:
    """'improves the performance of the CPU': says only that the outcome goes up or down."""
    words = content_words(effect) - UP - DOWN - {"makes", "make", "effect"}
    return bool(outcome) and words <= content_words(outcome)


def clashes(a: Cause, b: Cause, outcome: str) -> bool:
    """Two effects a student could swap: the same words, one's words all inside the other's, or an effect
    that says only "the outcome goes up" beside another that makes the outcome go up in its own words."""
    wa, wb = content_words(a.effect), content_words(b.effect)
    if normalise(a.effect) == normalise(b.effect) or wa <= wb or wb <= wa:
        return True
    for one, two, words in ((a, b, wb), (b, a, wa)):
        if generic(one.effect, outcome) and polarity(one.effect) == polarity(two.effect) \
                and words & content_words(outcome):
            return True
    return False


def elsewhere(factor: Cause, topic: Topic) -> bool:
    """A factor the notes list again under another outcome ('How fast you're going' under thinking distance and
    under braking distance): matched to one effect, the other is as right."""
    key = normalise(factor.title)
    return any(normalise(f.title) == key and (f.affects or f.effect) != (factor.affects or factor.effect)
               for f in topic.factors if f is not factor)


def candidates(topic: Topic, options: Options) -> list[Cause]:
    """Factors with an effect that names no factor ("less grip increases ..." names its own)."""
    factors = [f for f in free_factors(topic, options.hidden) if f.effect and effect_source(f) not in options.hidden]
    factors = [f for f in factors if not elsewhere(f, topic)]
    names = distinctive_title_stems(factors)
    return [f for f in factors if not names_a_group(f.effect, names)
            and printable(effect_item(f)) and printable(change_of(f), "option")]


def one_to_one(factors: list[Cause], outcome: str) -> list[Cause]:
    """Factors whose effect fits only their own change."""
    chosen: list[Cause] = []
    for factor in factors:
        if not any(clashes(factor, other, outcome) for other in chosen):
            chosen.append(factor)
    return chosen


def by_effect(factors: list[Cause], outcome: str) -> dict[str, list[Cause]]:
    """Factors grouped under the effect they share; groups whose effects could be confused are not kept,
    nor a factor whose change or notes use another group's distinctive words."""
    groups: dict[str, list[Cause]] = {}
    for factor in factors:
        groups.setdefault(normalise(factor.effect), []).append(factor)
    kept: dict[str, list[Cause]] = {}
    for key, members in groups.items():
        if not any(clashes(members[0], other[0], outcome) for other in kept.values()):
            kept[key] = members
    words = {k: content_words(k) for k in kept}
    own = {k: w - set().union(*(v for j, v in words.items() if j != k)) for k, w in words.items()}
    out = {}
    for key, members in kept.items():
        others = set().union(*(w for j, w in own.items() if j != key))
        clean = [f for f in members
                 if not others & content_words(" ".join([change_of(f), *(p.text for p in f.walk())]))]
        if clean:
            out[key] = clean
    return out


def item_noun(factors: list[Cause]) -> str:
    """'change' where every factor is given as one ('Increasing the pressure'), else 'factor': 'Quality of
    brakes' is no change, and 'Match each change ...' over it reads wrong (blind review)."""
    return "change" if all(f.change.strip() for f in factors) else "factor"


class MatchFactors:
    name = "match-factors"
    title = "Match the factor to its effect"
    summary = "Match each change to its effect on the outcome (or sort the changes under shared effects); one answer each."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        factors = candidates(topic, options)
        pairs = one_to_one(factors, topic.outcome)
        if len(pairs) >= MIN_PAIRS:
            question = self._pairs(pairs, topic, rng)
        else:
            grouped = by_effect(factors, topic.outcome)
            # as every sort: two effects need two factors each (2:1 is a guess once one is known)
            if len(grouped) < 2 or sum(len(v) for v in grouped.values()) < MIN_PAIRS \
                    or not balanced([len(v) for v in grouped.values()]):
                raise NotEnoughMaterial(
                    f"{topic.source}: match-factors needs at least {MIN_PAIRS} factors whose 'effect' differs from "
                    "the others' (or two shared effects with three factors between them), not naming a factor"
                )
            question = self._sorted(grouped, rng)
        noun = "factor" if "Factor" in (question.body.left_label, question.body.right_label) else "change"
        return Section(self.name, self.title, f"Match each {noun} to what it does.", (question,))

    def _pairs(self, factors: list[Cause], topic: Topic, rng: random.Random) -> Question:
        if len(factors) > MAX_PAIRS:
            factors = sorted(rng.sample(factors, MAX_PAIRS), key=topic.factors.index)
        order = list(range(len(factors)))
        while order == sorted(order):  # never print the effects in the same order as the changes
            rng.shuffle(order)
        noun = item_noun(factors)
        body = Match(
            causes=tuple(change_of(f) for f in factors),
            examples=tuple(effect_item(factors[i]) for i in order),
            key=tuple(order), example_ids=tuple(factors[i].id for i in order),
            left_label=noun.capitalize(), right_label="Effect",
        )
        n = len(factors)
        return Question(
            id="match-factors:" + ",".join(body.example_ids), strategy=self.name,
            prompt=f"Each effect, A to {LETTERS[n - 1]}, is caused by one of the {noun}s numbered 1 to {n}. "
                   f"Write the number of the {noun} in the box next to each effect. Each {noun} is used once.",
            marks=n - 1, body=body, answer=", ".join(f"{LETTERS[j]} {k + 1}" for j, k in enumerate(body.key)),
            guidance=(f"1 mark for each effect matched to the right {noun}, up to {n - 1} marks: "
                      f"all {n} correct scores {n - 1}.",),
            sources=tuple(s for f in factors for s in (factor_source(f), effect_source(f))),
        )

    def _sorted(self, grouped: dict[str, list[Cause]], rng: random.Random) -> Question:
        effects = list(grouped.values())
        items = [(f, i) for i, members in enumerate(effects) for f in members][:MAX_PAIRS + 2]
        rng.shuffle(items)
        noun = item_noun([f for f, _ in items])
        body = Match(
            causes=tuple(effect_item(members[0]) for members in effects),
            examples=tuple(change_of(f) for f, _ in items), key=tuple(i for _, i in items),
            example_ids=tuple(f.id for f, _ in items), left_label="Effect", right_label=noun.capitalize(),
        )
        n, k = len(items), len(effects)
        return Question(
            id="match-factors:sorted:" + ",".join(body.example_ids), strategy=self.name,
            prompt=f"Each {noun}, A to {LETTERS[n - 1]}, has one of the effects numbered 1 {'and' if k == 2 else 'to'} {k}. "
                   f"Write the number of its effect in the box next to each {noun}. An effect may be used more than once.",
            marks=n, body=body, answer=", ".join(f"{LETTERS[j]} {e + 1}" for j, e in enumerate(body.key)),
            guidance=(f"1 mark for each {noun} matched to its effect (up to {n}).",),
            sources=tuple(s for f, _ in items for s in (factor_source(f), effect_source(f))),
        )


STRATEGY = MatchFactors()
