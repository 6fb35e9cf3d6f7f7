"""A class set, start to finish: roster -> assignments -> render in workers -> combine -> publish."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from ..errors import OptionError, QuizforgeError
from ..io import check_writable, claim_folder, describe, exclusive
from ..load import load_notes
from ..model import Paper
from ..render.html import render_html
from .manifest import manifest_rows, rebuild_command, write_manifest
from .pdfout import CombinedPdf, Stamper, split_out
from .plan import (
    Assignment,
    compact_key,
    written_guidance,
    SchemeGroup,
    answer_key,
    make_assignments,
    paper_maker,
    scheme_groups,
)
from .progress import Progress
from .render import BatchRenderError, ChunkJob, DocSpec, Renderer, chunk_size, chunked
from .glyphs import name_warnings
from .roster import Student, copies, demo_roster, read_roster

@dataclass(frozen=True)
class BatchRequest:
    source: Path
    roster: Path | None = None
    copies: int | None = None
    demo_roster: int | None = None
    versions: int | None = None
    seed: int = 1
    out: Path = Path("out")
    name: str | None = None  # folder batch-<name>; default the roster's class (see set_name)
    jobs: int | None = None  # default: every core
    duplex: bool = True
    split: bool = False
    quiet: bool = False
    # One full scheme per distinct paper, instead of (one paper per student) shared guidance for
    # the written answers plus a compact answer key per student.
    full_schemes: bool = False
    templates: Path | None = None
    paper_size: str = "a4"
    strategies: tuple[str, ...] = ()
    focus_from: Path | None = None  # a scan's results.json: each paper weighted to what the class got wrong
    scannable: object | None = None  # scan.printed.ScanOptions: grids, marks and a QR code per page
    # the same paper options as `build`
    preset: str | None = None
    tier: str | None = None
    large_print: bool = False
    dyslexia_friendly: bool = False
    no_tint: bool = False
    force: bool = False  # replace a set of the same name


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    files: tuple[Path, ...]
    students: int
    distinct_papers: int
    paper_pages: int
    scheme_pages: int
    warnings: tuple[str, ...] = ()  # e.g. names no installed font can draw


def run_batch(request: BatchRequest, progress_stream=None) -> BatchResult:
    """Validate everything, render every paper, then publish the folder in one rename."""
    students = load_students(request)
    jobs = _jobs(request.jobs)
    topic = load_notes(request.source)
    plan = _plan(request, topic)
    make = _focus(request, topic, paper_maker(topic, request.strategies, request.paper_size, None, plan))
    assignments = make_assignments(students, request.seed, request.versions)
    folder = request.out / topic.slug / f"batch-{set_name(request, students, plan)}"
    claim_folder(folder.parent, request.source, check_only=True)  # claimed once the set is made
    if folder.exists() and not request.force:
        raise OptionError(f"{folder} already exists, so nothing was made: name this set with --name "
                          "(e.g. --name 10B-mock), or add --force to replace that set")
    scan = _scan_set(request, topic, folder.name)
    progress = Progress(len(assignments), enabled=False if request.quiet else None, stream=progress_stream)
    title = f"{topic.title} – class set"
    busy = (f"another quizforge batch is writing {folder} now; wait for it to finish, "
            "or give this one its own --name")
    try:
        with exclusive(folder.with_name(f".{folder.name}.lock"), busy):
            check_writable(folder.parent)
            with staged_folder(folder) as work:
                files, distinct, counts = _make_set(request, assignments, make, work, topic, title, jobs, progress, scan)
                progress.finish()
    except OSError as exc:  # a full disk, say, anywhere on the way: the partial set is already removed
        raise QuizforgeError(f"cannot write the class set to {folder}: {describe(exc)}") from None
    files = tuple(folder / f.relative_to(work) for f in files)
    claim_folder(folder.parent, request.source)
    return BatchResult(folder, files, len(assignments), distinct, *counts, warnings=tuple(name_warnings(students)))


def _make_set(request, assignments, make, work, topic, title, jobs, progress, scan=None):
    papers = CombinedPdf(request.duplex, title, work / "papers.pdf")
    schemes = CombinedPdf(request.duplex, f"{topic.title} – mark schemes", work / "markschemes.pdf")
    try:
        distinct = _render(request, assignments, make, work, papers, schemes, jobs, progress, scan)
        progress.step("Putting the PDFs together and writing the manifest")
        files = _write_outputs(request, work, assignments, papers, schemes)
        if scan is not None:
            files.append(scan.write(work, assignments))
        return files, distinct, (papers.page_count, schemes.page_count)
    finally:
        for pdf in (papers, schemes):
            try:
                pdf.close()
            except OSError:  # closing after a full disk fails too; the error that matters is already raised
                pass


def load_students(request: BatchRequest) -> tuple[Student, ...]:
    given = [o for o in ("roster", "copies", "demo_roster") if getattr(request, o) is not None]
    if len(given) != 1:
        raise OptionError("give exactly one of --roster FILE, --copies N or --demo-roster N")
    if request.versions is not None and not 1 <= request.versions <= 26:
        raise OptionError(f"--versions {request.versions}: choose between 1 and 26")
    if request.roster is not None:
        return read_roster(request.roster)
    count = request.copies if request.copies is not None else request.demo_roster
    if count < 1:
        raise OptionError("the class needs at least one student")
    return copies(count) if request.copies is not None else demo_roster(count, request.seed)


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if jobs < 1:
        raise OptionError(f"--jobs {jobs}: give at least 1")
    return jobs


def _plan(request: BatchRequest, topic=None):
    """The preset, tier and print options, as `build` plans them; None for the default paper."""
    if not (request.preset or request.tier or request.large_print or request.dyslexia_friendly):
        if request.no_tint:
            raise OptionError("--no-tint goes with --dyslexia-friendly (only that print is tinted)")
        return None
    from ..papers import plan_paper

    from ..subjects import profile_for

    return plan_paper(request.strategies, None, preset=request.preset, tier=request.tier,
                      large_print=request.large_print, dyslexia_friendly=request.dyslexia_friendly,
                      no_tint=request.no_tint, subject=profile_for(topic.subject) if topic else None)


def set_name(request: BatchRequest, students: tuple[Student, ...], plan) -> str:
    """The set's folder name: --name, else the roster's class(es), else the roster file's name, else
    'copies-N'; then the paper options and a seed other than 1, as `build` names its files."""
    from ..model import Presentation
    from ..papers.naming import variant_parts

    if request.name is not None:
        return _slug(request.name, "--name")
    classes = list(dict.fromkeys(s.class_name for s in students if s.class_name))
    if classes:
        base = "+".join(classes[:3]) + ("+more" if len(classes) > 3 else "")
    elif request.roster is not None:
        base = request.roster.stem
    else:
        base = f"{'copies' if request.copies is not None else 'demo'}-{len(students)}"
    variant = variant_parts(plan.presentation if plan else Presentation(), request.seed)
    if request.versions:
        variant.append(f"{request.versions}-versions")
    return _slug("-".join([base, *variant]), "the class name")


def _slug(name: str, what: str) -> str:
    slug = re.sub(r"[^\w.+-]+", "-", unicodedata.normalize("NFKC", name)).strip("-.")
    if not slug:
        raise OptionError(f"{what} {name!r}: use letters, digits, '-' or '.'")
    return slug


@contextmanager
def staged_folder(final: Path) -> Iterator[Path]:
    """Work in a hidden ``.NAME.partial`` folder; only a finished set is renamed to ``NAME``.

    An interrupted or failed run removes its partial folder (a killed one leaves it hidden,
    and the next run clears it), so nothing half-written ever looks complete.
    """
    work = final.with_name(f".{final.name}.partial")
    try:
        if work.exists():
            shutil.rmtree(work)
        (work / ".chunks").mkdir(parents=True)
    except OSError as exc:
        raise QuizforgeError(f"cannot create {work}: {exc.strerror or exc}") from None
    try:
        yield work
        shutil.rmtree(work / ".chunks")
        _publish(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _publish(work: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(work, final)
    shutil.rmtree(old, ignore_errors=True)


def _focus(request: BatchRequest, topic, make):
    if request.focus_from is None:
        return make
    from ..scan.focus import check_focus, focused, load_focus

    focus = load_focus(request.focus_from)
    check_focus(focus, topic, request.focus_from)
    return focused(make, focus, topic)


def _scan_set(request: BatchRequest, topic, folder_name: str):
    if request.scannable is None:
        return None
    from .scanset import ScanSet

    return ScanSet(request, topic, folder_name)


def _render(request, assignments, make, work, papers, schemes, jobs, progress, scan=None) -> int:
    """Render and combine; returns the number of distinct papers."""
    distinct: dict[str, Paper] = {}

    def paper(a: Assignment) -> Paper:  # assembled on demand, while the workers render earlier chunks
        if a.code not in distinct:
            distinct[a.code] = make(a.seed, a.student.large_print)
        return distinct[a.code]

    mode = _render_versions if request.versions else _render_each
    mode(request, assignments, paper, distinct, work, papers, schemes, jobs, progress, scan)
    if scan is not None:
        scan.papers = dict(distinct)
    return len(distinct)


def _student_context(a: Assignment, mode: str) -> dict:
    s = a.student
    return {"mode": mode, "version": a.code, "running": a.running, "answer_keys": None,
            "student": {"name": s.name, "class_name": s.class_name, "candidate": s.candidate}}


def _scheme_spec(group: SchemeGroup) -> DocSpec:
    also = f" (also {', '.join(code for code, _ in group.others)})" if group.others else ""
    keys = [answer_key(code, paper, group.lead) for code, paper in group.others]
    batch = {"mode": "scheme", "version": group.lead_code + also, "lead": group.lead_code, "running": "",
             "student": None, "answer_keys": keys}
    return DocSpec(group.lead, "markscheme", batch, f"the mark scheme for version {group.lead_code}")


def _scheme_jobs(groups: list[SchemeGroup], request, work: Path) -> list[ChunkJob]:
    specs = [_scheme_spec(group) for group in groups]
    size = chunk_size(len(specs))
    return [ChunkJob(i, tuple(chunk), work / ".chunks" / f"schemes-{i:05d}.pdf", request.templates, "mark schemes")
            for i, chunk in enumerate(chunked(specs, size))]


KEYS_PER_DOCUMENT = 16


def _key_jobs(assignments: list[Assignment], distinct: dict[str, Paper], request, work: Path,
              who: Callable[[Assignment], str] = lambda a: a.running or f"Copy {a.position}") -> list[ChunkJob]:
    """Shared marking guidance for the written answers, then a compact key per paper, in the given order.

    The guidance is a document of its own (it starts the answer keys on a new page anyway),
    so it is laid out beside the keys, not before them.
    """
    guidance = written_guidance(list(distinct.values()))
    labels = {q.id: label for label, q in guidance}
    keys = [compact_key(a.code, who(a), distinct[a.code], labels) for a in assignments]
    lead = distinct[assignments[0].code]
    parts = ([{"key_list": [], "guidance": guidance, "version": keys[0]["code"]}] if guidance else []) + [
        {"key_list": chunk, "guidance": [], "version": chunk[0]["code"]} for chunk in chunked(keys, KEYS_PER_DOCUMENT)]
    docs = [DocSpec(lead, "batch/keys", {"mode": "keys", "running": "", "student": None, "answer_keys": None, **part},
                    f"the answer keys from version {part['version']}" if part["key_list"] else "the marking guidance")
            for part in parts]
    return [ChunkJob(i, (doc,), work / ".chunks" / f"schemes-{i:05d}.pdf", request.templates, "answer keys")
            for i, doc in enumerate(docs)]


def _warm_scheme(a: Assignment, paper: Paper, request) -> ChunkJob:
    """A scheme job for warming up only: every scheme has the same stylesheet."""
    return ChunkJob(0, (_scheme_spec(SchemeGroup(paper, a.code, ())),), Path("warm.pdf"), request.templates)


def _describe(job: ChunkJob) -> str:
    labels = [d.label for d in job.docs]
    return labels[0] if len(labels) == 1 else f"{labels[0]} … {labels[-1]}"


def _render_each(request, assignments, paper, distinct, work, papers, schemes, jobs, progress, scan=None) -> None:
    """Default mode: every student's own paper, laid out in full (with their details in it)."""
    size = chunk_size(len(assignments))
    scanned = iter(assignments)  # papers chunks come back in order: whose boxes each result holds

    def all_jobs():
        for i, chunk in enumerate(chunked(assignments, size)):
            specs = tuple(DocSpec(paper(a), "worksheet", _student_context(a, "paper"), a.label,
                                  **(scan.doc_fields(a) if scan else {})) for a in chunk)
            yield ChunkJob(i, specs, work / ".chunks" / f"papers-{i:05d}.pdf", request.templates, "class set")
        if request.full_schemes:  # once every paper is known
            yield from _scheme_jobs(scheme_groups(distinct), request, work)
        else:
            yield from _key_jobs(assignments, distinct, request, work)

    jobs_iter = all_jobs()
    first = next(jobs_iter)
    with Renderer(jobs, warm=(first, _warm_scheme(assignments[0], paper(assignments[0]), request))) as renderer:
        for result in renderer.map(itertools.chain([first], jobs_iter), _describe):
            if result.path.name.startswith("papers-"):
                papers.add_chunk(result.path, result.page_counts)
                progress.advance(len(result.page_counts))
                for boxes in result.boxes:
                    scan.add(next(scanned).code, boxes)
            else:  # full schemes start on a sheet of their own; guidance and keys read straight on
                schemes.add_chunk(result.path, result.page_counts, pad=request.full_schemes)
            result.path.unlink()  # copied: the disk, like memory, holds one chunk at a time


def _render_versions(request, assignments, paper, distinct, work, papers, schemes, jobs, progress, scan=None):
    """--versions K: lay out each version once, then stamp each student's details onto its pages.

    The details are drawn straight into the pages where the version's layout left room
    for them; only if that cannot be done (a name the font cannot draw, say) is each
    student's details laid out too, as one-page overlays.
    """
    for a in assignments:
        paper(a)
    version_jobs = [
        ChunkJob(i, (DocSpec(p, "worksheet", {"mode": "version", "version": code, "running": "",
                                              "student": None, "answer_keys": None}, f"version {code}",
                             **(scan.doc_fields(None) if scan else {})),),
                 work / ".chunks" / f"version-{code}.pdf", request.templates, f"version {code}", slots=True)
        for i, (code, p) in enumerate(distinct.items())
    ]
    if request.full_schemes:
        scheme_jobs = _scheme_jobs(scheme_groups(distinct), request, work)
    else:  # one key per version, in the order the versions are dealt
        firsts = list({a.code: a for a in assignments}.values())
        scheme_jobs = _key_jobs(firsts, distinct, request, work, who=lambda a: "")
    stamper = Stamper(papers)
    slots = {}
    details = [(a.code, _details(a)) for a in assignments]
    stamped = False
    with Renderer(jobs, warm=(version_jobs[0], scheme_jobs[0])) as renderer:
        for result in renderer.map(version_jobs + scheme_jobs, _describe):
            if result.path.name.startswith("version-"):
                code = result.path.stem.split("-", 1)[1]
                slots[code], top_margin = result.meta[0]
                stamper.add_version(code, result.path, 0, result.page_counts[0], top_margin)
                if scan is not None:
                    scan.add(code, result.boxes[0])
                if len(slots) == len(version_jobs) and stamper.use_text(slots, details):
                    for a, (code, student) in zip(assignments, details):  # while the workers lay out the keys
                        stamper.add_student_text(code, student, scan.ops(a) if scan else None)
                        progress.advance(1)
                    stamper.finish()
                    stamped = True
            else:
                schemes.add_chunk(result.path, result.page_counts, pad=request.full_schemes)
                result.path.unlink()
        if not stamped:
            _render_overlays(request, assignments, distinct, work, stamper, renderer, progress, scan)


def _details(a: Assignment) -> dict[str, str]:
    s = a.student
    return {"name": s.name, "class_name": s.class_name, "candidate": s.candidate, "running": a.running}


def _render_overlays(request, assignments, distinct, work, stamper, renderer, progress, scan=None) -> None:
    """Each student's details laid out on a page of their own and stamped over their version."""
    size = max(8, chunk_size(len(assignments), most=40))  # overlays are light: fewer, bigger
    overlay_jobs = [
        ChunkJob(i, tuple(DocSpec(distinct[a.code], "worksheet", _student_context(a, "overlay"), a.label)
                          for a in chunk), work / ".chunks" / f"overlay-{i:05d}.pdf", request.templates, "overlay",
                 combine=True)
        for i, chunk in enumerate(chunked(assignments, size))
    ]
    queue = iter(assignments)
    for result in renderer.map(overlay_jobs, _describe):
        _stamp_chunk(stamper, result, queue, scan)
        progress.advance(len(result.page_counts))


def _stamp_chunk(stamper: Stamper, result, queue, scan=None) -> None:
    students = [next(queue) for _ in result.page_counts]
    if list(result.page_counts) != [1] * len(students):
        raise BatchRenderError(f"the student details for {students[0].label} … took more than one page each "
                               "(does a template override add content to the overlay?)")
    stamper.add_students(result.path, [a.code for a in students], [scan.ops(a) for a in students] if scan else None)
    result.path.unlink()


def _write_outputs(request, work: Path, assignments, papers: CombinedPdf, schemes: CombinedPdf) -> list[Path]:
    try:
        files = [papers.path, schemes.path, work / "manifest.csv"]
        papers.save()
        schemes.save()
        spans = papers.spans
        rebuild = partial(rebuild_command, request.source, strategies=request.strategies, paper_size=request.paper_size,
                          options=_build_flags(request), focus_from=request.focus_from)
        large = {a.seed for a in assignments if a.student.large_print and not request.large_print}
        write_manifest(files[2], manifest_rows(
            assignments, spans, lambda seed: rebuild(seed) + (" --large-print" if seed in large else "")))
        if request.split:
            names = [_split_name(a) for a in assignments]
            split_out(files[0], spans, names, work / "students")
            files += [work / "students" / n for n in names]
    except OSError as exc:
        raise QuizforgeError(f"cannot write the class set to {work}: {exc.strerror or exc}") from None
    return files


def _build_flags(request: BatchRequest) -> tuple[str, ...]:
    """The `quizforge build` options that make the same paper as this set."""
    flags: list[str] = []
    for option, value in (("--preset", request.preset), ("--tier", request.tier)):
        if value:
            flags += [option, value]
    for option, on in (("--large-print", request.large_print), ("--dyslexia-friendly", request.dyslexia_friendly),
                       ("--no-tint", request.no_tint)):
        if on:
            flags.append(option)
    return tuple(flags)


def _split_name(a: Assignment) -> str:
    who = a.student.name or "copy"
    slug = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFKD", who).encode("ascii", "ignore").decode()).strip("-")
    return f"{a.position:04d}-{slug or 'student'}-{a.code}.pdf"


def class_set_html(request: BatchRequest) -> list[tuple[str, str]]:
    """(name, HTML) of every document a per-student class set lays out: for benchmarks and checks."""
    students = load_students(request)
    topic = load_notes(request.source)
    make = paper_maker(topic, request.strategies, request.paper_size, None, _plan(request, topic))
    assignments = make_assignments(students, request.seed, request.versions)
    distinct = {a.code: make(a.seed, a.student.large_print) for a in assignments}
    out = [(f"paper-{a.position:04d}", render_html(distinct[a.code], "worksheet", request.templates,
                                                  batch=_student_context(a, "paper"))) for a in assignments]
    for job in _scheme_jobs(scheme_groups(distinct), request, Path(".")):
        out += [(f"scheme-{d.batch['version'][:6]}", render_html(d.paper, d.document, request.templates, batch=d.batch))
                for d in job.docs]
    return out
