"""Exam-style "Explain why ...": two stimulus bullets from two causes, levels from a profile."""

from __future__ import annotations

import random

from ..model import Extended, Question, Section, Topic
from . import _enquiry
from ._exam import bullet_source, points_of, profile_for, stimulus, subject_skills, summary_of, usable_causes
from ._gates import in_turns
from ._text import end_sentence
from .base import Options

DEFAULT_PROFILE = "explain-12"


def exam_prompt(topic: Topic) -> str:
    """The enquiry as an 'Explain why' question: the notes' explain_stem, else one made from the question
    ('Why did the League of Nations fail?' -> 'Explain why the League of Nations failed.'), else the
    question itself."""
    stem = _enquiry.explain_stem(topic.question, topic.explain_stem)
    return stem or f"{end_sentence(topic.question.rstrip())} Explain your answer."


class ExamExplain:
    name = "exam-explain"
    title = "Explain why (exam style)"
    summary = "A 12-mark 'Explain why' with two stimulus bullets and a four-level mark scheme (tariff from a profile)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        profile = profile_for(options, DEFAULT_PROFILE, "explain")
        causes = usable_causes(topic, profile, "an exam-style 'explain why'")
        chosen = sorted(in_turns(causes, profile.stimulus, options.seed, "exam-explain", key=lambda c: c.id)
                        [:profile.stimulus], key=causes.index)
        others = [c for c in causes if c not in chosen]
        body = Extended(
            lines=profile.lines,
            indicative=tuple(p for c in chosen for p in points_of(c)),
            indicative_own=tuple(summary_of(c) for c in others),
            levels=profile.levels,
            stimulus=tuple(stimulus(c) for c in chosen),
            rules=profile.rules, skills=subject_skills(topic, "explain"),
            starters=profile.starters if options.starters else (),
        )
        question = Question(
            id=f"exam-explain:{profile.name}:" + ",".join(c.id for c in chosen), strategy=self.name,
            prompt=exam_prompt(topic), marks=profile.marks, body=body,
            answer="Explains several reasons, using the bullet points and information of the student's own.",
            guidance=profile.guidance, sources=tuple(bullet_source(c) for c in chosen),  # its bullets
        )
        return Section(self.name, self.title, "Answer in full sentences. Plan your answer before you start.", (question,))


STRATEGY = ExamExplain()
