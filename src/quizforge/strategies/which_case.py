"""Case studies: "Which case study does this describe?" as multiple choice, with the cases as the options.

Only facts distinctive to one case are asked: a statement that names a case, says much the same as a
statement of another case, or is a bare figure (a head count, a sum of money) is left out. A short value
under a heading ("Capacity: 7 plus or minus 2 items") is asked with its heading, when no other case has
the same value there.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Cause, Point, Question, Section, Topic
from ._groups import (distinctive_title_stems, has_verb, heading_phrase, in_running_text, is_trivia, names_a_group, overlap,
                      reads_as_item, sentence, uses_case_study)
from ._pools import make_choice
from ._text import normalise
from .base import Options
from .multiple_choice import letter

DEFAULT_COUNT = 4
MIN_CASES = 3
SAME = 0.6


def statement(text: str) -> bool:
    """A sentence that can be printed on its own; 'It ...' is allowed, as 'it' is the case being asked for."""
    return reads_as_item(text) or (text.lower().startswith(("it ", "its ")) and reads_as_item(text, alone=False))


def shown(point: Point, heading: str) -> str:
    """The statement as printed: a full sentence on its own, a short value with its heading."""
    if statement(point.text):
        return sentence(point.text)
    return f"{heading.strip().rstrip(':')}: {point.text.strip().rstrip('.')}"


def candidates(topic: Topic, options: Options) -> list[tuple[Cause, Point, str]]:
    cases = list(topic.cases)
    names = distinctive_title_stems(cases)
    rows = [(c, p, a.heading) for c in cases for a in c.aspects for p in a.walk()]
    rows += [(c, p, "") for c in cases for p in c.points for p in p.walk()]
    out = []
    for case, point, heading in rows:
        if point.id in options.hidden or point.id in options.exclude or names_a_group(point.text, names):
            continue
        if statement(point.text):
            if is_trivia(point.text):
                continue
            rivals = [p for c, p, _ in rows if c is not case]
            if any(overlap(point.text, p.text) >= SAME for p in rivals):
                continue
        elif heading and len(point.text.split()) <= 6 and not has_verb(point.text):
            same = [p for c, p, h in rows if c is not case and normalise(h) == normalise(heading)
                    and normalise(p.text) == normalise(point.text)]
            if same or len(point.text) > 80:
                continue
        else:
            continue
        out.append((case, point, heading))
    return out


def question_for(case: Cause, point: Point, heading: str, topic: Topic, rng: random.Random, n: int) -> Question:
    others = [c for c in topic.cases if c is not case]
    wrong = rng.sample(others, min(n - 1, len(others)))
    options = [in_running_text(c.title, topic) for c in [case, *wrong]]
    options = [o[0].upper() + o[1:] for o in options]
    right = options[0]
    body = make_choice(right, options[1:], rng, f"{shown(point, heading)} ({case.title})")
    ask = "Which case study does this describe?" if uses_case_study(topic) else "Which of these is described here?"
    return Question(
        id=f"which-case:{point.id}", strategy="which-case", prompt=f"{ask}\n\u201c{shown(point, heading)}\u201d",
        marks=1, body=body, answer=f"{letter(body.correct)} {right}", guidance=("1 mark for the correct letter only.",),
        cause_id=case.id, sources=(point.id,),
    )


class WhichCase:
    name = "which-case"
    title = "Which case study?"
    summary = "'Which case study does this describe?' multiple choice, from facts distinctive to one case (needs 3 cases)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = candidates(topic, options) if len(topic.cases) >= MIN_CASES else []
        if len(found) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: which-case needs at least {MIN_CASES} cases and two facts that belong to one case "
                "only (not a bare figure, not naming the case, and not printed by another question on the paper)"
            )
        rng.shuffle(found)
        chosen, per_case = [], {}
        found.sort(key=lambda row: row[2] != "")  # shuffled, but statements before values under a heading
        headings: set[str] = set()
        for row in found:  # spread the questions over the cases, one per heading for short values
            if not statement(row[1].text) and normalise(row[2]) in headings:
                continue
            if per_case.get(row[0].id, 0) <= min(per_case.get(c.id, 0) for c in topic.cases):
                if not statement(row[1].text):
                    headings.add(normalise(row[2]))
                chosen.append(row)
                per_case[row[0].id] = per_case.get(row[0].id, 0) + 1
            if len(chosen) == (options.count or DEFAULT_COUNT):
                break
        questions = tuple(question_for(c, p, h, topic, rng, options.choices) for c, p, h in chosen)
        title = self.title if uses_case_study(topic) else "Which one?"
        return Section(self.name, title, "For each question, circle the letter of the one correct answer.", questions)


STRATEGY = WhichCase()
