"""CSV of every question and answer, safe to open in a spreadsheet.

UTF-8 with a byte-order mark (so Excel reads accents and emoji), CRLF rows, and
every cell through ``csvsafe`` (quoted; a cell that starts like a formula gets a
leading ``'``, which LibreOffice shows, so it is read as text and never run).
"""

from __future__ import annotations

from ..model import (
    Choice,
    Extended,
    Gap,
    Match,
    Paper,
    Question,
    Sequence,
    ShortAnswer,
    TrueFalse,
)
from ..csvsafe import FORMULA_STARTS, csv_text as safe_csv, safe_cell  # noqa: F401 (safe_cell: re-exported)
from .base import ExportContext, dispatch
from .text import (
    LETTERS,
    accepted,
    answer_lines,
    cause_of,
    mark_scheme_lines,
    stem_lines,
)

COLUMNS = ("number", "section", "type", "topic", "cause", "question", "answer", "key", "marks", "mark_scheme", "id")
# Per body: (type label, the key a spreadsheet can mark against: accepted forms, letters or numbers).
_BODIES = {
    Gap: lambda q: ("gap", " | ".join(accepted(q.body.answer, q.body.accept))),
    Match: lambda q: ("match", ", ".join(f"{LETTERS[j]} {k + 1}" for j, k in enumerate(q.body.key))),
    Extended: lambda q: ("extended", ""),
    Choice: lambda q: ("choice", LETTERS[q.body.correct]),
    TrueFalse: lambda q: ("truefalse", "True" if q.body.true else "False"),
    ShortAnswer: lambda q: ("shortanswer", " | ".join(accepted(q.body.answer, q.body.accept))),
    Sequence: lambda q: ("sequence", ", ".join(LETTERS[i] for i in q.body.order)),
}


def _row(paper: Paper, section_title: str, q: Question) -> tuple:
    kind, key = dispatch(_BODIES, q, "csv")
    cause = cause_of(paper, q)
    return (q.number, section_title, kind, paper.topic.title, cause.title if cause else "", "\n".join(stem_lines(q)),
            "\n".join(answer_lines(q)), key, q.marks, "\n".join(mark_scheme_lines(q)), q.id)


def csv_text(paper: Paper) -> str:
    rows = [_row(paper, section.title, q) for section in paper.sections for q in section.questions]
    return safe_csv([COLUMNS, *rows])


class CsvExporter:
    name = "csv"
    summary = "CSV of every question, answer and mark scheme, for spreadsheets (formula-injection safe)."
    suffix = ".csv"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return csv_text(paper).encode("utf-8-sig")


EXPORTER = CsvExporter()
