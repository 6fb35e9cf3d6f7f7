"""Scannable papers: answer grids, the teacher's mark boxes, page codes and the layout sidecar."""

from __future__ import annotations

import json

import pytest

from quizforge.model import Choice, Extended, Match, Question, Sequence, ShortAnswer, TrueFalse
from quizforge.scan.codes import PageCode, parse, parse_copy, set_id
from quizforge.scan.grid import grid_for, score

from .conftest import FIXTURES, PURGES


def q(body, marks=1, strategy="x"):
    return Question(id="q", strategy=strategy, prompt="?", marks=marks, body=body, answer="")


def test_every_closed_body_gets_a_grid_whatever_the_strategy():
    assert grid_for(q(Choice(("a", "b", "c"), 2), strategy="new-thing")).key == (2,)
    assert grid_for(q(TrueFalse("s", False))).labels == ("T", "F") and grid_for(q(TrueFalse("s", False))).key == (1,)
    m = grid_for(q(Match(("x", "y"), ("e1", "e2", "e3"), (1, 0, 1)), marks=3))
    assert (m.row_labels, m.labels, m.key) == (("A", "B", "C"), ("1", "2"), (1, 0, 1))
    s = grid_for(q(Sequence(("late", "early", "middle"), (1, 2, 0)), marks=2))
    assert s.key == (2, 0, 1)  # "late" is 3rd, "early" 1st, "middle" 2nd
    open_q = grid_for(q(ShortAnswer("a"), marks=3))
    assert not open_q.closed and open_q.labels == ("0", "1", "2", "3")
    assert grid_for(q(Extended(8, (), ()), marks=8)).kind == "marks"


def test_scores_follow_the_printed_guidance():
    choice = grid_for(q(Choice(("a", "b"), 1), marks=1))
    assert score(choice, [1]) == 1 and score(choice, [0]) == 0 and score(choice, [None]) == 0
    match = grid_for(q(Match(("x", "y"), ("e1", "e2", "e3"), (1, 0, 1)), marks=3))
    assert score(match, [1, 0, 0]) == 2
    seq = grid_for(q(Sequence(("a", "b", "c", "d"), (0, 1, 2, 3)), marks=2))
    assert score(seq, [0, 1, 2, 3]) == 2
    assert score(seq, [1, 0, 2, 3]) == 1  # one neighbouring pair swapped
    assert score(seq, [2, 1, 0, 3]) == 0
    assert score(seq, [0, 0, 2, 3]) == 0
    marks = grid_for(q(ShortAnswer("a"), marks=2))
    assert score(marks, [2]) == 2 and score(marks, [None]) == 0


def test_page_codes_carry_a_check_value():
    code = PageCode(set_id("a", 1), "B", 12, 3)
    assert parse(code.text()) == code
    tampered = code.text().replace(" 12 ", " 13 ")
    assert parse(tampered) is None
    assert parse("https://example.org") is None
    assert parse_copy(code.text()) == (code, 0) and parse_copy(code.text(1)) == (code, 1)
    assert parse(code.text(1).replace("QF1.2", "QF1", 1)) is None  # which square it is, checked too
    assert set_id("a", 1) == set_id("a", 1) != set_id("a", 2)


def test_default_worksheet_has_no_scan_markup(purges):
    from quizforge.assemble import assemble
    from quizforge.render.html import render_html

    paper = assemble(purges, 1, ("multiple-choice", "true-false")).paper
    assert "data-box" not in render_html(paper, "worksheet") and "scan-howto" not in render_html(paper, "worksheet")


def _codes_on(pdf: bytes, dpi=100):
    from quizforge.scan.locate import read_code
    from tests.scanmaker import render_pages

    return [read_code(page)[0] for page in render_pages(pdf, dpi)]


@pytest.mark.slow
@pytest.mark.parametrize("paper_size,large", [("a4", False), ("letter", True)])
def test_build_scannable_records_every_box_and_codes_every_page(tmp_path, paper_size, large):
    from quizforge.pipeline import BuildRequest, build
    from quizforge.scan.printed import ScanOptions

    result = build(BuildRequest(FIXTURES / "notes-dated.yaml", out=tmp_path, seed=5, paper_size=paper_size,
                                strategies=("multiple-choice", "true-false", "date-match", "explain"),
                                large_print=large, scannable=ScanOptions(answer_sheet=large)))
    layout = json.loads(next(result.folder.glob("scan-layout*.json")).read_text())
    (code, version), = layout["versions"].items()
    boxes = {(b[0], b[1], b[2]) for page in version["pages"] for b in page["boxes"]}
    for question in version["questions"]:
        for r in range(len(question["rows"])):
            for c in range(len(question["labels"])):
                assert (question["number"], r, c) in boxes
    assert {q["kind"] for q in version["questions"]} == {"choice", "truefalse", "match", "marks"}  # sequences: test_scan_read
    width = 612 if paper_size == "letter" else 595.276
    assert all(abs(page["width"] - width) < 0.5 for page in version["pages"])
    pdf = next(result.folder.glob("worksheet*.pdf")).read_bytes()
    codes = _codes_on(pdf)
    assert [(c.set_id, c.version, c.student, c.page) for c in codes] == \
        [(layout["set"], code, 0, i + 1) for i in range(len(version["pages"]))]
    assert _text_over_codes(pdf, version["pages"]) == []
    if large:  # the answer sheet: every closed question's boxes on the last pages, none elsewhere
        closed = {q["number"] for q in version["questions"] if q["kind"] != "marks"}
        last = version["pages"][-1]["boxes"]
        assert closed <= {b[0] for b in last} | {b[0] for p in version["pages"][-2:] for b in p["boxes"]}


def _text_over_codes(pdf: bytes, pages: list[dict]) -> list[tuple[int, str]]:
    """(page, character) for every printed character within 2 mm (the quiet zone) of a QR code."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    hits, zone = [], 2 * 72 / 25.4
    for number, (page, where) in enumerate(zip(doc, pages), 1):
        text, height = page.get_textpage(), page.get_height()
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            for x, y, size, _ in (where["qr"], where["qr2"]):
                if (left < x + size + zone and right > x - zone
                        and height - bottom > y - zone and height - top < y + size + zone):
                    hits.append((number, text.get_text_range(i, 1)))
    doc.close()
    return hits


@pytest.mark.slow
def test_a_long_paper_code_in_large_print_wraps_clear_of_the_codes(tmp_path):
    from quizforge.pipeline import BuildRequest, build
    from quizforge.scan.printed import ScanOptions

    result = build(BuildRequest(PURGES, out=tmp_path, seed=20261201, large_print=True, dyslexia_friendly=True,
                                tier="support", strategies=("true-false",), scannable=ScanOptions()))
    layout = json.loads(next(result.folder.glob("scan-layout*.json")).read_text())
    (_, version), = layout["versions"].items()
    pdf = next(result.folder.glob("worksheet*.pdf")).read_bytes()
    assert _text_over_codes(pdf, version["pages"]) == []
    assert all(c is not None for c in _codes_on(pdf))


@pytest.mark.slow
def test_batch_versions_code_each_students_pages(tmp_path):
    from quizforge.batch import BatchRequest, run_batch
    from quizforge.scan.printed import ScanOptions

    result = run_batch(BatchRequest(PURGES, copies=3, versions=2, out=tmp_path, name="s", quiet=True, jobs=1,
                                    duplex=False, strategies=("multiple-choice", "true-false"),
                                    scannable=ScanOptions()))
    layout = json.loads((result.folder / "scan-layout.json").read_text())
    assert [s["version"] for s in layout["students"]] == ["A", "B", "A"]
    codes = _codes_on((result.folder / "papers.pdf").read_bytes(), dpi=72)
    pages = len(layout["versions"]["A"]["pages"])
    assert [(c.student, c.version) for c in codes[:pages]] == [(1, "A")] * pages
    assert {(c.student, c.version) for c in codes} == {(1, "A"), (2, "B"), (3, "A")}
    assert all(c.set_id == layout["set"] for c in codes)


@pytest.mark.slow
def test_batch_personal_papers_are_coded_by_their_worker(tmp_path):
    from quizforge.batch import BatchRequest, run_batch
    from quizforge.scan.printed import ScanOptions

    result = run_batch(BatchRequest(PURGES, copies=2, out=tmp_path, name="p", quiet=True, jobs=1, duplex=False,
                                    strategies=("odd-one-out",), scannable=ScanOptions()))
    layout = json.loads((result.folder / "scan-layout.json").read_text())
    codes = _codes_on((result.folder / "papers.pdf").read_bytes(), dpi=72)
    assert [(c.student, c.version) for c in codes] == [
        (s["id"], s["version"]) for s in layout["students"] for _ in layout["versions"][s["version"]]["pages"]]
