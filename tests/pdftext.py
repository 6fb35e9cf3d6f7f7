"""Read a PDF's text back, as a reader (or a screen reader) would get it."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return " ".join(pdf_pages(data))


def squash(text: str) -> str:
    """Compare text ignoring spacing and line breaks (PDF extraction is loose about both)."""
    return re.sub(r"\s+", "", text)


def font_sizes(data: bytes) -> dict[float, str]:
    """Every size text is drawn at, in points (font size times the text and page matrices), with a sample."""
    from pypdf import PdfReader as _Reader

    sizes: dict[float, str] = {}
    for page in _Reader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                sizes.setdefault(round(size * (a * a + b * b) ** 0.5, 1), text.strip()[:40])
        page.extract_text(visitor_text=visit)
    return sizes
