"""Scannable class sets (``batch --scannable``): grids in every paper, a code on every page, and the
layout sidecar the scanner reads (``scan-layout.json``, beside ``manifest.csv``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..io import write_atomic
from ..model import Paper, Topic
from ..scan.codes import PageCode, set_id
from ..scan.layout import layout_json, paper_layout
from ..scan.printed import LAYOUT_FILE, scan_context, set_layout
from ..scan.stamp import page_ops
from .plan import Assignment


def roster_digest(path: Path | None) -> dict | None:
    if path is None:
        return None
    return {"path": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


class ScanSet:
    """Collects each version's laid-out boxes as the workers report them, and draws the page codes."""

    def __init__(self, request, topic: Topic, folder_name: str):
        self.options = request.scannable
        self.topic = topic
        self.roster = roster_digest(request.roster)
        self.name = set_id("batch", topic.slug, request.seed, request.versions, request.strategies,
                           request.paper_size, folder_name, (self.roster or {}).get("sha256", ""),
                           request.copies, request.demo_roster, self.options.answer_sheet)
        self.context = scan_context(self.options)
        self.pages: dict[str, list] = {}  # version code -> [(width, height, boxes)] per page
        self.papers: dict[str, Paper] = {}  # version code -> paper, once all are rendered

    def doc_fields(self, a: Assignment | None) -> dict:
        """DocSpec fields: a student's paper is stamped by its worker; a shared version is not."""
        return {"scan": self.context, "qr": (self.name, a.code, a.position) if a else None}

    def add(self, code: str, pages: list) -> None:
        self.pages.setdefault(code, pages)

    def ops(self, a: Assignment):
        """``page number -> PDF operators`` for a student's copy of a shared version."""
        pages = self.pages[a.code]

        def draw(number: int) -> bytes:
            width, height, _ = pages[number]
            return page_ops(width, height, PageCode(self.name, a.code, a.position, number + 1))
        return draw

    def write(self, work: Path, assignments: list[Assignment]) -> Path:
        distinct = self.papers
        versions = {code: paper_layout(distinct[code], self.pages[code]) for code in distinct}
        students = [{"id": a.position, "name": a.student.name, "class": a.student.class_name,
                     "candidate": a.student.candidate, "version": a.code, "roster_line": a.student.line or 0}
                    for a in assignments]
        layout = set_layout(self.name, self.topic, next(iter(distinct.values())).paper_size, self.options,
                            versions, students, self.roster)
        path = work / LAYOUT_FILE
        write_atomic(path, layout_json(layout))
        return path
