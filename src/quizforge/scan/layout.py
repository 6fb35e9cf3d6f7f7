"""Where the answer boxes are, read back from WeasyPrint's own layout, and the layout sidecar.

Every box is an element with ``data-box="Q.R.C"`` (question number, row, box); after layout each
one's border box is looked up on its page. Positions are in PDF points from the page's top-left,
which is how the reader, warping a scan onto the page, measures them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Paper
from .grid import grid_for
from .stamp import marks_at, qr_boxes

PX = 0.75  # CSS px to pt
LAYOUT_FORMAT = "quizforge-scan-layout-1"


@dataclass(frozen=True)
class Box:
    question: int
    row: int
    col: int
    x: float
    y: float
    w: float
    h: float


def boxes_of(document) -> list[tuple[float, float, list[Box]]]:
    """(width, height, boxes) of each page of a ``weasyprint.Document``, in pt."""
    pages = []
    for page in document.pages:
        found: list[Box] = []
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            tag = element.get("data-box") if element is not None and hasattr(element, "get") else None
            if tag and box.element_tag is not None and not _is_text(box):
                q, r, c = (int(v) for v in tag.split("."))
                found.append(Box(q, r, c, box.border_box_x() * PX, box.border_box_y() * PX,
                                 box.border_width() * PX, box.border_height() * PX))
                continue
            stack.extend(getattr(box, "children", ()))
        found.sort(key=lambda b: (b.question, b.row, b.col))
        pages.append((page.width * PX, page.height * PX, found))
    return pages


def _is_text(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.TextBox)


def paper_layout(paper: Paper, pages: list[tuple[float, float, list[Box]]]) -> dict:
    """One version's layout: its pages' boxes, marks and code, and every question's grid and key."""
    where = {}
    for number, (_, _, found) in enumerate(pages):
        for b in found:
            where.setdefault(b.question, set()).add(number)
    questions = []
    for q in paper.questions:
        grid = grid_for(q)
        if q.number not in where:
            raise ValueError(f"question {q.number}: its boxes are missing from the layout")
        questions.append({
            "number": q.number, "id": q.id, "strategy": q.strategy, "kind": grid.kind, "marks": q.marks,
            "rows": list(grid.row_labels), "labels": list(grid.labels), "key": list(grid.key),
            "cause_id": q.cause_id or "", "sources": list(q.sources), "prompt": q.prompt.split("\n")[0],
            "options": _options(q),
        })
    return {
        "pages": [{"width": round(w, 3), "height": round(h, 3),
                   "marks": [[round(x, 3), round(y, 3)] for x, y in marks_at(w, h)],
                   "qr": [round(v, 3) for v in qr_boxes(w, h)[0]],
                   "qr2": [round(v, 3) for v in qr_boxes(w, h)[1]],
                   "boxes": [[b.question, b.row, b.col, round(b.x, 3), round(b.y, 3), round(b.w, 3), round(b.h, 3)]
                             for b in found]}
                  for w, h, found in pages],
        "questions": questions,
    }


def _options(q) -> list[str]:
    """What each box stands for, for the class report's distractor table."""
    body = q.body
    for name in ("options", "causes", "items"):
        if hasattr(body, name):
            return list(getattr(body, name))
    if hasattr(body, "statement"):
        return ["True", "False"]
    return []


def layout_json(data: dict) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
