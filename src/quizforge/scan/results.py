"""From rows read to marks: apply the teacher's decisions and written marks, score every question.

Everything here is plain data over the layout and the page reads, so it is tested without images.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QuizforgeError
from .decide import ANSWERED, BLANK, DOUBLE, REVIEW, RowRead
from .grid import Grid, score


@dataclass
class QuestionResult:
    number: int
    qid: str
    kind: str
    max: int
    answers: list  # per row: box index, or None
    statuses: list  # per row: answered | blank | double | review | missing | decided
    marks: int | None = None  # None: not known yet (open question unmarked, page missing, review open)


@dataclass
class StudentResult:
    student: dict
    version: str
    pages_seen: set = field(default_factory=set)
    questions: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(q.marks or 0 for q in self.questions)

    @property
    def max(self) -> int:
        return sum(q.max for q in self.questions)

    def status(self, pages: int) -> str:
        parts = []
        missing = pages - len(self.pages_seen)
        if missing:
            parts.append(f"{missing} page{'s' if missing > 1 else ''} missing")
        review = sum(1 for q in self.questions for s in q.statuses if s == REVIEW)
        if review:
            parts.append(f"{review} to review")
        unmarked = sum(1 for q in self.questions if q.kind == "marks" and q.marks is None and "missing" not in q.statuses)
        if unmarked:
            parts.append(f"{unmarked} written unmarked")
        return "; ".join(parts) or "complete"


def row_key(student: int, version: str, question: int, row: int) -> str:
    return f"{student}/{version}/Q{question}/{row + 1}"


def grid_of(question: dict) -> Grid:
    return Grid(question["kind"], tuple(question["rows"]), tuple(question["labels"]), tuple(question["key"]),
                question["marks"])


def decision_box(question: dict, decision: str) -> tuple[str, int | None]:
    """A teacher's decision ('B', '3', 'blank', 'double') as (status, box)."""
    text = decision.strip()
    if text.lower() in ("blank", "none", "-"):
        return BLANK, None
    if text.lower() in ("double", "two", "void"):
        return DOUBLE, None
    for i, label in enumerate(question["labels"]):
        if label.lower() == text.lower():
            return "decided", i
    raise ValueError(f"'{decision}' is not one of {', '.join(question['labels'])}, blank or double")


def score_student(student: dict, version: dict, code: str, rows: dict[tuple[int, int], RowRead],
                  pages_seen: set, decisions: dict[str, str], written: dict[int, int]) -> StudentResult:
    """``rows``: (question, row) -> what was read; ``written``: question number -> marks from --written-marks."""
    result = StudentResult(student, code, set(pages_seen))
    for q in version["questions"]:
        answers, statuses = [], []
        for r in range(len(q["rows"])):
            read = rows.get((q["number"], r))
            status, box = (read.status, read.box) if read else ("missing", None)
            decision = decisions.get(row_key(student["id"], code, q["number"], r), "")
            if decision and status != "missing":
                status, box = decision_box(q, decision)
            answers.append(box)
            statuses.append(status)
        qr = QuestionResult(q["number"], q["id"], q["kind"], q["marks"], answers, statuses)
        if q["kind"] == "marks":
            if q["number"] in written:
                qr.marks = written[q["number"]]
            elif statuses[0] in (ANSWERED, "decided"):
                qr.marks = answers[0]
        elif not {REVIEW, "missing"} & set(statuses):
            qr.marks = score(grid_of(q), answers)
        result.questions.append(qr)
    return result


def read_written_marks(path: Path, layout: dict) -> dict[int, dict[int, int]]:
    """--written-marks CSV: a ``student`` column (roster id, candidate number or name) and a column per
    question (``Q8`` or ``8``). Returns student id -> question number -> marks; checked against the maxima."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise QuizforgeError(f"{path}: cannot read the written marks ({exc})") from None
    if not rows or "student" not in {k.strip().lower() for k in rows[0]}:
        raise QuizforgeError(f"{path}: needs a 'student' column (roster id, candidate number or name) "
                             "and one column per question (Q8, Q9, ...)")
    by_key = {}
    for s in layout["students"]:
        for key in (str(s["id"]), s.get("candidate", ""), s.get("name", "")):
            if key:
                by_key.setdefault(key.strip().casefold(), s)
    out: dict[int, dict[int, int]] = {}
    for line, row in enumerate(rows, 2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        who = row.pop(next(k for k in row if k.lower() == "student"))
        student = by_key.get(who.casefold())
        if student is None:
            raise QuizforgeError(f"{path}:{line}: no student '{who}' in this set (use the roster id, "
                                 "candidate number or name as printed)")
        questions = {q["number"]: q for q in layout["versions"][student["version"]]["questions"]}
        for column, value in row.items():
            if not value:
                continue
            number = column.upper().removeprefix("Q")
            if not number.isdigit() or int(number) not in questions:
                raise QuizforgeError(f"{path}:{line}: column '{column}' is not a question of this paper")
            q = questions[int(number)]
            if q["kind"] != "marks":
                raise QuizforgeError(f"{path}:{line}: question {number} is marked from the scan; "
                                     "written marks are for the written questions only")
            if not value.isdigit() or int(value) > q["marks"]:
                raise QuizforgeError(f"{path}:{line}: {column} = '{value}': give a whole number 0..{q['marks']}")
            out.setdefault(student["id"], {})[int(number)] = int(value)
    return out
