"""Synthetic scans for the scanner tests and benchmark: print, fill boxes as students do, degrade.

Everything is drawn with OpenCV from an explicit ``random.Random``, so a failing case re-runs
exactly from its seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import cv2
import numpy as np

FILL, TICK, CROSS, LIGHT, CORRECTED, DOUBLE, NONE = "fill", "tick", "cross", "light", "corrected", "double", "none"
STYLES = (FILL, TICK, CROSS, LIGHT, CORRECTED, DOUBLE, NONE)


@dataclass(frozen=True)
class Intent:
    """What the student meant in one row: ``box`` (None: blank), or a double."""

    question: int
    row: int
    style: str
    box: int | None
    other: int | None = None  # the crossed-out box (corrected) or the second box (double)


def render_pages(pdf: bytes | str, dpi: int) -> list[np.ndarray]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    pages = [np.array(doc[i].render(scale=dpi / 72, grayscale=True).to_numpy(), copy=True) for i in range(len(doc))]
    doc.close()
    return [p if p.ndim == 2 else cv2.cvtColor(p, cv2.COLOR_BGR2GRAY) for p in pages]


def _box_px(box, dpi):
    s = dpi / 72
    _, _, _, x, y, w, h = box
    return x * s, y * s, w * s, h * s


def _jitter(rng, v, amount):
    return v + rng.uniform(-amount, amount)


def draw(image, box, style, rng, dpi, ink=None):
    """One mark in one box, as a hand would make it."""
    x, y, w, h = _box_px(box, dpi)
    pen = ink if ink is not None else rng.randint(10, 60)
    width = max(1, int(round(dpi / 72 * rng.uniform(1.0, 1.8))))
    j = w * 0.08
    if style == FILL:
        pts = np.int32([[_jitter(rng, x + w * .08, j), _jitter(rng, y + h * .08, j)],
                        [_jitter(rng, x + w * .92, j), _jitter(rng, y + h * .1, j)],
                        [_jitter(rng, x + w * .9, j), _jitter(rng, y + h * .92, j)],
                        [_jitter(rng, x + w * .1, j), _jitter(rng, y + h * .9, j)]])
        cv2.fillPoly(image, [pts], pen)
    elif style == LIGHT:  # pencil pressed lightly: a grey, grainy fill
        grey = rng.randint(150, 175)
        x0, y0, x1, y1 = int(x + w * .12), int(y + h * .12), int(x + w * .88), int(y + h * .88)
        patch = image[y0:y1, x0:x1].astype(np.int16)
        grain = np.array([[rng.randint(-20, 20) for _ in range(x1 - x0)] for _ in range(y1 - y0)], dtype=np.int16)
        image[y0:y1, x0:x1] = np.minimum(patch, np.clip(grey + grain, 0, 255)).astype(np.uint8)
    elif style == TICK:
        pts = np.int32([[x + w * _jitter(rng, .2, .05), y + h * _jitter(rng, .55, .05)],
                        [x + w * _jitter(rng, .42, .05), y + h * _jitter(rng, .85, .05)],
                        [x + w * _jitter(rng, .85, .05), y + h * _jitter(rng, .15, .05)]])
        cv2.polylines(image, [pts], False, pen, width + 1, cv2.LINE_AA)
    elif style == CROSS:
        a, b = _jitter(rng, .15, .05), _jitter(rng, .85, .05)
        cv2.line(image, (int(x + w * a), int(y + h * a)), (int(x + w * b), int(y + h * b)), pen, width + 1, cv2.LINE_AA)
        cv2.line(image, (int(x + w * b), int(y + h * a)), (int(x + w * a), int(y + h * b)), pen, width + 1, cv2.LINE_AA)
    elif style == "cancel":  # fill, then a big X past the corners
        draw(image, box, FILL, rng, dpi, pen)
        o = _jitter(rng, .55, .08)
        cv2.line(image, (int(x - w * o), int(y - h * o)), (int(x + w * (1 + o)), int(y + h * (1 + o))), pen, width + 1)
        cv2.line(image, (int(x + w * (1 + o)), int(y - h * o)), (int(x - w * o), int(y + h * (1 + o))), pen, width + 1)


def plan_marks(layout_version: dict, rng: random.Random, styles=STYLES) -> list[Intent]:
    """An intent for every row of every question on the paper (teacher's rows: left empty or filled)."""
    intents = []
    for q in layout_version["questions"]:
        for r in range(len(q["rows"])):
            n = len(q["labels"])
            style = rng.choice(styles)
            if q["kind"] == "marks" and style in (CORRECTED, DOUBLE):
                style = FILL
            box = rng.randrange(n)
            other = rng.choice([i for i in range(n) if i != box]) if n > 1 else None
            if style in (CORRECTED, DOUBLE) and other is None:
                style = FILL
            intents.append(Intent(q["number"], r, style, None if style == NONE else box,
                                  other if style in (CORRECTED, DOUBLE) else None))
    return intents


def fill(pages: list[np.ndarray], layout_version: dict, intents: list[Intent], rng, dpi) -> None:
    where = {}
    for number, page in enumerate(layout_version["pages"]):
        for box in page["boxes"]:
            where[(box[0], box[1], box[2])] = (number, box)
    for i in intents:
        if i.style == NONE:
            continue
        if i.style == CORRECTED:
            number, box = where[(i.question, i.row, i.other)]
            draw(pages[number], box, "cancel", rng, dpi)
            number, box = where[(i.question, i.row, i.box)]
            draw(pages[number], box, rng.choice([FILL, TICK, CROSS]), rng, dpi)
            continue
        number, box = where[(i.question, i.row, i.box)]
        draw(pages[number], box, FILL if i.style == DOUBLE else i.style, rng, dpi)
        if i.style == DOUBLE:
            number, box = where[(i.question, i.row, i.other)]
            draw(pages[number], box, FILL, rng, dpi)


def spoil_code(image: np.ndarray, square, rng: random.Random, dpi: int) -> None:
    """One printed QR code lost: painted over (ink, a sticker, a dark stain) or torn off (white)."""
    x, y, size, _ = (v * dpi / 72 for v in square)
    grow = rng.uniform(0.0, 0.08) * size  # a little past the code, never as far as a corner mark
    x0, y0, x1, y1 = (int(v) for v in (x - grow, y - grow, x + size + grow, y + size + grow))
    image[y0:y1, x0:x1] = 255 if rng.random() < 0.3 else rng.randint(30, 170)


def expected(intent: Intent) -> tuple[str, int | None]:
    if intent.style == NONE:
        return "blank", None
    if intent.style == DOUBLE:
        return "double", None
    return "answered", intent.box


def degrade(image: np.ndarray, rng: random.Random, strength: float = 1.0) -> np.ndarray:
    """A copier's damage: rotation and skew, 180° turns, blur, speckle, brightness and contrast, JPEG."""
    pad = int(0.03 * image.shape[1])  # the copier's glass is larger than the sheet
    image = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    h, w = image.shape
    angle = rng.uniform(-3, 3) * strength + (180 if rng.random() < 0.3 else 0)
    shear = rng.uniform(-0.012, 0.012) * strength
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 1] += shear
    m[:, 2] += [rng.uniform(-15, 15), rng.uniform(-15, 15)]
    out = cv2.warpAffine(image, m, (w, h), borderValue=255, flags=cv2.INTER_LINEAR)
    if rng.random() < 0.7:
        k = rng.choice([3, 5])
        out = cv2.GaussianBlur(out, (k, k), rng.uniform(0.5, 1.1) * strength)
    contrast, brightness = rng.uniform(0.65, 1.1), rng.uniform(-40, 25) * strength
    out = np.clip(out.astype(np.float32) * contrast + brightness + (1 - contrast) * 128, 0, 255)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 6 * strength, out.shape)
    out = np.clip(out + noise, 0, 255).astype(np.uint8)
    speckle = np.random.default_rng(rng.randrange(1 << 30)).random(out.shape) < 0.0008 * strength
    out[speckle] = 0
    ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(45, 85)])
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
