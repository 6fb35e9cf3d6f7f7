"""`quizforge export`: make the paper as `build` does, turn it into one file, write it atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import OptionError
from ..io import check_writable, claim_folder, guard_outputs, write_output
from ..load import load_notes
from ..model import Paper
from ..pipeline import BuildRequest, make_paper
from ..strategies import Options, available
from .base import ExportContext, get


@dataclass(frozen=True)
class ExportRequest:
    source: Path
    to: str
    out: Path | None = None  # default: out/<topic>/<topic><format suffix>
    seed: int = 1
    strategies: tuple[str, ...] = ()
    count: int | None = None  # questions per strategy, for a bigger question bank
    force: bool = False  # replace an existing file that quizforge did not write


@dataclass(frozen=True)
class ExportResult:
    paper: Paper
    path: Path
    size: int
    warnings: tuple[str, ...]


def source_mtime(source: Path) -> int:
    """When the notes were last edited: $SOURCE_DATE_EPOCH if set (reproducible builds), else the file's mtime."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise OptionError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'")
        return int(epoch)
    return int(source.stat().st_mtime)


def export(request: ExportRequest) -> ExportResult:
    """Build the paper from the notes and write it in the chosen format; nothing is written on error."""
    exporter = get(request.to)
    if request.count is not None and request.count < 1:
        raise OptionError(f"--count must be at least 1, not {request.count}")
    topic = load_notes(request.source)  # the default file name needs the slug; checked again by make_paper
    path = request.out or Path("out") / topic.slug / f"{topic.slug}{exporter.suffix}"
    guard_outputs([path], [request.source], request.force)
    check_writable(path.parent)
    options = None
    if request.count:
        # every strategy the planner might pick for these notes, not only the History defaults
        options = {name: Options(count=request.count) for name in request.strategies or available()}
    paper, warnings = make_paper(BuildRequest(source=request.source, seed=request.seed,
                                              strategies=request.strategies, options=options))
    context = ExportContext(mtime=source_mtime(request.source))
    data = exporter.export(paper, context)
    warnings = (*warnings, *(f"skipped {s}" for s in context.skipped))
    if request.out is None:
        claim_folder(path.parent, request.source)
    write_output(path, data)
    return ExportResult(paper, path, len(data), warnings)
