"""Page counts, page fill, font sizes and tint, read back from real PDFs."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizforge.pipeline import BuildRequest, make_paper
from quizforge.render.formats import render_files

from .conftest import PURGES
from .pdftext import font_sizes, pdf_pages

pytestmark = pytest.mark.slow


def pdfs(**kw) -> dict[str, bytes]:
    paper, _ = make_paper(BuildRequest(source=PURGES, **kw))
    return render_files(paper, ("pdf",))


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def images(data: bytes, dpi: int = 20) -> list:
    """Every page as a small RGB image."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "p.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(Path(tmp) / "p")], check=True)
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda f: int(f.stem.split("-")[1]))
        return [Image.open(f).convert("RGB") for f in files]


def corner_colour(data: bytes) -> tuple[int, int, int]:
    """The colour of page 1's top-left corner (in the margin, where only a page background can be)."""
    return images(data, 10)[0].getpixel((1, 1))


def inked_share(image) -> float:
    """How far down the page (between header and footer) anything is drawn."""
    grey = image.convert("L")
    width, height = grey.size
    top, bottom = int(height * 25 / 297), int(height * (1 - 22 / 297))
    rows = [y for y in range(top, bottom) if grey.crop((0, y, width, y + 1)).getextrema()[0] < 235]
    return (max(rows) - top) / (bottom - top) if rows else 0.0


@pytest.fixture(scope="module")
def plain():
    return pdfs()


def test_default_worksheet_is_three_full_pages_and_every_question_whole(plain):
    assert pages(plain["worksheet.pdf"]) <= 3
    assert pages(plain["markscheme.pdf"]) <= 3
    text = pdf_pages(plain["worksheet.pdf"])
    assert "Total" in text[-1] and "End of questions" in text[-1]
    fill = [inked_share(i) for i in images(plain["worksheet.pdf"])]
    # Every page but the last is more than half used; the last holds at least a question and the total.
    assert all(f > 0.5 for f in fill[:-1]) and fill[-1] > 0.25, f"a page is mostly empty: {fill}"


def test_dyslexia_friendly_prints_nothing_below_11_5pt_and_tints_only_the_paper():
    files = pdfs(dyslexia_friendly=True, preset="exam")
    for name in ("worksheet.pdf", "markscheme.pdf"):
        small = {s: t for s, t in font_sizes(files[name]).items() if s < 11.5}
        assert not small, (name, small)
    assert corner_colour(files["worksheet.pdf"]) != (255, 255, 255), "the student's paper is cream"
    assert corner_colour(files["markscheme.pdf"]) == (255, 255, 255), "the mark scheme is not tinted"
    untinted = pdfs(dyslexia_friendly=True, no_tint=True)
    assert corner_colour(untinted["worksheet.pdf"]) == (255, 255, 255)


def test_large_print_mark_scheme_is_never_below_16pt_and_match_repeats_its_head():
    files = pdfs(large_print=True)
    for name in ("worksheet.pdf", "markscheme.pdf"):
        small = {s: t for s, t in font_sizes(files[name]).items() if s < 16}
        assert not small, (name, small)
    text = pdf_pages(files["worksheet.pdf"])
    with_list = [t for t in text if "To cover up problems in the economy" in t and "Example" in t]
    matched = [t for t in text if "Match the cause" in t or with_list and t in with_list]
    # (the default notes may have too little for a fair match: then there is no match to split)
    assert len(with_list) >= 2 or len(matched) <= 1, "a split match question repeats its list and header row"
    banks = [t for t in text if "WORD BANK" in t.upper()]
    fill_blank = [t for t in text if "_____" in t or "Fill in" in t]
    assert len(banks) >= min(2, len(fill_blank)), "the word bank is on every page of its questions"


def test_exam_large_print_leaves_no_heading_alone_and_no_blank_page():
    files = pdfs(preset="exam", tier="support", large_print=True)
    text = pdf_pages(files["worksheet.pdf"])
    fill = [inked_share(i) for i in images(files["worksheet.pdf"])]
    assert all(f > 0.25 for f in fill), f"an almost empty page: {fill}"
    for page in text:
        for heading in ("Section B", "Section C"):
            if heading in page:
                after = page.split(heading, 1)[1]
                assert len(after) > 200, f"{heading} is left at the foot of a page"
    assert "Worksheet" not in text[1], "the exam's running header names the exam, not a worksheet"


# Pages (worksheet, mark scheme) each variant of the Purges notes may take: measured with bench/pages.py.
# The exam's mark scheme prints what History rewards with each essay (subjects/history.yaml skills): 6.
BUDGETS = [
    ({}, 3, 2), ({"preset": "quick-quiz"}, 3, 3), ({"preset": "worksheet"}, 5, 5), ({"preset": "exam"}, 6, 6),
    ({"tier": "support"}, 3, 2), ({"tier": "core"}, 3, 2), ({"tier": "stretch"}, 6, 5),
    ({"large_print": True}, 6, 4), ({"dyslexia_friendly": True}, 4, 4),
]


@pytest.mark.parametrize("options, sheet_pages, scheme_pages", BUDGETS, ids=lambda v: str(v))
def test_every_variant_within_its_pages_with_no_empty_page_and_readable_sizes(options, sheet_pages, scheme_pages):
    files = pdfs(**options)
    assert pages(files["worksheet.pdf"]) <= sheet_pages
    assert pages(files["markscheme.pdf"]) <= scheme_pages
    fill = [inked_share(i) for i in images(files["worksheet.pdf"])]
    assert all(f > 0.3 for f in fill[:-1]) and fill[-1] > 0.1, f"a page is mostly empty: {fill}"
    floor = 16 if options.get("large_print") else 11.5 if options.get("dyslexia_friendly") else 8.5
    for name in ("worksheet.pdf", "markscheme.pdf"):
        assert min(font_sizes(files[name])) >= floor, name
