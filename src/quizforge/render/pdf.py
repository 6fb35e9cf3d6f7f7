"""HTML to PDF with WeasyPrint, fetching nothing but our own assets."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import QuizforgeError
from .fill import fill_pages
from .system import pango_hint

ASSET_SUFFIXES = {".css", ".ttf", ".otf", ".woff", ".woff2", ".png", ".svg", ".jpg", ".jpeg"}


def _weasyprint(html_instead: bool = False):
    """WeasyPrint, or an error saying what to install (``html_instead``: and that build can write HTML)."""
    try:
        weasyprint = _import_weasyprint()
    except (ImportError, OSError) as exc:  # OSError: Pango/Cairo libraries missing
        raise QuizforgeError(
            f"PDF output needs WeasyPrint and the Pango library ({str(exc).splitlines()[0] if str(exc) else exc}). "
            f"Install Pango {pango_hint()}; WeasyPrint comes with quizforge (pip install weasyprint)."
            + (" Or build HTML only with --format html." if html_instead else "")
        ) from None
    return weasyprint


def weasyprint_loaded() -> None:
    """Import WeasyPrint now (or say what to install), so that a process forked after this has it."""
    _weasyprint(html_instead=True)


def _import_weasyprint():
    """Import WeasyPrint, finding its libraries from one reading of the ldconfig cache (render/libfind.py)."""
    import sys

    if sys.modules.get("weasyprint") is not None:
        return sys.modules["weasyprint"]
    from .libfind import quick_find_library
    before = set(sys.modules)
    try:
        with quick_find_library():
            import weasyprint
        return weasyprint
    except (ImportError, OSError):  # the cache did not have them: the ordinary way, which says what is missing
        for name in set(sys.modules) - before:  # what the failed attempt left half-imported
            del sys.modules[name]
        import weasyprint
        return weasyprint


def make_fetcher(roots: tuple[Path, ...]):
    """A URL fetcher that serves files under the template folders and refuses everything else."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(r.resolve() for r in roots)

    class AssetsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file":
                raise ValueError(f"quizforge fetches no {parsed.scheme or 'relative'} URLs: {url}")
            path = Path(unquote(parsed.path)).resolve()
            if path.suffix.lower() not in ASSET_SUFFIXES or not any(path.is_relative_to(r) for r in allowed):
                raise ValueError(f"quizforge reads only its own templates and fonts, not {url}")
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _mime(path)})

    del weasyprint
    return AssetsOnly()


def _mime(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff",
            ".woff2": "font/woff2", ".png": "image/png", ".svg": "image/svg+xml"}.get(path.suffix.lower(), "image/jpeg")


# PDF/UA-1: tagged structure, title shown in the window, language and XMP
# metadata, for screen readers. Output stays byte-identical for the same paper.
PDF_VARIANT = "pdf/ua-1"

# fontTools stamps subset fonts with the time unless SOURCE_DATE_EPOCH is set;
# a fixed stamp keeps the same paper byte-identical (2024-01-01T00:00:00Z).
FONT_TIMESTAMP = "1704067200"


@contextlib.contextmanager
def fixed_font_timestamp():
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_TIMESTAMP
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def html_to_pdf(html: str, roots: tuple[Path, ...], *, title: str, lang: str) -> bytes:
    """Render one HTML document. Templates name assets by absolute file URL (``asset_url``)."""
    return document_pdf(lay_out(html, roots), title=title)


def lay_out(html: str, roots: tuple[Path, ...]):
    """The laid-out ``weasyprint.Document`` (for callers that read positions back from the layout)."""
    weasyprint = _weasyprint(html_instead=True)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    base_url = roots[-1].as_uri() + "/"
    fetcher = make_fetcher(roots)
    with fixed_font_timestamp():
        return fill_pages(html, lambda text: weasyprint.HTML(
            string=text, base_url=base_url, url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT, pdf_tags=True))


def document_pdf(document, *, title: str) -> bytes:
    with fixed_font_timestamp():
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True,
                                  pdf_identifier=title.encode("utf-8")[:32] or b"quizforge")
