"""Scannable papers: the worksheet laid out with its grids, stamped with marks and codes, and the
layout sidecar (``scan-layout.json``) the reader needs to know where to look."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model import Paper, Topic
from .codes import PageCode, set_id
from .grid import grid_for
from .layout import LAYOUT_FORMAT, boxes_of, layout_json, paper_layout
from .stamp import stamp_pages

LAYOUT_FILE = "scan-layout.json"


@dataclass(frozen=True)
class ScanOptions:
    """``--scannable``; ``answer_sheet``: the closed questions' boxes on separate pages at the end."""

    answer_sheet: bool = False


def scan_context(options: ScanOptions) -> dict:
    """What the scan templates get as ``scan``."""
    return {"answer_sheet": options.answer_sheet, "grid": grid_for}


def version_of_seed(seed: int) -> str:
    return f"S{seed}"


def notes_index(topic: Topic) -> dict:
    """The notes' branches and points by id, so the class report can name what the class got wrong."""
    branches = {b.id: {"title": b.title, "kind": b.kind, "line": b.line} for b in topic.groups}
    points = {}
    for b in topic.groups:
        for p in b.walk():
            points[p.id] = {"text": p.text, "line": p.line, "branch": b.id}
    return {"source": topic.source, "title": topic.title, "branches": branches, "points": points}


def set_layout(set_name: str, topic: Topic, paper_size: str, options: ScanOptions, versions: dict[str, dict],
               students: list[dict], roster: dict | None = None) -> dict:
    return {"format": LAYOUT_FORMAT, "set": set_name, "paper_size": paper_size,
            "answer_sheet": options.answer_sheet, "notes": notes_index(topic), "versions": versions,
            "students": students, "roster": roster}


def build_scannable(paper: Paper, templates: Path | None, options: ScanOptions) -> dict[str, bytes]:
    """``worksheet.pdf`` with grids, marks and codes (one student, id 0), and ``scan-layout.json``."""
    from ..render.env import template_roots
    from ..render.html import render_html
    from ..render.pdf import document_pdf, lay_out

    html = render_html(paper, "worksheet", templates, scan=scan_context(options))
    document = lay_out(html, template_roots(templates))
    pages = boxes_of(document)
    pdf = document_pdf(document, title=f"{paper.topic.title} – Worksheet")
    name = set_id("build", paper.topic.slug, paper.seed, paper.strategies, paper.paper_size,
                  hashlib.sha256(html.encode("utf-8")).hexdigest())
    version = version_of_seed(paper.seed)
    codes = [PageCode(name, version, 0, i + 1) for i in range(len(pages))]
    students = [{"id": 0, "name": "", "class": "", "candidate": "", "version": version}]
    layout = set_layout(name, paper.topic, paper.paper_size, options, {version: paper_layout(paper, pages)}, students)
    return {"worksheet.pdf": stamp_pages(pdf, codes), LAYOUT_FILE: layout_json(layout)}
