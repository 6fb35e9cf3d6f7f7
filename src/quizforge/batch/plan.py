"""Who gets which paper: seeds, version codes, and the mark schemes that cover them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..assemble import AssembleResult, assemble, series_before
from ..errors import QuizforgeError
from ..model import (
    Choice,
    Extended,
    Gap,
    Match,
    Paper,
    Presentation,
    Question,
    Sequence,
    ShortAnswer,
    Topic,
    TrueFalse,
)
from ..papers.plan import default_strategies
from ..strategies import Options
from ..subjects import profile_for
from .glyphs import isolated
from .roster import Student
from .seeds import deal_versions, seed_code, student_seeds, version_seed


@dataclass(frozen=True)
class Assignment:
    """One student's paper: who, which version code, which seed (``quizforge build --seed``)."""

    position: int  # 1-based place in the roster
    student: Student
    code: str
    seed: int

    @property
    def label(self) -> str:
        """Who this is, for messages: 'row 7 (Zoë O'Brien)' or 'copy 3'."""
        if not self.student.name:
            return f"copy {self.position}"
        return f"row {self.student.line} ({self.student.name})" if self.student.line else self.student.name

    @property
    def running(self) -> str:
        s = self.student
        parts = [p for p in (s.name, s.class_name, f"Cand. {s.candidate}" if s.candidate else "") if p]
        return " · ".join(isolated(parts))


@dataclass(frozen=True)
class SchemeGroup:
    """Papers with the same questions: one full scheme for ``lead``, a key table for each of ``others``."""

    lead: Paper
    lead_code: str
    others: tuple[tuple[str, Paper], ...]


LARGE_PRINT_SUFFIX = "-LP"  # a large-print student's code: the same questions, printed large


def make_assignments(students: tuple[Student, ...], batch_seed: int, versions: int | None) -> list[Assignment]:
    def code(student: Student, base: str) -> str:
        return base + LARGE_PRINT_SUFFIX if student.large_print else base

    if versions:
        codes = deal_versions(len(students), versions)
        return [Assignment(i + 1, s, code(s, c), version_seed(batch_seed, c))
                for i, (s, c) in enumerate(zip(students, codes))]
    seeds = student_seeds(batch_seed, students)
    return [Assignment(i + 1, s, code(s, seed_code(seed)), seed) for i, (s, seed) in enumerate(zip(students, seeds))]


def paper_maker(topic: Topic, strategies: tuple[str, ...], paper_size: str, options: dict[str, Options] | None,
                plan=None):
    """``(seed, large_print) -> Paper``, exactly as ``pipeline.make_paper`` makes it, loading the notes once.

    ``plan`` (a ``papers.PaperPlan``) carries a preset, tier and print options; without one, the default paper.
    """
    limit = None
    if plan is not None:
        chosen, options, required, limit = plan.strategies, plan.options, plan.required, plan.limit
    elif not strategies:
        chosen, defaults, limit = default_strategies(profile_for(topic.subject))
        options, required = options or defaults, False
    else:
        chosen, required = strategies, True

    made: dict[tuple[int, frozenset[str]], AssembleResult] = {}

    def assembled(seed: int, previous: frozenset[str] = frozenset()) -> AssembleResult:
        if (seed, previous) not in made:  # a class set's seeds run in order: the seed before is often made already
            made[seed, previous] = assemble(topic, seed, chosen, paper_size=paper_size, options=options,
                                            required=required, limit=limit, previous=previous)
        return made[seed, previous]

    def make(seed: int, large_print: bool = False) -> Paper:
        # Seeds make a series, as with ``quizforge build --seed``: each prefers what the seed before did not ask.
        paper = assembled(seed, series_before(assembled, seed)).paper
        if plan is None and not large_print:
            return paper
        presentation = plan.presentation if plan else Presentation()
        if large_print:
            presentation = dataclasses.replace(presentation, large_print=True)
        return dataclasses.replace(paper, presentation=presentation)
    return make


def scheme_groups(papers: dict[str, Paper]) -> list[SchemeGroup]:
    """Group distinct papers (by code, in first-seen order) that share the same set of questions."""
    groups: dict[frozenset, list[tuple[str, Paper]]] = {}
    for code, paper in papers.items():
        groups.setdefault(frozenset(q.id for q in paper.questions), []).append((code, paper))
    return [SchemeGroup(members[0][1], members[0][0], tuple(members[1:])) for members in groups.values()]


# One line of the compact answer key per body type; a new body type must be added here.
KEY_TEXT = {
    Gap: lambda q: q.answer,
    Match: lambda q: q.answer,
    Choice: lambda q: q.answer,
    TrueFalse: lambda q: q.answer,
    ShortAnswer: lambda q: q.answer,
    Sequence: lambda q: q.answer,
    Extended: lambda q: "levels of response: see the scheme",
}


def key_text(question: Question) -> str:
    try:
        return KEY_TEXT[type(question.body)](question)
    except KeyError:
        raise QuizforgeError(f"question {question.id}: no answer-key line for a {type(question.body).__name__} "
                             "question; add one to quizforge.batch.plan.KEY_TEXT") from None


def answer_key(code: str, paper: Paper, lead: Paper) -> dict:
    """Rows mapping this version's question numbers to the lead scheme's, with the answer."""
    lead_numbers = {q.id: q.number for q in lead.questions}
    rows = [{"number": q.number, "scheme_number": lead_numbers[q.id], "answer": key_text(q)} for q in paper.questions]
    return {"code": code, "rows": rows}


def written(q: Question) -> bool:
    """Marked by a person from guidance: levels of response, or creditworthy points ("any three of ...")."""
    return isinstance(q.body, Extended) or (isinstance(q.body, ShortAnswer) and bool(q.body.points))


def written_guidance(papers: list[Paper]) -> list[tuple[str, Question]]:
    """Every distinct written question (levels or points) across the papers, labelled W1, W2, ..."""
    seen: dict[str, Question] = {}
    for paper in papers:
        for q in paper.questions:
            if written(q) and q.id not in seen:
                seen[q.id] = q
    return [(f"W{i}", q) for i, q in enumerate(seen.values(), 1)]


def compact_key(code: str, who: str, paper: Paper, labels: dict[str, str]) -> dict:
    """One paper's answers on a few lines: the teacher marks written answers from the shared guidance."""
    rows = []
    for q in paper.questions:
        if written(q):
            answer, accept = f"Written answer: mark with guidance {labels[q.id]}", ""
        else:
            answer = key_text(q)
            accept = ", ".join(q.body.accept) if isinstance(q.body, (Gap, ShortAnswer)) else ""
        rows.append({"number": q.number, "answer": answer, "accept": accept, "marks": q.marks})
    return {"code": code, "who": who, "rows": rows, "total": paper.total_marks}
