"""Factors: "Explain how increasing X affects Y", marked point by point (the result, then each step of why)."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Cause, Question, Section, ShortAnswer, Topic
from ._factors import asked_change, change_of, effect_source, effect_clause, factor_source, free_factors, lower_start, mechanism_source, opposite, result_sentence
from ._groups import sentence
from .base import Options

DEFAULT_COUNT = 2
MAX_MARKS = 4  # a short explanation; longer chains are credited as "any four of"


def explainable(topic: Topic, options: Options) -> list[Cause]:
    """Factors with a change, an effect and at least one step of mechanism, not named as another answer."""
    found = [f for f in free_factors(topic, options.hidden) if f.change and f.effect and f.mechanism
             and mechanism_source(f) not in options.hidden]
    fresh = [f for f in found if factor_source(f) not in options.exclude]
    return fresh or found


def prompt_for(factor: Cause, topic: Topic) -> tuple[str, bool]:
    """The question, and whether the result itself is credited (it is not when the prompt states it)."""
    change = asked_change(factor)
    if topic.outcome:
        return f"Explain how {change} affects {topic.outcome.strip().rstrip('.')}.", True
    return f"{result_sentence(factor)[:-1]}. Explain why.", False


def question_for(factor: Cause, topic: Topic, tier: str, printed: frozenset[str] = frozenset()) -> Question:
    prompt, result_counts = prompt_for(factor, topic)
    given = effect_source(factor) in printed  # a matching question on the paper prints the effect
    result_counts = result_counts and not given
    steps = [sentence(s) for s in factor.mechanism]
    points = ([result_sentence(factor)] if result_counts else []) + steps
    cap = 3 if tier == "support" else MAX_MARKS
    marks = max(2, min(len(points), cap)) if len(points) >= 2 else 1
    guidance = [f"1 mark for each of the points above, up to {marks} marks."
                if marks >= len(points) else f"1 mark each for any {marks} of the points above."]
    if result_counts and steps:
        guidance.append("An answer that only states the effect, with no explanation of why, gains 1 mark.")
    if given:
        guidance.append("The effect itself is printed in another question on this paper: credit only the explanation.")
    guidance.append("Allow the same explanation made for the opposite change, if it is correct.")
    reject = []
    flipped = opposite(effect_clause(factor))
    if flipped:
        reject.append(f"{change_of(factor)} {flipped} (the wrong direction)")
    body = ShortAnswer(answer=" ".join(points), lines=2 * marks + 1, points=tuple(points), reject=tuple(reject))
    return Question(
        id=f"explain-factor:{factor.id}", strategy="explain-factor", prompt=prompt, marks=marks, body=body,
        answer=" ".join(points), guidance=tuple(guidance), cause_id=factor.id, sources=(factor_source(factor),),
    )


class ExplainFactor:
    name = "explain-factor"
    title = "Explain the effect"
    summary = "'Explain how increasing X affects Y' from a factor's change, effect and mechanism; point-based marks."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        # An explanation worth a single mark (one step, the effect printed elsewhere) is no question.
        factors = [f for f in explainable(topic, options)
                   if len(question_for(f, topic, options.tier, options.exclude).body.points) >= 2]
        if not factors:
            raise NotEnoughMaterial(
                f"{topic.source}: explain-factor needs a factor with 'change', 'effect' and 'mechanism' giving two or "
                "more points to credit (the effect counts only when no other question prints it), and not already "
                "the answer to another question on this paper ('name-factors', 'explain-factors')"
            )
        count = min(options.count or DEFAULT_COUNT, len(factors))
        chosen = sorted(rng.sample(factors, count), key=topic.factors.index)
        questions = tuple(question_for(f, topic, options.tier, options.exclude) for f in chosen)
        return Section(self.name, self.title, "Explain each answer fully: say what happens, and why.", questions)


STRATEGY = ExplainFactor()
