"""Factors: a 6-mark extended "Explain how A and B affect <outcome>", marked in levels (sciences' style)."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Extended, Question, Section, Topic
from ._exam import profile_for, subject_skills
from ._factors import change_of, lower_start, free_factors, mechanism_source, result_sentence
from ._groups import joined, sentence
from .base import Options

DEFAULT_PROFILE = "science-6"
MAX_FACTORS = 2  # two, so a third can still be asked about on its own


def subject_of(factor) -> str:
    """'Increasing the pressure' -> 'the pressure'; without a change, the title ('iron catalyst')."""
    words = change_of(factor).split()
    if factor.change and len(words) > 1 and words[0].lower().endswith("ing"):
        return " ".join(words[1:])
    return lower_start(factor.title.strip().rstrip("."))


class ExplainFactors:
    hides_text = True  # the mechanisms are the answer: no other question may print them
    name = "explain-factors"
    title = "Extended response"
    summary = "A 6-mark 'Explain how A and B affect <outcome>' across two or three factors, marked in levels."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        factors = [f for f in free_factors(topic, options.hidden) if f.change and f.effect and f.mechanism]
        if not topic.outcome or len(factors) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: explain-factors needs 'outcome' and at least two factors with 'change', "
                "'effect' and 'mechanism'"
            )
        profile = profile_for(options, DEFAULT_PROFILE, "science")
        chosen = sorted(rng.sample(factors, min(MAX_FACTORS, len(factors))), key=topic.factors.index)
        indicative = []
        for f in chosen:
            indicative += [result_sentence(f), *(sentence(s) for s in f.mechanism)]
        body = Extended(lines=profile.lines, indicative=tuple(indicative), levels=profile.levels, rules=profile.rules,
                    skills=subject_skills(topic, "science"))
        what = joined([subject_of(f) for f in chosen])
        question = Question(
            id=f"explain-factors:{profile.name}:" + ",".join(f.id for f in chosen), strategy=self.name,
            prompt=f"Explain how {what} affect {topic.outcome.strip().rstrip('.')}.", marks=profile.marks, body=body,
            answer="Explains, for each factor, what a change does to the outcome and why, in linked steps.",
            guidance=profile.guidance,
            sources=tuple(mechanism_source(f) for f in chosen),  # hidden from the others; naming the factors is fine
        )
        return Section(self.name, self.title, "Answer in full sentences. Explain each step of your reasoning.", (question,))


STRATEGY = ExplainFactors()
