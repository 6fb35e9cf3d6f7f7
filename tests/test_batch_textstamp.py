"""Students' details stamped as text onto shared versions: shaping, placement, embedding, fallback."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge.batch import BatchRequest, run_batch
from quizforge.batch import run as batch_run
from quizforge.batch.manifest import read_manifest
from quizforge.batch.pdfout import PdfStream
from quizforge.batch.textstamp import Slot, TextStamp, _Font, slots_of
from quizforge.render.env import template_roots

from .conftest import PURGES
from .pdftext import pdf_pages, squash

FONTS = template_roots(None)[-1] / "fonts"
REGULAR = (FONTS / "AtkinsonHyperlegible-Regular.ttf").read_bytes()


@pytest.fixture(scope="module")
def regular():
    return _Font(REGULAR)


def test_the_shipped_font_draws_latin_names_and_refuses_what_it_cannot(regular):
    for name in ("Zoë O'Brien", "Łukasz Wąs", "Nguyễn Văn An", "Siân Evans-Ó Súilleabháin"):
        assert regular.shape(name) is not None, name
    for name in ("Иван Петров", "王芳", "דוד"):  # no glyphs: those students' details are laid out instead
        assert regular.shape(name) is None, name


def _final_pen(font: _Font, tj: bytes) -> float:
    """Where a TJ sequence leaves the pen, in font units: glyph widths minus the adjustments."""
    pen = 0.0
    for array in re.findall(rb"\[(.*?)\] TJ", tj):  # rises (Ts) move glyphs up or down, not along
        for number, gid in re.findall(rb"(-?[\d.]+)|<([0-9a-f]{4})>", array):
            pen += font.width(int(gid, 16)) if gid else -float(number) * font.upem / 1000
    return pen


@given(st.text(alphabet="AVTWYoaeLy.,' -ëçñÅøßfil\u0301\u0308", min_size=1, max_size=24).filter(
    lambda t: not unicodedata.combining(t[0])))
@settings(max_examples=60, deadline=None)
def test_glyphs_land_where_harfbuzz_put_them(text):
    font = _Font(REGULAR)
    glyphs = font.shape(text)
    assert glyphs is not None
    shown = TextStamp._show(font, glyphs, 12)
    # After the last glyph the pen is where HarfBuzz's advances (kerning included) put it, to rounding.
    last = glyphs[-1]
    expected = sum(g.advance for g in glyphs[:-1]) + last.dx + font.width(last.gid)
    assert abs(_final_pen(font, shown) - expected) < 0.01 * len(glyphs)
    assert "".join(g.text for g in glyphs) == unicodedata.normalize("NFC", text)  # maps back (ToUnicode)


def test_each_cluster_maps_back_once(regular):
    glyphs = regular.shape("Zoe\u0308 fi")  # a decomposed ë is drawn (and read back) composed
    assert regular.shape("Zoë fi") == glyphs and "".join(g.text for g in glyphs) == "Zoë fi"
    assert all(g.text for g in glyphs)  # one glyph per character here


def test_kerning_is_kept(regular):
    glyphs = regular.shape("AVAToY")
    plain = sum(regular.width(g.gid) for g in glyphs)
    assert sum(g.advance for g in glyphs) < plain  # the font kerns these pairs
    assert re.search(rb"\[<[0-9a-f]{4}> \d", TextStamp._show(regular, glyphs, 10))  # as TJ adjustments


def test_stamped_text_reads_back_and_embeds_a_valid_subset(tmp_path):
    out = PdfStream(tmp_path / "t.pdf")
    key = "regular"
    stamp = TextStamp({key: REGULAR})
    slot = Slot("name", 0, 72, 700, 12, key, (0, 0, 0), (60, 690, 300, 720))
    running = Slot("running", 0, 72, 800, 8, key, (0.2, 0.2, 0.2), (60, 790, 500, 810))
    names = ["Zoë O'Brien", "Jean-Luc Dupont-Aignan", "Ærøskøbing Åsa"]
    for name in names:
        ops, fonts = stamp.page(out, [slot, running], {"name": name, "running": f"{name} · 10B"})
        contents = out.stream(ops)
        out.add_page(b"/MediaBox [0 0 595 842] /Resources << /Font << %s >> >> /Contents %d 0 R" % (fonts, contents))
    stamp.finish(out)
    out.finish("t")
    data = (tmp_path / "t.pdf").read_bytes()
    pages = pdf_pages(data)
    for name, page in zip(names, pages):
        assert squash(name) in squash(page) and squash(f"{name} · 10B") in squash(page)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = list(pdf.pages[0].Resources.Font.values())
        assert len(fonts) == 1  # one font for every page and field
        descriptor = fonts[0].DescendantFonts[0].FontDescriptor
        subset = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
        assert re.fullmatch(r"[A-Z]{6}\+AtkinsonHyperlegible-Regular", str(descriptor.FontName)[1:])
        assert len(descriptor.FontFile2.read_bytes()) < len(REGULAR) / 2  # a subset, not the whole font
        whole = TTFont(io.BytesIO(REGULAR))
        for gid in stamp.fonts[key].used:  # glyph ids kept: CID = glyph id in the embedded font
            kept, original = (f["glyf"][f.getGlyphOrder()[gid]] for f in (subset, whole))
            assert kept.numberOfContours == original.numberOfContours


@pytest.mark.slow
def test_slots_come_from_the_version_layout():
    from quizforge.batch.plan import make_assignments, paper_maker
    from quizforge.batch.render import _Layout, _warm_up
    from quizforge.batch.roster import copies
    from quizforge.load import load_notes
    from quizforge.render.html import render_html

    paper = paper_maker(load_notes(PURGES), (), "a4", None)(make_assignments(copies(1), 1, 2)[0].seed)
    html = render_html(paper, "worksheet", None, batch={"mode": "version", "version": "A", "running": "",
                                                        "student": None, "answer_keys": None})
    _warm_up(None, html)
    document = _Layout(None).render(html)
    found = slots_of(document)
    assert found is not None and len(found.fonts) == 2  # regular values, bold running header
    first = {s.field: s for s in found.slots if s.page == 0}
    assert set(first) == {"name", "class_name", "candidate", "running"}
    assert first["name"].x < first["class_name"].x < first["candidate"].x  # along the details line
    assert first["name"].y == first["class_name"].y and first["name"].size == 12
    assert first["running"].y > first["name"].y and first["running"].size == 8.5
    for field in ("name", "class_name", "candidate"):
        x0, y0, x1, y1 = first[field].clip
        assert x0 <= first[field].x < x1 and y0 < first[field].y < y1
    later = [s for s in found.slots if s.page > 0]
    assert {s.field for s in later} == {"running"} and len(later) == len(document.pages) - 1
    # The placeholders are laid out but never drawn.
    pdf = document.write_pdf()
    assert not {"running header", "0000"} & set(" ".join(pdf_pages(pdf)).split(" · "))
    assert "0000" not in " ".join(pdf_pages(pdf))


@pytest.mark.slow
def test_versions_fall_back_to_laid_out_details_for_names_the_font_lacks(tmp_path, monkeypatch):
    roster = tmp_path / "class.csv"
    roster.write_text("Name,Class\nZoë O'Brien,10B\nИван Петров,10B\nAmy Lee,10C\n", encoding="utf-8")
    overlays = []
    original = batch_run._render_overlays
    monkeypatch.setattr(batch_run, "_render_overlays", lambda *a: overlays.append(1) or original(*a))
    fallback = run_batch(BatchRequest(source=PURGES, roster=roster, versions=2, out=tmp_path / "a", name="f",
                                      jobs=2, quiet=True, duplex=False))
    assert overlays == [1]
    pages = pdf_pages((fallback.folder / "papers.pdf").read_bytes())
    for row in read_manifest(fallback.folder / "manifest.csv"):
        first, count = int(row["first_page"]) - 1, int(row["pages"])
        for page in pages[first:first + count]:
            assert squash(row["name"]) in squash(page) and squash(f"Version {row['version']}") in squash(page)
    # The same class without the Cyrillic name is stamped as text: no overlays laid out.
    roster.write_text("Name,Class\nZoë O'Brien,10B\nAmy Lee,10C\n", encoding="utf-8")
    overlays.clear()
    stamped = run_batch(BatchRequest(source=PURGES, roster=roster, versions=2, out=tmp_path / "b", name="t",
                                     jobs=1, quiet=True, duplex=False))
    assert overlays == []
    again = run_batch(BatchRequest(source=PURGES, roster=roster, versions=2, out=tmp_path / "c", name="t",
                                   jobs=2, quiet=True, duplex=False))
    assert (stamped.folder / "papers.pdf").read_bytes() == (again.folder / "papers.pdf").read_bytes()


@pytest.mark.slow
def test_laid_out_details_follow_a_template_with_another_top_margin(tmp_path):
    """The overlay's running header is cut from the version's own top margin, not the shipped 18 mm."""
    from PIL import Image

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "paper.css.j2").write_text('{% include "default:paper.css.j2" %}\n@page { margin-top: 50mm; }\n')
    roster = tmp_path / "class.csv"
    roster.write_text("Name,Class\nИван Петров,10B\n", encoding="utf-8")
    result = run_batch(BatchRequest(source=PURGES, roster=roster, versions=1, out=tmp_path, name="m", jobs=1,
                                    quiet=True, duplex=False, templates=templates))
    papers = result.folder / "papers.pdf"
    assert squash("Иван Петров") in squash(pdf_pages(papers.read_bytes())[1])
    # Text extraction ignores clipping: look at the page. The header is centred in the 50 mm margin,
    # so it is drawn below the first 18 mm; the left half of the margin holds only the student's header.
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "2", "-l", "2", str(papers), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    mm = page.height / 297
    margin = page.crop((0, int(18 * mm), page.width // 2, int(50 * mm)))
    assert margin.getextrema()[0] < 128  # something dark: the running header was stamped


def test_only_static_truetype_fonts_are_stamped():
    from quizforge.batch.textstamp import _table_tags

    assert {b"glyf", b"hmtx"} <= _table_tags(REGULAR) and b"fvar" not in _table_tags(REGULAR)
    variable = b"\x00\x01\x00\x00" + (2).to_bytes(2, "big") + bytes(6) + b"fvar" + bytes(12) + b"glyf" + bytes(12)
    assert _table_tags(variable) == {b"fvar", b"glyf"}  # such a font's details are laid out instead
