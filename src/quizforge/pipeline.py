"""The whole job, in the order it happens: load -> generate -> assemble -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .io import write_all
from .load import load_notes
from .model import Paper
from .render import render_files
from .strategies import DEFAULT_STRATEGIES, Options


@dataclass(frozen=True)
class BuildRequest:
    source: Path
    out: Path = Path("out")
    seed: int = 1
    strategies: tuple[str, ...] = ()  # empty: the defaults, skipping any short of material
    paper_size: str = "a4"
    formats: tuple[str, ...] = ("pdf",)
    templates: Path | None = None
    options: dict[str, Options] | None = None


@dataclass(frozen=True)
class BuildResult:
    paper: Paper
    folder: Path
    files: tuple[Path, ...]
    warnings: tuple[str, ...]


def make_paper(request: BuildRequest) -> tuple[Paper, tuple[str, ...]]:
    """Load the notes and assemble the paper (no output)."""
    topic = load_notes(request.source)
    strategies = request.strategies or DEFAULT_STRATEGIES
    result = assemble(topic, request.seed, strategies, paper_size=request.paper_size,
                      options=request.options, required=bool(request.strategies))
    return result.paper, result.skipped


def build(request: BuildRequest) -> BuildResult:
    """Make the paper and write every output for it into ``out/<topic>/``, atomically."""
    paper, warnings = make_paper(request)
    files = render_files(paper, request.formats, request.templates)
    folder = request.out / paper.topic.slug
    written = write_all(folder, files)
    return BuildResult(paper, folder, tuple(written), warnings)
