"""Lay out documents in worker processes, a chunk at a time, one PDF file per chunk.

A chunk's documents are laid out one by one (each exactly as ``quizforge
build`` would lay it out) and written as one PDF, so the fonts are subset
once per chunk instead of once per paper. Results come back in the order the
chunks were submitted, with at most a few chunks in flight, so memory does not
grow with the size of the class.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import re
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import QuizforgeError
from ..model import Paper
from ..render.env import template_roots
from ..render.html import render_html


class BatchRenderError(QuizforgeError):
    """A paper could not be rendered; the message names the student and the cause."""

    exit_code = 1


@dataclass(frozen=True)
class DocSpec:
    """One HTML document to lay out: a paper through one template, with the batch context."""

    paper: Paper
    document: str  # "worksheet" or "markscheme"
    batch: dict
    label: str  # who it is for, in error messages: "row 7 (Zoë O'Brien)"
    scan: dict | None = None  # scannable papers: the templates' ``scan`` context
    qr: tuple[str, str, int] | None = None  # (set, version, student): each page gets its code after layout


@dataclass(frozen=True)
class ChunkJob:
    index: int
    docs: tuple[DocSpec, ...]
    path: Path  # where the worker writes the chunk's PDF
    templates: Path | None = None
    title: str = "quizforge"
    combine: bool = False  # one HTML for the chunk, one page per document (overlays)
    slots: bool = False  # also report where each document's placeholders and top margin are (for stamping)


@dataclass(frozen=True)
class ChunkResult:
    index: int
    path: Path
    page_counts: tuple[int, ...]  # pages of each document, in order
    meta: tuple = field(default=())
    boxes: tuple = field(default=())  # scannable papers: each document's pages and answer boxes (scan.layout)


def _warm_up(templates: Path | None, first_html: str | None) -> None:
    """Import WeasyPrint and parse the first stylesheet once, before forking: workers inherit both."""
    if "weasyprint" not in sys.modules:
        _import_weasyprint()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    if first_html is not None:  # and shape some text in its fonts (Pango and fontconfig set up)
        layout = _Layout(templates)
        layout.weasyprint.HTML(string="<p>Warm <b>up</b> <i>fonts</i></p>").render(
            stylesheets=[layout.sheet(first_html)], font_config=layout._font_config)


def _import_weasyprint() -> None:
    """Import WeasyPrint without its library search, which is half its import time.

    WeasyPrint tries several names for each C library; for each name cffi asks
    ctypes.util.find_library, which runs ``ldconfig -p`` in a subprocess (~0.3 s in
    all). The sonames it also tries load directly, so first try without the search,
    and only if that fails import the ordinary way.
    """
    import ctypes.util

    from ..render.pdf import _weasyprint

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        _weasyprint()
        return
    except Exception:  # noqa: BLE001 - a library only the search finds: start again with it
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = search
    _weasyprint()


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


class _Layout:
    """Lays out HTML, parsing each distinct stylesheet once per process.

    Every paper of a class set carries the same <style>; parsing it (and loading
    its @font-face fonts) costs ~40 ms a document, so it is lifted out, parsed once
    and handed back to WeasyPrint as a parsed sheet. The cascade is unchanged: it
    is the only stylesheet, and the templates use no style attributes.
    """

    _sheets: dict[tuple, object] = {}  # per worker process: (templates, CSS text) -> weasyprint.CSS
    _font_config = None

    def __init__(self, templates: Path | None):
        from ..render.pdf import _weasyprint, make_fetcher

        weasyprint = _weasyprint()

        self.weasyprint = weasyprint
        self.roots = template_roots(templates)
        self.fetcher = make_fetcher(self.roots)
        self.base_url = self.roots[-1].as_uri() + "/"
        if _Layout._font_config is None:
            _Layout._font_config = weasyprint.text.fonts.FontConfiguration()

    def sheet(self, html: str):
        """The parsed stylesheet of ``html`` (None if it has no <style>), from the cache if seen."""
        match = _STYLE.search(html)
        if match is None:
            return None
        key = (self.roots, match.group(1))
        sheet = self._sheets.get(key)
        if sheet is None:
            if len(self._sheets) > 64:
                self._sheets.clear()
            sheet = self._sheets[key] = self.weasyprint.CSS(
                string=match.group(1), base_url=self.base_url, url_fetcher=self.fetcher,
                font_config=self._font_config)
        return sheet

    def render(self, html: str):
        """Lay out ``html`` as build does: long written answers filled to the foot of their page."""
        from ..render.fill import fill_pages

        return fill_pages(html, self._render_once)

    def _render_once(self, html: str):
        sheet = self.sheet(html)
        if sheet is None:
            return self.weasyprint.HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render()
        match = _STYLE.search(html)
        bare = html[:match.start()] + html[match.end():]
        return self.weasyprint.HTML(string=bare, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=[sheet], font_config=self._font_config)


def _html(job: ChunkJob) -> Iterator[tuple[DocSpec, str]]:
    """Each document's HTML; a combined chunk (overlays) becomes one HTML, a page per document."""
    htmls = []
    for spec in job.docs:
        try:
            extra = {"scan": spec.scan} if spec.scan is not None else {}
            htmls.append(render_html(spec.paper, spec.document, job.templates, batch=spec.batch, **extra))
        except Exception as exc:  # noqa: BLE001 - reported with the student it happened to
            raise BatchRenderError(f"{spec.label}: cannot make the {spec.document}: {type(exc).__name__}: {exc}") from None
    if not job.combine:
        yield from zip(job.docs, htmls)
        return
    head, _, _ = htmls[0].partition("<body")
    bodies = [_overlay_body(h) for h in htmls]
    open_body = re.search(r"<body[^>]*>", htmls[0]).group(0)
    pages = "".join(f'<div class="overlay-page">{b}</div>' for b in bodies)
    yield job.docs[0], f"{head}{open_body}{pages}</body></html>"


def _overlay_body(html: str) -> str:
    """The body up to the paper's header: all an overlay draws, and a fifth of the styling work."""
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S).group(1)
    head, found, _ = body.partition("</header>")
    return head + found if found else body


def render_chunk(job: ChunkJob) -> ChunkResult:
    """Worker entry point: lay out every document of the chunk and write them as one PDF."""
    from ..render.pdf import fixed_font_timestamp

    layout = _Layout(job.templates)
    documents, counts, meta, boxes = [], [], [], []
    for spec, html in _html(job):
        try:
            document = layout.render(html)
        except Exception as exc:  # noqa: BLE001 - reported with the student it happened to
            raise BatchRenderError(f"{spec.label}: cannot render the {spec.document}: "
                                   f"{type(exc).__name__}: {exc}") from None
        documents.append(document)
        counts.append(len(document.pages))
        if job.slots:
            from .textstamp import slots_of, top_margin

            meta.append((slots_of(document), top_margin(document)))
        if spec.scan is not None:
            from ..scan.layout import boxes_of

            boxes.append(boxes_of(document))
    if job.combine:
        counts = [1] * len(job.docs) if counts[0] == len(job.docs) else counts
    pages = [page for document in documents for page in document.pages]
    try:
        with fixed_font_timestamp():
            # No pdf_tags: combining chunks drops the structure tree anyway (a print file),
            # and tagging is ~30 % of write_pdf.
            documents[0].copy(pages).write_pdf(job.path, pdf_identifier=job.title.encode()[:32])
        _stamp_codes(job, counts)
    except OSError as exc:
        raise BatchRenderError(f"cannot write {job.path}: {exc.strerror or exc}") from None
    return ChunkResult(job.index, job.path, tuple(counts), tuple(meta), tuple(boxes))


def _stamp_codes(job: ChunkJob, counts: list[int]) -> None:
    """Scannable papers: corner marks and each page's QR code, once the pages are known."""
    if not any(spec.qr for spec in job.docs):
        return
    from ..scan.codes import PageCode
    from ..scan.stamp import stamp_pages

    codes = []
    for spec, count in zip(job.docs, counts):
        codes += [PageCode(*spec.qr, page + 1) if spec.qr else None for page in range(count)]
    stamp_pages(job.path, codes, target=job.path)


def chunked(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def chunk_size(count: int, most: int = 12) -> int:
    """About 16 chunks (every worker busy to the end on a few cores), at most ``most`` documents each.

    It depends on the count only, never on --jobs: chunks share font subsets, so the
    chunking shows in the bytes, and the same class must give the same PDF on any machine.
    """
    return max(1, min(most, -(-count // 16)))


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle: it stops the workers and removes the partial set."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Renderer:
    """Runs chunk jobs in ``jobs`` worker processes (or in this process for one job)."""

    def __init__(self, jobs: int, warm: tuple[ChunkJob, ...] = ()):
        self.jobs = jobs
        self.warm = warm  # the stylesheets of these jobs' first documents are parsed before forking
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Renderer":
        _warm_up(None, None)
        for job in self.warm:
            _warm_up(job.templates, next(_html(replace(job, docs=job.docs[:1])))[1])
        # What is loaded by now (WeasyPrint, parsed stylesheets, fonts) lives as long as the
        # process: keep the garbage collector's full passes off it. They would walk it all, and
        # in a forked worker copy every page they touch (~7 % of a class set's time, either --jobs).
        gc.freeze()
        if self.jobs > 1:
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context, initializer=_worker_init)
        return self

    def __exit__(self, kind, exc, tb) -> None:
        gc.unfreeze()
        if self.pool is not None:
            # On an error or Ctrl-C, do not wait for chunks nobody will read.
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            if kind is not None:
                for process in processes:
                    process.terminate()
            self.pool.shutdown(wait=True, cancel_futures=True)

    def map(self, jobs: Iterable[ChunkJob], describe: Callable[[ChunkJob], str]) -> Iterator[ChunkResult]:
        """Results in submission order, with at most 2 x workers chunks in flight."""
        if self.pool is None:
            for job in jobs:
                yield render_chunk(job)
            return
        pending: deque[tuple[ChunkJob, Future]] = deque()
        source = iter(jobs)
        try:
            for job in source:
                pending.append((job, self.pool.submit(render_chunk, job)))
                if len(pending) >= 2 * self.jobs:
                    break
            while pending:
                job, future = pending[0]
                result = future.result()
                pending.popleft()
                yield result
                following = next(source, None)
                if following is not None:
                    pending.append((following, self.pool.submit(render_chunk, following)))
        except BrokenProcessPool:
            # Every future of a broken pool fails alike: name all the papers that were in flight.
            in_flight = "; ".join(describe(j) for j, _ in pending)
            raise BatchRenderError(f"a worker process died (killed, or out of memory?) while rendering "
                                   f"{in_flight}; nothing was written, run the command again") from None


