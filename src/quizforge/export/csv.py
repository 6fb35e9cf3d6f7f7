"""CSV of every question and answer, safe to open in Excel.

UTF-8 with a byte-order mark (so Excel reads accents and emoji), CRLF rows,
and any text cell that starts with ``= + - @`` (or a tab or carriage return)
prefixed with ``'`` so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io

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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str | int) -> str | int:
    """A cell a spreadsheet cannot evaluate: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for section in paper.sections:
        for q in section.questions:
            writer.writerow([safe_cell(v) for v in _row(paper, section.title, q)])
    return buffer.getvalue()


class CsvExporter:
    name = "csv"
    summary = "CSV of every question, answer and mark scheme, for spreadsheets (formula-injection safe)."
    suffix = ".csv"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return csv_text(paper).encode("utf-8-sig")


EXPORTER = CsvExporter()
