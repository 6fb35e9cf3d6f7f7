"""Factors: match each change to its effect; effects that could fit two changes are left out."""

from __future__ import annotations

import random
import string

from ..errors import NotEnoughMaterial
from ..model import Cause, Match, Question, Section, Topic
from ._factors import DOWN, UP, change_of, polarity, effect_clause, effect_source, factor_source, free_factors
from ._groups import content_words, distinctive_title_stems, names_a_group, sentence, stems
from ._text import normalise
from .base import Options

MIN_PAIRS = 3
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


def matchable(topic: Topic, options: Options) -> list[Cause]:
    """Factors whose effect fits only their own change and does not name any factor."""
    factors = [f for f in free_factors(topic, options.hidden) if f.effect and effect_source(f) not in options.hidden]
    names = distinctive_title_stems(factors)
    changes = {f.id: stems(change_of(f)) - stems(change_of(f).split()[0]) for f in factors}  # not 'increasing'
    chosen: list[Cause] = []
    for factor in factors:
        if names_a_group(factor.effect, names) or any(stems(factor.effect) & c for c in changes.values()):
            continue  # "less grip increases the braking distance" names its own factor
        if any(clashes(factor, other, topic.outcome) for other in chosen):
            continue
        chosen.append(factor)
    return chosen


class MatchFactors:
    name = "match-factors"
    title = "Match the factor to its effect"
    summary = "Match each change (or factor) to its effect on the outcome; every effect fits exactly one."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        factors = matchable(topic, options)
        if len(factors) < MIN_PAIRS:
            raise NotEnoughMaterial(
                f"{topic.source}: match-factors needs at least {MIN_PAIRS} factors whose 'effect' differs from "
                "the others' and does not name a factor"
            )
        if len(factors) > MAX_PAIRS:
            factors = sorted(rng.sample(factors, MAX_PAIRS), key=topic.factors.index)
        order = list(range(len(factors)))
        while order == sorted(order):  # never print the effects in the same order as the changes
            rng.shuffle(order)
        body = Match(
            causes=tuple(change_of(f) for f in factors),
            examples=tuple(sentence(effect_clause(factors[i])) for i in order),
            key=tuple(order), example_ids=tuple(factors[i].id for i in order),
            left_label="Change", right_label="Effect",
        )
        letters = string.ascii_uppercase
        n = len(factors)
        question = Question(
            id="match-factors:" + ",".join(body.example_ids), strategy=self.name,
            prompt=f"Each effect, A to {letters[n - 1]}, is caused by one of the changes numbered 1 to {n}. "
                   "Write the number of the change in the box next to each effect. Each change is used once.",
            marks=n - 1, body=body,
            answer=", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key)),
            guidance=(f"1 mark for each effect matched to the right change, up to {n - 1} marks: "
                      f"all {n} correct scores {n - 1}.",),
            sources=tuple(s for f in factors for s in (factor_source(f), effect_source(f))),
        )
        return Section(self.name, self.title, "Match each change to what it does.", (question,))


STRATEGY = MatchFactors()
