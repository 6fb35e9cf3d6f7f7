"""Measure every box on a warped page and classify it against that sheet's own empty boxes.

No fixed threshold: the sheet's lightest boxes (every row leaves some empty) say what an empty box
looks like on this scanner, and their spread says how much noise there is; a box counts as marked
only well clear of that, as empty only close to it, and anything between is sent to review.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EMPTY, FILLED, TICKED, LIGHT, CANCELLED, DOUBTFUL = "empty", "filled", "ticked", "light", "crossed-out", "doubtful"
MARKED = (FILLED, TICKED, LIGHT)


@dataclass(frozen=True)
class Reading:
    """One box: where it is (question, row, box) and what was seen in it."""

    question: int
    row: int
    col: int
    ink: float  # mean darkness inside the box, 0 (paper) .. 1 (black)
    excess: float  # ink above the sheet's empty level
    corners: float  # ink just outside the box's corners (a cancelling X goes past them)
    state: str
    rect: tuple[int, int, int, int]  # x, y, w, h on the warped page, px


@dataclass(frozen=True)
class Calibration:
    empty: float  # the empty boxes' ink level on this sheet
    noise: float
    pen: float  # the darkest ink on this sheet's boxes
    mark_at: float  # excess above which a box is marked
    empty_below: float  # excess below which it is empty


def _darkness(page: np.ndarray, box, scale: float):
    """(darkness of the interior, of the four corner patches outside it), each 0..1, and the rect."""
    _, _, _, x, y, w, h = box
    x0, y0, x1, y1 = (int(round(v * scale)) for v in (x, y, x + w, y + h))
    side = x1 - x0
    pad = int(side * 0.9)
    ya, yb, xa, xb = max(0, y0 - pad), min(page.shape[0], y1 + pad), max(0, x0 - pad), min(page.shape[1], x1 + pad)
    around = page[ya:yb, xa:xb]
    white = max(float(np.percentile(around, 90)), 40.0)  # the paper here, under this scanner's light
    dark = np.clip(1.0 - page[ya:yb, xa:xb].astype(np.float32) / white, 0, 1)
    inset = max(2, int(side * 0.22))
    inner = dark[y0 - ya + inset:y1 - ya - inset, x0 - xa + inset:x1 - xa - inset]
    near, far = int(side * 0.1), int(side * 0.26)  # a patch diagonally off each corner, clear of neighbours
    patches = []
    for cx, cy, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x1, y1, 1, 1), (x0, y1, -1, 1)):
        px = sorted((cx + sx * near, cx + sx * far))
        py = sorted((cy + sy * near, cy + sy * far))
        patch = dark[max(0, py[0] - ya):max(0, py[1] - ya), max(0, px[0] - xa):max(0, px[1] - xa)]
        patches.append(float(patch.mean()) if patch.size else 0.0)
    return inner, sorted(patches), (x0, y0, side, y1 - y0)


def calibrate(inks: list[float], pens: list[float], paper: float = 0.0) -> Calibration:
    """``paper``: the darkness of blank paper beside the boxes; an empty box is at most a little darker
    (its printed letter), which bounds the empty level on a page where every box was marked."""
    values = np.sort(np.array(inks))
    # The lightest box is empty (a row holds one answer, so every page has empty boxes), and so is
    # every box close to it: that cluster is this sheet's empty box, on this scanner.
    low = values[values <= values[0] + 0.06]
    centre = float(np.median(low))
    noise = max(0.008, 1.4826 * float(np.median(np.abs(low - centre))))
    empty = min(centre, paper + 0.08)
    pen = max(float(max(pens)) if pens else 0.0, empty + 0.1)
    return Calibration(empty, noise, pen, mark_at=max(8 * noise, 0.07), empty_below=max(4 * noise, 0.035))


def read_boxes(page: np.ndarray, boxes: list, scale: float) -> tuple[list[Reading], Calibration]:
    """Every box of the page, classified. ``boxes`` as in scan-layout.json; ``scale`` px per pt."""
    measured = []
    for box in boxes:
        inner, corners, rect = _darkness(page, box, scale)
        measured.append((box, float(inner.mean()), float(np.percentile(inner, 95)), corners, rect, inner))
    if not measured:
        return [], calibrate([0.0], [])
    corner_base = float(np.median([m[3][0] for m in measured]))  # blank paper off the boxes' corners
    cal = calibrate([m[1] for m in measured], [m[2] for m in measured], corner_base)
    readings = [Reading(box[0], box[1], box[2], ink, ink - cal.empty, corners[1] - corner_base,
                        _state(ink - cal.empty, peak, corners, corner_base, cal), rect)
                for box, ink, peak, corners, rect, _ in measured]
    return readings, cal


def _state(excess: float, peak: float, corners, corner_base: float, cal: Calibration) -> str:
    if excess < cal.empty_below:
        return EMPTY
    if excess < cal.mark_at:
        return DOUBTFUL
    strength = cal.pen - cal.empty
    filled = excess > 0.45 * strength
    # An X past the edges reaches all four corner patches; ink at only some of them (a neighbour's
    # X, a smudge) is not a cancellation.
    if filled and corners[0] - corner_base > max(0.06, 0.12 * strength):
        return CANCELLED
    if peak - cal.empty < 0.45 * strength:  # never dark anywhere: pencil pressed lightly
        return LIGHT if excess > 1.5 * cal.mark_at else DOUBTFUL
    return FILLED if filled else TICKED


def aligned(page: np.ndarray, boxes: list, scale: float) -> float:
    """The share of boxes whose printed border is where the layout says: near 1 on a well-placed page.

    A border is found when its outline is darker than a ring just outside it and, unless the box is
    filled, than one just inside.
    """
    if not boxes:
        return 1.0
    hits = 0
    for box in boxes:
        _, _, _, x, y, w, h = box
        x0, y0, x1, y1 = (int(round(v * scale)) for v in (x, y, x + w, y + h))
        d = max(2, int((x1 - x0) * 0.15))
        if y0 - d < 0 or x0 - d < 0 or y1 + d >= page.shape[0] or x1 + d >= page.shape[1]:
            continue
        edge = _outline(page, x0, y0, x1, y1, 1)
        inside = _outline(page, x0 + d, y0 + d, x1 - d, y1 - d, 1)
        outside = _outline(page, x0 - d, y0 - d, x1 + d, y1 + d, 1)
        # a box's outline is darker than the paper just outside it, and than its inside unless marked
        hits += edge < outside - 12 and (edge < inside - 12 or inside < outside - 24)
    return hits / len(boxes)


def _outline(page: np.ndarray, x0: int, y0: int, x1: int, y1: int, t: int) -> float:
    """Median grey along a rectangle's outline, ``t`` px either side of it (robust to a mark crossing it)."""
    parts = [page[y0 - t:y0 + t + 1, x0:x1].ravel(), page[y1 - t:y1 + t + 1, x0:x1].ravel(),
             page[y0:y1, x0 - t:x0 + t + 1].ravel(), page[y0:y1, x1 - t:x1 + t + 1].ravel()]
    return float(np.median(np.concatenate(parts)))
