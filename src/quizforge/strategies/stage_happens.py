"""'What happens to the spindle fibres during anaphase?': a question about one thing in one stage, whose
answer is every point of that stage about it (1 mark each), so it has one right answer.

The thing is the subject a stage's point opens with ('Spindle fibres contract ...'). A point that says
something is made ('A cell plate is formed', 'Fibres start forming'), that says how something stays ('... are
intact') or that leans on the heading ('in this stage') asks nothing.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict

from ..errors import NotEnoughMaterial
from ..model import Cause, Point, Question, Section, ShortAnswer, Topic
from ..quality.words import DETERMINERS, pos
from ._groups import stems
from ._process import describes_no_change, numbered, printed, process_name, stage_phrase, unit
from ._text import normalise, points_rule, stands_alone
from .base import Options

MAX_SUBJECT = 4
MAX_MARKS = 3
DEFAULT_COUNT = 3
MIN_COUNT = 2  # questions the section keeps, asking again what the seed before asked if it must
LEADING = frozenset("the a an".split())
# The thing comes into being in this point ('A cell plate is formed', 'Fibres start forming ... to make a
# spindle'): it does not exist before, so 'what happens to the fibres' names it before it is there, and
# often not by the name it ends up with (the spindle). 'reforms', 'reappears' are about a thing that was there.
MADE = re.compile(r"^(?:(?:is|are)\s+(?:being\s+)?(?:formed|made|produced|created|built)|"
                  r"(?:starts?|begins?)\s+(?:to\s+)?(?:form|forming|appear|appearing|develop|developing)|"
                  r"forms?|appears?|develops?|emerges?)\b", re.I)
BACK_REFERENCE = re.compile(r"\bthis (stage|step|phase)\b", re.IGNORECASE)
NOT_SUBJECTS = frozenset("it they this these that those there here cell each both all some".split())


def split_subject(text: str) -> tuple[str, str] | None:
    """('spindle fibres', 'contract and drag ...') for 'Spindle fibres contract and drag ...', or None."""
    words = text.split()
    if not words or (words[0].lower() in DETERMINERS and words[0].lower() not in LEADING):
        return None  # 'Any results of ...', 'Each cell ...': not one thing to ask about
    start = 1 if words[0].lower() in LEADING else 0
    for i in range(start + 1, min(len(words), start + MAX_SUBJECT + 1)):
        if not re.fullmatch(r"[A-Za-z-]+", words[i - 1]):
            return None  # a bracket, a comma or a number inside what would be the subject
        word = re.sub(r"[^\w'-]", "", words[i]).lower()
        before = words[i - 1].lower()
        kinds = pos(word)
        verb = "AUX" in kinds or ("VERB" in kinds and not kinds & {"NOUN", "ADJ"}) or (
            "VERB" in kinds and not word.endswith("ss") and (before.endswith("s") and not before.endswith("ss")) != word.endswith("s"))
        if verb:
            return " ".join(words[start:i]), " ".join(words[i:])
    return None


def by_subject(stage: Cause, avoid: frozenset[str]) -> dict[str, list[Point]]:
    """The stage's points, grouped by the thing each is about; points that ask nothing left out."""
    out: dict[str, list[Point]] = defaultdict(list)
    for point in stage.points:
        text = " ".join(point.text.split())
        if (point.points or point.id in avoid or not stands_alone(text) or BACK_REFERENCE.search(text)
                or describes_no_change(text)):
            continue
        found = split_subject(text)
        if found is None:
            continue
        subject, rest = found
        if MADE.match(rest) or normalise(subject) in NOT_SUBJECTS or subject.split()[0].isdigit():
            continue
        out[normalise(subject)].append(point)
    # a thing another point of the stage mentions too ('... between the centrioles') has more answers than these;
    # a line saying it stays as it is ('... are intact') is no answer to what happens to it
    for key in list(out):
        mine = {p.id for p in out[key]}
        others = [p for p in stage.points if p.id not in mine and not describes_no_change(p.text)]
        if any(stems(key) & stems(p.text) for p in others):
            del out[key]
    return out


def subject_phrase(point: Point) -> str:
    subject, _ = split_subject(" ".join(point.text.split()))
    subject = subject if subject[1:2].isupper() else subject[0].lower() + subject[1:]
    return subject if subject.lower().startswith(("the ", "a ", "an ")) else f"the {subject}"


def question_for(topic: Topic, stage: Cause, points: list[Point], noun: str, tier: str) -> Question:
    texts = tuple(printed(p.text) for p in points)
    cap = 2 if tier == "support" else MAX_MARKS
    marks = min(len(texts), cap)
    thing = subject_phrase(points[0])
    phrase = stage_phrase(stage, noun)
    within = "" if phrase.endswith("phase") else f" of {process_name(topic)}"
    prompt = (f"Describe what happens to {thing} during {phrase}{within}." if marks >= 2
              else f"What happens to {thing} during {phrase}{within}?")
    lead = points_rule(marks, len(texts))
    return Question(
        id=f"stage-happens:{stage.id}:{points[0].id}", strategy="stage-happens", prompt=prompt, marks=marks,
        body=ShortAnswer(answer=" ".join(texts), lines=marks + 1, points=texts), answer=" ".join(texts),
        guidance=(lead, "Allow the same point in the student's own words.",
                  f"Do not credit what happens to it in a different {noun}."),
        cause_id=stage.id, sources=tuple(p.id for p in points),
    )


class StageHappens:
    hides_text = True  # the points are the answers: no other question may print them
    name = "stage-happens"
    title = "What happens to each part"
    summary = "'What happens to <thing> during <stage>?', marked against that stage's points about it."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        noun = unit(topic.stages)
        if noun != "stage":  # steps titled by what is done ('Copy the address to the MAR') name no stage to ask about
            raise NotEnoughMaterial(f"{topic.source}: stage-happens needs stages with names (Prophase, Anaphase), "
                                    "not steps described by what is done")
        per_stage = {stage.id: list(by_subject(stage, options.hidden).values()) for stage in topic.stages if not numbered(stage)}
        per_stage = {sid: groups for sid, groups in per_stage.items() if groups}
        if not per_stage:
            raise NotEnoughMaterial(
                f"{topic.source}: stage-happens needs named stages with points that open with what they are about "
                "('Spindle fibres contract ...'), about a thing no other point of the stage mentions")
        # one question per stage, so the paper covers the process; another seed asks about another thing
        chosen, stale = [], []
        for stage in topic.stages:
            groups = per_stage.get(stage.id)
            if groups:
                fresh = [g for g in groups if not any(p.id in options.exclude for p in g)] or groups
                unasked = [g for g in fresh if not any(p.id in options.previous for p in g)]
                if unasked:
                    chosen.append((stage, unasked[(options.seed - 1) % len(unasked)]))
                else:
                    stale.append((stage, fresh[(options.seed - 1) % len(fresh)]))
        # A stage whose every thing the seed before asked about gives way, where the section is still a section
        # without it: the next seed can describe that stage whole. The smallest stages are kept first (a stage
        # of many points makes the better 'describe' question).
        stale.sort(key=lambda sp: len(sp[0].points))
        chosen += stale[:max(0, MIN_COUNT - len(chosen))]
        if len(chosen) > (options.count or DEFAULT_COUNT):
            chosen = rng.sample(chosen, options.count or DEFAULT_COUNT)
        chosen.sort(key=lambda sp: topic.stages.index(sp[0]))
        questions = tuple(question_for(topic, s, pts, noun, options.tier) for s, pts in chosen)
        return Section(self.name, self.title, "Answer in full sentences.", questions)


STRATEGY = StageHappens()
