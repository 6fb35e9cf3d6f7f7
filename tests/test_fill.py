"""render/fill.py: a long answer's lines fill its last page, and and the total stays with them."""

import pytest

weasyprint = pytest.importorskip("weasyprint")

from quizforge.render.fill import LINE, fill_pages  # noqa: E402

CSS = """@page { size: A5; margin: 10mm; }
body { margin: 0; font: 10pt sans-serif; }
.line { height: 8mm; border-bottom: 0.5pt solid #999; }
.total { break-before: avoid; break-inside: avoid; border-top: 1pt solid #000; padding-top: 2mm; }"""


def page(lines: int) -> str:
    return (f"<html><head><style>{CSS}</style></head><body><section><div class=\"question\"><p>Question</p>"
            f'<div class="qbody"><div class="lines lines-rest" data-fill="q1">{LINE * lines}<!--fill:q1--></div>'
            '</div></div></section><div class="total"><p>Total: ____ / 30</p><p>End of questions</p></div></body></html>')


def render(html: str):
    return weasyprint.HTML(string=html).render()


def lines_on(document) -> list[int]:
    from quizforge.render.fill import _flow

    def is_line(box) -> bool:
        element = getattr(box, "element", None)
        return element is not None and "line" in (element.get("class") or "").split()
    return [sum(1 for b in _flow(p._page_box.children[0]) if is_line(b)) for p in document.pages]


def test_lines_fill_the_rest_of_the_last_page():
    document = fill_pages(page(5), render)
    assert len(document.pages) == 1
    assert lines_on(document)[0] > 5


def short_answers(n: int, lines: int) -> str:
    """``n`` short answers of ``lines`` ruled lines each, then the total."""
    block = f'<div class="question"><p>Question</p><div class="lines">{LINE * lines}</div></div>'
    return (f"<html><head><style>{CSS}</style></head><body>{block * n}"
            '<div class="total"><p>Total: ____ / 30</p><p>End of questions</p></div></body></html>')


def test_a_question_spilled_alone_on_to_a_last_page_comes_back_with_tighter_lines():
    """A last page holding one 1-mark question wastes a sheet (seen on a short science paper)."""
    loose = render(short_answers(6, 3))
    assert len(loose.pages) == 2  # the fixture spills: one question and the total on page 2
    tight = fill_pages(short_answers(6, 3), render)
    assert len(tight.pages) == 1
    assert lines_on(tight)[0] == 6 * 2, "one line less in each answer"


def test_a_full_last_page_keeps_the_papers_own_lines():
    document = fill_pages(short_answers(10, 3), render)
    assert sum(lines_on(document)) == 10 * 3
