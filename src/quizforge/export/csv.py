"""CSV of every question and answer, safe to open in Excel.

UTF-8 with a byte-order mark (so Excel reads accents and emoji), CRLF rows,
and any text cell that starts with ``= + - @`` (or a tab or carriage return)
prefixed with ``'`` so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io

from ..model import Paper
from .base import ExportContext
from .text import answer_lines, cause_of, mark_scheme_lines, stem_lines

COLUMNS = ("number", "section", "type", "topic", "cause", "question", "answer", "marks", "mark_scheme", "id")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str | int) -> str | int:
    """A cell a spreadsheet cannot evaluate: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(paper: Paper) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for section in paper.sections:
        for q in section.questions:
            cause = cause_of(paper, q)
            row = (q.number, section.title, type(q.body).__name__.lower(), paper.topic.title,
                   cause.title if cause else "", "\n".join(stem_lines(q)), "\n".join(answer_lines(q)), q.marks,
                   "\n".join(mark_scheme_lines(q)), q.id)
            writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


class CsvExporter:
    name = "csv"
    summary = "CSV of every question, answer and mark scheme, for spreadsheets (formula-injection safe)."
    suffix = ".csv"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return csv_text(paper).encode("utf-8-sig")


EXPORTER = CsvExporter()
