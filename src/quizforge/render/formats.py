"""Output formats: each turns a paper into named files. One entry per format."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import OptionError
from ..model import Paper
from .env import template_roots
from .html import DOCUMENTS, render_html
from .paperjson import paper_json

Renderer = Callable[[Paper, "Path | None"], dict[str, bytes]]
FORMATS: dict[str, Renderer] = {}


def register_format(name: str, renderer: Renderer) -> None:
    FORMATS[name] = renderer


def _html(paper: Paper, templates: Path | None) -> dict[str, bytes]:
    return {f"{doc}.html": render_html(paper, doc, templates).encode("utf-8") for doc in DOCUMENTS}


def _pdf(paper: Paper, templates: Path | None) -> dict[str, bytes]:
    from .pdf import html_to_pdf

    roots = template_roots(templates)
    out = {}
    for doc in DOCUMENTS:
        title = f"{paper.topic.title} – {'Mark scheme' if doc == 'markscheme' else paper.presentation.title or 'Worksheet'}"
        out[f"{doc}.pdf"] = html_to_pdf(render_html(paper, doc, templates), roots, title=title, lang=paper.topic.language)
    return out


def _json(paper: Paper, templates: Path | None) -> dict[str, bytes]:
    return {"paper.json": paper_json(paper)}


register_format("pdf", _pdf)
register_format("html", _html)
register_format("json", _json)


def render_files(paper: Paper, formats: tuple[str, ...], templates: Path | None = None) -> dict[str, bytes]:
    """Every file for the chosen formats (paper.json always), rendered in memory."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise OptionError(f"unknown format '{unknown[0]}'; choose from {', '.join(FORMATS)}")
    files: dict[str, bytes] = {}
    for name in dict.fromkeys((*formats, "json")):
        files.update(FORMATS[name](paper, templates))
    return files
