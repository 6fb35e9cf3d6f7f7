"""Corner marks and the QR code, drawn onto a laid-out page as plain PDF operators.

They go on after layout because the QR names the page, and only the finished layout knows which
page a question landed on. The geometry lives here only: the reader finds marks and codes where
``marks_at`` and ``qr_boxes`` say they are (``scan-layout.json`` records them per page).

Every page carries the same code twice, bottom right and left of the page number, far enough
apart that a coffee ring, a staple or a torn corner rarely takes both.
"""

from __future__ import annotations

from pathlib import Path

from .codes import PageCode

MM = 72 / 25.4  # pt per mm
MARK = 5.0  # side of a corner mark, mm
MARK_INSET = 7.0  # from the paper's edges, mm
QR_SIZE = 16.0  # mm, without the quiet zone
QR_RIGHT = 14.0  # from the right edge to the code's right side, mm (left of the bottom-right mark)
QR_BOTTOM = 7.0
QR2_CENTRE_GAP = 23.0  # from the page's centre line to the second code's right side, mm: clear of
# "Page 1 of 3" in the middle and of "Version ..." on the left, even at large print's 16 pt


def marks_at(width: float, height: float) -> list[tuple[float, float]]:
    """Centres of the four corner marks (pt from the top-left): TL, TR, BR, BL."""
    a = (MARK_INSET + MARK / 2) * MM
    return [(a, a), (width - a, a), (width - a, height - a), (a, height - a)]


def qr_box(width: float, height: float) -> tuple[float, float, float, float]:
    """The main QR code's square (x, y, w, h), pt from the top-left."""
    size = QR_SIZE * MM
    return (width - (QR_RIGHT + QR_SIZE) * MM, height - (QR_BOTTOM + QR_SIZE) * MM, size, size)


def qr_boxes(width: float, height: float) -> list[tuple[float, float, float, float]]:
    """Both codes' squares: ``[main, second]``, in the order of ``PageCode.text(copy)``."""
    size = QR_SIZE * MM
    second = (width / 2 - (QR2_CENTRE_GAP + QR_SIZE) * MM, height - (QR_BOTTOM + QR_SIZE) * MM, size, size)
    return [qr_box(width, height), second]


def _rect(x: float, y: float, w: float, h: float) -> bytes:
    return b"%.3f %.3f %.3f %.3f re\n" % (x, y, w, h)


def page_ops(width: float, height: float, code: PageCode) -> bytes:
    """Operators drawing the marks and both QR codes of ``code`` on a page ``width`` x ``height`` pt.

    Marked as an artifact, so a tagged (PDF/UA) page stays valid: it is not content to read aloud.
    """
    side = MARK * MM
    ops = [b"/Artifact BMC q 0 g\n"]
    for cx, cy in marks_at(width, height):
        ops.append(_rect(cx - side / 2, height - cy - side / 2, side, side))
    for copy, square in enumerate(qr_boxes(width, height)):
        ops += _qr_ops(height, square, code.text(copy))
    ops.append(b"f Q EMC\n")
    return b"".join(ops)


def _qr_ops(height: float, square, text: str) -> list[bytes]:
    import segno

    x, y, size, _ = square
    ops = []
    matrix = segno.make(text, error="m", micro=False).matrix
    module = size / len(matrix)
    for r, row in enumerate(matrix):
        top = height - y - (r + 1) * module
        c = 0
        while c < len(row):  # one rectangle per run of dark modules
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                ops.append(_rect(x + start * module, top, (c - start) * module, module))
            else:
                c += 1
    return ops


def stamp_pages(source, codes: list[PageCode | None], target: Path | None = None) -> bytes | None:
    """Draw marks and codes onto every page of a PDF (bytes or path); page i gets ``codes[i]``.

    Writes ``target`` if given (and returns None), else returns the new PDF's bytes.
    """
    import io

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source,
                       allow_overwriting_input=not isinstance(source, bytes))
    with pdf:
        if len(pdf.pages) != len(codes):
            raise ValueError(f"{len(pdf.pages)} pages but {len(codes)} codes")
        for page, code in zip(pdf.pages, codes):
            if code is None:  # a page that is not a student's (none today; kept simple for callers)
                continue
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q\n" + page_ops(x1 - x0, y1 - y0, code)))
        if target is not None:
            pdf.save(target, deterministic_id=True)
            return None
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
