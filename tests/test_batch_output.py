"""Combining, duplex padding, the manifest and the staged output folder (no WeasyPrint needed)."""

from __future__ import annotations

import pikepdf
import pytest

from quizforge.batch.manifest import manifest_rows, read_manifest, write_manifest
from quizforge.batch.pdfout import CombinedPdf, Span
from quizforge.batch.plan import make_assignments
from quizforge.batch.roster import parse_roster
from quizforge.batch.run import staged_folder


def chunk(path, *counts):
    """A PDF with documents of the given page counts (pages are blank)."""
    with pikepdf.new() as pdf:
        for _ in range(sum(counts)):
            pdf.add_blank_page(page_size=(595, 842))
        pdf.save(path)
    return path, counts


@pytest.mark.parametrize("duplex, expected", [(True, [0, 4, 6]), (False, [0, 3, 5])])
def test_duplex_pads_each_document_to_an_even_page_count(tmp_path, duplex, expected):
    combined = CombinedPdf(duplex, "t", tmp_path / "out.pdf")
    combined.add_chunk(*chunk(tmp_path / "a.pdf", 3, 2))
    combined.add_chunk(*chunk(tmp_path / "b.pdf", 1))
    assert [s.first for s in combined.spans] == expected
    assert [s.pages for s in combined.spans] == [3, 2, 1]
    combined.save()
    combined.close()
    with pikepdf.open(tmp_path / "out.pdf") as out:
        assert len(out.pages) == (8 if duplex else 6)
    if duplex:  # the padding pages say so: pages 4 and 8
        from pypdf import PdfReader
        text = [p.extract_text() for p in PdfReader(tmp_path / "out.pdf").pages]
        assert [i for i, t in enumerate(text) if "This page is intentionally left blank" in t] == [3, 7]
    assert not list(tmp_path.glob(".out.pdf*"))


def test_manifest_round_trips_names_and_seeds(tmp_path):
    students = parse_roster("Name,Class,Candidate number\nZoë O'Brien,10B,4021\n\"Smith, Ana\",10B,\n")
    assignments = make_assignments(students, 9, None)
    path = tmp_path / "manifest.csv"
    write_manifest(path, manifest_rows(assignments, [Span(0, 3), Span(4, 3)]))
    assert path.read_bytes().startswith("\ufeff".encode())
    rows = read_manifest(path)
    assert [r["name"] for r in rows] == ["Zoë O'Brien", "Smith, Ana"]
    assert [int(r["seed"]) for r in rows] == [a.seed for a in assignments]
    assert [r["version"] for r in rows] == [a.code for a in assignments]
    assert rows[1]["first_page"] == "5" and rows[0]["rebuild"] == f"quizforge build --seed {assignments[0].seed}"


def test_staged_folder_publishes_only_a_finished_set(tmp_path):
    final = tmp_path / "batch-x"
    with staged_folder(final) as work:
        (work / "papers.pdf").write_text("new")
        assert not final.exists()
    assert (final / "papers.pdf").read_text() == "new" and not (final / ".chunks").exists()
    with pytest.raises(KeyboardInterrupt):
        with staged_folder(final) as work:
            (work / "papers.pdf").write_text("half")
            raise KeyboardInterrupt
    assert (final / "papers.pdf").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch-x"]


def test_rebuild_command_names_the_notes_and_options():
    from pathlib import Path

    from quizforge.batch.manifest import rebuild_command

    assert rebuild_command(Path("sources/my notes.yaml"), 42) == "quizforge build 'sources/my notes.yaml' --seed 42"
    assert rebuild_command(Path("n.yaml"), 7, ("match", "explain"), "letter") == \
        "quizforge build n.yaml --seed 7 --strategies match,explain --paper letter"


def _request(tmp_path, **kw):
    from quizforge.batch import BatchRequest

    from .conftest import PURGES
    return BatchRequest(source=PURGES, out=tmp_path, quiet=True, jobs=1, **kw)


def test_a_set_is_named_after_its_class_and_its_paper_options(tmp_path):
    from quizforge.batch.run import _plan, set_name

    tenb = parse_roster("Name,Class\nAmy Lee,10B\nBen Ode,10B\n")
    assert set_name(_request(tmp_path), tenb, None) == "10B"
    request = _request(tmp_path, preset="exam", tier="support", seed=3)
    assert set_name(request, tenb, _plan(request)) == "10B-exam-support-seed3"
    mixed = parse_roster("Name,Class\nAmy Lee,10A\nBen Ode,10B\n")
    assert set_name(_request(tmp_path), mixed, None) == "10A+10B"
    assert set_name(_request(tmp_path, name="Mock exam"), tenb, None) == "Mock-exam"
    nameless = parse_roster("Name\nAmy Lee\n")
    assert set_name(_request(tmp_path, roster=tmp_path / "11C.csv"), nameless, None) == "11C"
    assert set_name(_request(tmp_path, copies=30, versions=4), nameless * 30, None) == "copies-30-4-versions"


def test_an_existing_set_is_never_replaced_without_force(tmp_path):
    from quizforge.batch import run_batch
    from quizforge.errors import OptionError

    roster = tmp_path / "10B.csv"
    roster.write_text("Name,Class\nAmy Lee,10B\n")
    existing = tmp_path / "purges" / "batch-10B"
    existing.mkdir(parents=True)
    (existing / "papers.pdf").write_bytes(b"10B's set")
    with pytest.raises(OptionError, match=r"batch-10B already exists.*--name.*--force"):
        run_batch(_request(tmp_path, roster=roster))
    assert (existing / "papers.pdf").read_bytes() == b"10B's set"


def test_a_large_print_column_gives_that_student_the_large_print_version():
    students = parse_roster("Name,Class,Large print\nAmy Lee,10B,yes\nBen Ode,10B,\nCara Ng,10B,no\n")
    assert [s.large_print for s in students] == [True, False, False]
    plain, large = make_assignments(students[1:2], 1, 2), make_assignments(students[:1], 1, 2)
    assert large[0].code == "A-LP" and plain[0].code == "A" and large[0].seed == plain[0].seed
    with pytest.raises(Exception, match=r":2: large print: 'maybe' is not yes or no"):
        parse_roster("Name,Large print\nAmy Lee,maybe\n", "r.csv")


def test_progress_shows_merging_as_a_step_of_its_own():
    import io

    from quizforge.batch.progress import Progress

    stream = io.StringIO()
    progress = Progress(2, enabled=True, stream=stream)
    progress.advance(2)
    progress.step("Putting the PDFs together")
    progress.finish()
    lines = stream.getvalue().split("\n")
    assert "2/2 papers" in lines[0] and lines[1] == "Putting the PDFs together ..."
