"""One scanned page, start to finish: code -> homography -> warped page -> boxes -> rows.

Runs in worker processes; takes and returns plain data only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from .boxes import Calibration, aligned, read_boxes
from .codes import PageCode
from .decide import RowRead, decide_rows
from .images import PageRef, load_page
from .locate import by_marks_only, locate, read_code, warp

PX_PER_PT = 150 / 72  # the warped page: 150 dpi
MIN_ALIGNED = 0.85  # marks over borders hide some; a page shifted by a millimetre shows almost none


@dataclass(frozen=True)
class PageRead:
    ref: PageRef
    code: PageCode | None
    rows: tuple[RowRead, ...] = ()
    calibration: Calibration | None = None
    marks_found: int = 0
    alignment: float = 1.0  # share of box borders found where the layout puts them
    problem: str = ""  # why a page could not be read: "no code", "another set", "blank page", ...
    foreign: str = ""  # the text of a code that is not this set's
    crops: dict = field(default_factory=dict)  # (question, row) -> PNG bytes of the row, for review
    thumb: bytes = b""  # a small picture of a page that could not be read


def read_page(ref: PageRef, layout: dict, image: np.ndarray | None = None,
              assigned: PageCode | None = None) -> PageRead:
    """``assigned``: whose page the teacher said it is, for a page whose code could not be read."""
    image = load_page(ref) if image is None else image
    code, corners, foreign, copy, clash = read_code(image)
    if code is None and assigned is not None:
        return _read_assigned(ref, layout, image, assigned)
    if clash:
        return dataclasses.replace(_unread(ref, image, None), problem="two codes naming different pages")
    if code is None:
        return _unread(ref, image, foreign)
    if code.set_id != layout["set"]:
        return PageRead(ref, code, problem="another set", foreign=code.text())
    version = layout["versions"].get(code.version)
    if version is None or not 1 <= code.page <= len(version["pages"]) or (copy and "qr2" not in
                                                                          version["pages"][code.page - 1]):
        return PageRead(ref, code, problem="unknown page", foreign=code.text())
    page = version["pages"][code.page - 1]
    found = locate(image, code, corners, page, copy)
    flat = warp(image, found.homography, page, PX_PER_PT)
    return _read_flat(ref, code, flat, page, found.marks_found)


def fits(image: np.ndarray, pages: list[dict]) -> list[float]:
    """How well the scan, placed by its corner marks alone (either way up), lines up with each of
    ``pages`` (layout pages of one paper size): the share of their box outlines found; 0 without marks."""
    if not pages:
        return []
    flats = [warp(image, h, pages[0], PX_PER_PT) for h in by_marks_only(image, pages[0])]
    return [max((aligned(f, p["boxes"], PX_PER_PT) for f in flats), default=0.0) for p in pages]


def _read_assigned(ref: PageRef, layout: dict, image: np.ndarray, code: PageCode) -> PageRead:
    """A page matched by hand: placed by its corner marks, whichever way up lines its boxes up."""
    page = layout["versions"][code.version]["pages"][code.page - 1]
    flats = [warp(image, h, page, PX_PER_PT) for h in by_marks_only(image, page)]
    if not flats:
        return dataclasses.replace(_unread(ref, image, None), problem="no code and no corner marks found")
    flat = max(flats, key=lambda f: aligned(f, page["boxes"], PX_PER_PT))
    return _read_flat(ref, code, flat, page, 4)


def _read_flat(ref: PageRef, code: PageCode, flat: np.ndarray, page: dict, marks_found: int) -> PageRead:
    readings, calibration = read_boxes(flat, page["boxes"], PX_PER_PT)
    rows = decide_rows(readings)
    fit = aligned(flat, page["boxes"], PX_PER_PT)
    if fit < MIN_ALIGNED:  # the page did not warp onto the layout: trust none of its rows
        rows = [dataclasses.replace(r, status="review", box=None,
                                    reason=f"page not lined up ({fit:.0%} of box outlines found); check it")
                for r in rows]
    crops = {(r.question, r.row): _crop(flat, r) for r in rows if r.status in ("review", "double")}
    return PageRead(ref, code, tuple(rows), calibration, marks_found, fit, crops=crops)


def _unread(ref: PageRef, image: np.ndarray, foreign: str | None) -> PageRead:
    dark = float((image < 128).mean())
    problem = "blank page" if dark < 0.002 else ("a code from another tool" if foreign else "no code found")
    return PageRead(ref, None, problem=problem, foreign=foreign or "", thumb=_png(_small(image, 400)))


def _crop(flat: np.ndarray, row: RowRead) -> bytes:
    xs = [r.rect[0] for r in row.readings] + [r.rect[0] + r.rect[2] for r in row.readings]
    ys = [r.rect[1] for r in row.readings] + [r.rect[1] + r.rect[3] for r in row.readings]
    pad = row.readings[0].rect[2] // 2
    return _png(flat[max(0, min(ys) - pad):max(ys) + pad, max(0, min(xs) - pad):max(xs) + pad])


def _small(image: np.ndarray, width: int) -> np.ndarray:
    import cv2

    scale = width / image.shape[1]
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image


def _png(image: np.ndarray) -> bytes:
    import cv2

    ok, data = cv2.imencode(".png", image)
    return data.tobytes() if ok else b""
