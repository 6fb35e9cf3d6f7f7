"""Cells for every CSV the tool writes (exports, class-set manifests), safe to open in a spreadsheet.

The guard follows OWASP's CSV-injection advice: every field is quoted, and a text
field starting with ``= + - @``, a tab or a carriage return gets a leading
apostrophe, so the spreadsheet takes it as text and never as a formula. LibreOffice
Calc shows that apostrophe (``'=SUM(A1)``); what matters is that nothing is run.
Byte-order marks and carriage returns copied from the notes are taken out of the cells.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_STRAY = {0xFEFF: None, 0x0D: None}  # a BOM or CR inside a cell: the first shows as junk, the second splits rows


def safe_cell(value: str | int) -> str | int:
    """A cell a spreadsheet cannot evaluate: text starting like a formula gets a leading '."""
    if not isinstance(value, str):
        return value
    value = value.translate(_STRAY)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(rows: Iterable[Iterable[str | int]]) -> str:
    """Rows as CSV text: every field quoted and made safe, CRLF line ends (what Excel expects)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()
