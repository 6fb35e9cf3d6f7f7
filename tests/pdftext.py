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
