"""Rows of boxes -> answers. A row is answered, blank, double, or sent to review; never guessed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .boxes import CANCELLED, DOUBTFUL, FILLED, MARKED, Reading

ANSWERED, BLANK, DOUBLE, REVIEW = "answered", "blank", "double", "review"


@dataclass(frozen=True)
class RowRead:
    question: int
    row: int
    status: str  # answered | blank | double | review
    box: int | None  # the chosen box when answered
    marked: tuple[int, ...]  # boxes read as marked (not crossed out)
    reason: str  # for review and doubles: what was seen
    readings: tuple[Reading, ...]


def decide_rows(readings: list[Reading]) -> list[RowRead]:
    rows: dict[tuple[int, int], list[Reading]] = {}
    for r in readings:
        rows.setdefault((r.question, r.row), []).append(r)
    return [_decide(q, row, sorted(boxes, key=lambda b: b.col)) for (q, row), boxes in sorted(rows.items())]


def _spill(boxes: list[Reading]) -> list[Reading]:
    """A cancelling X past one box's corners can reach its neighbour's: of crossed-out boxes in a row,
    one whose corners are much less inked than the strongest's is a filled box beside it."""
    crossed = [b for b in boxes if b.state == CANCELLED]
    if len(crossed) < 2:
        return boxes
    strongest = max(b.corners for b in crossed)
    return [dataclasses.replace(b, state=FILLED) if b.state == CANCELLED and b.corners < 0.6 * strongest else b
            for b in boxes]


def _decide(question: int, row: int, boxes: list[Reading]) -> RowRead:
    boxes = _spill(boxes)
    marked = tuple(b.col for b in boxes if b.state in MARKED)
    doubtful = [b.col for b in boxes if b.state == DOUBTFUL]
    cancelled = [b.col for b in boxes if b.state == CANCELLED]
    seen = ", ".join(f"box {b.col + 1} {b.state}" for b in boxes if b.state != "empty") or "nothing"
    if doubtful:
        return RowRead(question, row, REVIEW, None, marked, f"faint or unclear mark ({seen})", tuple(boxes))
    if len(marked) == 1:
        return RowRead(question, row, ANSWERED, marked[0], marked, seen, tuple(boxes))
    if not marked:
        reason = "only crossed-out boxes" if cancelled else ""
        return RowRead(question, row, BLANK, None, marked, reason, tuple(boxes))
    return RowRead(question, row, DOUBLE, None, marked, f"more than one box marked ({seen})", tuple(boxes))
