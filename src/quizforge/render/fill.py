"""Long written answers run on whole pages: lay out once, then rule the rest of the last page; and a
question or two spilled on to a last page of their own are brought back by one answer line less each.

A template marks the answer space that may grow with ``<!--fill:NAME-->`` inside an element with
``data-fill="NAME"``. After a first layout, the free space below that answer on the page where it
ends is counted in lines of the answer's own height, that many lines are added at the marker, and
the document is laid out again. Nothing else moves: the lines only take space that was empty.
"""

from __future__ import annotations

import re
from typing import Callable

MARKER = re.compile(r"<!--fill:([\w-]+)-->")
LINE = '<div class="line"></div>'


# A last page filled less than this far down holds a question or two spilled over: tighter answer space
# may bring them back (a page for one 1-mark question wastes paper and reads as a mistake).
LIGHT_PAGE = 0.3
MM = 96 / 25.4  # CSS pixels in a millimetre
LINE_MM, TIGHT_MM = 8, 7  # the paper's ruled lines (paper.css.j2) and the narrow-ruled ones
SHORT_LINES = re.compile(r'<div class="lines">((?:<div class="line"></div>){2,})</div>')


def fill_pages(html: str, render: Callable[[str], object]):
    """Lay out ``html`` with ``render`` (HTML string -> WeasyPrint Document), filling marked answers."""
    document = render(html)
    if len(document.pages) > 1 and _used(document.pages[-1]) < LIGHT_PAGE and _could_save(html, document.pages[-1]):
        tighter = _tighter(html)
        again = render(tighter)
        if len(again.pages) < len(document.pages):
            html, document = tighter, again
    if not MARKER.search(html):
        return document
    extra = _free_lines(document)
    if not any(extra.values()):
        return document
    filled = MARKER.sub(lambda m: LINE * extra.get(m.group(1), 0), html)
    again = render(filled)
    # A page more would mean the lines pushed something on; keep the first layout then.
    return again if len(again.pages) == len(document.pages) else document


# Narrow-ruled lines: still room for a student's hand, 1 mm a line less than the paper's own.
TIGHT_STYLE = f"<style>.lines .line {{ height: {TIGHT_MM}mm; }}</style>"


def _tighter(html: str) -> str:
    """The paper with one line less in each short answer of two or more, and narrow-ruled lines."""
    fewer = SHORT_LINES.sub(lambda m: f'<div class="lines">{m.group(1)[len(LINE):]}</div>', html)
    return fewer.replace("</head>", TIGHT_STYLE + "</head>", 1) if "</head>" in fewer else fewer


def _could_save(html: str, last) -> bool:
    """Would the tighter layout free as much height as the last page holds? (Else it cannot save the page,
    and laying it out again costs time for nothing: a mark scheme has no answer lines to give.)"""
    blocks = SHORT_LINES.findall(html)
    if not blocks:
        return False
    freed = len(blocks) * LINE_MM + html.count(LINE) * (LINE_MM - TIGHT_MM)
    box = last._page_box
    return freed * MM >= _lowest(box) - box.content_box_y()


def _used(page) -> float:
    """How far down its content area a page's flow reaches, from 0 (empty) to 1 (full)."""
    box = page._page_box
    return (_lowest(box) - box.content_box_y()) / box.height if box.height else 1.0


def _lowest(box, default: float | None = None) -> float:
    """The foot of the lowest leaf box in a page's flow (a box split over pages, such as the body, reaches
    the page's foot, so leaves only); ``default`` (the top of the content area) on an empty page."""
    return max((b.position_y + b.margin_height() for b in _flow(box.children[0]) if _leaf(b)),
               default=box.content_box_y() if default is None else default)


def _free_lines(document) -> dict[str, int]:
    """For each marked answer: how many of its lines fit in the free space under its last line."""
    out: dict[str, int] = {}
    for page in document.pages:
        box = page._page_box
        bottom = box.content_box_y() + box.height
        root = box.children[0]
        lowest = _lowest(box, default=bottom)
        for fill in _flow(root):
            name = fill.element.get("data-fill") if getattr(fill, "element", None) is not None else None
            if not name or not getattr(fill, "children", None):
                continue
            line = fill.children[-1]
            height = line.margin_height()
            if height > 0:
                # the last page an answer appears on wins: that is where it ends
                out[name] = max(0, int((bottom - lowest) // height))
    return out


def _flow(root):
    """Every block-level box of the page's flow, the root first."""
    stack = [root]
    while stack:
        box = stack.pop()
        yield box
        if box.is_in_normal_flow() if hasattr(box, "is_in_normal_flow") else True:
            stack.extend(c for c in getattr(box, "children", ()) if hasattr(c, "margin_height") and not _inline(c))


def _leaf(box) -> bool:
    return not any(hasattr(c, "margin_height") and not _inline(c) for c in getattr(box, "children", ()))


def _inline(box) -> bool:
    return type(box).__name__ in ("TextBox", "InlineBox", "LineBox")
