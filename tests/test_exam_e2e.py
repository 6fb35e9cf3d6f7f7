"""Every preset, tier and print layer as a real PDF, read back."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from quizforge.model import Choice, Extended, TrueFalse, Gap
from quizforge.pipeline import BuildRequest, build

from .conftest import PURGES
from .pdftext import pdf_pages, pdf_text, squash

pytestmark = pytest.mark.slow


def built(tmp_path, **kw):
    result = build(BuildRequest(source=PURGES, out=tmp_path, seed=kw.pop("seed", 5), formats=("pdf",), **kw))
    # each variant has its own file names (worksheet-exam-support.pdf); index them by kind
    return result, {p.name.split("-")[0].split(".")[0] + p.suffix: p.read_bytes() for p in result.files}


def font_sizes(data: bytes) -> set[float]:
    """Every size text is drawn at, in points (font size times the text and page matrices)."""
    sizes = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                sizes.add(round(size * (a * a + b * b) ** 0.5, 1))
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("preset", ["quick-quiz", "worksheet", "exam"])
def test_each_preset_prints_every_question_and_answer(tmp_path, preset):
    result, files = built(tmp_path, preset=preset)
    worksheet, scheme = squash(pdf_text(files["worksheet.pdf"])), squash(pdf_text(files["markscheme.pdf"]))
    paper = result.paper
    for q in paper.questions:
        body = q.body
        if isinstance(body, Choice):
            assert all(squash(o) in worksheet for o in body.options)
            assert squash(body.options[body.correct]) in scheme
        elif isinstance(body, TrueFalse):
            assert squash(body.statement) in worksheet and squash(body.correction) in scheme
        elif isinstance(body, Extended):
            assert squash(q.prompt.split("\n")[-1]) in worksheet
            assert all(squash(s) in worksheet for s in body.stimulus)
            assert all(squash(lv.descriptor) in scheme for lv in body.levels)
        if isinstance(body, Gap):  # blanks are marked from one answer table
            assert squash(body.answer) in scheme
        else:
            assert squash(f"Question{q.number}") in scheme
    assert squash(f"Time allowed: {paper.presentation.minutes} minutes") in worksheet
    assert squash(paper.presentation.title) in scheme
    if preset == "exam":
        cover = squash(pdf_pages(files["worksheet.pdf"])[0])
        assert "Forthe teacher's use".replace(" ", "") in cover and squash("16 + 4 SPaG") in cover
        assert squash(f"Total {paper.total_marks}") in cover
        assert squash("An answer that uses only the two bullet points") in scheme
        assert squash("SPaG band 3") in scheme and squash("Own knowledge") in scheme


@pytest.mark.parametrize("tier", ["support", "core", "stretch"])
def test_each_tier_as_pdf(tmp_path, tier):
    result, files = built(tmp_path, preset="exam", tier=tier)
    worksheet, scheme = pdf_text(files["worksheet.pdf"]), pdf_text(files["markscheme.pdf"])
    assert f"{tier.upper()} TIER" in scheme
    assert ("Sentence starters".upper() in worksheet.upper()) == (tier == "support")
    assert len(result.paper.questions[0].body.options) == (3 if tier == "support" else 4)


def test_large_print_is_never_below_16pt(tmp_path):
    _, files = built(tmp_path, preset="exam", large_print=True, tier="support")
    for name in ("worksheet.pdf", "markscheme.pdf"):
        assert min(font_sizes(files[name])) >= 16, name
    pages = pdf_pages(files["worksheet.pdf"])
    assert "Total 35" in pages[0] and "Section A" not in pages[0] and "Section A" in pages[1], "cover stays one page"
    _, plain = built(tmp_path / "plain", preset="exam")
    assert min(font_sizes(plain["worksheet.pdf"])) < 16


def test_dyslexia_friendly_uses_no_italic_font(tmp_path):
    _, files = built(tmp_path, preset="worksheet", dyslexia_friendly=True)
    for name in ("worksheet.pdf", "markscheme.pdf"):
        reader = PdfReader(io.BytesIO(files[name]))
        fonts = {str(f["/BaseFont"]) for page in reader.pages
                 for f in page["/Resources"]["/Font"].get_object().values()}
        assert fonts and not any("Italic" in f for f in fonts), fonts
        assert all("QF-Sans" in f for f in fonts), "only the shipped Atkinson Hyperlegible (QF Sans)"


def test_pdfs_are_pdf_ua_with_title_and_language_and_stay_byte_identical(tmp_path):
    _, first = built(tmp_path / "a", preset="exam", large_print=True, dyslexia_friendly=True)
    _, again = built(tmp_path / "b", preset="exam", large_print=True, dyslexia_friendly=True)
    assert first == again
    reader = PdfReader(io.BytesIO(first["worksheet.pdf"]))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid:part=\"1\"" in root["/Metadata"].get_object().get_data()
    assert reader.metadata.title.startswith("Reasons behind the Purges")


FIXTURES = sorted((PURGES.parent.parent / "tests" / "fixtures" / "notes").glob("*.yaml"))


@pytest.mark.parametrize("notes", FIXTURES, ids=lambda p: p.stem)
def test_every_question_prints_its_number_marks_and_section(tmp_path, notes):
    """Each kind of question (a 30-mark essay too) prints under its section heading, with its number and marks,
    and the cover's marks grid fits on the cover however many questions there are."""
    result = build(BuildRequest(source=notes, out=tmp_path, seed=1, formats=("pdf",), preset="exam"))
    worksheet = next(p for p in result.files if p.name.startswith("worksheet"))
    text = squash(pdf_text(worksheet.read_bytes()))
    cover = squash(pdf_pages(worksheet.read_bytes())[0])
    assert squash(f"Total {result.paper.total_marks}") in cover  # the marks grid ends on the cover
    for n, section in enumerate(result.paper.sections):
        assert squash(f"Section {chr(65 + n)}: {section.title}") in text
    assert len(re.findall(r"\[\d+marks?", text)) == len(result.paper.questions)
