"""Exports checked by the real tools, offline: xmllint with the official QTI schemas, Anki's own importer."""

from __future__ import annotations

import dataclasses
import html
import io
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quizforge.export import ExportContext, get
from quizforge.export.text import accepted
from quizforge.pipeline import BuildRequest, make_paper

from .conftest import PURGES, ROOT
from .export_samples import CHOICE, EXTENDED, GAP, LONG, MATCH, NASTY, SEQUENCE, SHORT, TRUEFALSE, nasty_paper, with_body

# CI clones the repo with shared/ beside it; QUIZFORGE_SCHEMAS points elsewhere (e.g. from a git worktree).
SCHEMAS = Path(os.environ.get("QUIZFORGE_SCHEMAS") or ROOT.parent / "shared" / "schemas")
QTI21_XSD = SCHEMAS / "qti21" / "qtiv2p1" / "imsqti_v2p1.xsd"
QTI12_DTD = SCHEMAS / "qti12-ns-wrapper.dtd"
CONTEXT = ExportContext(mtime=1_700_000_000)
ORDERED = [SEQUENCE.items[i] for i in SEQUENCE.order]

needs_xmllint = pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint not installed (apt-get install libxml2-utils)")
needs_schemas = pytest.mark.skipif(not QTI21_XSD.is_file() or not QTI12_DTD.is_file(),
                                   reason=f"QTI schemas not found at {SCHEMAS} (../shared/schemas beside the repo, "
                                          "or set QUIZFORGE_SCHEMAS)")


def papers():
    yield "nasty", nasty_paper()
    for seed in (1, 2):
        yield f"purges-{seed}", make_paper(BuildRequest(source=PURGES, seed=seed))[0]


def unzip(data: bytes, folder: Path) -> dict[str, Path]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
        return {name: folder / name for name in archive.namelist()}


def xmllint(*args) -> None:
    result = subprocess.run(["xmllint", "--noout", "--nonet", *map(str, args)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


# --- QTI 1.2 (Canvas) --------------------------------------------------------


def _qti12_parts(data: bytes, folder: Path) -> tuple[Path, ET.Element]:
    files = unzip(data, folder)
    manifest = ET.parse(files["imsmanifest.xml"]).getroot()
    ns = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
    qti = manifest.find("cp:resources/cp:resource[@type='imsqti_xmlv1p2']", ns)
    href = qti.find("cp:file", ns).get("href")
    assert href in files, "the manifest names the assessment file"
    for resource in manifest.iterfind("cp:resources/cp:resource", ns):
        assert all(f.get("href") in files for f in resource.iterfind("cp:file", ns))
    return files[href], ET.parse(files[href]).getroot()


@needs_xmllint
@needs_schemas
@pytest.mark.parametrize("name,paper", list(papers()))
def test_qti12_validates_against_the_dtd(name, paper, tmp_path):
    assessment, _ = _qti12_parts(get("qti12").export(paper, CONTEXT), tmp_path)
    xmllint("--dtdvalid", QTI12_DTD, assessment)


def test_qti12_round_trip(tmp_path):
    _, root = _qti12_parts(get("qti12").export(nasty_paper(), CONTEXT), tmp_path)
    ns = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    items = root.findall(f".//{ns}item")

    def meta(item, label):
        for field in item.iter(f"{ns}qtimetadatafield"):
            if field.findtext(f"{ns}fieldlabel") == label:
                return field.findtext(f"{ns}fieldentry")

    def mattext(element):
        return html.unescape(re.sub(r"<[^>]+>", "\n", element.findtext(f".//{ns}mattext")))

    assert [meta(i, "question_type") for i in items] == [
        "short_answer_question", "matching_question", "essay_question", "multiple_choice_question",
        "true_false_question", "short_answer_question", "essay_question", "matching_question"]
    assert [meta(i, "points_possible") for i in items] == ["1"] + ["3"] * 7
    for item in items[:1] + items[2:]:  # [1] is the matching question, prompted for menus
        assert NASTY in mattext(item.find(f"{ns}presentation"))
    gap, match, essay, choice, tf, short, long, seq = items
    assert [v.text for v in gap.iter(f"{ns}varequal")] == list(accepted(GAP.answer, GAP.accept))
    assert [v.text for v in short.iter(f"{ns}varequal")] == list(accepted(SHORT.answer, SHORT.accept))

    def matching(item):
        labels = {lab.get("ident"): lab.findtext(f".//{ns}mattext") for lab in item.iter(f"{ns}response_label")}
        lefts = {lid.get("ident"): lid.findtext(f"{ns}material/{ns}mattext") for lid in item.iter(f"{ns}response_lid")}
        return [(lefts[v.get("respident")], labels[v.text]) for v in item.iter(f"{ns}varequal")]

    assert matching(match) == [(e, MATCH.causes[k]) for e, k in zip(MATCH.examples, MATCH.key)]
    assert [left for left, _ in sorted(matching(seq), key=lambda p: int(p[1][:-2]))] == ORDERED
    assert all(p in mattext(essay.find(f"{ns}itemfeedback")) for p in EXTENDED.indicative)
    assert LONG.answer in mattext(long.find(f"{ns}itemfeedback"))
    options = {lab.get("ident"): mattext(lab) for lab in choice.iter(f"{ns}response_label")}
    assert list(options.values()) == list(CHOICE.options)
    right = next(c for c in choice.iter(f"{ns}respcondition") if c.findtext(f"{ns}setvar") == "100")
    assert options[right.findtext(f".//{ns}varequal")] == CHOICE.options[CHOICE.correct]
    tf_options = {lab.get("ident"): mattext(lab) for lab in tf.iter(f"{ns}response_label")}
    right = next(c for c in tf.iter(f"{ns}respcondition") if c.findtext(f"{ns}setvar") == "100")
    assert tf_options[right.findtext(f".//{ns}varequal")] == "False"


# --- QTI 2.1 -----------------------------------------------------------------

Q2 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def _qti21_items(data: bytes, folder: Path) -> tuple[Path, list[Path]]:
    files = unzip(data, folder)
    manifest = ET.parse(files["imsmanifest.xml"]).getroot()
    cp = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
    hrefs = [f.get("href") for f in manifest.iter(f"{cp}file")]
    assert sorted(hrefs) == sorted(n for n in files if not n.endswith("/") and n != "imsmanifest.xml")
    test = files["assessment.xml"]
    refs = [r.get("href") for r in ET.parse(test).getroot().iter(f"{Q2}assessmentItemRef")]
    return test, [files[r] for r in refs]


@needs_xmllint
@needs_schemas
@pytest.mark.parametrize("name,paper", list(papers()))
def test_qti21_validates_against_the_schema(name, paper, tmp_path):
    test, items = _qti21_items(get("qti21").export(paper, CONTEXT), tmp_path)
    assert len(items) == len(paper.questions)
    xmllint("--schema", QTI21_XSD, test, *items)


def test_qti21_round_trip(tmp_path):
    _, paths = _qti21_items(get("qti21").export(nasty_paper(), CONTEXT), tmp_path)
    items = [ET.parse(p).getroot() for p in paths]
    interactions = [next(e.tag[len(Q2):] for e in i.iter() if e.tag.endswith("Interaction")) for i in items]
    assert interactions == ["textEntryInteraction", "matchInteraction", "extendedTextInteraction", "choiceInteraction",
                            "choiceInteraction", "textEntryInteraction", "extendedTextInteraction", "orderInteraction"]
    for item in items[:1] + items[2:]:  # [1] is the matching question, prompted for menus
        assert NASTY in text_of(item.find(f"{Q2}itemBody"))
    gap, match, essay, choice, tf, short, long, seq = items
    assert [e.get("mapKey") for e in gap.iter(f"{Q2}mapEntry")] == list(accepted(GAP.answer, GAP.accept))
    assert f"Before {NASTY} " in text_of(gap.find(f"{Q2}itemBody"))
    assert [e.get("mapKey") for e in short.iter(f"{Q2}mapEntry")] == list(accepted(SHORT.answer, SHORT.accept))
    choices = {c.get("identifier"): text_of(c) for c in match.iter(f"{Q2}simpleAssociableChoice")}
    pairs = [v.text.split() for v in match.find(f"{Q2}responseDeclaration/{Q2}correctResponse")]
    assert [(choices[a], choices[b]) for a, b in pairs] == [(e, MATCH.causes[k]) for e, k in zip(MATCH.examples, MATCH.key)]
    rubric = text_of(essay.find(f".//{Q2}rubricBlock"))
    assert all(p in rubric for p in EXTENDED.indicative) and essay.find(f".//{Q2}rubricBlock").get("view") == "scorer"
    assert LONG.answer in text_of(long.find(f".//{Q2}rubricBlock"))

    def correct_choices(item):
        texts = {c.get("identifier"): text_of(c) for c in item.iter(f"{Q2}simpleChoice")}
        return [texts[v.text] for v in item.find(f"{Q2}responseDeclaration/{Q2}correctResponse")]

    assert correct_choices(choice) == [CHOICE.options[CHOICE.correct]]
    assert correct_choices(tf) == ["False"] and TRUEFALSE.statement in text_of(tf)
    assert correct_choices(seq) == ORDERED


# --- Anki ----------------------------------------------------------------------


@pytest.fixture
def collection(tmp_path):
    anki_collection = pytest.importorskip("anki.collection", reason="the 'anki' package checks .apkg files (pip install anki)")
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col, data: bytes, folder: Path) -> None:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    path = folder / f"deck-{len(list(folder.glob('deck-*')))}.apkg"
    path.write_bytes(data)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions()))


def notes_by_deck(col) -> dict[str, list]:
    out: dict[str, list] = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        deck = col.decks.name(note.cards()[0].did)
        out.setdefault(deck, []).append(note)
    return out


def field_text(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", value))


def test_anki_imports_with_the_right_notes_cards_and_fields(collection, tmp_path):
    import_apkg(collection, get("anki").export(nasty_paper(), CONTEXT), tmp_path)
    assert collection.note_count() == 10  # 1 question each, but one card per matching example
    assert collection.card_count() == 10
    decks = notes_by_deck(collection)
    top = "Café & <Co>: 1930s/40s 🎉"
    money, staff = f"{top}::Money : {NASTY}", f"{top}::Staff — «quit» / left"
    assert sorted(decks) == sorted([top, money, staff])
    assert len(decks[top]) == 3 + 3 and len(decks[money]) == 2 and len(decks[staff]) == 2
    cloze = [n for n in decks[money] if n.note_type()["type"] == 1]
    assert len(cloze) == 1
    text = field_text(cloze[0]["Text"])
    assert text == f"Before {NASTY} {{{{c1::{GAP.answer}}}}} after {NASTY}."
    card = cloze[0].cards()[0]
    assert GAP.answer in field_text(card.answer()) and GAP.answer not in field_text(card.question())
    basic = [n for deck in decks.values() for n in deck if n.note_type()["type"] == 0]
    fronts = {field_text(n["Front"]).strip(): field_text(n["Back"]).strip() for n in basic}
    for example, k in zip(MATCH.examples, MATCH.key):
        front = next(f for f in fronts if f.startswith(example))
        assert fronts[front] == MATCH.causes[k]
    backs = "\n".join(fronts.values())
    for expected in (CHOICE.options[CHOICE.correct], TRUEFALSE.correction, SHORT.answer, LONG.answer,
                     *EXTENDED.indicative, *ORDERED):
        assert expected in backs
    assert all("quizforge" in n.tags for deck in decks.values() for n in deck)


def test_anki_reexport_after_edit_updates_cards(collection, tmp_path):
    paper = nasty_paper()
    import_apkg(collection, get("anki").export(paper, CONTEXT), tmp_path)
    before = collection.note_count()
    edited_gap = dataclasses.replace(GAP, after=" after the edit.")
    edited = with_body(paper, edited_gap)
    import_apkg(collection, get("anki").export(edited, ExportContext(mtime=CONTEXT.mtime + 60)), tmp_path)
    assert collection.note_count() == before, "same guids: updated, not duplicated"
    texts = [collection.get_note(n)["Text"] for n in collection.find_notes("note:quizforge*cloze")]
    assert len(texts) == 1 and "after the edit." in texts[0]


def test_anki_same_paper_same_bytes_and_ids():
    one = get("anki").export(nasty_paper(), CONTEXT)
    assert one == get("anki").export(nasty_paper(), CONTEXT)
    assert one != get("anki").export(nasty_paper(), ExportContext(mtime=CONTEXT.mtime + 1)), "mtime is recorded"
