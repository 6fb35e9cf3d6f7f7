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
