"""Stamp short lines of text (a student's details) onto laid-out pages, without laying them out again.

With ``--versions`` every version is laid out once. Each student's name, class,
candidate number and running header then go onto that version's pages at the
places its layout left for them: the version is laid out with hidden
placeholders there, and ``slots_of`` reads back where each placeholder's
baseline is and which font and size it is in, from WeasyPrint's own layout.

The text is shaped with HarfBuzz (which is what WeasyPrint shapes with, through
Pango) in the very font file the layout used, so it looks as if laid out, and
that font is embedded once as a subset CID font with a ToUnicode map, so the
names print, copy, search and read back like any other text. A name the font
cannot draw (a glyph it lacks, or right-to-left text) is not stamped: the caller
falls back to laying out the students' details (``TextStamp.covers``).
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass, field

PX = 0.75  # CSS px to PDF pt
FIELDS = ("name", "class_name", "candidate", "running")


@dataclass(frozen=True)
class Slot:
    """Where one field of a student's details goes on one page of a version, in PDF points."""

    field: str  # one of FIELDS
    page: int  # 0-based page of the version
    x: float  # start of the baseline, from the left of the page
    y: float  # baseline, from the bottom of the page
    size: float  # font size, pt
    font: str  # key of the font in VersionSlots.fonts
    color: tuple[float, float, float]
    clip: tuple[float, float, float, float]  # x0, y0, x1, y1: nothing is drawn outside


@dataclass(frozen=True)
class VersionSlots:
    slots: tuple[Slot, ...]
    fonts: dict[str, bytes] = field(default_factory=dict)  # sha256 of the font file -> font file


# --- Worker side: where the placeholders went -------------------------------------------------------

def slots_of(document) -> VersionSlots | None:
    """The slots of a laid-out version (a ``weasyprint.Document``), or None if it cannot be stamped.

    Placeholders are the hidden text boxes of elements with ``data-field`` and of the
    top-left page-margin box (the running header). Anything unusual (no placeholders, a
    font that is not a plain TrueType file, letter-spacing, text not aligned left)
    gives None, and the caller lays out the details instead.
    """
    try:
        slots, fonts = [], {}
        for number, page in enumerate(document.pages):
            height = page.height * PX
            for textbox, field_name, clip in _placeholders(page._page_box):
                slot = _slot(textbox, field_name, clip, number, height, fonts)
                if slot is None:
                    return None
                slots.append(slot)
        if not any(s.field == "name" for s in slots):
            return None
        return VersionSlots(tuple(slots), fonts)
    except Exception:  # noqa: BLE001 - WeasyPrint internals moved: lay the details out instead
        return None


def top_margin(document) -> float:
    """The first page's top margin, in pt: where the running header sits."""
    return document.pages[0]._page_box.margin_top * PX


def _placeholders(page_box):
    """(text box, field, clip box in px) for every placeholder on a page."""
    from weasyprint.formatting_structure import boxes

    right_edge = page_box.margin_width() - page_box.margin_right
    top_right = [c for c in page_box.children if isinstance(c, boxes.MarginBox) and c.at_keyword == "@top-right"]
    for child in page_box.children:
        if isinstance(child, boxes.MarginBox) and child.at_keyword == "@top-left":
            x1 = top_right[0].position_x - 6 if top_right else right_edge
            clip = (child.position_x, child.position_y, x1, child.position_y + child.margin_height())
            for text in _text_boxes(child):
                yield text, "running", clip
    stack = [(page_box, None, None)]
    while stack:
        box, field_name, clip = stack.pop()
        element = getattr(box, "element", None)
        if not isinstance(box, boxes.MarginBox) and element is not None and element.get("data-field") in FIELDS:
            field_name = element.get("data-field")
            if isinstance(box, boxes.BlockBox):
                clip = (box.padding_box_x(), box.padding_box_y(), box.padding_box_x() + box.padding_width(),
                        box.padding_box_y() + box.padding_height())
        if isinstance(box, boxes.TextBox) and field_name and clip:
            yield box, field_name, clip
        if not isinstance(box, boxes.MarginBox):
            stack.extend((c, field_name, clip) for c in reversed(getattr(box, "children", ())))


def _text_boxes(box):
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child)


def _slot(textbox, field_name: str, clip, page: int, height: float, fonts: dict) -> Slot | None:
    from weasyprint.text.fonts import get_hb_object_data, get_pango_font_hb_face

    style = textbox.style
    if style["letter_spacing"] != "normal" or style["word_spacing"] != 0 or str(style["text_align_all"]) not in {
            "start", "left"} or style["direction"] != "ltr":
        return None
    textbox.pango_layout.reactivate(style)  # laid-out text boxes keep no Pango layout; drawing makes one too
    line, _ = textbox.pango_layout.get_first_line()
    pango_font = line.runs[0].data.item.analysis.font
    data = get_hb_object_data(get_pango_font_hb_face(pango_font))
    if data[:4] not in {b"\x00\x01\x00\x00", b"true"} or b"fvar" in _table_tags(data):
        return None  # TrueType outlines only (FontFile2), and not a variable font (which instance?)
    key = hashlib.sha256(data).hexdigest()[:16]
    fonts[key] = data
    r, g, b, _ = style["color"]
    x0, y0, x1, y1 = clip
    return Slot(field_name, page, textbox.position_x * PX, height - (textbox.position_y + textbox.baseline) * PX,
                style["font_size"] * PX, key, (r, g, b), (x0 * PX, height - y1 * PX, x1 * PX, height - y0 * PX))


def _table_tags(data: bytes) -> set[bytes]:
    count = int.from_bytes(data[4:6], "big")
    return {data[12 + 16 * i:16 + 16 * i] for i in range(count)}


# --- Parent side: shaping, drawing and embedding -----------------------------------------------------

@dataclass(frozen=True)
class Glyph:
    gid: int
    advance: int  # font units, as shaped (kerning included)
    dx: int
    dy: int
    text: str  # the characters it stands for ('' for the second glyph of a cluster)


class _Font:
    def __init__(self, data: bytes):
        import uharfbuzz as hb
        from fontTools.ttLib import TTFont

        self.data = data
        self.hb_font = hb.Font(hb.Face(data))
        self.tt = TTFont(io.BytesIO(data), lazy=True)
        self.upem = self.tt["head"].unitsPerEm
        self.widths = self.tt["hmtx"].metrics
        self.glyph_order = self.tt.getGlyphOrder()
        self.used: dict[int, str] = {0: ""}  # gid -> text, for ToUnicode
        self.cache: dict[str, tuple[Glyph, ...] | None] = {}

    def shape(self, text: str) -> tuple[Glyph, ...] | None:
        """Glyphs of ``text`` (NFC), or None if this font cannot draw it (a missing glyph, right-to-left)."""
        text = unicodedata.normalize("NFC", text)
        if text in self.cache:
            return self.cache[text]
        import uharfbuzz as hb

        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(self.hb_font, buf, {})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        glyphs = None
        if buf.direction == "ltr" and all(i.codepoint != 0 for i in infos):
            glyphs = tuple(Glyph(i.codepoint, p.x_advance, p.x_offset, p.y_offset, chars)
                           for i, p, chars in zip(infos, positions, _cluster_texts(text, [i.cluster for i in infos])))
        self.cache[text] = glyphs
        return glyphs

    def width(self, gid: int) -> int:
        return self.widths[self.glyph_order[gid]][0]


def _cluster_texts(text: str, clusters: list[int]) -> list[str]:
    """The characters each glyph stands for: its cluster's, on the cluster's first glyph."""
    ends = sorted(set(clusters)) + [len(text)]
    end_of = {start: ends[n + 1] for n, start in enumerate(ends[:-1])}
    return [text[c:end_of[c]] if n == 0 or clusters[n - 1] != c else "" for n, c in enumerate(clusters)]


def _num(value: float) -> bytes:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return (text if text not in {"-0", ""} else "0").encode()


class TextStamp:
    """Draws students' details into pages of a ``PdfStream`` and embeds the fonts it used, once."""

    def __init__(self, fonts: dict[str, bytes]):
        self.fonts = {key: _Font(data) for key, data in fonts.items()}
        self.numbers: dict[str, int] = {}  # font key -> reserved object number of its Type0 font

    def covers(self, slots: tuple[Slot, ...], texts: dict[str, str]) -> bool:
        return all(self.fonts[s.font].shape(texts[s.field]) is not None for s in slots if texts.get(s.field))

    def page(self, out, slots: list[Slot], texts: dict[str, str]) -> tuple[bytes, bytes]:
        """(content-stream operators, /Font resource entries) drawing ``texts`` into ``slots``."""
        ops, used = [], set()
        for slot in slots:
            text = texts.get(slot.field)
            if not text:
                continue
            font = self.fonts[slot.font]
            glyphs = font.shape(text)
            for g in glyphs:
                font.used.setdefault(g.gid, g.text)
            if slot.font not in self.numbers:
                self.numbers[slot.font] = out.reserve()
            used.add(slot.font)
            x0, y0, x1, y1 = slot.clip
            ops.append(b"q %s %s %s %s re W n BT /%s %s Tf %s %s %s rg %s %s Td %s ET Q" % (
                _num(x0), _num(y0), _num(x1 - x0), _num(y1 - y0), self._name(slot.font), _num(slot.size),
                *(_num(c) for c in slot.color), _num(slot.x), _num(slot.y), self._show(font, glyphs, slot.size)))
        resources = b" ".join(b"/%s %d 0 R" % (self._name(key), self.numbers[key]) for key in sorted(used))
        return b"\n".join(ops), resources

    @staticmethod
    def _name(key: str) -> bytes:
        return b"QF" + key[:8].encode()

    @staticmethod
    def _show(font: _Font, glyphs: tuple[Glyph, ...], size: float) -> bytes:
        """TJ arrays placing each glyph where HarfBuzz put it (kerning, marks), rise changes as Ts."""
        scale = 1000 / font.upem
        out, items, pen, drawn, rise = [], [], 0, 0, 0
        for g in glyphs:
            if g.dy != rise:
                if items:
                    out.append(b"[%s] TJ" % b" ".join(items))
                    items = []
                rise = g.dy
                out.append(b"%s Ts" % _num(rise * size / font.upem))
            target = pen + g.dx
            if target != drawn:
                items.append(_num((drawn - target) * scale))
            items.append(b"<%04x>" % g.gid)
            drawn = target + font.width(g.gid)
            pen += g.advance
        if items:
            out.append(b"[%s] TJ" % b" ".join(items))
        if rise:
            out.append(b"0 Ts")
        return b" ".join(out)

    def finish(self, out) -> None:
        """Write each font that was drawn with: subset to the glyphs used, glyph ids kept."""
        for key, number in sorted(self.numbers.items()):
            _write_font(out, number, self.fonts[key])


def _write_font(out, number: int, font: _Font) -> None:
    import zlib

    gids = sorted(font.used)
    data = _subset(font.data, gids)
    digest = hashlib.sha256(repr(gids).encode() + font.data[:4096]).digest()
    tag = "".join(chr(65 + b % 26) for b in digest[:6])
    base = tag + "+" + _postscript_name(font.tt)
    head, hhea, os2 = font.tt["head"], font.tt["hhea"], font.tt.get("OS/2")
    k = 1000 / font.upem
    file_number = out.stream(zlib.compress(data, 6), b"/Filter /FlateDecode /Length1 %d" % len(data))
    descriptor = out.reserve()
    out.write_object(descriptor, b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%s] /ItalicAngle %s "
                     b"/Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>" % (
                         base.encode(), b" ".join(_num(v * k) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
                         _num(font.tt["post"].italicAngle), _num(hhea.ascent * k), _num(hhea.descent * k),
                         _num(getattr(os2, "sCapHeight", hhea.ascent) * k), file_number))
    widths = b" ".join(b"%d [%s]" % (gid, _num(font.width(gid) * k)) for gid in gids)
    cid = out.reserve()
    out.write_object(cid, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) "
                     b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /W [%s] /CIDToGIDMap /Identity >>"
                     % (base.encode(), descriptor, widths))
    to_unicode = out.stream(zlib.compress(_to_unicode(font.used), 6), b"/Filter /FlateDecode")
    out.write_object(number, b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                     b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (base.encode(), cid, to_unicode))


def _subset(data: bytes, gids: list[int]) -> bytes:
    """The font with only these glyphs drawn, at their own ids (HarfBuzz's subsetter, ~1 ms)."""
    import uharfbuzz as hb

    wanted = hb.SubsetInput()
    wanted.glyph_set.update(gids)
    wanted.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NOTDEF_OUTLINE
    drop = wanted.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in ("GSUB", "GPOS", "GDEF", "kern"):  # shaping is done: the PDF only draws glyphs
        drop.add(int.from_bytes(tag.encode(), "big"))
    return bytes(hb.subset(hb.Face(data), wanted).blob.data)


def _postscript_name(tt) -> str:
    name = tt["name"].getDebugName(6) or "Font"
    return "".join(c for c in name if c.isascii() and c.isalnum() or c in "-_") or "Font"


def _to_unicode(used: dict[int, str]) -> bytes:
    pairs = [(gid, text) for gid, text in sorted(used.items()) if text]
    blocks = []
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        rows = "\n".join(f"<{gid:04x}> <{text.encode('utf-16-be').hex()}>" for gid, text in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{rows}\nendbfchar")
    body = "\n".join(blocks)
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
