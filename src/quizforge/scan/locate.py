"""Find a scanned page on the paper: its QR code says whose page it is and, with the corner marks,
where every point of the printed page fell in the scan (a homography, page pt -> image px).

The QR code's own corners give a first, rough transform at any rotation (upside down, sideways,
shuffled pages need nothing special); the four corner marks, looked for where that transform
puts them, give the exact one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .codes import PageCode, parse_copy
from .stamp import MARK, MM


@dataclass(frozen=True)
class Located:
    code: PageCode
    homography: np.ndarray  # 3x3, page pt -> image px
    marks_found: int  # corner marks found (0-4); fewer than 4: the QR code's corners stand in


class CodeRead(NamedTuple):
    code: PageCode | None
    corners: np.ndarray | None  # the code's four corners in image px
    foreign: str | None  # the text of a code that is not ours
    copy: int = 0  # which of the page's two codes was read: 0 the main one, 1 the second
    clash: bool = False  # two of our codes on one page that name different pages


def read_code(image: np.ndarray) -> CodeRead:
    """Our QR code on the image (either of the page's two), or a CodeRead with no code.

    A code that is not ours (or fails its check value) counts as none, and a second try on a
    sharpened copy helps blurred or pale scans. Two codes naming different pages (a page stuck
    onto another) are a clash, never a choice between them.
    """
    import cv2
    import zxingcpp

    attempts = (image, lambda: cv2.adaptiveThreshold(cv2.GaussianBlur(image, (3, 3), 0), 255,
                                                     cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 8))
    foreign = None
    for attempt in attempts:
        picture = attempt() if callable(attempt) else attempt
        ours = []
        for result in zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode):
            found = parse_copy(result.text)
            if found is None:
                foreign = result.text
                continue
            p = result.position
            corners = np.array([[p.top_left.x, p.top_left.y], [p.top_right.x, p.top_right.y],
                                [p.bottom_right.x, p.bottom_right.y], [p.bottom_left.x, p.bottom_left.y]],
                               dtype=np.float64)
            ours.append(CodeRead(found[0], corners, None, found[1]))
        if len({c.code for c in ours}) > 1:
            return CodeRead(None, None, None, clash=True)
        if ours:
            return min(ours, key=lambda c: c.copy)
    return CodeRead(None, None, foreign)


def locate(image: np.ndarray, code: PageCode, qr_corners: np.ndarray, page: dict, copy: int = 0) -> Located:
    """The page -> image homography from the code's corners, refined by the corner marks.

    ``copy``: which of the page's codes the corners are of (the layout's ``qr`` or ``qr2``)."""
    import cv2

    x, y, size, _ = page["qr2" if copy else "qr"]
    qr_page = np.array([[x, y], [x + size, y], [x + size, y + size], [x, y + size]], dtype=np.float64)
    # Rotation, scale and shift only: four close corners, a pixel off each, extrapolate badly in perspective.
    affine, _ = cv2.estimateAffinePartial2D(qr_page, qr_corners)
    rough = np.vstack([affine, [0, 0, 1]]) if affine is not None else \
        cv2.getPerspectiveTransform(qr_page.astype(np.float32), qr_corners.astype(np.float32))
    found_page, found_image = [], []
    for mark in page["marks"]:
        centre = _find_mark(image, rough, mark)
        if centre is not None:
            found_page.append(mark)
            found_image.append(centre)
    if len(found_page) == 4:
        h = cv2.getPerspectiveTransform(np.float32(found_page), np.float32(found_image))
    elif found_page:  # some marks lost (a torn corner, a thumb): use them with the code's corners
        h, _ = cv2.findHomography(np.vstack([qr_page, found_page]), np.vstack([qr_corners, found_image]))
        h = rough if h is None else h
    else:
        h = rough
    return Located(code, h, len(found_page))


def _find_mark(image: np.ndarray, rough: np.ndarray, mark) -> tuple[float, float] | None:
    """The centroid of the dark square nearest where ``rough`` expects a corner mark, or None."""
    import cv2

    centre = cv2.perspectiveTransform(np.float64([[mark]]), rough)[0, 0]
    scale = _scale(rough, mark)  # px per pt near the mark
    side = MARK * MM * scale
    half = int(side * 2.5)
    cx, cy = int(round(centre[0])), int(round(centre[1]))
    x0, y0 = max(0, cx - half), max(0, cy - half)
    window = image[y0:cy + half, x0:cx + half]
    if window.size == 0 or min(window.shape) < side:
        return None
    _, binary = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(binary)
    best, best_distance = None, None
    for i in range(1, count):
        w, h, area = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT], stats[i, cv2.CC_STAT_AREA]
        if not (0.5 * side < max(w, h) < 1.8 * side and area > 0.45 * side * side):
            continue
        distance = np.hypot(centroids[i, 0] + x0 - centre[0], centroids[i, 1] + y0 - centre[1])
        if best_distance is None or distance < best_distance:
            best, best_distance = (centroids[i, 0] + x0, centroids[i, 1] + y0), distance
    return best


def _scale(h: np.ndarray, point) -> float:
    import cv2

    a = cv2.perspectiveTransform(np.float64([[point, (point[0] + 10, point[1])]]), h)[0]
    return float(np.hypot(*(a[1] - a[0]))) / 10


def warp(image: np.ndarray, homography: np.ndarray, page: dict, px_per_pt: float) -> np.ndarray:
    """The scan redrawn as the printed page at ``px_per_pt``: box positions from the layout apply directly."""
    import cv2

    scale = np.diag([px_per_pt, px_per_pt, 1.0])
    to_image = homography @ np.linalg.inv(scale)
    size = (int(round(page["width"] * px_per_pt)), int(round(page["height"] * px_per_pt)))
    return cv2.warpPerspective(image, to_image, size, flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)


def by_marks_only(image: np.ndarray, page: dict) -> list[np.ndarray]:
    """Homographies from the four corner marks alone (no code to read), for the page upright and
    turned round; the caller keeps the one its boxes line up with. Empty if the marks are not found."""
    import cv2

    _, binary = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(binary)
    side = MARK * MM * max(image.shape) / max(page["width"], page["height"])
    squares = [centroids[i] for i in range(1, count)
               if 0.6 * side < stats[i, cv2.CC_STAT_WIDTH] < 1.6 * side
               and 0.6 * side < stats[i, cv2.CC_STAT_HEIGHT] < 1.6 * side
               and stats[i, cv2.CC_STAT_AREA] > 0.7 * stats[i, cv2.CC_STAT_WIDTH] * stats[i, cv2.CC_STAT_HEIGHT]]
    if len(squares) < 4:
        return []
    h, w = image.shape[:2]
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    found = [min(squares, key=lambda c: np.hypot(c[0] - x, c[1] - y)) for x, y in corners]
    marks = np.float32(page["marks"])
    upright = np.float32(found)
    turned = np.float32(found[2:] + found[:2])
    return [cv2.getPerspectiveTransform(marks, upright), cv2.getPerspectiveTransform(marks, turned)]
