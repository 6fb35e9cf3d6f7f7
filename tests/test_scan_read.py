"""Reading scans: synthetic sheets filled as students fill them, degraded as copiers degrade them.

Seeded throughout: a failure names its seed, and re-runs exactly.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random

import pytest

from quizforge.scan.boxes import CANCELLED, EMPTY, FILLED, TICKED, Reading, calibrate
from quizforge.scan.decide import decide_rows
from quizforge.scan.results import decision_box, score_student

from .conftest import FIXTURES, PURGES

# date-match: true-false no longer prints dated events beside the order question (they answered it), so the
# paper needs another matching question for enough rows of every style
STRATEGIES = ("multiple-choice", "true-false", "sequence", "explain", "date-match")  # these notes have too little for a fair match
MORE_DATES = """\
  - date: January 1933
    event: Hitler becomes Chancellor of Germany
  - date: October 1933
    event: Germany leaves the League of Nations
  - date: March 1935
    event: Hitler announces conscription and a German air force
  - date: June 1935
    event: Britain and Germany sign a naval agreement
  - date: October 1935
    event: Italy invades Abyssinia
  - date: July 1936
    event: Civil war breaks out in Spain
"""


def reading(q, row, col, state, corners=0.0):
    return Reading(q, row, col, 0.5, 0.4, corners, state, (0, 0, 10, 10))


def test_rows_are_answered_blank_double_or_sent_to_review():
    rows = decide_rows([
        reading(1, 0, 0, EMPTY), reading(1, 0, 1, TICKED),  # one mark: answered
        reading(2, 0, 0, EMPTY), reading(2, 0, 1, EMPTY),  # nothing: blank
        reading(3, 0, 0, FILLED), reading(3, 0, 1, FILLED),  # two: double
        reading(4, 0, 0, "doubtful"), reading(4, 0, 1, FILLED),  # unsure: review, never a guess
        reading(5, 0, 0, CANCELLED, 0.5), reading(5, 0, 1, FILLED),  # corrected: the other box
        reading(6, 0, 0, CANCELLED, 0.5), reading(6, 0, 1, CANCELLED, 0.2),  # X spilt onto a neighbour
    ])
    got = [(r.status, r.box) for r in rows]
    assert got == [("answered", 1), ("blank", None), ("double", None), ("review", None), ("answered", 1),
                   ("answered", 1)]


def test_thresholds_come_from_the_sheet():
    pale = calibrate([0.02, 0.021, 0.019, 0.5], [0.6])
    dark = calibrate([0.15, 0.16, 0.14, 0.7], [0.9], paper=0.12)
    every_box_marked = calibrate([0.3, 0.31, 0.8, 0.9], [0.95], paper=0.0)
    assert abs(pale.empty - 0.02) < 0.01 and abs(dark.empty - 0.15) < 0.01
    assert pale.mark_at >= pale.empty_below > 0
    assert every_box_marked.empty <= 0.08  # bounded by the paper beside the boxes: the ticks still count


def test_decisions_and_scores():
    question = {"number": 1, "id": "x", "kind": "choice", "marks": 2, "rows": [""], "labels": ["A", "B", "C"],
                "key": [2]}
    assert decision_box(question, "c") == ("decided", 2)
    assert decision_box(question, "blank") == ("blank", None)
    with pytest.raises(ValueError):
        decision_box(question, "Z")
    version = {"questions": [question]}
    rows = decide_rows([reading(1, 0, 0, "doubtful"), reading(1, 0, 1, EMPTY), reading(1, 0, 2, EMPTY)])
    student = {"id": 4}
    pending = score_student(student, version, "A", {(1, 0): rows[0]}, {1}, {}, {})
    assert pending.questions[0].marks is None and pending.status(1) == "1 to review"
    settled = score_student(student, version, "A", {(1, 0): rows[0]}, {1}, {"4/A/Q1/1": "C"}, {})
    assert settled.questions[0].marks == 2 and settled.status(1) == "complete"


def test_jpeg_files_are_decoded_straight_at_the_working_resolution(tmp_path):
    import cv2
    import numpy as np

    from quizforge.scan.images import WORK_DPI, PageRef, load_page

    for dpi in (150, 200, 300, 600):
        page = np.full((int(11.69 * dpi), int(8.27 * dpi)), 255, np.uint8)
        cv2.rectangle(page, (dpi, dpi), (2 * dpi, 2 * dpi), 0, -1)  # a one-inch square, one inch in
        path = tmp_path / f"page{dpi}.jpg"
        cv2.imwrite(str(path), page)
        image = load_page(PageRef(str(path), 1))
        assert 0.9 * 11.4 * WORK_DPI <= image.shape[0] <= 1.25 * 11.4 * WORK_DPI, (dpi, image.shape)
        scale = image.shape[0] / page.shape[0]
        assert image[int(1.5 * dpi * scale), int(1.5 * dpi * scale)] < 60  # the square, where it was


# --- synthetic scans --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    from quizforge.pipeline import BuildRequest, build
    from quizforge.scan.printed import ScanOptions

    out = tmp_path_factory.mktemp("sheet")
    # Six more dates than the fixture holds: an order question and a date match on one paper share no two events.
    notes = out / "notes-dated.yaml"
    notes.write_text((FIXTURES / "notes-dated.yaml").read_text().replace("dates:\n", "dates:\n" + MORE_DATES, 1))
    result = build(BuildRequest(notes, out=out, seed=5, strategies=STRATEGIES,
                                scannable=ScanOptions()))
    layout = json.loads(next(result.folder.glob("scan-layout*.json")).read_text())
    return result.folder, layout


def _read_back(layout, seeds, dpi, strength, spoil=None):
    """(right, wrong, review, failures) over every row of every seed's filled (and degraded) paper.

    ``spoil(pages, version, rng, dpi)`` damages the filled pages before the copier does."""
    from quizforge.scan.images import PageRef, to_work_dpi
    from quizforge.scan.page import read_page
    from tests.scanmaker import degrade, expected, fill, plan_marks, render_pages

    (code, version), = layout["versions"].items()
    base = render_pages(str(next(_folder[0].glob("worksheet*.pdf"))), dpi)
    right = wrong = review = 0
    failures = []
    for seed in seeds:
        rng = random.Random(seed)
        pages = [p.copy() for p in base]
        intents = plan_marks(version, rng)
        fill(pages, version, intents, rng, dpi)
        if spoil:
            spoil(pages, version, rng, dpi)
        if strength:
            pages = [degrade(p, rng, strength) for p in pages]
        order = list(range(len(pages)))
        rng.shuffle(order)
        got = {}
        for i in order:
            read = read_page(PageRef("synthetic", i + 1), layout, to_work_dpi(pages[i]))
            assert not read.problem, f"seed {seed}: page {i + 1}: {read.problem}"
            assert read.code.page == i + 1, f"seed {seed}: page {i + 1} read as page {read.code.page}"
            got.update({(r.question, r.row): r for r in read.rows})
        for intent in intents:
            row = got[(intent.question, intent.row)]
            if row.status == "review":
                review += 1
                failures.append(("review", seed, intent, row.reason))
            elif (row.status, row.box) == expected(intent):
                right += 1
            else:
                wrong += 1
                failures.append((seed, intent, row.status, row.box, row.reason))
    return right, wrong, review, failures


_folder: list = []


@pytest.mark.slow
def test_clean_scans_read_every_mark_right(sheet):
    _folder[:] = [sheet[0]]
    right, wrong, review, failures = _read_back(sheet[1], seeds=(1, 2), dpi=150, strength=0)
    assert (wrong, review) == (0, 0), failures
    assert right > 30  # every row of two papers: each style drawn several times


@pytest.mark.slow
def test_degraded_scans_99_percent_right_and_nothing_wrong_unreviewed(sheet):
    _folder[:] = [sheet[0]]
    right, wrong, review, failures = _read_back(sheet[1], seeds=range(10, 16), dpi=150, strength=1.0)
    assert wrong == 0, failures
    assert right / (right + review) >= 0.99, (right, review, failures)


def _one_code_lost(pages, version, rng, dpi):
    from tests.scanmaker import spoil_code

    for page, where in zip(pages, version["pages"]):
        spoil_code(page, where[rng.choice(("qr", "qr2"))], rng, dpi)


@pytest.mark.slow
def test_a_page_with_one_code_painted_over_is_placed_by_its_other_code(sheet):
    _folder[:] = [sheet[0]]
    right, wrong, review, failures = _read_back(sheet[1], seeds=range(30, 33), dpi=150, strength=1.0,
                                                spoil=_one_code_lost)
    assert wrong == 0, failures
    assert right / (right + review) >= 0.99, (right, review, failures)


# --- the command ------------------------------------------------------------------------------


def _scan_pdf(folder, layout, path, seed, strength=1.0, dpi=150, drop=None):
    """Fill, degrade and shuffle the set's pages into one scanned PDF, as a copier would make it."""
    from PIL import Image

    from tests.scanmaker import degrade, fill, plan_marks, render_pages

    rng = random.Random(seed)
    (code, version), = layout["versions"].items()
    pages = render_pages(str(next(folder.glob("worksheet*.pdf"))), dpi)
    intents = plan_marks(version, rng)
    fill(pages, version, intents, rng, dpi)
    pages = [degrade(p, rng, strength) for p in pages]
    if drop is not None:
        del pages[drop]
    rng.shuffle(pages)
    images = [Image.fromarray(p) for p in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return intents


@pytest.mark.slow
def test_scan_command_marks_reviews_and_keeps_decisions(sheet, tmp_path, run):
    folder, layout = sheet
    scans = tmp_path / "scans.pdf"
    _scan_pdf(folder, layout, scans, seed=3)
    out = tmp_path / "results"
    result = run("scan", scans, "--set", folder, "--out", out)
    assert result.exit_code == 0, result.output
    marks = list(csv.DictReader(io.StringIO((out / "marks.csv").read_text(encoding="utf-8-sig"))))
    assert len(marks) == 1
    assert marks[0]["out_of"] == str(sum(q["marks"] for q in layout["versions"]["S5"]["questions"]))
    review = list(csv.DictReader(io.StringIO((out / "review.csv").read_text(encoding="utf-8-sig"))))
    doubles = [r for r in review if r["read_as"].startswith("double")]
    assert doubles, "seed 3 draws at least one double"
    # The teacher settles the first double in review.csv; the next run keeps it and scores it.
    key, question = doubles[0]["key"], int(doubles[0]["question"])
    q = next(q for q in layout["versions"]["S5"]["questions"] if q["number"] == question)
    row = int(key.rsplit("/", 1)[1]) - 1
    right_label = q["labels"][q["key"][row]]
    text = (out / "review.csv").read_text(encoding="utf-8-sig").splitlines()
    text = [line + right_label if line.startswith(key + ",") else line for line in text]
    (out / "review.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    # and marks a written question by CSV
    open_q = next(q for q in layout["versions"]["S5"]["questions"] if q["kind"] == "marks")
    written = tmp_path / "written.csv"
    written.write_text(f"student,Q{open_q['number']}\n0,{open_q['marks']}\n", encoding="utf-8")
    again = run("scan", scans, "--set", folder, "--out", out, "--written-marks", written)
    assert again.exit_code == 0, again.output
    kept = {r["key"]: r["decision"] for r in csv.DictReader(io.StringIO((out / "review.csv").read_text(encoding="utf-8-sig")))}
    assert kept[key] == right_label
    second = next(csv.DictReader(io.StringIO((out / "marks.csv").read_text(encoding="utf-8-sig"))))
    assert second[f"Q{open_q['number']}"] == str(open_q["marks"])
    assert int(second["total"]) >= int(marks[0]["total"])
    report = (out / "report.html").read_text()
    assert "<svg" in report and "Where the class is weakest" in report and "http" not in report.replace(
        "http-equiv", "")
    results = json.loads((out / "results.json").read_text())
    assert results["set"] == layout["set"] and results["questions"]


@pytest.mark.slow
def test_bad_scans_get_clear_errors_and_nothing_is_written(sheet, tmp_path, run):
    import cv2
    import numpy as np

    from quizforge.pipeline import BuildRequest, build
    from quizforge.scan.printed import ScanOptions

    folder, layout = sheet
    other = build(BuildRequest(FIXTURES / "notes-dated.yaml", out=tmp_path / "other", seed=6,
                               strategies=("true-false",), scannable=ScanOptions()))
    other_layout = json.loads(next(other.folder.glob("scan-layout*.json")).read_text())
    _scan_pdf(other.folder, other_layout, tmp_path / "other.pdf", seed=1, strength=0.5)
    out = tmp_path / "never"
    result = run("scan", tmp_path / "other.pdf", "--set", folder, "--out", out)
    assert result.exit_code == 2 and "another set" in result.output

    photo = np.random.default_rng(1).integers(0, 255, (900, 700), dtype=np.uint8)
    cv2.imwrite(str(tmp_path / "photo.png"), photo)
    result = run("scan", tmp_path / "photo.png", "--set", folder, "--out", out)
    assert result.exit_code == 2 and "not a sheet of this set" in result.output

    _scan_pdf(folder, layout, tmp_path / "good.pdf", seed=2, strength=0.3)
    data = (tmp_path / "good.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) * 2 // 3])
    result = run("scan", tmp_path / "cut.pdf", "--set", folder, "--out", out)
    assert result.exit_code == 2 and "cut.pdf" in result.output and "truncated" in result.output + "cut off"
    assert not out.exists()


@pytest.mark.slow
def test_a_roster_changed_since_printing_is_refused(tmp_path, run):
    from quizforge.batch import BatchRequest, run_batch
    from quizforge.scan.printed import ScanOptions

    roster = tmp_path / "class.csv"
    roster.write_text("Name,Class\nAnn Able,9X\nBen Bloggs,9X\n", encoding="utf-8")
    result = run_batch(BatchRequest(FIXTURES / "notes-dated.yaml", roster=roster, out=tmp_path, name="r",
                                    quiet=True, jobs=1, strategies=("true-false",), scannable=ScanOptions()))
    roster.write_text("Name,Class\nAnn Able,9X\nCat Cole,9X\nBen Bloggs,9X\n", encoding="utf-8")
    page = tmp_path / "page.png"
    import cv2
    import numpy as np

    cv2.imwrite(str(page), np.full((100, 80), 255, np.uint8))
    scanned = run("scan", page, "--set", result.folder)
    assert scanned.exit_code == 2 and "roster has changed" in scanned.output
    from quizforge.scan.run import results_folder

    assert not results_folder(result.folder).exists()
    assert results_folder(result.folder).parent == result.folder.parent.resolve()  # beside the set, not in it


def test_focus_from_weights_the_next_paper_to_what_the_class_got_wrong(tmp_path, purges):
    from quizforge.pipeline import BuildRequest, make_paper
    from quizforge.scan.focus import load_focus, weight

    weak = purges.groups[2]  # the class got this branch (and its points) all wrong, the rest right
    results = {"format": "quizforge-results-1", "set": "x", "source": "sources/purges.yaml", "questions": {},
               "points": {p.id: {"score": 0 if b is weak else 1, "out_of": 1} for b in purges.groups for p in b.walk()},
               "branches": {b.id: {"score": 0 if b is weak else 3, "out_of": 3} for b in purges.groups}}
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    request = BuildRequest(PURGES, seed=5, strategies=("true-false",), formats=("json",))  # a seed whose plain paper is not already on the weak branch
    plain, _ = make_paper(request)
    focused, _ = make_paper(dataclasses.replace(request, focus_from=path))
    again, _ = make_paper(dataclasses.replace(request, focus_from=path))
    focus = load_focus(path)
    assert weight(focused, focus, purges) > weight(plain, focus, purges)
    assert [q.id for q in focused.questions] == [q.id for q in again.questions]  # deterministic
    path.write_text(json.dumps({**results, "points": {"nowhere": {"score": 0, "out_of": 1}}, "branches": {}}))
    with pytest.raises(Exception, match="share no branch or point"):
        make_paper(dataclasses.replace(request, focus_from=path))


@pytest.mark.slow
def test_a_page_whose_code_is_lost_is_listed_and_can_be_matched_by_hand(sheet, tmp_path, run):
    import cv2

    from tests.scanmaker import fill, plan_marks, render_pages

    folder, layout = sheet
    (code, version), = layout["versions"].items()
    pages = render_pages(str(next(folder.glob("worksheet*.pdf"))), 150)
    rng = random.Random(8)
    fill(pages, version, plan_marks(version, rng), rng, 150)
    for square in ("qr", "qr2"):  # both codes torn off
        x, y, size, _ = (v * 150 / 72 for v in version["pages"][1][square])
        pages[1][int(y) - 5:int(y + size) + 5, int(x) - 5:int(x + size) + 5] = 255
    files = []
    for i, page in enumerate(pages):
        files.append(tmp_path / f"p{i}.png")
        cv2.imwrite(str(files[-1]), cv2.rotate(page, cv2.ROTATE_180) if i == 1 else page)
    out = tmp_path / "res"
    first = run("scan", *files, "--set", folder, "--out", out)
    assert first.exit_code == 0, first.output
    assert "no code found" in first.output
    review = (out / "review.csv").read_text(encoding="utf-8-sig")
    key = f"page:{files[1]}:1"
    assert key in review
    before = next(csv.DictReader(io.StringIO((out / "marks.csv").read_text(encoding="utf-8-sig"))))
    assert before["status"].startswith("1 page missing")
    lines = [line + "0:2" if line.startswith(key + ",") else line for line in review.splitlines()]
    (out / "review.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")  # student 0, page 2
    second = run("scan", *files, "--set", folder, "--out", out)
    assert second.exit_code == 0, second.output
    marks = next(csv.DictReader(io.StringIO((out / "marks.csv").read_text(encoding="utf-8-sig"))))
    assert "missing" not in marks["status"], marks
    assert int(marks["total"]) >= int(before["total"])


# --- pages whose codes are both lost: placed by the pages either side, or listed ----------------


def test_lost_pages_are_named_by_their_neighbours_only_where_they_agree():
    from quizforge.scan.codes import PageCode
    from quizforge.scan.images import PageRef
    from quizforge.scan.page import PageRead
    from quizforge.scan.sequence import by_sequence

    layout = {"set": "x", "versions": {"A": {"pages": [{}, {}, {}]}},
              "students": [{"id": 1, "version": "A"}, {"id": 2, "version": "A"}]}

    def placed(*pages, file="scan.pdf"):
        return [PageRead(PageRef(file, n), None, problem="no code found") if p == "?" else
                PageRead(PageRef(file, n), None, problem="unknown page") if p == "x" else
                PageRead(PageRef(file, n), PageCode("x", "A", int(p[0]), int(p[2]))) for n, p in enumerate(pages, 1)]

    def named(*pages):
        return [[(i, (c.student, c.page)) for i, c in run] for run in by_sequence(placed(*pages), layout)]

    assert named("1.1", "?", "1.3") == [[(1, (1, 2))]]
    assert named("1.1", "?", "?", "2.1") == [[(1, (1, 2)), (2, (1, 3))]]  # a run ends its paper
    assert named("?", "1.2", "1.3") == [[(0, (1, 1))]]  # the file's start, then page 2
    assert named("1.3", "?", "2.2") == [[(1, (2, 1))]]  # a paper's end, then page 2
    assert named("1.3", "?", "2.1") == []  # between two papers: whose?
    assert named("1.1", "?", "1.2") == []  # neighbours out of order
    assert named("1.1", "?", "?", "1.3") == []  # two lost pages where one is missing
    assert named("1.1", "?", "1.3", "1.2") == []  # page 2 is in the scans already
    assert named("1.1", "?", "1.3", "1.1", "?", "1.3") == []  # two pages claim one place
    assert named("1.1", "?", "x", "?", "1.3") == []  # next to a page that could not be read
    assert by_sequence(placed("1.1", file="a.png") + placed("?", file="b.png") + placed("1.3", file="c.png"),
                       layout) == []  # one page to a file: the files' order says nothing


def _as_pdf(pages, path, dpi=150):
    from PIL import Image

    images = [Image.fromarray(p) for p in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _filled_pages(pdf, layout, seed, dpi=150):
    """Every student's pages filled and degraded (each page from its own seed): {(student, page): image}."""
    from tests.scanmaker import degrade, fill, plan_marks, render_pages

    rendered, first, out = render_pages(str(pdf), dpi), 0, {}
    for student in layout["students"]:
        version = layout["versions"][student["version"]]
        mine = rendered[first:first + len(version["pages"])]
        first += len(mine)
        rng = random.Random(f"{seed}/{student['id']}")
        fill(mine, version, plan_marks(version, rng), rng, dpi)
        for number, page in enumerate(mine, 1):
            out[(student["id"], number)] = page
    return out


def _lose_codes(image, page, seed, dpi=150):
    """Both of the page's codes painted over or torn off."""
    from tests.scanmaker import spoil_code

    image = image.copy()
    rng = random.Random(seed)
    for square in ("qr", "qr2"):
        spoil_code(image, page[square], rng, dpi)
    return image


def _degraded(pages: dict, seed):
    from tests.scanmaker import degrade

    return {key: degrade(image, random.Random(f"{seed}/{key}"), 0.8) for key, image in pages.items()}


@pytest.mark.slow
def test_pages_whose_codes_are_both_lost_are_placed_by_the_pages_either_side(sheet, tmp_path, run):
    folder, layout = sheet
    (code, version), = layout["versions"].items()
    count = len(version["pages"])
    assert count >= 4
    filled = _filled_pages(next(folder.glob("worksheet*.pdf")), layout, seed=41)
    intact = _degraded(filled, 41)
    lost = _degraded({(0, n): _lose_codes(image, version["pages"][n - 1], n) if n in (1, 3) else image
                      for (_, n), image in filled.items()}, 41)  # the same copier damage as the intact pages
    order = [(0, n) for n in range(1, count + 1)]
    first = run("scan", _as_pdf([intact[k] for k in order], tmp_path / "intact.pdf"), "--set", folder,
                "--out", tmp_path / "a")
    second = run("scan", _as_pdf([lost[k] for k in order], tmp_path / "lost.pdf"), "--set", folder,
                 "--out", tmp_path / "b")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert second.output.count("placed as student 0 page") == 2, second.output
    assert _csv(tmp_path / "b" / "marks.csv") == _csv(tmp_path / "a" / "marks.csv")  # every mark, as if intact
    assert not [r for r in _csv(tmp_path / "b" / "review.csv") if r["key"].startswith("page:")]

    # Two lost pages side by side, between pages 1 and 4: pages 2 and 3, in that order.
    run_of_two = {k: _degraded({k: _lose_codes(v, version["pages"][k[1] - 1], k[1])}, 41)[k] if k[1] in (2, 3)
                  else intact[k] for k, v in filled.items()}
    fourth = run("scan", _as_pdf([run_of_two[k] for k in order], tmp_path / "two.pdf"), "--set", folder,
                 "--out", tmp_path / "d")
    assert fourth.exit_code == 0 and fourth.output.count("placed as student 0 page") == 2, fourth.output
    assert _csv(tmp_path / "d" / "marks.csv") == _csv(tmp_path / "a" / "marks.csv")

    # Out of order: lost page 1 sits between pages 2 and 4, which name page 3, but its boxes are not
    # page 3's; lost page 3 between pages 4 and 5 (or at the end) is named by neither. Both listed.
    shuffled = [(0, 2), (0, 1), (0, 4), (0, 3), *order[4:]]
    third = run("scan", _as_pdf([lost[k] for k in shuffled], tmp_path / "shuffled.pdf"), "--set", folder,
                "--out", tmp_path / "c")
    assert third.exit_code == 0, third.output
    assert "placed as" not in third.output and "does not line up with that page" in third.output
    listed = [r["key"] for r in _csv(tmp_path / "c" / "review.csv") if r["key"].startswith("page:")]
    assert listed == [f"page:{tmp_path / 'shuffled.pdf'}:{i}" for i in (2, 4)], listed
    assert _csv(tmp_path / "c" / "marks.csv")[0]["status"].startswith("2 pages missing")


@pytest.mark.slow
def test_a_stray_page_that_fits_two_students_is_listed_never_guessed(tmp_path, run):
    """Three copies of one version: every student's page 2 has the same boxes. A lost-code page between
    a student's pages 1 and 3 is their page 2 only when no other scanned student is missing a page like it."""
    from quizforge.batch import BatchRequest, run_batch
    from quizforge.scan.printed import ScanOptions

    made = run_batch(BatchRequest(PURGES, copies=3, versions=1, out=tmp_path, name="v", quiet=True, jobs=1,
                                  duplex=False, strategies=("odd-one-out", "true-false"), scannable=ScanOptions()))
    folder = made.folder
    layout = json.loads((folder / "scan-layout.json").read_text())
    assert {s["version"] for s in layout["students"]} == {"A"} and len(layout["versions"]["A"]["pages"]) == 3
    page2 = layout["versions"]["A"]["pages"][1]
    filled = _filled_pages(folder / "papers.pdf", layout, seed=52)
    intact = _degraded(filled, 52)
    lost = _degraded({k: _lose_codes(v, page2, 7) if k in {(2, 2), (3, 2)} else v for k, v in filled.items()}, 52)
    everyone = [(s, n) for s in (1, 2, 3) for n in (1, 2, 3)]

    def scan(name, pages):
        result = run("scan", _as_pdf(pages, tmp_path / f"{name}.pdf"), "--set", folder, "--out", tmp_path / name)
        assert result.exit_code == 0, result.output
        return result.output, _csv(tmp_path / name / "marks.csv"), _csv(tmp_path / name / "review.csv")

    _, marks, _ = scan("intact", [intact[k] for k in everyone])
    # In order, student 2's page 2 lost its codes; no other student is missing a page: it is placed.
    output, in_order, review = scan("ordered", [lost[k] if k == (2, 2) else intact[k] for k in everyone])
    assert "placed as student 2 page 2" in output and in_order == marks
    assert not [r for r in review if r["key"].startswith("page:")]
    # Both students' page 2 lost, each in its place: each is accounted for by its own neighbours.
    output, both, _ = scan("both", [lost[k] if k in {(2, 2), (3, 2)} else intact[k] for k in everyone])
    assert output.count("placed as") == 2 and both == marks, output
    # Student 2's page 2 not scanned; student 3's page 2, codes lost, filed between student 2's pages 1 and 3.
    # The neighbours name student 2's page 2, but student 3's page 2 is missing too and has the same boxes.
    stray = [(1, 1), (1, 2), (1, 3), (2, 1), (3, 2), (2, 3), (3, 1), (3, 3)]
    output, marks, review = scan("stray", [lost[k] if k == (3, 2) else intact[k] for k in stray])
    assert "placed as" not in output and "would fit another missing page too" in output
    assert [r["key"] for r in review if r["key"].startswith("page:")] == [f"page:{tmp_path / 'stray.pdf'}:5"]
    assert [m["status"] for m in marks][1:] == ["1 page missing", "1 page missing"], marks
