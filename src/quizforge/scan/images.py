"""Scans -> greyscale page images: PDF pages through PDFium, image files through OpenCV.

Pages are yielded one at a time (a year group's scans never sit in memory together). Scanned
pages are brought to about ``WORK_DPI`` for reading: boxes are 6 mm, so finer adds time, not truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from ..errors import QuizforgeError

WORK_DPI = 150
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".pgm", ".pbm"}


class ScanError(QuizforgeError):
    """A scan file cannot be read; the message names it."""


@dataclass(frozen=True)
class PageRef:
    """Which scan a page came from: file and 1-based page within it."""

    file: str
    page: int

    def __str__(self) -> str:
        return f"{self.file} page {self.page}"


def page_refs(paths: list[Path]) -> list[PageRef]:
    """Every page of every scan, checked readable up front (a truncated PDF fails before any work)."""
    refs = []
    for path in paths:
        if not path.is_file():
            raise ScanError(f"{path}: no such file")
        if path.suffix.lower() == ".pdf":
            refs += [PageRef(str(path), i + 1) for i in range(_pdf_pages(path))]
        elif path.suffix.lower() in IMAGE_SUFFIXES:
            refs += [PageRef(str(path), i + 1) for i in range(_image_pages(path))]
        else:
            raise ScanError(f"{path}: not a PDF or an image (PNG, JPEG, TIFF); scan to one of those")
    return refs


def _pdf_pages(path: Path) -> int:
    import pypdfium2

    try:
        with open(path, "rb") as handle:
            head = handle.read(5)
        if head != b"%PDF-":
            raise ScanError(f"{path}: not a PDF file (it does not start with %PDF-)")
        pdf = pypdfium2.PdfDocument(str(path))
        count = len(pdf)
        for i in range(count):  # each page must load: a cut-off file fails here, not halfway through
            pdf[i].close()
        pdf.close()
    except pypdfium2.PdfiumError as exc:
        raise ScanError(f"{path}: cannot read this PDF ({exc}); is it truncated? scan or copy it again") from None
    if _truncated(path):
        raise ScanError(f"{path}: this PDF is cut off (no end-of-file marker); scan or copy it again")
    return count


def _truncated(path: Path) -> bool:
    """PDFium repairs a cut-off file silently; a PDF must end with %%EOF (within its last 1 KB)."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 1024))
        return b"%%EOF" not in handle.read()


def _image_pages(path: Path) -> int:
    import cv2

    count = cv2.imcount(str(path)) if path.suffix.lower() in {".tif", ".tiff"} else 1
    if count < 1 or (count == 1 and cv2.imread(str(path), cv2.IMREAD_REDUCED_GRAYSCALE_8) is None):
        raise ScanError(f"{path}: cannot read this image (damaged, or not an image)")
    return count


def load_page(ref: PageRef) -> np.ndarray:
    """The page as a greyscale uint8 array at about WORK_DPI."""
    import cv2

    path = Path(ref.file)
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            page = pdf[ref.page - 1]
            image = _scanned_jpeg(page)
            if image is None:
                bitmap = page.render(scale=WORK_DPI / 72, grayscale=True)
                image = np.array(bitmap.to_numpy(), copy=True)
            page.close()
        finally:
            pdf.close()
        if image.ndim == 3:
            image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        return image
    if path.suffix.lower() in {".tif", ".tiff"}:
        ok, images = cv2.imreadmulti(str(path), flags=cv2.IMREAD_GRAYSCALE)
        image = images[ref.page - 1] if ok else None
    else:
        image = cv2.imread(str(path), _jpeg_reduction(path) if path.suffix.lower() in {".jpg", ".jpeg"}
                           else cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ScanError(f"{ref}: cannot read this image")
    return to_work_dpi(image)


def _scanned_jpeg(page) -> np.ndarray | None:
    """A copier's page is one JPEG covering the page: decode it straight at a fraction of its size
    (the JPEG's own DCT scaling), much faster than rendering it. None for anything else."""
    import cv2

    try:
        objects = list(page.get_objects(max_depth=1))
        if len(objects) != 1 or objects[0].get_filters() != ["DCTDecode"]:
            return None
        image = objects[0]
        width, height = page.get_size()
        x0, y0, x1, y1 = image.get_bounds()
        m = image.get_matrix()
        if m.b or m.c or m.a <= 0 or m.d <= 0 or (x1 - x0) < 0.95 * width or (y1 - y0) < 0.95 * height:
            return None  # drawn turned or mirrored, or not the whole page: let PDFium render it
        dpi = image.get_px_size()[0] / ((x1 - x0) / 72)
        flag = _decode_flag(dpi / WORK_DPI)
        data = np.frombuffer(bytes(image.get_data(decode_simple=False)), np.uint8)
        return cv2.imdecode(data, flag)
    except Exception:  # noqa: BLE001 - an unusual PDF: rendering it is always right
        return None


def _jpeg_reduction(path: Path) -> int:
    """The decoding flag for a JPEG file, from its size in the header (no dpi to trust: the page's long
    side taken as 11.4 inches, as in ``to_work_dpi``). A 300 dpi page decodes in about half the time."""
    import cv2
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as header:  # reads the header only
            return _decode_flag(max(header.size) / (11.4 * WORK_DPI))
    except (OSError, UnidentifiedImageError):
        return cv2.IMREAD_GRAYSCALE  # let OpenCV say what is wrong with it


def _decode_flag(oversampling: float) -> int:
    """The OpenCV flag decoding a JPEG straight at 1/8, 1/4 or 1/2 of its size (the JPEG's own DCT scaling)
    that still gives 90 % of the pixels needed; ``oversampling``: the JPEG's pixels per pixel needed."""
    import cv2

    for flag, at in ((cv2.IMREAD_REDUCED_GRAYSCALE_8, 8), (cv2.IMREAD_REDUCED_GRAYSCALE_4, 4),
                     (cv2.IMREAD_REDUCED_GRAYSCALE_2, 2)):
        if oversampling / at >= 0.9:
            return flag
    return cv2.IMREAD_GRAYSCALE


def to_work_dpi(image: np.ndarray) -> np.ndarray:
    """Images carry no trustworthy dpi: take the page's long side as about 11-11.7 inches."""
    import cv2

    long_side = max(image.shape[:2])
    target = int(11.4 * WORK_DPI)
    if long_side > target * 1.25:
        scale = target / long_side
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return image
