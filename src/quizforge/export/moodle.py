"""Moodle XML: each body type as Moodle's own question type, in $course$/Topic/Cause categories.

The elements written for each type are the ones Moodle's importer
(question/format/xml/format.php, ``import_<qtype>``) reads.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from ..model import (
    Choice,
    Extended,
    Gap,
    Match,
    Paper,
    Question,
    Sequence,
    ShortAnswer,
    TrueFalse,
)
from ..onscreen import online_prompt
from .base import ExportContext, dispatch
from .markup import bullets, esc, paragraphs, sub, xml_bytes
from .text import (
    BLANK,
    accepted,
    auto_markable,
    groups,
    mark_scheme_lines,
    match_pairs,
    sequence_pairs,
    short_title,
    stem_lines,
)

PENALTY = "0.3333333"


def category_path(*names: str) -> str:
    """'$course$/Topic/Cause', with '/' inside a name doubled as Moodle expects.

    Moodle strips tags from a category name and shows it as HTML, so each name is
    escaped: a title with a typed ``<b>`` keeps it, visibly.
    """
    return "/".join(["$course$", *(esc(" ".join(n.split())).replace("/", "//") for n in names)])


def _text(parent: ET.Element, tag: str, html: str, fmt: str = "html") -> ET.Element:
    element = sub(parent, tag, format=fmt)
    sub(element, "text", html)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", fmt: str = "moodle_auto_format") -> None:
    answer = sub(parent, "answer", fraction=fraction, format=fmt)
    sub(answer, "text", text)
    _text(answer, "feedback", feedback)


def _question(parent: ET.Element, qtype: str, q: Question, text_html: str, feedback_html: str = "") -> ET.Element:
    element = sub(parent, "question", type=qtype)
    name = sub(element, "name")
    sub(name, "text", f"Q{q.number} {q.strategy}: {short_title(q.prompt)}")
    _text(element, "questiontext", text_html)
    _text(element, "generalfeedback", feedback_html)
    sub(element, "defaultgrade", str(q.marks))
    sub(element, "penalty", PENALTY)
    sub(element, "hidden", "0")
    return element


def wildcard_safe(answer: str) -> str:
    """A short-answer answer with '*' made literal (Moodle treats a bare * as a wildcard)."""
    return answer.replace("*", "\\*")


def _shortanswer(parent: ET.Element, q: Question, text_html: str, forms: tuple[str, ...]) -> None:
    element = _question(parent, "shortanswer", q, text_html, bullets(mark_scheme_lines(q)))
    sub(element, "usecase", "0")
    for form in forms:
        _answer(element, "100", wildcard_safe(form))


def _essay(parent: ET.Element, q: Question, text_html: str, lines: int) -> None:
    element = _question(parent, "essay", q, text_html)
    sub(element, "responseformat", "editor")
    sub(element, "responserequired", "1")
    sub(element, "responsefieldlines", str(min(40, max(5, lines))))
    sub(element, "minwordlimit", "")
    sub(element, "maxwordlimit", "")
    sub(element, "attachments", "0")
    sub(element, "attachmentsrequired", "0")
    sub(element, "maxbytes", "0")
    sub(element, "filetypeslist", "")
    _text(element, "graderinfo", bullets(mark_scheme_lines(q)))
    _text(element, "responsetemplate", "")


def _matching(parent: ET.Element, q: Question, pairs: list[tuple[str, str]], distractors: list[str]) -> None:
    element = _question(parent, "matching", q, paragraphs([online_prompt(q)]), bullets(mark_scheme_lines(q)))
    sub(element, "shuffleanswers", "true")
    for left, right in pairs + [("", d) for d in distractors]:
        subquestion = sub(element, "subquestion", format="html")
        sub(subquestion, "text", esc(left) if left else "")
        sub(sub(subquestion, "answer"), "text", esc(right))  # the menu: tags stripped, entities shown


def _gap(q: Question, parent: ET.Element) -> None:
    body: Gap = q.body
    text = paragraphs([q.prompt]) + f"<p>{esc(body.before)}{BLANK}{esc(body.after)}</p>"
    _shortanswer(parent, q, text, accepted(body.answer, body.accept))


def _match(q: Question, parent: ET.Element) -> None:
    body: Match = q.body
    unused = [c for i, c in enumerate(body.causes) if i not in body.key]
    _matching(parent, q, match_pairs(body), unused)


def _extended(q: Question, parent: ET.Element) -> None:
    _essay(parent, q, bullets(stem_lines(q)), q.body.lines)


def _choice(q: Question, parent: ET.Element) -> None:
    body: Choice = q.body
    element = _question(parent, "multichoice", q, paragraphs([q.prompt]), paragraphs([body.explanation]) if body.explanation else "")
    for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc")):
        sub(element, tag, value)
    for i, option in enumerate(body.options):
        _answer(element, "100" if i == body.correct else "0", esc(option), fmt="html")


def _truefalse(q: Question, parent: ET.Element) -> None:
    body: TrueFalse = q.body
    element = _question(parent, "truefalse", q, paragraphs([q.prompt, body.statement]))
    correction = paragraphs([body.correction]) if body.correction else ""
    # Moodle shows an answer's feedback when the student picks it; the correction helps either way.
    _answer(element, "100" if body.true else "0", "true", correction)
    _answer(element, "0" if body.true else "100", "false", correction)


def _short(q: Question, parent: ET.Element) -> None:
    body: ShortAnswer = q.body
    if auto_markable(body):
        _shortanswer(parent, q, paragraphs([q.prompt]), accepted(body.answer, body.accept))
    else:
        _essay(parent, q, paragraphs([q.prompt]), body.lines)


def _sequence(q: Question, parent: ET.Element) -> None:
    # A matching question (item -> 1st, 2nd, ...) imports into every Moodle; the ordering type is an add-on in many.
    _matching(parent, q, sequence_pairs(q.body), [])


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _choice, TrueFalse: _truefalse,
           ShortAnswer: _short, Sequence: _sequence}


def _category(parent: ET.Element, path: str, info: str) -> None:
    element = sub(parent, "question", type="category")
    sub(sub(element, "category"), "text", path)
    _text(element, "info", esc(info))


def moodle_xml(paper: Paper) -> bytes:
    quiz = ET.Element("quiz")
    topic = paper.topic
    for group in groups(paper):
        names = (topic.title,) if group.cause is None else (topic.title, group.cause.title)
        _category(quiz, category_path(*names), topic.question if group.cause is None else group.cause.title)
        for q in group.questions:
            dispatch(_BODIES, q, "moodle", quiz)
    return cdata_texts(xml_bytes(quiz))


_TEXT = re.compile(rb"<text>([^<]*)</text>")


def cdata_texts(data: bytes) -> bytes:
    """Every <text> holding & < or > as CDATA, as Moodle's own exporter writes it.

    Moodle's XML reader drops a space between an entity and a non-ASCII letter
    ("Tom &amp; Émile" becomes "Tom &Émile"), so its text fields must not carry entities.
    """
    def wrap(match: re.Match) -> bytes:
        raw = html.unescape(match.group(1).decode("utf-8"))
        if not any(ch in raw for ch in "&<>"):
            return match.group(0)
        return ("<text><![CDATA[" + raw.replace("]]>", "]]]]><![CDATA[>") + "]]></text>").encode("utf-8")
    return _TEXT.sub(wrap, data)


class MoodleExporter:
    name = "moodle"
    summary = "Moodle XML question bank: a category per topic, a subcategory per cause."
    suffix = "-moodle.xml"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return moodle_xml(paper)


EXPORTER = MoodleExporter()
