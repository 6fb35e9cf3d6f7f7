"""Corner marks and the QR code, drawn onto a laid-out page as plain PDF operators.

They go on after layout because the QR names the page, and only the finished layout knows which
page a question landed on. The geometry lives here only: the reader finds marks and code where
``marks_at`` and ``qr_box`` say they are (``scan-layout.json`` records both per page).
"""

from __future__ import annotations

from pathlib import Path

MM = 72 / 25.4  # pt per mm
MARK = 5.0  # side of a corner mark, mm
MARK_INSET = 7.0  # from the paper's edges, mm
QR_SIZE = 16.0  # mm, without the quiet zone
QR_RIGHT = 14.0  # from the right edge to the code's right side, mm (left of the bottom-right mark)
QR_BOTTOM = 7.0


def marks_at(width: float, height: float) -> list[tuple[float, float]]:
    """Centres of the four corner marks (pt from the top-left): TL, TR, BR, BL."""
    a = (MARK_INSET + MARK / 2) * MM
    return [(a, a), (width - a, a), (width - a, height - a), (a, height - a)]


def qr_box(width: float, height: float) -> tuple[float, float, float, float]:
    """The QR code's square (x, y, w, h), pt from the top-left."""
    size = QR_SIZE * MM
    return (width - (QR_RIGHT + QR_SIZE) * MM, height - (QR_BOTTOM + QR_SIZE) * MM, size, size)


def _rect(x: float, y: float, w: float, h: float) -> bytes:
    return b"%.3f %.3f %.3f %.3f re\n" % (x, y, w, h)


def page_ops(width: float, height: float, text: str) -> bytes:
    """Operators drawing the marks and the QR code of ``text`` on a page ``width`` x ``height`` pt.

    Marked as an artifact, so a tagged (PDF/UA) page stays valid: it is not content to read aloud.
    """
    import segno

    side = MARK * MM
    ops = [b"/Artifact BMC q 0 g\n"]
    for cx, cy in marks_at(width, height):
        ops.append(_rect(cx - side / 2, height - cy - side / 2, side, side))
    x, y, size, _ = qr_box(width, height)
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
    ops.append(b"f Q EMC\n")
    return b"".join(ops)


def stamp_pages(source, texts: list[str], target: Path | None = None) -> bytes | None:
    """Draw marks and codes onto every page of a PDF (bytes or path); page i gets ``texts[i]``.

    Writes ``target`` if given (and returns None), else returns the new PDF's bytes.
    """
    import io

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source,
                       allow_overwriting_input=not isinstance(source, bytes))
    with pdf:
        if len(pdf.pages) != len(texts):
            raise ValueError(f"{len(pdf.pages)} pages but {len(texts)} codes")
        for page, text in zip(pdf.pages, texts):
            if not text:  # a page that is not a student's (none today; kept simple for callers)
                continue
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q\n" + page_ops(x1 - x0, y1 - y0, text)))
        if target is not None:
            pdf.save(target, deterministic_id=True)
            return None
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
