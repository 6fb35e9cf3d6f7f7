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
    jobs = []
    for doc in DOCUMENTS:
        title = f"{paper.topic.title} – {'Mark scheme' if doc == 'markscheme' else paper.presentation.title or 'Worksheet'}"
        jobs.append((f"{doc}.pdf", render_html(paper, doc, templates), title))
    weasyprint_loaded()  # once, before a second process is forked: the child inherits it
    with _helper() as helper:
        # the mark scheme is laid out beside the worksheet on a second core, where there is one: the
        # layouts are independent and most of a build's time (byte for byte the same as one after the other)
        later = [(name, helper.submit(html_to_pdf, html, roots, title=title, lang=paper.topic.language))
                 for name, html, title in jobs[1:]] if helper else []
        out = {name: html_to_pdf(html, roots, title=title, lang=paper.topic.language)
               for name, html, title in (jobs if not helper else jobs[:1])}
        out.update({name: job.result() for name, job in later})
    return {name: out[name] for name, _, _ in jobs}


class _helper:
    """A one-process pool forked from this one, or None where there is one core or no fork."""

    def __enter__(self):
        import multiprocessing
        import os
        from concurrent.futures import ProcessPoolExecutor

        self.pool = None
        if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return self.pool

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        return False


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
