"""'In mitosis, which stage comes straight after metaphase?' Multiple choice among the other stages."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Question, Section, Topic
from ._pools import make_choice
from ._process import of_process, process_name, stage_phrase, stages, unit
from ._text import upper_first
from .base import Options

DEFAULT_COUNT = 2
LETTERS = "ABCDEFGH"


class StageNext:
    name = "stage-next"
    title = "What comes next?"
    summary = "Multiple choice: which stage of the process comes straight after a given one."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = stages(topic, 4, "'what comes next'")  # the given stage, the answer and at least two others
        size = max(3, min(options.choices, len(found) - 1))
        noun = unit(found)
        within = f"In {process_name(topic)}, " if of_process(topic, noun) else ""
        asked = list(range(len(found) - 1))  # the last stage has nothing after it
        fresh = [i for i in asked if f"stage:{found[i + 1].id}" not in options.exclude]
        pool = fresh if len(fresh) >= (options.count or DEFAULT_COUNT) else asked
        rng.shuffle(pool)
        questions = []
        for i in sorted(pool[:options.count or DEFAULT_COUNT]):
            stage, after = found[i], found[i + 1]
            others = [s.title for j, s in enumerate(found) if j not in (i, i + 1)]
            body = make_choice(after.title, rng.sample(others, size - 1), rng,
                               upper_first(f"{stage_phrase(after, noun)} comes straight after {stage_phrase(stage, noun)}."))
            questions.append(Question(
                id=f"stage-next:{stage.id}", strategy=self.name,
                prompt=upper_first(f"{within}which {noun} comes straight after {stage_phrase(stage, noun)}?"), marks=1, body=body,
                answer=f"{LETTERS[body.correct]} {after.title}", guidance=("1 mark for the correct letter only.",),
                cause_id=after.id, sources=(f"stage:{stage.id}", f"stage:{after.id}"),
            ))
        if not questions:
            raise NotEnoughMaterial(f"{topic.source}: 'what comes next' needs at least four stages")
        return Section(self.name, self.title, "For each question, circle the letter of the one correct answer.",
                       tuple(questions))


STRATEGY = StageNext()
