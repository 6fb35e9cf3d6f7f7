"""Exports: every body type in every format, text surviving exactly, checked by the target tools' rules."""

from __future__ import annotations

import html

import csv
import dataclasses
import importlib
import io
import xml.etree.ElementTree as ET
import zipfile
from typing import get_args

import pytest

from quizforge.io import CLAIM  # the folder remembers its notes file

from quizforge.export import ExportContext, ExportError, available, get
from quizforge.export.csv import safe_cell
from quizforge.export.gift import gift_escape
from quizforge.export.moodle import wildcard_safe
from quizforge.export.run import ExportRequest, export
from quizforge.export.text import accepted, ordinal, one_line
from quizforge.model import Body
from quizforge.pipeline import BuildRequest, make_paper

from .conftest import FIXTURES, PURGES
from .export_samples import (CHOICE, EXTENDED, GAP, LONG, MATCH, NASTY, SEQUENCE, SHORT, TOPIC, TRUEFALSE,
                             nasty_paper, with_body)
from .giftreader import GiftSyntaxError, read_gift
from .moodlecheck import plain, read_moodle

FORMATS = ("moodle", "gift", "qti12", "qti21", "anki", "quizlet", "csv")
CONTEXT = ExportContext(mtime=1_700_000_000)
ORDERED = [SEQUENCE.items[i] for i in SEQUENCE.order]


@pytest.fixture(scope="module")
def paper():
    return nasty_paper()


def test_registry_has_every_format():
    assert tuple(available()) == FORMATS


@pytest.mark.parametrize("name", [*FORMATS, "text"])
def test_every_body_type_has_a_mapping(name):
    """Each exporter's dispatch table covers exactly the body types in model.Body."""
    module = importlib.import_module(f"quizforge.export.{name}")
    tables = [getattr(module, t) for t in ("_BODIES", "_STEMS", "_ANSWERS") if hasattr(module, t)]
    assert tables
    for table in tables:
        assert set(table) == set(get_args(Body))


@dataclasses.dataclass(frozen=True)
class Hotspot:  # a body type no exporter knows
    x: int = 0


@pytest.mark.parametrize("name", FORMATS)
def test_unknown_body_fails_clearly(name, paper):
    with pytest.raises(ExportError, match=rf"{name} export cannot write question 1 .*no mapping for a Hotspot body"):
        get(name).export(with_body(paper, Hotspot()), CONTEXT)


@pytest.mark.parametrize("name", FORMATS)
def test_same_paper_same_bytes(name, paper):
    assert get(name).export(paper, CONTEXT) == get(name).export(nasty_paper(), CONTEXT)


# --- Moodle XML ----------------------------------------------------------


def test_moodle_round_trip(paper):
    qs = read_moodle(get("moodle").export(paper, CONTEXT))
    assert [q["type"] for q in qs] == [
        "matching", "shortanswer", "essay", "matching",  # topic-wide: match, short, long, sequence
        "shortanswer", "multichoice",  # cause 'money': gap, choice
        "essay", "truefalse"]  # cause 'staff': extended, true/false
    by = {q["name"].split()[1].rstrip(":"): q for q in qs}
    top = "$course$/Café & <Co>: 1930s//40s 🎉"
    # names are escaped: Moodle strips tags from them and shows them as HTML, so '<Co>' stays visible
    assert html.unescape(by["match"]["category"]) == top
    assert html.unescape(by["gap"]["category"]) == f"{top}/Money :: {NASTY.replace('/', '//')}"
    assert html.unescape(by["truefalse"]["category"]) == f"{top}/Staff — «quit» // left"
    for q in qs:
        assert NASTY in plain(q["questiontext"]) or q is by["match"], q["name"]
    assert plain(by["match"]["questiontext"]).strip() == (
        "Match each example to the cause it supports. A cause may be used more than once.")
    gap = by["gap"]
    assert f"Before {NASTY} _____ after {NASTY}." in plain(gap["questiontext"])
    assert [(f, t) for f, t, _ in gap["answers"]] == [(100, wildcard_safe(GAP.answer)), (100, "cafe")]
    assert [(plain(left), html.unescape(right)) for left, right in by["match"]["pairs"]] == [
        (e, MATCH.causes[k]) for e, k in zip(MATCH.examples, MATCH.key)] + [("", MATCH.causes[2])]
    essay = plain(by["extended"]["graderinfo"])
    for text in (*EXTENDED.indicative, EXTENDED.levels[0].descriptor, *EXTENDED.rules):
        assert text in essay
    assert f"Stimulus {NASTY}" in plain(by["extended"]["questiontext"])
    assert [(f, plain(t)) for f, t, _ in by["choice"]["answers"]] == [
        (100 if i == CHOICE.correct else 0, o) for i, o in enumerate(CHOICE.options)]
    assert CHOICE.explanation in plain(by["choice"]["generalfeedback"])
    assert by["truefalse"]["correct"] is False
    assert all(TRUEFALSE.correction in plain(fb) for _, _, fb in by["truefalse"]["answers"])
    assert [t for _, t, _ in by["short"]["answers"]] == list(accepted(SHORT.answer, SHORT.accept))
    assert LONG.answer in plain(by["long"]["graderinfo"])
    assert [(plain(left), right) for left, right in by["sequence"]["pairs"]] == [(item, ordinal(SEQUENCE.order.index(i) + 1)) for i, item in enumerate(SEQUENCE.items)]


def test_moodle_purges_reads_back(purges):
    from quizforge.pipeline import BuildRequest, make_paper
    real, _ = make_paper(BuildRequest(source=PURGES, seed=3))
    qs = read_moodle(get("moodle").export(real, CONTEXT))
    assert len(qs) == len(real.questions)
    assert {q["type"] for q in qs} == {"shortanswer", "essay"}  # blanks and definitions, explain questions


def test_moodle_matching_reads_back():
    from quizforge.pipeline import BuildRequest, make_paper
    from .conftest import FIXTURES
    real, _ = make_paper(BuildRequest(source=FIXTURES / "notes-matching.yaml", seed=3))
    qs = read_moodle(get("moodle").export(real, CONTEXT))
    assert len(qs) == len(real.questions)
    assert "matching" in {q["type"] for q in qs}


# --- GIFT -----------------------------------------------------------------


def test_gift_escapes_every_special():
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_gift_strict_reader_rejects_unescaped_text():
    with pytest.raises(GiftSyntaxError):
        read_gift("::Q1::What is 1 = 1? {T}")
    with pytest.raises(GiftSyntaxError):
        read_gift("::Q1::No answers here")


def test_gift_round_trip(paper):
    qs = read_gift(get("gift").export(paper, CONTEXT).decode("utf-8"))
    by = {q.title.split()[1]: q for q in qs}
    assert [q.type for q in qs] == ["matching", "shortanswer", "essay", "matching",
                                    "shortanswer", "multichoice", "essay", "truefalse"]
    assert all(q.format == "html" for q in qs)
    assert html.unescape(by["gap"].category) == f"$course$/Café & <Co>: 1930s//40s 🎉/Money :: {NASTY.replace('/', '//')}"
    for q in qs:
        assert NASTY in plain(q.text) or q is by["match"], q.title
    assert f"Before {NASTY} _____ after {NASTY}." in plain(by["gap"].text)
    assert by["gap"].answers == [wildcard_safe(GAP.answer), "cafe"]
    assert [(plain(left), html.unescape(right)) for left, right in by["match"].answers] == [
        (e, MATCH.causes[k]) for e, k in zip(MATCH.examples, MATCH.key)]
    assert "Point one " + NASTY in plain(by["extended"].general_feedback)
    assert [(c, plain(t)) for c, t, _ in by["choice"].answers] == [
        (i == CHOICE.correct, o) for i, o in enumerate(CHOICE.options)]
    assert CHOICE.explanation in plain(by["choice"].general_feedback)
    assert by["truefalse"].answers == [False] and TRUEFALSE.correction in plain(by["truefalse"].feedback[0])
    assert by["short"].answers == list(accepted(SHORT.answer, SHORT.accept))
    assert by["long"].type == "essay" and LONG.answer in plain(by["long"].general_feedback)
    assert [(plain(left), right) for left, right in by["sequence"].answers] == [(item, ordinal(SEQUENCE.order.index(i) + 1)) for i, item in enumerate(SEQUENCE.items)]


# --- Quizlet and CSV --------------------------------------------------------


def test_quizlet_cards_can_be_answered_and_never_repeat():
    paper = make_paper(BuildRequest(source=FIXTURES / "specials.yaml", seed=2,
                                    strategies=("odd-one-out", "multiple-choice", "true-false")))[0]
    lines = get("quizlet").export(paper, CONTEXT).decode("utf-8").splitlines()
    terms = [line.split("\t")[0] for line in lines]
    assert len(terms) == len(set(terms)), "each prompt once"
    odd = next(q for q in paper.questions if q.strategy == "odd-one-out")
    card = next(line for line in lines if line.startswith(odd.prompt))
    assert all(option in card.split("\t")[0] for option in odd.body.options), "the four examples are on the card"


def test_quizlet_round_trip(paper):
    text = get("quizlet").export(paper, CONTEXT).decode("utf-8")
    cards = [tuple(line.split("\t")) for line in text.splitlines()]
    assert all(len(card) == 2 for card in cards)
    assert cards == [
        (f"Before {NASTY} _____ after {NASTY}.", f"{GAP.answer} (also: cafe)"),
        *[(e, MATCH.causes[k]) for e, k in zip(MATCH.examples, MATCH.key)],
        (f"Prompt for extended: {NASTY}", "; ".join(EXTENDED.indicative)),
        (f"Prompt for choice: {NASTY} " + " ".join(f"{'ABCD'[i]}. {o}" for i, o in enumerate(CHOICE.options)),
         f"C. {CHOICE.options[CHOICE.correct]}"),
        (f"True or false: {TRUEFALSE.statement}", f"False. {TRUEFALSE.correction}"),
        (f"Prompt for short: {NASTY}", "N.K.V.D. & co (also: NKVD; the NKVD)"),
        (f"Prompt for long: {NASTY}", LONG.answer),
        (f"Prompt for sequence: {NASTY} " + " ".join(f"{'ABCD'[i]}. {t}" for i, t in enumerate(SEQUENCE.items)),
         " → ".join(ORDERED)),
    ]


def test_quizlet_folds_tabs_and_newlines(paper):
    body = dataclasses.replace(GAP, before="Line one\nline\ttwo ")
    line = get("quizlet").export(with_body(paper, body), CONTEXT).decode("utf-8").splitlines()[0]
    assert line.split("\t")[0] == one_line("Line one line two _____") + f" after {NASTY}."


def _csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_round_trip(paper):
    rows = _csv_rows(get("csv").export(paper, CONTEXT))
    assert [r["type"] for r in rows] == ["gap", "match", "extended", "choice", "truefalse", "shortanswer",
                                         "shortanswer", "sequence"]
    assert rows[0]["question"].splitlines() == [f"Prompt for gap: {NASTY}", f"Before {NASTY} _____ after {NASTY}."]
    assert rows[0]["answer"].splitlines() == [GAP.answer, "Also accept: cafe"]
    assert rows[0]["cause"] == f"Money :: {NASTY}" and rows[0]["topic"] == TOPIC.title
    assert "C. =SUM(A1) example C" in rows[1]["question"]
    assert rows[7]["answer"].splitlines() == [f"{n}. {item}" for n, item in enumerate(ORDERED, 1)]
    assert all(NASTY in r["question"] for r in rows)


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\ufeff=1"])
def test_csv_cells_cannot_be_formulas(value, paper):
    value = value.replace("\r", "").replace("\ufeff", "")  # a CR or BOM from the notes never reaches a cell
    assert safe_cell(value) == "'" + value
    q = paper.sections[0].questions[0]
    rows = _csv_rows(get("csv").export(with_body(paper, q.body), CONTEXT))
    assert rows[0]["section"] == f"Mixed {NASTY}"
    poisoned = dataclasses.replace(paper, topic=dataclasses.replace(TOPIC, title=value))
    assert _csv_rows(get("csv").export(poisoned, CONTEXT))[0]["topic"] == "'" + value


def test_csv_cells_lose_stray_bom_and_carriage_returns():
    assert safe_cell("\ufeffCaf\u00e9\r\nbar") == "Caf\u00e9\nbar"


def test_csv_leaves_ordinary_cells_and_numbers_alone():
    assert safe_cell("Stalin") == "Stalin" and safe_cell(3) == 3 and safe_cell("") == ""


# --- zips -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["qti12", "qti21", "anki"])
def test_zips_have_fixed_dates(name, paper):
    with zipfile.ZipFile(io.BytesIO(get(name).export(paper, CONTEXT))) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- the command ------------------------------------------------------------


@pytest.fixture
def run(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # Anki records the notes' edit time
    return run


@pytest.mark.parametrize("name", FORMATS)
def test_cli_export_is_byte_identical_and_atomic(name, run, tmp_path):
    first = run("export", PURGES, "--to", name, "--seed", "4")
    assert first.exit_code == 0, first.output
    written = [p for p in (tmp_path / "out" / "purges").iterdir() if p.name not in (".quizforge-outputs.json", CLAIM)]
    assert len(written) == 1 and written[0].name.startswith("purges"), "default path out/<topic>/<topic>..."
    data = written[0].read_bytes()
    again = run("export", PURGES, "--to", name, "--seed", "4", "--out", tmp_path / "again" / "file")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "again" / "file").read_bytes() == data
    assert not [p for p in tmp_path.rglob(".*.tmp")], "no temporary files left behind"
    assert run("export", PURGES, "--to", name, "--seed", "5").exit_code == 0, "its own earlier output is replaced"


def test_export_never_overwrites_the_notes_or_a_file_it_did_not_write(run, tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_bytes(PURGES.read_bytes())
    result = run("export", notes, "--to", "csv", "--out", notes)
    assert result.exit_code == 2 and "is the file being read" in result.output
    result = run("export", notes, "--to", "csv", "--out", notes, "--force")
    assert result.exit_code == 2, "--force never makes a command write over its own input"
    assert notes.read_bytes() == PURGES.read_bytes()
    theirs = tmp_path / "marks.csv"
    theirs.write_text("a teacher's own spreadsheet\n", encoding="utf-8")
    result = run("export", notes, "--to", "csv", "--out", theirs)
    assert result.exit_code == 2 and "--force" in result.output and "was not written by quizforge" in result.output
    assert theirs.read_text(encoding="utf-8") == "a teacher's own spreadsheet\n"
    assert run("export", notes, "--to", "csv", "--out", theirs, "--force").exit_code == 0
    assert theirs.read_bytes().startswith(b"\xef\xbb\xbf")
    theirs.write_text("edited by hand since\n", encoding="utf-8")
    assert run("export", notes, "--to", "csv", "--out", theirs).exit_code == 2, "an output changed since is theirs now"


def test_cli_export_count_makes_a_bigger_bank(run, tmp_path):
    small = run("export", PURGES, "--to", "csv", "--out", tmp_path / "a.csv")
    big = run("export", PURGES, "--to", "csv", "--out", tmp_path / "b.csv", "--count", "4", "--strategies", "fill-blank,explain")
    assert small.exit_code == 0 and big.exit_code == 0, big.output
    assert len(_csv_rows((tmp_path / "b.csv").read_bytes())) == 8
    assert "8 questions" in big.output


def test_cli_export_errors_exit_2_and_write_nothing(run, tmp_path):
    result = run("export", PURGES, "--to", "word", "--out", tmp_path / "x")
    assert result.exit_code == 2
    assert "unknown export format 'word'; choose from moodle, gift, qti12, qti21, anki, quizlet, csv" in result.output
    missing = run("export", tmp_path / "nope.yaml", "--to", "gift", "--out", tmp_path / "y")
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    bad = run("export", PURGES, "--to", "gift", "--count", "0", "--out", tmp_path / "z")
    assert bad.exit_code == 2 and "--count must be at least 1" in bad.output
    assert not any((tmp_path / n).exists() for n in "xyz")


def test_export_uses_the_same_questions_as_the_worksheet(tmp_path):
    from quizforge.pipeline import BuildRequest, make_paper
    worksheet, _ = make_paper(BuildRequest(source=PURGES, seed=9))
    result = export(ExportRequest(source=PURGES, to="csv", seed=9, out=tmp_path / "p.csv"))
    assert result.paper == worksheet
    rows = _csv_rows((tmp_path / "p.csv").read_bytes())
    assert [r["id"] for r in rows] == [q.id for q in worksheet.questions]


def test_source_date_epoch_must_be_seconds(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(Exception, match="SOURCE_DATE_EPOCH must be whole seconds"):
        export(ExportRequest(source=PURGES, to="anki", out=tmp_path / "a.apkg"))
    assert not (tmp_path / "a.apkg").exists()


def test_xml_exports_are_well_formed_for_purges():
    from quizforge.pipeline import BuildRequest, make_paper
    for seed in range(1, 6):
        real, _ = make_paper(BuildRequest(source=PURGES, seed=seed))
        ET.fromstring(get("moodle").export(real, CONTEXT))
        assert len(read_gift(get("gift").export(real, CONTEXT).decode())) == len(real.questions)
