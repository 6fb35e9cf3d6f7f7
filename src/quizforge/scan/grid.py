"""Answer grids: which boxes a question prints, what a row's right answer is, how rows score.

A closed question is one whose body is a Choice, TrueFalse, Match or Sequence, whatever strategy
made it. Any other question is open: the teacher marks it, in a row of mark boxes (0..marks).
Adding a closed body type is one function here plus one ``GRIDS`` entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Choice, Match, Question, Sequence, TrueFalse
from ..render.env import letter


@dataclass(frozen=True)
class Grid:
    """The boxes of one question: ``rows`` of ``labels`` boxes; ``key[r]`` is row r's right box."""

    kind: str  # choice | truefalse | match | sequence | marks (teacher's marks, open questions)
    row_labels: tuple[str, ...]  # printed left of each row ("" for a single row)
    labels: tuple[str, ...]  # printed in the boxes of every row
    key: tuple[int, ...]  # right box per row; empty for "marks"
    marks: int

    @property
    def closed(self) -> bool:
        return self.kind != "marks"


def _choice(q: Question) -> Grid:
    return Grid("choice", ("",), tuple(letter(i) for i in range(len(q.body.options))), (q.body.correct,), q.marks)


def _truefalse(q: Question) -> Grid:
    return Grid("truefalse", ("",), ("T", "F"), (0 if q.body.true else 1,), q.marks)


def _match(q: Question) -> Grid:
    rows = tuple(letter(i) for i in range(len(q.body.examples)))
    return Grid("match", rows, tuple(str(i + 1) for i in range(len(q.body.causes))), tuple(q.body.key), q.marks)


def _sequence(q: Question) -> Grid:
    """Row i is item i; its right box is the item's place in the order (box 0 = 1st)."""
    order = q.body.order
    place = tuple(order.index(i) for i in range(len(order)))
    rows = tuple(letter(i) for i in range(len(order)))
    return Grid("sequence", rows, tuple(str(i + 1) for i in range(len(order))), place, q.marks)


GRIDS: dict[type, Callable[[Question], Grid]] = {Choice: _choice, TrueFalse: _truefalse, Match: _match,
                                                 Sequence: _sequence}


def grid_for(q: Question) -> Grid:
    """The question's answer grid, or for an open question the teacher's mark boxes 0..marks."""
    make = GRIDS.get(type(q.body))
    if make is not None:
        return make(q)
    return Grid("marks", ("",), tuple(str(i) for i in range(q.marks + 1)), (), q.marks)


def score(grid: Grid, answers: list[int | None]) -> int:
    """Marks for the box chosen in each row (None: blank, double or unread)."""
    if grid.kind == "marks":
        return answers[0] if answers and answers[0] is not None else 0
    right = sum(1 for a, k in zip(answers, grid.key) if a == k)
    if grid.kind in ("choice", "truefalse"):
        return grid.marks if right == len(grid.key) else 0
    if grid.kind == "sequence":
        return _sequence_marks(grid, answers)
    # match: a mark per row, scaled if the question carries fewer marks than rows
    return right if grid.marks == len(grid.key) else round(grid.marks * right / len(grid.key))


def _sequence_marks(grid: Grid, answers: list[int | None]) -> int:
    """Whole order right: full marks; one neighbouring pair swapped: one mark less (the printed guidance)."""
    if list(answers) == list(grid.key):
        return grid.marks
    if None in answers or sorted(answers) != sorted(grid.key):
        return 0
    wrong = [i for i, (a, k) in enumerate(zip(answers, grid.key)) if a != k]
    if len(wrong) == 2 and abs(grid.key[wrong[0]] - grid.key[wrong[1]]) == 1 \
            and answers[wrong[0]] == grid.key[wrong[1]]:
        return max(0, grid.marks - 1)
    return 0
