"""manifest.csv: student -> version code -> seed, so any paper can be rebuilt and marked."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

from ..csvsafe import csv_text as safe_csv
from ..io import write_atomic
from .pdfout import Span
from .plan import Assignment

COLUMNS = ("position", "roster_line", "name", "class", "candidate_number", "version", "seed",
           "first_page", "pages", "rebuild")


def rebuild_command(source: Path, seed: int, strategies: tuple[str, ...] = (), paper_size: str = "a4",
                    options: tuple[str, ...] = (), focus_from: Path | None = None) -> str:
    """The `quizforge build` line that makes this student's paper again (``options``: preset, tier, print)."""
    words = ["quizforge", "build", shlex.quote(str(source)), "--seed", str(seed), *map(shlex.quote, options)]
    if strategies:
        words += ["--strategies", ",".join(strategies)]
    if paper_size != "a4":
        words += ["--paper", paper_size]
    if focus_from is not None:
        words += ["--focus-from", shlex.quote(str(focus_from))]
    return " ".join(words)


def manifest_rows(assignments: list[Assignment], spans: list[Span], rebuild=lambda seed: f"quizforge build --seed {seed}") -> list[dict]:
    rows = []
    for a, span in zip(assignments, spans):
        rows.append({
            "position": a.position, "roster_line": a.student.line or "", "name": a.student.name,
            "class": a.student.class_name, "candidate_number": a.student.candidate, "version": a.code,
            "seed": a.seed, "first_page": span.first + 1, "pages": span.pages,
            "rebuild": rebuild(a.seed),
        })
    return rows


def write_manifest(path: Path, rows: list[dict]) -> None:
    """UTF-8 with a BOM, so Excel shows accented names correctly; formula-safe cells; written atomically.

    A roster name such as ``=HYPERLINK(...)`` is written as ``'=HYPERLINK(...)``: text, never a formula.
    """
    text = safe_csv([COLUMNS, *([row[c] for c in COLUMNS] for row in rows)])
    write_atomic(path, ("\ufeff" + text).encode("utf-8"))


def read_manifest(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))
