"""Put the class set together: concatenate chunk PDFs, stamp students onto shared versions, pad for duplex.

pikepdf (qpdf, in C++) rather than pypdf: appending a page from another file
copies only its dictionaries and reads the content streams from the source
file at save time, so memory stays flat however many chunks there are; and
stamping is cheap, because a version's pages become Form XObjects shared by
every student who has that version, each page drawing the shared version and
that student's small overlay. pypdf would hold every page's content in Python
objects and rewrite each stamped page's content stream.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name


@dataclass
class Span:
    """Where one document sits in the combined PDF (0-based first page)."""

    first: int
    pages: int  # without padding


class CombinedPdf:
    """An output PDF built page by page; ``save`` writes it atomically."""

    def __init__(self, duplex: bool, title: str):
        self.pdf = pikepdf.new()
        self.duplex = duplex
        self.title = title
        self.sources: list[pikepdf.Pdf] = []  # kept open: page contents are read from them on save
        self.spans: list[Span] = []

    def add_chunk(self, path: Path, counts: tuple[int, ...]) -> None:
        """Append a chunk's documents, each padded to an even page count when printing duplex."""
        source = pikepdf.open(path)
        self.sources.append(source)
        at = 0
        for count in counts:
            first = len(self.pdf.pages)
            for page in source.pages[at:at + count]:
                self.pdf.pages.append(page)
            at += count
            self._pad(count)
            self.spans.append(Span(first, count))

    def _pad(self, count: int) -> None:
        if self.duplex and count % 2:
            box = self.pdf.pages[-1].mediabox
            self.pdf.add_blank_page(page_size=(float(box[2]) - float(box[0]), float(box[3]) - float(box[1])))

    def save(self, path: Path) -> None:
        self.pdf.docinfo[Name.Title] = self.title
        self.pdf.docinfo[Name.Producer] = "quizforge"
        tmp = path.with_name(f".{path.name}.tmp")
        self.pdf.save(tmp, deterministic_id=True, compress_streams=True,
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)
        _fsync(tmp)
        os.replace(tmp, path)

    def close(self) -> None:
        self.pdf.close()
        for source in self.sources:
            source.close()


class Stamper:
    """Makes a student's paper from a shared version and that student's one-page overlay."""

    def __init__(self, out: CombinedPdf, top_margin_pt: float):
        self.out = out
        self.top_margin = top_margin_pt
        self.versions: dict[str, list[tuple[pikepdf.Object, Array]]] = {}

    def add_version(self, code: str, path: Path, first: int, count: int) -> None:
        """Turn pages ``first..first+count`` of ``path`` into forms every student with ``code`` shares."""
        source = pikepdf.open(path)
        self.out.sources.append(source)
        forms = []
        for page in source.pages[first:first + count]:
            form = self.out.pdf.copy_foreign(page.as_form_xobject())
            forms.append((form, Array([float(v) for v in page.mediabox])))
        self.versions[code] = forms

    def add_student(self, code: str, overlay: pikepdf.Page) -> Span:
        """Append one student's pages: page 1 gets the whole overlay, later pages only its top margin."""
        pdf = self.out.pdf
        full = pdf.copy_foreign(overlay.as_form_xobject())
        first = len(pdf.pages)
        forms = self.versions[code]
        for number, (form, box) in enumerate(forms):
            stamp = full if number == 0 else self._top_strip(full, box)
            self._page(form, stamp, box)
        self.out._pad(len(forms))
        span = Span(first, len(forms))
        self.out.spans.append(span)
        return span

    def _top_strip(self, full: pikepdf.Object, box: Array) -> pikepdf.Object:
        """The overlay clipped to the top margin: the running header without the page-1 fields."""
        if not hasattr(self, "_strip_cache") or self._strip_cache[0] is not full:
            strip = pikepdf.Stream(self.out.pdf, full.read_raw_bytes())
            for key, value in full.items():
                if key not in ("/Length", "/BBox"):
                    strip[key] = value
            top = float(box[3])
            strip[Name.BBox] = Array([float(box[0]), top - self.top_margin, float(box[2]), top])
            self._strip_cache = (full, self.out.pdf.make_indirect(strip))
        return self._strip_cache[1]

    def _page(self, version_form, stamp, box: Array) -> None:
        pdf = self.out.pdf
        contents = pdf.make_stream(b"q /V Do Q q /S Do Q")
        page = Dictionary(Type=Name.Page, MediaBox=box, Contents=contents,
                          Resources=Dictionary(XObject=Dictionary(V=version_form, S=stamp)))
        pdf.pages.append(pikepdf.Page(page))


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def split_out(combined: Path, spans: list[Span], names: list[str], folder: Path) -> None:
    """One PDF per student, cut from the finished combined PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(combined) as source:
        for span, name in zip(spans, names):
            with pikepdf.new() as single:
                single.pages.extend(source.pages[span.first:span.first + span.pages])
                single.docinfo[Name.Title] = name
                single.save(folder / name, deterministic_id=True, compress_streams=True)
