"""Evaluate this statement: one side's case judged against the other's, marked in levels from a profile.

"'The arguments for God are stronger than the arguments against God.' Evaluate this statement." with
the three things a full answer does, as Religious Studies papers print them.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Extended, Question, Section, Topic
from . import _sides
from ._exam import profile_for, subject_skills
from .base import Options

DEFAULT_PROFILE = "evaluate-12"
SHOULD = (
    "In your answer you should:",
    "\u2022 give reasoned arguments to support this statement",
    "\u2022 give reasoned arguments to support a different point of view",
    "\u2022 reach a justified conclusion.",
)
COMPARED = {"arguments": "stronger than", "reasons": "stronger than", "evidence": "stronger than",
            "views": "more convincing than"}


def statement_for(sides: _sides.Sides) -> str:
    """'The arguments for God are stronger than the arguments against God.'; 'The advantages of X outweigh
    the disadvantages of X.'"""
    pro, con = sides.title(sides.pro), sides.title(sides.con)
    verb = "is" if sides.pro_noun == "evidence" else "are"
    if sides.pro_noun in COMPARED:
        return f"The {pro} {verb} {COMPARED[sides.pro_noun]} the {con}."
    return f"The {pro} outweigh the {con}."


class Evaluate:
    name = "evaluate"
    title = "Evaluate"
    summary = "'Evaluate this statement' (12 marks, levels) on notes that give the arguments on both sides."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        profile = profile_for(options, DEFAULT_PROFILE, "judgement")
        sides = _sides.find(topic)
        if sides is None:
            raise NotEnoughMaterial(
                f"{topic.source}: 'evaluate' needs two branches that argue the two sides of one question "
                f"(such as 'Arguments for X' and 'Arguments against X'), each with {_sides.MIN_POINTS} points "
                "that are full sentences")
        body = Extended(
            lines=profile.lines, indicative=sides.points(sides.pro), indicative_against=sides.points(sides.con),
            levels=profile.levels, spag=profile.spag, rules=profile.rules, skills=subject_skills(topic, "judgement"),
            starters=profile.starters if options.starters else (),
        )
        prompt = "\n".join((f"\u2018{statement_for(sides)}\u2019", "Evaluate this statement.", *SHOULD))
        question = Question(
            id=f"evaluate:{profile.name}:{sides.pro.id},{sides.con.id}", strategy=self.name, prompt=prompt,
            marks=profile.marks + profile.spag_marks, body=body,
            answer="A justified conclusion, reached by weighing reasoned arguments for the statement against "
                   "reasoned arguments for a different view.",
            guidance=profile.guidance,
            sources=tuple(p.id for side in (sides.pro, sides.con) for p in side.walk()),  # its answers
        )
        return Section(self.name, self.title, "Answer in full sentences. Plan your answer before you start.", (question,))


STRATEGY = Evaluate()
