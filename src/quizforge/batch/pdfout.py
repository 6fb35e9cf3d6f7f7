"""Put the class set together: stream chunk PDFs into one file, stamp students onto shared versions, pad.

The combined PDF is written object by object as chunks arrive: a chunk's pages
and everything they use are copied (raw, still compressed) to the end of the
output and the chunk is closed, so memory holds only the cross-reference
offsets, not the pages: it stays flat however large the year group.

pikepdf (qpdf) reads the chunks, rather than pypdf: it parses objects lazily
in C++, hands back a stream's raw bytes without decoding them, and turns a page
into a Form XObject (``as_form_xobject``), which is how a version's pages are
shared by every student who has that version. Building the whole output as one
pikepdf (or pypdf) document instead grows by ~20-40 KB a page until it is saved.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Name

from .textstamp import TextStamp, VersionSlots

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


@dataclass
class Span:
    """Where one document sits in the combined PDF (0-based first page)."""

    first: int
    pages: int  # without padding


def _scalar(value) -> bytes:
    """PDF syntax of a direct scalar (pikepdf hands some back as Python values)."""
    if isinstance(value, pikepdf.Object):
        return value.unparse()
    return pikepdf.Array([value]).unparse()[2:-2]


def _compressed(stream: pikepdf.Stream, entries: bytes) -> tuple[bytes, bytes]:
    """Raw data and dictionary entries; unfiltered data (as_form_xobject decodes pages) gets deflated."""
    raw = stream.read_raw_bytes()
    if "/Filter" in stream or len(raw) < 256:
        return raw, entries
    return zlib.compress(raw, 6), entries + b" /Filter /FlateDecode"


class PdfStream:
    """A PDF written front to back. Objects from a source are copied once per ``Copier``."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = open(path, "wb")
        self.handle.write(HEADER)
        self.offsets: list[int] = [0]
        self.digest = hashlib.sha256()
        self.pages_root = self.reserve()
        self.page_numbers: list[int] = []

    def reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def write_object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.handle.tell()
        data = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        self.digest.update(data)
        self.handle.write(data)

    def add_page(self, page_dict: bytes) -> None:
        """``page_dict`` without /Type and /Parent: both are added here."""
        number = self.reserve()
        self.write_object(number, b"<< /Type /Page /Parent %d 0 R %s >>" % (self.pages_root, page_dict))
        self.page_numbers.append(number)

    def stream(self, data: bytes, entries: bytes = b"") -> int:
        number = self.reserve()
        self.write_object(number, b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data))
        return number

    def finish(self, title: str) -> None:
        """Pages tree, catalog, info, cross-reference table; then fsync (the caller renames)."""
        kids = b" ".join(b"%d 0 R" % n for n in self.page_numbers)
        self.write_object(self.pages_root, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.page_numbers)))
        catalog = self.reserve()
        self.write_object(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % self.pages_root)
        info = self.reserve()
        self.write_object(info, b"<< /Title %s /Producer (quizforge) >>" % _scalar(pikepdf.String(title)))
        xref = self.handle.tell()
        rows = b"".join(b"%010d 00000 n \n" % offset for offset in self.offsets[1:])
        ident = self.digest.hexdigest()[:32].encode()  # same content, same /ID
        self.handle.write(b"xref\n0 %d\n0000000000 65535 f \n%s" % (len(self.offsets), rows))
        self.handle.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
                          % (len(self.offsets), catalog, info, ident, ident, xref))
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()


class Copier:
    """Copies objects of one source PDF into a ``PdfStream``, each once, renumbered."""

    PAGE_SKIP = {"/Parent", "/Type"}  # the writer sets both
    SKIP = {"/Parent", "/StructParent", "/StructParents"}  # never pull in a source's page tree or structure

    def __init__(self, out: PdfStream):
        self.out = out
        self.numbers: dict[tuple[int, int], int] = {}
        self.pending: list[pikepdf.Object] = []

    def ref(self, obj: pikepdf.Object) -> int:
        key = obj.objgen
        if key not in self.numbers:
            self.numbers[key] = self.out.reserve()
            self.pending.append(obj)
        return self.numbers[key]

    def flush(self) -> None:
        while self.pending:
            obj = self.pending.pop()
            number = self.numbers[obj.objgen]
            if isinstance(obj, pikepdf.Stream):
                raw, entries = _compressed(obj, self.entries(obj, skip={"/Length"}))
                self.out.write_object(number, b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(raw), raw))
            else:
                self.out.write_object(number, self.direct(obj))

    def entries(self, obj, skip=frozenset()) -> bytes:
        return b" ".join(_scalar(Name(key)) + b" " + self.value(value) for key, value in obj.items()
                         if key not in skip and key not in self.SKIP)

    def value(self, value) -> bytes:
        if isinstance(value, pikepdf.Object) and value.is_indirect:
            return b"%d 0 R" % self.ref(value)
        return self.direct(value)

    def direct(self, value) -> bytes:
        if isinstance(value, pikepdf.Dictionary):
            return b"<< " + self.entries(value) + b" >>"
        if isinstance(value, pikepdf.Array):
            return b"[" + b" ".join(self.value(item) for item in value) + b"]"
        return _scalar(value)

    def page(self, page: pikepdf.Page) -> None:
        self.out.add_page(self.entries(page.obj, skip=self.PAGE_SKIP))
        self.flush()


class CombinedPdf:
    """The combined output, streamed to ``<path>.tmp``; ``save`` renames it into place."""

    def __init__(self, duplex: bool, title: str, path: Path):
        self.duplex = duplex
        self.title = title
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp")
        self.out = PdfStream(self.tmp)
        self.spans: list[Span] = []
        self._blank: tuple[bytes, int] | None = None

    @property
    def page_count(self) -> int:
        return len(self.out.page_numbers)

    def add_chunk(self, path: Path, counts: tuple[int, ...], pad: bool = True) -> None:
        """Append a chunk's documents, each padded to an even page count when printing duplex (and ``pad``)."""
        with pikepdf.open(path) as source:
            copier = Copier(self.out)
            pages = iter(source.pages)
            for count in counts:
                first = self.page_count
                for _ in range(count):
                    copier.page(next(pages))
                if pad:
                    self.pad(count, source.pages[0].mediabox)
                self.spans.append(Span(first, count))

    def pad(self, count: int, box) -> None:
        """Duplex padding: a page that says it is blank on purpose, so nobody thinks a page is missing."""
        if self.duplex and count % 2:
            if self._blank is None:
                self._blank = self._blank_page([float(v) for v in box])
            self.out.add_page(self._blank)

    BLANK_TEXT = b"This page is intentionally left blank"

    def _blank_page(self, box: list[float]) -> bytes:
        # Helvetica is one of the PDF base fonts every reader and printer has: nothing to embed.
        font = self.out.reserve()
        self.out.write_object(font, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        size, width = 11, 0.5 * 11 * len(self.BLANK_TEXT)  # Helvetica averages about half an em a letter
        x, y = (box[0] + box[2] - width) / 2, (box[1] + box[3]) / 2
        content = self.out.stream(b"BT /F1 %d Tf 0.33 g %.2f %.2f Td (%s) Tj ET" % (size, x, y, self.BLANK_TEXT))
        return b"/MediaBox %s /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R" % (
            _scalar(pikepdf.Array(box)), font, content)

    def save(self, path: Path | None = None) -> None:
        self.out.finish(self.title)
        os.replace(self.tmp, path or self.path)

    def close(self) -> None:
        self.out.close()
        self.tmp.unlink(missing_ok=True)


class Stamper:
    """Makes a student's paper from a shared version and that student's details.

    Each version page becomes a Form XObject written once; a student's page draws
    it, then their details: as text drawn straight into the page where the
    version's layout left room for it (``use_text``, ``add_student_text``), or, when
    that cannot be done, from the student's one-page overlay (the whole overlay on
    page 1; on later pages only its top margin strip, the running header).
    """

    def __init__(self, combined: CombinedPdf):
        self.combined = combined
        self.top_margins: dict[str, float] = {}  # per version, pt: the strip of the overlay stamped on later pages
        self.versions: dict[str, list[tuple[int, list[float]]]] = {}
        self.slots: dict[str, VersionSlots] = {}
        self.text: TextStamp | None = None

    def use_text(self, slots: dict[str, VersionSlots | None], students: list[tuple[str, dict[str, str]]]) -> bool:
        """Stamp details as text if every version has its slots and the fonts draw every student's details."""
        if not slots or any(s is None for s in slots.values()):
            return False
        text = TextStamp({key: data for s in slots.values() for key, data in s.fonts.items()})
        if not all(text.covers(slots[code].slots, details) for code, details in students):
            return False
        self.slots, self.text = dict(slots), text
        return True

    def add_student_text(self, code: str, details: dict[str, str], extra=None) -> Span:
        """``extra``: ``page number -> operators`` drawn last (a scannable paper's marks and code)."""
        slots = self.slots[code].slots

        def stamp(number: int) -> tuple[bytes, bytes, bytes]:
            ops, fonts = self.text.page(self.combined.out, [s for s in slots if s.page == number], details)
            return ops + (extra(number) if extra else b""), b"", b"/Font << %s >>" % fonts

        return self._paper(code, stamp)

    def _paper(self, code: str, stamp) -> Span:
        """A student's copy of version ``code``: each page draws the version's page, then what
        ``stamp(page number)`` gives: (operators, more /XObject entries, more resources)."""
        out = self.combined.out
        forms = self.versions[code]
        first = self.combined.page_count
        for number, (version_form, box) in enumerate(forms):
            ops, xobjects, resources = stamp(number)
            contents = out.stream(b"q /V Do Q\n" + ops)
            out.add_page(b"/MediaBox %s /Resources << /XObject << /V %d 0 R %s >> %s >> /Contents %d 0 R"
                         % (_scalar(pikepdf.Array(box)), version_form, xobjects, resources, contents))
        self.combined.pad(len(forms), forms[0][1])
        span = Span(first, len(forms))
        self.combined.spans.append(span)
        return span

    def finish(self) -> None:
        """Write the fonts the stamped text used (once the last student is in)."""
        if self.text is not None:
            self.text.finish(self.combined.out)

    def add_version(self, code: str, path: Path, first: int, count: int, top_margin: float) -> None:
        self.top_margins[code] = top_margin
        with pikepdf.open(path) as source:
            copier = Copier(self.combined.out)
            forms = []
            for page in source.pages[first:first + count]:
                forms.append((copier.ref(_form(source, page)), [float(v) for v in page.mediabox]))
            copier.flush()
        self.versions[code] = forms

    def add_students(self, path: Path, codes: list[str], extras=None) -> list[Span]:
        """One overlay page per student, in order; returns where each student's pages went."""
        spans = []
        with pikepdf.open(path) as source:
            copier = Copier(self.combined.out)  # one per chunk: its fonts are written once
            for i, (page, code) in enumerate(zip(source.pages, codes)):
                spans.append(self._student(copier, _form(source, page), code, extras[i] if extras else None))
        return spans

    def _student(self, copier: Copier, form: pikepdf.Stream, code: str, extra=None) -> Span:
        full = copier.ref(form)
        forms = self.versions[code]
        strip = self._strip(copier, form, forms[0][1], self.top_margins[code]) if len(forms) > 1 else full
        copier.flush()
        return self._paper(code, lambda number: (b"q /S Do Q\n" + (extra(number) if extra else b""),
                                                 b"/S %d 0 R" % (full if number == 0 else strip), b""))

    def _strip(self, copier: Copier, form: pikepdf.Stream, box: list[float], top_margin: float) -> int:
        """The overlay clipped to the top margin: same drawing, a smaller /BBox."""
        bbox = _scalar(pikepdf.Array([box[0], box[3] - top_margin, box[2], box[3]]))
        raw, entries = _compressed(form, copier.entries(form, skip={"/Length", "/BBox"}) + b" /BBox " + bbox)
        return self.combined.out.stream(raw, entries)


def _form(source: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Stream:
    form = page.as_form_xobject()
    return form if form.is_indirect else source.make_indirect(form)


SPLIT_REOPEN = 50  # reopen the combined file now and then: qpdf caches every object it has read


def split_out(combined: Path, spans: list[Span], names: list[str], folder: Path) -> None:
    """One PDF per student, cut from the finished combined PDF (one source open at a time)."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(spans), SPLIT_REOPEN):
        with pikepdf.open(combined) as source:
            for span, name in zip(spans[start:start + SPLIT_REOPEN], names[start:start + SPLIT_REOPEN]):
                with pikepdf.new() as single:
                    single.pages.extend(source.pages[span.first:span.first + span.pages])
                    single.docinfo[Name.Title] = name
                    single.save(folder / name, deterministic_id=True, compress_streams=True)
