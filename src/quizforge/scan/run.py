"""`quizforge scan`: read every page, place it, score every student, write the results atomically."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import OptionError, QuizforgeError
from ..io import write_all
from .decide import DOUBLE, REVIEW
from .images import PageRef, ScanError, load_page, page_refs
from .layout import LAYOUT_FORMAT
from .codes import PageCode
from .page import MIN_ALIGNED, PageRead, fits, read_page
from .printed import LAYOUT_FILE
from .report import report_html, results_data, results_json
from .results import StudentResult, read_written_marks, row_key, score_student
from .review import ReviewItem, read_decisions, review_csv, review_html
from .sequence import by_sequence

REVIEW_FILE = "review.csv"


@dataclass(frozen=True)
class ScanRequest:
    scans: tuple[Path, ...]
    set_folder: Path
    out: Path | None = None  # default SET-results, beside the set (printing the set again replaces SET)
    written_marks: Path | None = None
    decisions: Path | None = None
    jobs: int | None = None
    templates: Path | None = None


@dataclass(frozen=True)
class ScanResult:
    folder: Path
    files: tuple[Path, ...]
    students: int
    pages: int
    review: int
    problems: tuple[str, ...]


def load_layout(folder: Path) -> dict:
    path = layout_path(folder)
    try:
        layout = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise QuizforgeError(f"{path}: cannot read the layout ({exc}); print the set again") from None
    if layout.get("format") != LAYOUT_FORMAT:
        raise QuizforgeError(f"{path}: layout format {layout.get('format')!r} is not {LAYOUT_FORMAT!r}")
    check_roster(folder, layout)
    return layout


def layout_path(folder: Path) -> Path:
    """The set's layout: SET/scan-layout.json, or the one variant's (scan-layout-exam.json ...) in it."""
    found = sorted(folder.glob("scan-layout*.json")) if folder.is_dir() else []
    if (folder / LAYOUT_FILE).is_file():
        return folder / LAYOUT_FILE
    if len(found) == 1:
        return found[0]
    if found:
        raise OptionError(f"--set {folder}: it holds the layouts of several papers ({', '.join(f.name for f in found)}); "
                          "keep the one you printed in a folder of its own")
    raise OptionError(f"--set {folder}: no {LAYOUT_FILE} there; give the folder of a paper or class set "
                      "printed with --scannable")


def check_roster(folder: Path, layout: dict) -> None:
    """The class list must be the one the set was printed for: students are known by their place in it."""
    roster = layout.get("roster")
    if roster and Path(roster["path"]).is_file():
        now = hashlib.sha256(Path(roster["path"]).read_bytes()).hexdigest()
        if now != roster["sha256"]:
            raise QuizforgeError(f"{roster['path']}: the roster has changed since this set was printed; the scans "
                                 f"are matched to the students as printed (listed in {folder / LAYOUT_FILE}). "
                                 "Put the roster back as it was, or print a new set for the new roster")
    manifest = folder / "manifest.csv"
    if manifest.is_file():
        with open(manifest, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        printed = [(str(s["id"]), s["name"], s["version"]) for s in layout["students"]]
        listed = [(r.get("position", ""), r.get("name", ""), r.get("version", "")) for r in rows]
        if printed != listed:
            raise QuizforgeError(f"{manifest}: the class list differs from the one the set was printed with "
                                 f"({LAYOUT_FILE}); restore manifest.csv or print the set again")


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 8))
    if jobs < 1:
        raise OptionError(f"--jobs {jobs}: give at least 1")
    return jobs


_LAYOUT: dict = {}


def _read(job: tuple[PageRef, PageCode | None]) -> PageRead:
    return read_page(job[0], _LAYOUT, assigned=job[1])


def read_all(refs: list[PageRef], layout: dict, jobs: int, assigned: dict | None = None):
    """Page reads in scan order; with several jobs, forked workers share the layout (read once).

    ``assigned``: page key -> PageCode, for pages the teacher matched by hand in the review."""
    global _LAYOUT
    _LAYOUT = layout
    work = [(ref, (assigned or {}).get(page_key(ref))) for ref in refs]
    if jobs == 1 or len(refs) < 4:
        for job in work:
            yield _read(job)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_read, work, chunksize=2)


def page_key(ref: PageRef) -> str:
    return f"page:{ref.file}:{ref.page}"


def hand_matched(decisions: dict[str, str], layout: dict) -> dict[str, PageCode]:
    """Review decisions 'STUDENT:PAGE' (roster place, page of their paper) for pages without a code."""
    students = {str(s["id"]): s for s in layout["students"]}
    out = {}
    for key, decision in decisions.items():
        if not key.startswith("page:"):
            continue
        who, _, page = decision.partition(":")
        student = students.get(who.strip())
        pages = len(layout["versions"][student["version"]]["pages"]) if student else 0
        if student is None or not page.strip().isdigit() or not 1 <= int(page) <= pages:
            raise QuizforgeError(f"review decision for {key}: '{decision}' should be STUDENT:PAGE, e.g. 3:2 "
                                 "(the student's place in the roster, the page of their paper)")
        out[key] = PageCode(layout["set"], student["version"], student["id"], int(page))
    return out


def place_by_sequence(reads: list[PageRead], layout: dict) -> list[str]:
    """Pages without a readable code that the pages either side of them name (``sequence.py``),
    read as those pages when each one's boxes line up with its page (corner marks placing it) and
    with no page missing from a scanned student's paper that no lost page's neighbours account for
    (a stray page filed where a missing one belongs); ``reads`` is updated in place.

    Returns what was done, for the report: the teacher should know."""
    notes = []
    students = {s["id"]: s for s in layout["students"]}
    runs = by_sequence(reads, layout)
    claimed = {code for run in runs for _, code in run}
    missing = [c for c in _missing(reads, layout) if c not in claimed] if runs else []
    for run in runs:
        images = [load_page(reads[i].ref) for i, _ in run]
        checked = [(i, code, image, _fit_problem(image, code, layout, missing))
                   for (i, code), image in zip(run, images)]
        doubt = any(why for *_, why in checked)
        for i, code, image, why in checked:
            where = f"{_who(students[code.student])} page {code.page}"
            if doubt:
                reads[i] = dataclasses.replace(reads[i], problem=f"{reads[i].problem}; in the scan where "
                                               f"{where} belongs, but {why or 'the lost page beside it does not fit'}")
                continue
            reads[i] = read_page(reads[i].ref, layout, image, assigned=code)
            notes.append(f"{reads[i].ref}: no readable code; placed as {where} by the pages either side of it")
    return notes


def _fit_problem(image, code: PageCode, layout: dict, missing: list[PageCode]) -> str:
    """Why the scanned page cannot be ``code``'s page by its boxes ("" if it can)."""
    rivals = {(c.version, c.page): c for c in missing if c != code}.values()  # one per distinct layout
    mine, *others = fits(image, [_layout_page(layout, c) for c in (code, *rivals)])
    if mine < MIN_ALIGNED:
        return "it does not line up with that page"
    if any(f >= MIN_ALIGNED for f in others):
        return "it would fit another missing page too"
    return ""


def _layout_page(layout: dict, code: PageCode) -> dict:
    return layout["versions"][code.version]["pages"][code.page - 1]


def _missing(reads: list[PageRead], layout: dict) -> list[PageCode]:
    """The pages not in the scans of the students who have some page in them (a student not scanned
    at all is away, not a source of stray pages)."""
    have = {(r.code.student, r.code.page) for r in reads if r.code is not None and not r.problem}
    scanned = {student for student, _ in have}
    return [PageCode(layout["set"], s["version"], s["id"], page) for s in layout["students"] if s["id"] in scanned
            for page in range(1, len(layout["versions"][s["version"]]["pages"]) + 1) if (s["id"], page) not in have]


def scan(request: ScanRequest) -> ScanResult:
    layout = load_layout(request.set_folder)
    refs = page_refs(list(request.scans))
    if not refs:
        raise OptionError("give at least one scan (PDF or image)")
    written = read_written_marks(request.written_marks, layout) if request.written_marks else {}
    out = request.out or results_folder(request.set_folder)
    decisions = read_decisions(out / REVIEW_FILE) if (out / REVIEW_FILE).is_file() else {}
    if request.decisions:
        decisions.update(read_decisions(request.decisions))
    reads = list(read_all(refs, layout, _jobs(request.jobs), hand_matched(decisions, layout)))
    notes = place_by_sequence(reads, layout)
    placed, unplaced, problems = _place(reads, layout)
    problems = notes + problems
    results, items = _score(layout, placed, decisions, written)
    items += [_page_item(p, decisions) for p in unplaced]
    students_by_id = {s["id"]: s for s in layout["students"]}
    for sid, pages in placed.items():
        version = layout["versions"][students_by_id[sid]["version"]]
        if len(pages) < len(version["pages"]):
            missing = sorted(set(range(1, len(version["pages"]) + 1)) - set(pages))
            problems.append(f"{_who(students_by_id[sid])}: page{'s' if len(missing) > 1 else ''} "
                            f"{', '.join(map(str, missing))} not in the scans")
    data = results_data(layout, results)
    files = {
        "marks.csv": marks_csv(layout, results),
        "results.json": results_json(data),
        REVIEW_FILE: review_csv(items),
        "review.html": review_html(items, layout["notes"]["title"], request.templates),
        "report.html": report_html(layout, results, data, problems, request.templates),
    }
    written_files = write_all(out, files)
    return ScanResult(out, tuple(written_files), len(results), len(refs),
                      sum(1 for i in items if not i.decision), tuple(problems))


def results_folder(set_folder: Path) -> Path:
    """Beside the set, not in it: a class set printed again under the same name replaces its folder,
    and the teacher's review decisions must not go with it."""
    resolved = set_folder.resolve()
    return resolved.with_name(f"{resolved.name}-results")


def _who(student: dict) -> str:
    return student.get("name") or f"student {student['id']}"


def _place(reads, layout: dict):
    """Pages by student and page number; pages that could not be placed; problems to report.

    A page of another set stops the run (nothing is written): its results belong elsewhere.
    """
    placed: dict[int, dict[int, PageRead]] = {}
    unplaced: list[PageRead] = []
    problems: list[str] = []
    known = {s["id"]: s for s in layout["students"]}
    for read in reads:
        if read.problem == "another set":
            raise ScanError(f"{read.ref}: this page is from another set ({read.code.set_id}), not from "
                            f"{layout['set']}; scan it with --set pointing at its own folder")
        if read.problem == "blank page":
            continue
        if read.problem or read.code is None:
            unplaced.append(read)
            problems.append(f"{read.ref}: {read.problem}; listed for review")
            continue
        student = known.get(read.code.student)
        if student is None or student["version"] != read.code.version:
            raise ScanError(f"{read.ref}: its code names student {read.code.student} with version "
                            f"{read.code.version}, who is not in this set as printed; was the set printed again?")
        pages = placed.setdefault(read.code.student, {})
        if read.code.page in pages:
            problems.append(f"{read.ref}: {_who(student)} page {read.code.page} was scanned twice; "
                            f"the first ({pages[read.code.page].ref}) is used")
            continue
        pages[read.code.page] = read
    if not placed and unplaced:  # nothing of this set at all: the wrong files, most likely
        first = unplaced[0]
        raise ScanError(f"{first.ref}: not a sheet of this set ({first.problem}); scan the printed papers "
                        "of this set (each page has a QR code and four black corner squares)")
    return placed, unplaced, problems


def _score(layout, placed, decisions, written):
    results: list[StudentResult] = []
    items: list[ReviewItem] = []
    for student in layout["students"]:
        pages = placed.get(student["id"])
        if not pages:
            continue
        code = student["version"]
        version = layout["versions"][code]
        rows, where = {}, {}
        for number, read in pages.items():
            for row in read.rows:
                rows[(row.question, row.row)] = row
                where[(row.question, row.row)] = read
        result = score_student(student, version, code, rows, set(pages), decisions, written.get(student["id"], {}))
        results.append(result)
        questions = {q["number"]: q for q in version["questions"]}
        for (number, r), row in sorted(rows.items()):
            if row.status not in (REVIEW, DOUBLE):
                continue
            q = questions[number]
            key = row_key(student["id"], code, number, r)
            read_as = "double: counts 0 unless you decide" if row.status == DOUBLE else "not decided"
            items.append(ReviewItem(key, str(student["id"]), student.get("name", ""), student.get("class", ""),
                                    str(where[(number, r)].ref), number, q["rows"][r], read_as, row.reason,
                                    tuple(q["labels"]) + ("blank", "double"),
                                    where[(number, r)].crops.get((number, r), b""), decisions.get(key, "")))
    return results, items


def _page_item(read: PageRead, decisions: dict) -> ReviewItem:
    key = page_key(read.ref)
    return ReviewItem(key, "", "", "", str(read.ref), 0, "", "page not placed: give STUDENT:PAGE", read.problem, (), read.thumb,
                      decisions.get(key, ""))


def marks_csv(layout: dict, results: list[StudentResult]) -> bytes:
    """student, class, candidate, version, Q1..Qn, total, out of, percentage, status: ready for a spreadsheet."""
    numbers = sorted({q["number"] for v in layout["versions"].values() for q in v["questions"]})
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["student", "name", "class", "candidate_number", "version",
                     *[f"Q{n}" for n in numbers], "total", "out_of", "percentage", "status"])
    for r in results:
        marks = {q.number: q.marks for q in r.questions}
        pages = len(layout["versions"][r.version]["pages"])
        percent = f"{100 * r.total / r.max:.1f}" if r.max else ""
        writer.writerow([r.student["id"], r.student.get("name", ""), r.student.get("class", ""),
                         r.student.get("candidate", ""), r.version,
                         *["" if marks.get(n) is None else marks[n] for n in numbers],
                         r.total, r.max, percent, r.status(pages)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
