"""Read Moodle XML the way Moodle's importer does (question/format/xml/format.php), question type by type.

``read_moodle`` returns one dict per question with what ``import_<qtype>``
would take from it, and raises AssertionError where the importer would
fail, warn, or silently fall back to a default we did not mean.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown"}
RESPONSE_FORMATS = {"editor", "editorfilepicker", "plain", "monospaced", "noinline"}


def plain(fragment: str) -> str:
    """HTML fragment -> its text (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "\n", fragment))


def _text(element: ET.Element | None, what: str, formatted: bool = True) -> str:
    assert element is not None, f"missing <{what}>"
    if formatted:
        assert element.get("format") in FORMATS, f"<{what}> has format {element.get('format')!r}"
    text = element.find("text")
    assert text is not None, f"<{what}> has no <text>"
    return text.text or ""


def _headers(q: ET.Element) -> dict:
    """import_headers: name, questiontext, generalfeedback, defaultgrade, penalty, hidden."""
    out = {"name": _text(q.find("name"), "name", formatted=False),
           "questiontext": _text(q.find("questiontext"), "questiontext"),
           "generalfeedback": _text(q.find("generalfeedback"), "generalfeedback")}
    assert out["name"].strip(), "empty question name"
    out["defaultgrade"] = float(q.findtext("defaultgrade"))
    assert 0 <= float(q.findtext("penalty")) <= 1
    assert q.findtext("hidden") in ("0", "1")
    return out


def _answers(q: ET.Element) -> list[tuple[float, str, str]]:
    answers = []
    for a in q.findall("answer"):
        fraction = float(a.get("fraction"))
        assert -100 <= fraction <= 100
        answers.append((fraction, (a.findtext("text") or "").strip(), _text(a.find("feedback"), "feedback")))
    return answers


def _shortanswer(q: ET.Element, out: dict) -> None:
    assert q.findtext("usecase") in ("0", "1")
    out["answers"] = _answers(q)
    assert any(f == 100 for f, _, _ in out["answers"]), "shortanswer without a 100% answer"


def _multichoice(q: ET.Element, out: dict) -> None:
    assert q.findtext("single") in ("true", "false")
    assert q.findtext("shuffleanswers") in ("true", "false", "0", "1")
    assert q.findtext("answernumbering") in ("abc", "ABCD", "123", "iii", "IIII", "none")
    out["answers"] = _answers(q)
    if q.findtext("single") == "true":
        assert [f for f, _, _ in out["answers"]].count(100) == 1, "single-answer multichoice needs one 100% answer"


def _truefalse(q: ET.Element, out: dict) -> None:
    answers = _answers(q)
    assert sorted(t for _, t, _ in answers) == ["false", "true"], "truefalse answers must be 'true' and 'false'"
    assert sorted(f for f, _, _ in answers) == [0, 100]
    out["answers"] = answers
    out["correct"] = next(t for f, t, _ in answers if f == 100) == "true"


def _matching(q: ET.Element, out: dict) -> None:
    assert q.findtext("shuffleanswers") in ("true", "false", "0", "1")
    pairs = []
    for sub in q.findall("subquestion"):
        assert sub.get("format") in FORMATS
        pairs.append((sub.findtext("text") or "", (sub.findtext("answer/text") or "").strip()))
    real = [p for p in pairs if p[0].strip()]
    assert len(real) >= 2, "matching needs two subquestions with text"
    assert len({a for _, a in pairs}) >= 2
    out["pairs"] = pairs


def _essay(q: ET.Element, out: dict) -> None:
    assert q.findtext("responseformat") in RESPONSE_FORMATS
    assert int(q.findtext("responsefieldlines")) >= 1
    assert q.findtext("responserequired") in ("0", "1")
    assert q.findtext("attachments") == "0" and q.findtext("attachmentsrequired") == "0"
    out["graderinfo"] = _text(q.find("graderinfo"), "graderinfo")
    assert out["graderinfo"].strip(), "essay without grader information"
    _text(q.find("responsetemplate"), "responsetemplate")


READERS = {"shortanswer": _shortanswer, "multichoice": _multichoice, "truefalse": _truefalse,
           "matching": _matching, "essay": _essay}


def read_moodle(data: bytes) -> list[dict]:
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category, questions = None, []
    for q in root:
        assert q.tag == "question", q.tag
        qtype = q.get("type")
        if qtype == "category":
            category = q.findtext("category/text")
            assert category and category.startswith("$course$/"), category
            continue
        assert qtype in READERS, f"unexpected question type {qtype!r}"
        out = {"type": qtype, "category": category, **_headers(q)}
        READERS[qtype](q, out)
        questions.append(out)
    return questions
