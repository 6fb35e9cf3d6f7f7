"""Compare two cases under the same heading.

Geography: an extended "assess" / "evaluate" / "compare" question on two named case studies, marked in
levels from a profile (9 marks with SPaG for assess and evaluate, 6 for compare). Other subjects: a
point-marked comparison, heading by heading ("Compare short-term and long-term memory in terms of ...").
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Aspect, Cause, Extended, Question, Section, ShortAnswer, Topic
from . import _abbrev
from ._exam import profile_for, subject_skills
from ._marking import lower_start
from ._groups import (heading_kind, heading_phrase, in_running_text, joined, reads_as_item, sentence,
                      shared_headings, uses_case_study)
from ._gates import shown_elsewhere
from .base import Options

ASSESS_PROFILE = "geography-assess-9"
COMPARE_PROFILE = "geography-compare-6"
MAX_HEADINGS = 2
SHORT_VALUE = 4  # words: a value this short ('Attention') printed by another question is that question's word


SUMMARY_HEADINGS = ("description", "overview", "summary", "notes", "other", "key facts")


def is_summary(heading: str) -> bool:
    return heading.strip().lower() in SUMMARY_HEADINGS


def levelled(topic: Topic) -> bool:
    return topic.subject.strip().lower() == "geography"


def pairs(topic: Topic, options: Options) -> list[tuple[Cause, Cause, list[tuple[Aspect, Aspect]]]]:
    """Every two cases with headings in common whose points no other question blanks, and whose short values
    no other question prints: 'Transfer: Attention' is given away by a matching list that pairs 'Attention'
    with 'Focus needed to move sensory information into short-term memory'."""
    out = []
    cases = topic.cases

    def open_(aspect: Aspect) -> bool:
        return bool(aspect.points) and not any(
            p.id in options.hidden or (len(p.text.split()) <= SHORT_VALUE and shown_elsewhere(p.text.strip(" ."), options))
            for p in aspect.walk())
    for i, first in enumerate(cases):
        for second in cases[i + 1:]:
            shared = [(a, b) for a, b in shared_headings(first, second) if open_(a) and open_(b)]
            if shared:
                out.append((first, second, shared))
    return out


def names(first: Cause, second: Cause, topic: Topic) -> str:
    """'Montserrat and the Icelandic eruption, 2010'; 'sensory memory and short-term memory (STM)' for
    titles the notes abbreviate or leave as a bare adjective ('Sensory', 'STM')."""
    written = _abbrev.pair(first.title, second.title, topic)
    if written:
        pair = f"{written[0]} and {written[1]}"
    else:
        pair = f"{in_running_text(first.title, topic)} and {in_running_text(second.title, topic)}"
    return f"the case studies of {pair}" if uses_case_study(topic) else pair


# A 9-mark judgement needs this many points under the heading in each case: with fewer, the notes give
# too little to weigh, and the question is a 6-mark comparison instead.
ASSESS_POINTS = 3


def judged(a: Aspect, b: Aspect) -> bool:
    """Whether the notes give enough on this heading in both cases for a 9-mark judgement."""
    rich = min(len(list(a.walk())), len(list(b.walk()))) >= ASSESS_POINTS
    return rich and heading_kind(a.heading) in ("effects", "responses")


def exam_prompt(first: Cause, second: Cause, a: Aspect, b: Aspect, topic: Topic) -> tuple[str, str]:
    """The question and the profile it is marked by, from what the heading's points are. The wording asks
    for what the levels reward: both cases weighed against each other, and a judgement."""
    heading = a.heading
    what, kind = heading_phrase(heading), heading_kind(heading)
    using = f"Using {names(first, second, topic)}"
    rich = judged(a, b)
    if kind == "effects" and rich:
        return f"{using}, assess which had the more serious {what}.", ASSESS_PROFILE
    if kind == "responses" and rich:
        verb = "were" if what.endswith("s") else "was"
        return f"{using}, evaluate whether the {what} {verb} more effective in one than in the other.", ASSESS_PROFILE
    task = "what happened" if kind == "nature" else f"the {what}"
    return f"Compare {task} in {names(first, second, topic)}.", COMPARE_PROFILE


def labelled(case: Cause, aspect: Aspect) -> tuple[str, ...]:
    return tuple(f"{case.title}: {sentence(p.text)}" for p in aspect.walk())


def extended(first, second, aspects, topic, options, rng) -> Question:
    a, b = max(aspects, key=lambda ab: (judged(*ab), heading_kind(ab[0].heading) in ("effects", "responses"),
                                        len(ab[0].points) + len(ab[1].points)))
    prompt, default = exam_prompt(first, second, a, b, topic)
    profile = profile_for(options, default, "assess")
    evidence = []  # judging effectiveness needs the effects too; comparing what was done does not
    if heading_kind(a.heading) == "responses" and default == ASSESS_PROFILE:
        for case in (first, second):
            evidence += [f"{case.title} ({heading_phrase(x.heading)}): {sentence(p.text)}"
                         for x in case.aspects if heading_kind(x.heading) == "effects" for p in x.walk()]
    body = Extended(lines=profile.lines, indicative=labelled(first, a) + labelled(second, b) + tuple(evidence),
                    levels=profile.levels, spag=profile.spag, rules=profile.rules,
                    skills=subject_skills(topic, "assess" if default == ASSESS_PROFILE else "compare"))
    return Question(
        id=f"compare-cases:{profile.name}:{first.id},{second.id}:{heading_phrase(a.heading)}", strategy="compare-cases",
        prompt=prompt, marks=profile.marks + profile.spag_marks, body=body,
        answer=f"Uses detail from both case studies on the {heading_phrase(a.heading)} and reaches a supported judgement.",
        guidance=profile.guidance, sources=tuple(p.id for p in (*a.walk(), *b.walk())),
    )


def label(case: Cause, other: Cause, topic: Topic) -> str:
    """The case as a mark-scheme label: its title, or 'Sensory memory' for a bare adjective the question
    wrote out."""
    written = _abbrev.pair(case.title, other.title, topic)
    if written and _abbrev.lone_adjective(case.title):
        return written[0][0].upper() + written[0][1:]
    return case.title.strip().rstrip(".")


def credit(case: Cause, aspect: Aspect, name: str = "") -> str:
    """One creditworthy point: the aspect's sentences as they are, or 'Case – heading: value' for table cells."""
    texts = [p.text for p in aspect.walk()]
    if all(reads_as_item(t, 3) for t in texts):
        return " ".join(sentence(t) for t in texts)
    values = joined([lower_start(t.rstrip(".")) for t in texts])
    return f"{name or case.title} \u2013 {heading_phrase(aspect.heading)}: {values}."


def point_marked(first, second, aspects, topic, rng) -> Question:
    chosen = sorted(rng.sample(aspects, min(MAX_HEADINGS, len(aspects))), key=aspects.index)
    headings = [heading_phrase(a.heading) for a, _ in chosen]
    points, reject = [], []
    one, two = label(first, second, topic), label(second, first, topic)
    for a, b in chosen:
        points += [credit(first, a, one), credit(second, b, two)]
        if not reads_as_item(b.points[0].text, 3):  # a bare value could be given for the wrong one
            swapped = lower_start(b.points[0].text.rstrip("."))
            reject.append(f"{one} \u2013 {heading_phrase(a.heading)}: {swapped} (the two swapped)")
    marks = len(points)
    prompt = f"Compare {names(first, second, topic)} in terms of {joined(headings)}."
    body = ShortAnswer(answer=" ".join(points), lines=2 * marks + 1, points=tuple(points), reject=tuple(reject))
    return Question(
        id=f"compare-cases:{first.id},{second.id}:" + ",".join(headings), strategy="compare-cases", prompt=prompt,
        marks=marks, body=body, answer=" ".join(points),
        guidance=(f"1 mark for each of the points above, up to {marks} marks.",
                  f"An answer that describes the two separately, with no comparison (such as 'whereas'), gains at most {marks - 1} marks."),
        sources=tuple(p.id for a, b in chosen for p in (*a.walk(), *b.walk())),
    )


class CompareCases:
    hides_text = True  # both cases' points under the heading are the answer
    name = "compare-cases"
    title = "Compare"
    summary = "Compare two cases under a shared heading: levels for Geography (assess/evaluate 9, compare 6), else points."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = pairs(topic, options)
        if not found:
            raise NotEnoughMaterial(
                f"{topic.source}: compare-cases needs two cases with an aspect under the same heading in both "
                "(e.g. 'Effects')"
            )
        if levelled(topic):
            rich = [(a, b, [ab for ab in s if len(ab[0].points) >= 2 and len(ab[1].points) >= 2]) for a, b, s in found]
            found = [(a, b, s) for a, b, s in rich if s]
            if not found:
                raise NotEnoughMaterial(f"{topic.source}: compare-cases needs two case studies with at least two "
                                        "points each under the same heading")
        if not levelled(topic):  # "in terms of description" is no comparison: compare what the cases have
            found = [(a, b, [ab for ab in s if not is_summary(ab[0].heading)]) for a, b, s in found]
            found = [f for f in found if f[2]] or found
            wide = [f for f in found if len(f[2]) >= MAX_HEADINGS]
            first, second, aspects = rng.choice(wide or found)
        else:
            # the pairs the notes can support a judgement on first, then those with most headings in common
            best = max((any(judged(*ab) for ab in s), len(s)) for _, _, s in found)
            first, second, aspects = rng.choice([f for f in found if (any(judged(*ab) for ab in f[2]), len(f[2])) == best])
        if levelled(topic):
            question = extended(first, second, aspects, topic, options, rng)
            instructions = "Use detail from both named examples. Plan your answer before you start."
        else:
            question = point_marked(first, second, aspects, topic, rng)
            instructions = "Say how the two differ or are alike for each point."
        return Section(self.name, self.title, instructions, (question,))


STRATEGY = CompareCases()
