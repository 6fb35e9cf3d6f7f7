"""Case studies: "Using the case study of X, describe the effects", marked point by point from that aspect.

The aspect's heading says what its points are (effects or impacts, causes, responses or management), so
the question asks for exactly those, and the mark scheme turns away points from the case's other headings.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Aspect, Cause, Question, Section, ShortAnswer, Topic
from . import _abbrev
from ._groups import case_reference, heading_kind, heading_phrase, in_running_text, reads_as_item, sentence, uses_case_study
from .base import Options

DEFAULT_COUNT = 1  # one "describe" per paper leaves the other aspects for other questions
MAX_MARKS = 4
MIN_POINTS = 2
PREFERRED = ("effects", "responses", "causes", "nature", "")


def creditworthy(aspect: Aspect, hidden: frozenset[str]) -> list[str]:
    return [sentence(p.text) for p in aspect.walk() if reads_as_item(p.text, 3, alone=False) and p.id not in hidden]


def prompt_for(case: Cause, aspect: Aspect, topic: Topic) -> str:
    what = heading_phrase(aspect.heading)
    kind = heading_kind(aspect.heading)
    if uses_case_study(topic):
        task = "describe what happened" if kind == "nature" else f"describe the {what}"
        return f"Using {case_reference(case, topic)}, {task}."
    name = _abbrev.written(case.title, topic) or in_running_text(case.title, topic)
    if kind == "nature":
        return f"Describe what happened in {name}."
    return f"Describe the {what} of {name}."


def question_for(case: Cause, aspect: Aspect, topic: Topic, hidden: frozenset[str]) -> Question:
    points = creditworthy(aspect, hidden)
    marks = min(len(points), MAX_MARKS)
    what = heading_phrase(aspect.heading)
    guidance = [f"1 mark for each accurate point about the {what}, up to {marks} marks." if len(points) <= marks
                else f"1 mark each for any {marks} of the points above, up to {marks} marks.",
                f"Credit other accurate points about the {what} of this example; the list shows what answers may include."]
    reject = []
    for other in case.aspects:
        if other is not aspect and other.points:
            example = sentence(other.points[0].text)
            about = ("descriptions of what happened" if heading_kind(other.heading) == "nature"
                     else f"points about the {heading_phrase(other.heading)}")
            reject.append(f"{about}, such as \u2018{example}\u2019")
    body = ShortAnswer(answer=" ".join(points), lines=2 * marks + 1, points=tuple(points), reject=tuple(reject[:2]))
    return Question(
        id=f"describe-case:{case.id}:{heading_phrase(aspect.heading).replace(' ', '-')}", strategy="describe-case",
        prompt=prompt_for(case, aspect, topic), marks=marks, body=body, answer=" ".join(points),
        guidance=tuple(guidance), cause_id=case.id, sources=tuple(p.id for p in aspect.walk()),
    )


def candidates(topic: Topic, options: Options) -> list[tuple[Cause, Aspect]]:
    found = [(c, a) for c in topic.cases for a in c.aspects if len(creditworthy(a, options.hidden)) >= MIN_POINTS]
    fresh = [(c, a) for c, a in found if not any(p.id in options.exclude for p in a.walk())]
    return fresh or found


class DescribeCase:
    hides_text = True  # the aspect's points are the answer: no other question may print them
    name = "describe-case"
    title = "Describe the case study"
    summary = "'Using the case study of X, describe the effects / causes / responses', marked from that aspect's points."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = candidates(topic, options)
        if not found:
            raise NotEnoughMaterial(
                f"{topic.source}: describe-case needs a case with an aspect (e.g. 'Effects') holding at least "
                f"{MIN_POINTS} full statements"
            )
        rng.shuffle(found)
        found.sort(key=lambda ca: PREFERRED.index(heading_kind(ca[1].heading)))  # effects first, as papers ask
        chosen: list[tuple[Cause, Aspect]] = []
        for case, aspect in found:  # different cases and, where possible, different headings
            if any(c is case for c, _ in chosen):
                continue
            if any(heading_kind(a.heading) == heading_kind(aspect.heading) for _, a in chosen) and \
                    len({heading_kind(a.heading) for _, a in found}) > len(chosen):
                continue
            chosen.append((case, aspect))
            if len(chosen) == (options.count or DEFAULT_COUNT):
                break
        chosen.sort(key=lambda ca: (topic.cases.index(ca[0])))
        questions = tuple(question_for(c, a, topic, options.hidden) for c, a in chosen)
        return Section(self.name, self.title, "Use details of the named example in your answer.", questions)


STRATEGY = DescribeCase()
