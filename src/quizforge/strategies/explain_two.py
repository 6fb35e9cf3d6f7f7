"""Explain two: "Explain two arguments for God." (4 marks), from notes that argue both sides of a question.

Marked as the exam boards mark it: for each of two reasons, 1 mark for a simple explanation and 2 for a
developed one. The mark scheme lists the notes' points for that side, explained, never headings.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Question, Section, ShortAnswer, Topic
from . import _sides
from ._gates import in_turns, reveals
from .base import Options

MARKS = 4
LINES = 10
GUIDANCE = (
    "For each of two reasons: 1 mark for a simple explanation of a relevant, accurate reason; "
    "2 marks for a developed explanation of it (why it supports this view, or an example).",
    "Two simple reasons: 2 marks. Up to 4 marks in all; do not credit more than two reasons.",
    # the notes often give one argument on two lines ('first cause' and 'somebody must have made the Big Bang
    # happen'; 'suffering' and 'evil'): blind review, "lets one argument count twice"
    "The two reasons must be different arguments: two points of the list that make the same argument (the "
    "same idea in other words, or one case of the other) count as one reason, the second developing it.",
    "Credit any other accurate, relevant reason; the points listed are not a checklist.",
)


def prompt_for(sides: _sides.Sides, pro: bool) -> str:
    """'Explain two arguments for God.'"""
    return f"Explain two {sides.title(sides.pro if pro else sides.con)}."


class ExplainTwo:
    name = "explain-two"
    title = "Explain two"
    summary = "'Explain two arguments for ...' (4 marks each) from notes that give the arguments on both sides."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        sides = _sides.find(topic)
        if sides is None:
            raise NotEnoughMaterial(
                f"{topic.source}: 'explain two' needs two branches that argue the two sides of one question "
                f"(such as 'Arguments for X' and 'Arguments against X'), each with {_sides.MIN_POINTS} points "
                "that are full sentences")
        asked = [(side is sides.pro, side) for side in (sides.pro, sides.con)
                 if not reveals(prompt_for(sides, side is sides.pro), options.secrets)]
        count = min(options.count or 2, len(asked))
        chosen = sorted(in_turns(asked, count, options.seed, "explain-two", key=lambda a: a[1].id)[:count],
                        key=asked.index)
        questions = tuple(
            Question(
                id=f"explain-two:{side.id}", strategy=self.name, prompt=prompt_for(sides, pro), marks=MARKS,
                body=ShortAnswer(answer=f"Two {sides.title(side)}, each explained.", points=sides.points(side),
                                 lines=LINES),
                answer=f"Two {sides.title(side)}, each explained.", guidance=GUIDANCE, cause_id=side.id,
                sources=tuple(p.id for p in side.walk()),  # its answers: no other question may print them
            )
            for pro, side in chosen)
        return Section(self.name, self.title, "Answer in full sentences.", questions)


STRATEGY = ExplainTwo()
