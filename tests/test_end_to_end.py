"""Build real PDFs and read them back."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from quizforge.pipeline import BuildRequest, build

from .conftest import FIXTURES, PURGES
from .pdftext import pdf_pages, pdf_text, squash

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = build(BuildRequest(source=PURGES, out=out, seed=3, formats=("pdf", "html")))
    return result, {p.name.replace("-seed3", ""): p.read_bytes() for p in result.files}


def test_every_question_on_the_worksheet_and_every_answer_in_the_mark_scheme(built):
    result, files = built
    worksheet, scheme = squash(pdf_text(files["worksheet.pdf"])), squash(pdf_text(files["markscheme.pdf"]))
    for q in result.paper.questions:
        body = q.body
        if hasattr(body, "before"):
            assert squash(body.before[-30:]) in worksheet
            assert squash(body.answer) in scheme
            assert squash(body.answer) not in squash(body.before + body.after)
        elif hasattr(body, "examples"):
            for example in body.examples:
                assert squash(example) in worksheet
            for cause in body.causes:
                assert squash(cause) in worksheet
        else:
            assert squash(q.prompt) in worksheet
            for point in getattr(body, "indicative", ()) or (body.answer,):  # levels' content, or a definition
                assert squash(point) in scheme
        if not hasattr(body, "before"):  # blanks are marked from one answer table
            assert squash(f"Question{q.number}") in scheme
    assert squash(f"{result.paper.total_marks} marks") in worksheet


def test_pages_are_numbered_and_tagged(built):
    _, files = built
    pages = pdf_pages(files["worksheet.pdf"])
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in page
    reader = PdfReader(io.BytesIO(files["worksheet.pdf"]))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title.startswith("Reasons behind the Purges")


def test_same_seed_gives_byte_identical_pdfs(built, tmp_path):
    _, files = built
    again = build(BuildRequest(source=PURGES, out=tmp_path, seed=3, formats=("pdf",)))
    for path in again.files:
        assert path.read_bytes() == files[path.name.replace("-seed3", "")], path.name


def test_letter_paper(tmp_path):
    result = build(BuildRequest(source=PURGES, out=tmp_path, seed=3, paper_size="letter", formats=("pdf",)))
    box = PdfReader(io.BytesIO(result.files[0].read_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_hostile_notes_fetch_nothing_and_print_literally(tmp_path, monkeypatch):
    from quizforge.render import pdf

    fetched = []
    original = pdf.make_fetcher

    def spy(roots):
        fetcher = original(roots)
        inner = fetcher.fetch

        def fetch(url, headers=None):
            fetched.append(url)
            return inner(url, headers)
        fetcher.fetch = fetch
        return fetcher
    monkeypatch.setattr(pdf, "make_fetcher", spy)
    result = build(BuildRequest(source=FIXTURES / "notes-tricky.yaml", out=tmp_path, seed=1,
                                strategies=("match", "explain"), formats=("pdf",)))
    text = pdf_text(next(p for p in result.files if p.name == "markscheme.pdf").read_bytes())
    assert "<img src='file:///etc/passwd'>" in text
    assert all(url.endswith(".ttf") for url in fetched), fetched


def test_fetcher_refuses_files_outside_templates_and_network(tmp_path):
    from quizforge.render.pdf import make_fetcher
    from quizforge.resources import templates_dir

    fetcher = make_fetcher((templates_dir(),))
    for url in ("file:///etc/passwd", "https://example.com/x.css", "data:text/css,body{}",
                (templates_dir() / ".." / "pyproject.toml").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch((templates_dir() / "fonts" / "AtkinsonHyperlegible-Regular.ttf").as_uri()).status == 200
