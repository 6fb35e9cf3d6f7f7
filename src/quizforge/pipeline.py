"""The whole job, in the order it happens: load -> generate -> assemble -> render -> write."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble, series_before
from .io import check_writable, claim_folder, guard_outputs, write_all
from .load import load_notes
from .model import Paper, Presentation
from .papers import plan_paper
from .papers.naming import variant_file
from .render import render_files
from .strategies import Options
from .subjects import profile_for


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
    preset: str | None = None  # shipped name (quick-quiz, worksheet, exam) or a preset .yaml file
    tier: str | None = None  # support, core or stretch
    large_print: bool = False
    dyslexia_friendly: bool = False
    subject_profile: str | None = None  # a shipped subject profile's name or a .yaml file; None: from the notes
    force: bool = False  # replace existing files that quizforge did not write
    focus_from: Path | None = None  # a scan's results.json: weight the paper to what the class got wrong
    scannable: object | None = None  # scan.printed.ScanOptions: grids, corner marks, QR codes
    no_tint: bool = False


@dataclass(frozen=True)
class BuildResult:
    paper: Paper
    folder: Path
    files: tuple[Path, ...]
    warnings: tuple[str, ...]


def make_paper(request: BuildRequest) -> tuple[Paper, tuple[str, ...]]:
    """Load the notes and assemble the paper (no output)."""
    topic = load_notes(request.source)
    plan = plan_paper(request.strategies, request.options, preset=request.preset, tier=request.tier,
                      large_print=request.large_print, dyslexia_friendly=request.dyslexia_friendly,
                      subject=profile_for(topic.subject, request.subject_profile), no_tint=request.no_tint)

    def make(seed: int, previous: frozenset[str] = frozenset()):
        return assemble(topic, seed, plan.strategies, paper_size=request.paper_size,
                        options=plan.options, required=plan.required, limit=plan.limit, previous=previous)
    # Seeds make a series: each prefers what the seed before it did not ask (seed 1 is the first).
    result = make(request.seed, series_before(make, request.seed))
    if request.focus_from is not None:
        from .scan.focus import check_focus, focused, load_focus

        focus = load_focus(request.focus_from)
        check_focus(focus, topic, request.focus_from)
        chosen = focused(lambda seed: make(seed).paper, focus, topic)(request.seed)
        result = dataclasses.replace(result, paper=chosen)
    presentation = fit_time(plan.presentation, result.paper.total_marks)
    return dataclasses.replace(result.paper, presentation=presentation), result.skipped


MINUTES_PER_MARK = 1.5  # a GCSE paper allows a little over a minute a mark, with time to read and check


def fit_time(presentation: Presentation, marks: int) -> Presentation:
    """The preset's time allowance, cut down to what the paper's marks need (never '50 minutes' for 5 marks)."""
    if not presentation.minutes:
        return presentation
    needed = max(5, 5 * math.ceil(marks * MINUTES_PER_MARK / 5))
    return dataclasses.replace(presentation, minutes=min(presentation.minutes, needed))


def build(request: BuildRequest) -> BuildResult:
    """Make the paper and write every output for it into ``out/<topic>/``, atomically."""
    paper, warnings = make_paper(request)
    folder = request.out / paper.topic.slug
    check_writable(folder)  # a read-only or full disk is said now, not after the render
    claim_folder(folder, request.source)
    files = {variant_file(name, paper): data for name, data in render_files(paper, request.formats, request.templates).items()}
    if request.scannable is not None:  # the scannable worksheet replaces the plain one
        from .scan.printed import build_scannable

        files.update({variant_file(name, paper): data
                      for name, data in build_scannable(paper, request.templates, request.scannable).items()})
    guard_outputs([folder / name for name in files], [request.source], request.force)
    written = write_all(folder, files)
    return BuildResult(paper, folder, tuple(written), warnings)
