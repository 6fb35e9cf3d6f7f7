"""Explain why: a prompt built from one cause, marked by levels with indicative content."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Cause, Extended, Level, Question, Section, Topic
from .. import quality
from . import _enquiry, _exam, _reasons
from ._gates import in_turns, printable, reveals
from ._marking import credit_count, credited_headings, marking_points
from ._text import end_sentence
from .base import Options

DEFAULT_COUNT = 2
MARKS = 6
LINES_PER_MARK = 2
STARTERS = ("One reason was ...", "This led to ... because ...", "For example, ...", "This shows that ...")


def prompt_for(topic: Topic, cause: Cause, variant: int = 0) -> str:
    """'Explain why Stalin used the Purges to cover up problems in the economy.'

    The opening comes from the notes' explain_stem, else from their enquiry question ('Why did the
    League of Nations fail?' -> 'Explain why the League of Nations failed.'). A title that completes it
    ('To cover up ...') is appended; any other points the answer at its branch, a bare category named
    with whose it is and two of the things under it ('In your answer, write about its organisation,
    such as the veto and the council.'), so a heading is never quoted as if it
    were a reason. ``variant`` picks which two (another seed, another pair where the notes have one).
    """
    if cause.explain:
        return end_sentence(cause.explain)
    title = cause.title.strip().rstrip(" .")
    stem = _enquiry.explain_stem(topic.question, topic.explain_stem)
    owner = _enquiry.subject(topic.question)
    before = stem or topic.question
    focus = _reasons.focus(title, owner, such_as(cause, variant), bool(owner) and owner in before)
    if stem is None:
        return f"{end_sentence(topic.question.strip())} {focus}"
    if _reasons.kind(title) == "aim":
        return end_sentence(f"{stem.rstrip('.')} {_reasons.phrase(title)}")
    return f"{stem} {focus}"


def such_as(cause: Cause, variant: int) -> tuple[str, ...]:
    """Two of the things under a bare category heading, the pair turning with ``variant``; () otherwise."""
    if not _reasons.is_category(cause.title):
        return ()
    credited = credited_headings(cause)  # 'such as Germany' with no Germany point to mark: never
    found = _reasons.examples([p.text for p in cause.points if p.points and p.text.strip() in credited])
    pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1:]]
    return pairs[variant % len(pairs)] if pairs else ()


def has_focus(topic: Topic, cause: Cause) -> bool:
    """A real focus: a reason worded as one (not a heading such as 'Causes') and something to explain."""
    if cause.explain:
        return True
    if not (topic.explain_stem or topic.question.strip()):
        return False
    return printable(cause.title, "option") and bool(quality.content_words(cause.title))


def levels_for(marks: int) -> tuple[Level, ...]:
    """Three bands splitting the marks as evenly as possible, top band widest last."""
    base, extra = divmod(marks, 3)
    widths = [base + (1 if i < extra else 0) for i in range(3)]
    words = (
        "Simple or general statements: names the reason or gives an example, but does not explain how it led to the outcome.",
        "Some explanation: at least one accurate, relevant example, with some link to the question.",
        "Developed explanation: two or more accurate examples, each clearly explained and linked back to the question.",
    )
    levels, low = [], 1
    for i, (width, descriptor) in enumerate(zip(widths, words)):
        levels.append(Level(f"Level {i + 1}", low, low + width - 1, descriptor))
        low += width
    return tuple(levels)


def creditworthy(cause: Cause) -> tuple[str, ...]:
    """The cause's points a mark scheme can list: explained points, never headings or scraps (``_marking``)."""
    return marking_points(cause)


def marks_for(points: int) -> int:
    """The tariff fits the material: 6 marks needs three lines of the notes to credit, 4 marks two."""
    return MARKS if points >= 3 else 4


def explain_question(topic: Topic, cause: Cause, marks: int, starters: bool = False, variant: int = 0) -> Question:
    indicative = creditworthy(cause)
    marks = min(marks, marks_for(credit_count(cause)))
    body = Extended(lines=marks * LINES_PER_MARK, indicative=indicative, levels=levels_for(marks), cause_id=cause.id,
                    starters=STARTERS if starters else ())
    return Question(
        id=f"explain:{cause.id}",
        strategy="explain",
        prompt=prompt_for(topic, cause, variant),
        marks=marks,
        body=body,
        answer=f"Explains: {cause.title}.",
        guidance=(
            *_exam.subject_skills(topic, "explain"),
            "Decide the level first, then the mark within it: the top of the level if the answer fully "
            "meets the description, lower if it only just does.",
            "Credit any other accurate, relevant point; the indicative content is not a checklist.",
            "0 marks for an answer with nothing worthy of credit.",
        ),
        cause_id=cause.id,
    )


class ExplainWhy:
    name = "explain"
    title = "Explain why"
    summary = "'Explain why ...' prompts built from the causes, with ruled answer space and a levels mark scheme."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        count = options.count or DEFAULT_COUNT
        causes = [c for c in topic.causes if credit_count(c) >= 2 and has_focus(topic, c)
                  and not reveals(prompt_for(topic, c, options.seed), options.secrets)]
        if not causes:
            raise NotEnoughMaterial(
                f"{topic.source}: 'explain why' needs a cause whose title names a reason, at least two points "
                "that are full sentences to mark against, and an explain_stem or a question in the notes")
        chosen = in_turns(causes, count, options.seed, "explain", key=lambda c: c.id)[:count]
        questions = tuple(explain_question(topic, c, MARKS, options.starters, options.seed) for c in chosen)
        instructions = "Write your answer in full sentences. Use specific examples to support your explanation."
        return Section(self.name, self.title, instructions, questions)


STRATEGY = ExplainWhy()
