"""Lay out documents in worker processes, a chunk at a time, one PDF file per chunk.

A chunk's documents are laid out one by one (each exactly as ``quizforge
build`` would lay it out) and written as one PDF, so the fonts are subset
once per chunk instead of once per paper. Results come back in the order the
chunks were submitted, with at most a few chunks in flight, so memory does not
grow with the size of the class.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class ChunkJob:
    index: int
    docs: tuple[DocSpec, ...]
    path: Path  # where the worker writes the chunk's PDF
    templates: Path | None = None
    title: str = "quizforge"


@dataclass(frozen=True)
class ChunkResult:
    index: int
    path: Path
    page_counts: tuple[int, ...]  # pages of each document, in order
    meta: tuple = field(default=())


def _warm_up() -> None:
    """Import WeasyPrint once, before forking, so workers do not each pay for it."""
    from ..render.pdf import _weasyprint

    _weasyprint()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_chunk(job: ChunkJob) -> ChunkResult:
    """Worker entry point: lay out every document of the chunk and write them as one PDF."""
    import weasyprint

    from ..render.pdf import _fixed_font_timestamp, make_fetcher

    roots = template_roots(job.templates)
    fetcher = make_fetcher(roots)
    base_url = roots[-1].as_uri() + "/"
    documents, counts = [], []
    for spec in job.docs:
        try:
            html = render_html(spec.paper, spec.document, job.templates, batch=spec.batch)
            document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        except Exception as exc:  # noqa: BLE001 - reported with the student it happened to
            raise BatchRenderError(f"{spec.label}: cannot render the {spec.document}: "
                                   f"{type(exc).__name__}: {exc}") from None
        documents.append(document)
        counts.append(len(document.pages))
    pages = [page for document in documents for page in document.pages]
    try:
        with _fixed_font_timestamp():
            documents[0].copy(pages).write_pdf(job.path, pdf_tags=True, pdf_identifier=job.title.encode()[:32])
    except OSError as exc:
        raise BatchRenderError(f"cannot write {job.path}: {exc.strerror or exc}") from None
    return ChunkResult(job.index, job.path, tuple(counts))


def chunked(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def chunk_size(count: int, jobs: int, most: int = 12) -> int:
    """Enough chunks to keep every worker busy to the end, few enough to share fonts."""
    return max(1, min(most, -(-count // (jobs * 4))))


class Renderer:
    """Runs chunk jobs in ``jobs`` worker processes (or in this process for one job)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Renderer":
        _warm_up()
        if self.jobs > 1:
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        return self

    def __exit__(self, kind, exc, tb) -> None:
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
        for job in source:
            pending.append((job, self.pool.submit(render_chunk, job)))
            if len(pending) >= 2 * self.jobs:
                break
        while pending:
            job, future = pending.popleft()
            yield _result(job, future, describe)
            following = next(source, None)
            if following is not None:
                pending.append((following, self.pool.submit(render_chunk, following)))


def _result(job: ChunkJob, future: Future, describe: Callable[[ChunkJob], str]) -> ChunkResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise BatchRenderError(f"a worker process died while rendering {describe(job)} "
                               "(killed, or out of memory?); nothing was written, run the command again") from None
