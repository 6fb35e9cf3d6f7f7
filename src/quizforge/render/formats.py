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
    from .pdf import html_to_pdf, weasyprint_loaded

    roots = template_roots(templates)
    lang = paper.topic.language
    jobs = []
    for doc in DOCUMENTS:
        title = f"{paper.topic.title} – {'Mark scheme' if doc == 'markscheme' else paper.presentation.title or 'Worksheet'}"
        jobs.append((f"{doc}.pdf", render_html(paper, doc, templates), title))
    weasyprint_loaded()  # once, before a second process is forked: the child inherits it
    (first, html, title), rest = jobs[0], jobs[1:]
    helper = _second_core()
    if helper is None:
        return {name: html_to_pdf(text, roots, title=t, lang=lang) for name, text, t in jobs}
    # the mark scheme is laid out beside the worksheet: the layouts are independent and most of a build's
    # time, and each PDF is byte for byte what one after the other gives
    with helper:
        later = [(name, helper.submit(html_to_pdf, text, roots, title=t, lang=lang)) for name, text, t in rest]
        out = {first: html_to_pdf(html, roots, title=title, lang=lang)}
        out.update((name, job.result()) for name, job in later)
    return out


def _second_core():
    """A one-process pool forked from this one, or None where there is one core or no fork."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


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
