"""'Which stage is described here?' A point of one stage, the stages as options.

The stem names the process only for steps (``_process.of_process``).

The description never names its stage, nor a word of the stage's title or a form of it ("copied" for
"Copy the address"), and it belongs to that stage only.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Question, Section, Topic
from ._gates import few_repeats, fresh_first
from ._pools import make_choice
from ._process import names_stage, of_process, printed, sentence_points, stage_phrase, stages, unit
from ._text import normalise
from .base import Options

DEFAULT_COUNT = 3
LETTERS = "ABCDEFGH"


def descriptions(topic: Topic, found: tuple, avoid: frozenset[str]) -> list[tuple[int, object]]:
    """(stage index, point) for every point that describes one stage without naming any of them."""
    owners: dict[str, set[int]] = {}
    for i, stage in enumerate(topic.stages):
        for point in stage.walk():
            owners.setdefault(normalise(point.text), set()).add(i)
    out = []
    for i, stage in enumerate(found):
        for point in sentence_points(stage, avoid):
            if len(owners[normalise(point.text)]) == 1 and not any(names_stage(point.text, s) for s in topic.stages):
                out.append((i, point))
    return out


class StageName:
    name = "stage-name"
    title = "Name the stage"
    summary = "Multiple choice: which stage of the process a description from the notes belongs to."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = stages(topic, 3, "naming the stage")
        every = descriptions(topic, found, options.hidden)
        fresh = [(i, p) for i, p in every if p.id not in options.exclude]
        want = options.count or DEFAULT_COUNT
        pool = fresh if len(fresh) >= want else every
        if not pool:
            raise NotEnoughMaterial(f"{topic.source}: naming the stage needs points that describe a stage without "
                                    "naming it (or any word of a stage's title)")
        rng.shuffle(pool)
        pool = fresh_first(pool, options.previous, lambda ip: ip[1].id, self.name)  # seed 2 describes other points first
        chosen, used = [], set()
        for i, point in pool:  # one question per stage, so no two questions share an answer
            if i not in used:
                chosen.append((i, point))
                used.add(i)
            if len(chosen) == want:
                break
        chosen = few_repeats(chosen, options.previous, lambda ip: ip[1].id, self.name)
        size = max(3, min(options.choices, len(found)))
        noun = unit(found)
        questions = []
        for i, point in sorted(chosen, key=lambda c: c[0]):
            stage = found[i]
            others = [s.title for j, s in enumerate(found) if j != i]
            body = make_choice(stage.title, rng.sample(others, size - 1), rng, f"This happens during {stage_phrase(stage, noun)}.")
            questions.append(Question(
                id=f"stage-name:{point.id}", strategy=self.name,
                prompt=f"Which {noun}{of_process(topic, noun)} is described here?\n\u201c{printed(point.text)}\u201d", marks=1,
                body=body, answer=f"{LETTERS[body.correct]} {stage.title}",
                guidance=("1 mark for the correct letter only.",), cause_id=stage.id, sources=(point.id,),
            ))
        rng.shuffle(questions)
        return Section(self.name, self.title, "For each question, circle the letter of the one correct answer.",
                       tuple(questions))


STRATEGY = StageName()
