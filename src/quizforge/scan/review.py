"""The review list: every row the scanner would not decide alone, and every page it could not place.

It is written twice: ``review.csv`` (the teacher types a decision in the last column) and
``review.html`` (the box images; its buttons save the same CSV). A re-run reads the decisions back
from ``review.csv`` in the results folder, or from ``--decisions FILE``, and keeps them.
"""

from __future__ import annotations

import base64
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizforgeError

COLUMNS = ("key", "student", "name", "class", "scan", "question", "row", "read_as", "reason", "decision")


@dataclass(frozen=True)
class ReviewItem:
    key: str
    student: str
    name: str
    class_name: str
    scan: str  # file and page
    question: int
    row: str  # the row's printed label, or ""
    read_as: str
    reason: str
    choices: tuple[str, ...]
    image: bytes  # PNG of the row (or of the page, for a page that could not be placed)
    decision: str = ""

    def as_row(self) -> dict:
        return {"key": self.key, "student": self.student, "name": self.name, "class": self.class_name,
                "scan": self.scan, "question": self.question or "", "row": self.row, "read_as": self.read_as,
                "reason": self.reason, "decision": self.decision}


def read_decisions(path: Path) -> dict[str, str]:
    """key -> decision, from a review CSV (the one written here, or the review page's download)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "key" not in reader.fieldnames or "decision" not in reader.fieldnames:
                raise QuizforgeError(f"{path}: not a review file (it needs 'key' and 'decision' columns)")
            return {row["key"]: (row["decision"] or "").strip() for row in reader if (row.get("decision") or "").strip()}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise QuizforgeError(f"{path}: cannot read the decisions ({exc})") from None


def review_csv(items: list[ReviewItem]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(item.as_row() for item in items)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def review_html(items: list[ReviewItem], title: str, templates: Path | None = None) -> bytes:
    from ..render.env import environment

    rows = [{**item.as_row(), "choices": item.choices,
             "image": base64.b64encode(item.image).decode("ascii") if item.image else ""} for item in items]
    html = environment(templates).get_template("scan/review.html.j2").render(
        items=rows, plain=[item.as_row() for item in items], title=title, columns=COLUMNS)
    return html.encode("utf-8")
