"""'Describe what happens during prophase.' Point-marked: 1 mark each for any N of the stage's own points."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Cause, Question, Section, ShortAnswer, Topic
from ._process import NUMBER_WORDS, numbered, printed, process_name, sentence_points, stage_phrase, stages, unit
from .base import Options

MIN_POINTS = 2
MARKS = {"support": 2, "stretch": 4}
DEFAULT_MARKS = 3
DEFAULT_COUNT = 2


def describe_question(topic: Topic, stage: Cause, points: list, marks: int, noun: str = "stage") -> Question:
    texts = [printed(p.text) for p in points]
    phrase = stage_phrase(stage, noun)
    # "during prophase" is plain; "during the 'Fetch' stage" needs to say of what
    within = "" if phrase.endswith("phase") else f" of {process_name(topic)}"
    words = NUMBER_WORDS[marks - 2] if marks >= 2 else "one"
    lead = (f"1 mark each for any {words} of the creditworthy points above (up to {marks} marks)."
            if marks < len(texts) else f"1 mark for each of the creditworthy points above (up to {marks} marks).")
    body = ShortAnswer(answer=" ".join(texts), lines=marks + 1, points=tuple(texts))
    return Question(
        id=f"stage-describe:{stage.id}", strategy="stage-describe",
        prompt=f"Describe what happens during {phrase}{within}.", marks=marks, body=body,
        answer=" ".join(texts),
        guidance=(lead, "Allow the same point in the student's own words.",
                  f"Do not credit what happens in a different {noun} of {process_name(topic)}."),
        cause_id=stage.id, sources=(f"stage:{stage.id}", *(p.id for p in points)),
    )


class StageDescribe:
    hides_text = True  # the stage's points are the answer: no other question may print them
    name = "stage-describe"
    title = "What happens at each stage"
    summary = "'Describe what happens during <stage>', marked 1 mark each for any N of the stage's points."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = topic.stages
        marks = MARKS.get(options.tier, DEFAULT_MARKS)
        if not found:
            raise NotEnoughMaterial(f"{topic.source}: 'what happens during' needs 'stages' with points")
        # a stage known only by its number ('Step 3') gives the question nothing to ask about
        # a stage another question already asks about in part ('What happens to the spindle during ...') is left:
        # its mark scheme could not credit the points that question holds
        usable = [(s, pts) for s in found if not numbered(s) and not any(p.id in options.hidden for p in s.points)
                  and len(pts := sentence_points(s, options.hidden)) >= MIN_POINTS]
        fresh = [(s, pts) for s, pts in usable if f"stage:{s.id}" not in options.exclude]
        pool = fresh or usable
        # the seed before described these: another stage where there is one (seed 2 is a second version)
        pool = [(s, pts) for s, pts in pool if f"{self.name}@stage:{s.id}" not in options.previous] or pool
        if not pool:
            raise NotEnoughMaterial(f"{topic.source}: 'what happens during' needs a stage with at least {MIN_POINTS} "
                                    "points that read as sentences on their own")
        rng.shuffle(pool)
        chosen = sorted(pool[:options.count or DEFAULT_COUNT], key=lambda sp: found.index(sp[0]))
        questions = tuple(describe_question(topic, s, pts, min(marks, len(pts)), unit(topic.stages)) for s, pts in chosen)
        title = self.title if unit(topic.stages) == "stage" else "What happens at each step"
        return Section(self.name, title, "Write your answers in full sentences.", questions)


STRATEGY = StageDescribe()
