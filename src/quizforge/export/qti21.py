"""QTI 2.1 package: one assessmentItem per question, an assessmentTest, imsmanifest.xml.

Auto-marked items use the standard response-processing templates
(match_correct, map_response); essays carry the mark scheme in a
``rubricBlock`` that only scorers see.
"""

from __future__ import annotations

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
from ..identity import keyed, notes_identity
from .base import ExportContext, dispatch
from .ids import ident
from .markup import sub, xml_bytes
from .text import accepted, auto_markable, mark_scheme_lines, stem_lines
from .zipio import zip_bytes

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def item_id(q: Question) -> str:
    return ident("item", q.id)


def _item(q: Question, lang: str) -> ET.Element:
    return ET.Element("assessmentItem", {
        "xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA, "identifier": item_id(q),
        "title": f"Q{q.number} {q.strategy}", "adaptive": "false", "timeDependent": "false", XML_LANG: lang})


def _response(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    declaration = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    if correct:
        values = sub(declaration, "correctResponse")
        for value in correct:
            sub(values, "value", value)
    return declaration


def _mapping(declaration: ET.Element, entries: list[str], value: int, case_sensitive: bool | None = None) -> None:
    mapping = sub(declaration, "mapping", defaultValue="0")
    for key in entries:
        attrs = {"mapKey": key, "mappedValue": str(value)}
        if case_sensitive is not None:
            attrs["caseSensitive"] = "true" if case_sensitive else "false"
        sub(mapping, "mapEntry", **attrs)


def _outcome(item: ET.Element) -> None:
    outcome = sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(outcome, "defaultValue"), "value", "0")


def _paragraphs(parent: ET.Element, lines: list[str]) -> None:
    """Plain-text lines as XHTML: '• x' lines become a list, the rest paragraphs."""
    current = None
    for line in lines:
        if line.startswith("• "):
            current = current if current is not None else sub(parent, "ul")
            sub(current, "li", line[2:])
        else:
            current = None
            sub(parent, "p", line)


def _finish(item: ET.Element, body: ET.Element | None, template: str | None, q: Question) -> None:
    """Put the item body (with the scorer's rubric) and response processing in schema order."""
    if body is None:
        body = sub(item, "itemBody")
    else:
        item.append(body)
    rubric = ET.Element("rubricBlock", view="scorer")
    _paragraphs(rubric, mark_scheme_lines(q))
    body.insert(0, rubric)
    if template == "match_correct" and q.marks != 1:
        _all_or_nothing(item, q.marks)
    elif template:
        sub(item, "responseProcessing", template=TEMPLATES + template)


def _all_or_nothing(item: ET.Element, marks: int) -> None:
    """match_correct, written out, scoring the question's marks rather than the template's fixed 1."""
    condition = sub(sub(item, "responseProcessing"), "responseCondition")
    right = sub(condition, "responseIf")
    match = sub(right, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    sub(sub(right, "setOutcomeValue", identifier="SCORE"), "baseValue", str(marks), baseType="float")
    sub(sub(sub(condition, "responseElse"), "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")


def _text_entry(q: Question, lang: str, before: str, after: str, forms: tuple[str, ...], lines: list[str]) -> ET.Element:
    item = _item(q, lang)
    _mapping(_response(item, "single", "string", [forms[0]]), list(forms), q.marks, case_sensitive=False)
    _outcome(item)
    body = ET.Element("itemBody")
    _paragraphs(body, lines)
    sentence = sub(body, "p", before)
    entry = sub(sentence, "textEntryInteraction", responseIdentifier="RESPONSE",
                expectedLength=str(max(len(f) for f in forms) + 5))
    entry.tail = after
    _finish(item, body, "map_response", q)
    return item


def _essay(q: Question, lang: str, lines: list[str], expected_lines: int) -> ET.Element:
    item = _item(q, lang)
    _response(item, "single", "string", [])
    _outcome(item)
    body = ET.Element("itemBody")
    _paragraphs(body, lines)
    sub(body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines=str(max(3, expected_lines)))
    _finish(item, body, None, q)
    return item


def _choices(q: Question, lang: str, lines: list[str], options: list[str], correct: int, interaction: str = "choiceInteraction",
             cardinality: str = "single", order: list[int] | None = None) -> ET.Element:
    item = _item(q, lang)
    ids = [f"C{i + 1}" for i in range(len(options))]
    correct_ids = [ids[i] for i in order] if order is not None else [ids[correct]]
    _response(item, cardinality, "identifier", correct_ids)
    _outcome(item)
    body = ET.Element("itemBody")
    _paragraphs(body, lines[1:])
    attrs = {"responseIdentifier": "RESPONSE", "shuffle": "false"}
    if interaction == "choiceInteraction":
        attrs["maxChoices"] = "1"
    element = sub(body, interaction, **attrs)
    sub(element, "prompt", lines[0])
    for choice_id, option in zip(ids, options):
        sub(element, "simpleChoice", option, identifier=choice_id)
    _finish(item, body, "match_correct", q)
    return item


def _gap(q: Question, lang: str) -> ET.Element:
    body: Gap = q.body
    return _text_entry(q, lang, body.before, body.after, accepted(body.answer, body.accept), [q.prompt])


def _match(q: Question, lang: str) -> ET.Element:
    body: Match = q.body
    item = _item(q, lang)
    pairs = [f"E{j + 1} K{k + 1}" for j, k in enumerate(body.key)]
    _mapping(_response(item, "multiple", "directedPair", pairs), pairs, 1)
    _outcome(item)
    itembody = ET.Element("itemBody")
    interaction = sub(itembody, "matchInteraction", responseIdentifier="RESPONSE", shuffle="false",
                      maxAssociations=str(len(body.examples)))
    sub(interaction, "prompt", online_prompt(q))
    examples = sub(interaction, "simpleMatchSet")
    for j, example in enumerate(body.examples):
        sub(examples, "simpleAssociableChoice", example, identifier=f"E{j + 1}", matchMax="1")
    causes = sub(interaction, "simpleMatchSet")
    for k, cause in enumerate(body.causes):
        sub(causes, "simpleAssociableChoice", cause, identifier=f"K{k + 1}", matchMax=str(len(body.examples)))
    _finish(item, itembody, "map_response", q)
    return item


def _extended(q: Question, lang: str) -> ET.Element:
    return _essay(q, lang, stem_lines(q), q.body.lines)


def _choice(q: Question, lang: str) -> ET.Element:
    body: Choice = q.body
    return _choices(q, lang, [q.prompt], list(body.options), body.correct)


def _truefalse(q: Question, lang: str) -> ET.Element:
    body: TrueFalse = q.body
    return _choices(q, lang, [q.prompt, body.statement], ["True", "False"], 0 if body.true else 1)


def _short(q: Question, lang: str) -> ET.Element:
    body: ShortAnswer = q.body
    if auto_markable(body):
        return _text_entry(q, lang, "", "", accepted(body.answer, body.accept), [q.prompt])
    return _essay(q, lang, [q.prompt], body.lines)


def _sequence(q: Question, lang: str) -> ET.Element:
    body: Sequence = q.body
    return _choices(q, lang, [q.prompt], list(body.items), 0, "orderInteraction", "ordered", list(body.order))


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _choice, TrueFalse: _truefalse,
           ShortAnswer: _short, Sequence: _sequence}


def test_xml(paper: Paper, test_id: str) -> bytes:
    root = ET.Element("assessmentTest", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA,
                                         "identifier": test_id, "title": paper.topic.title})
    outcome = sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(outcome, "defaultValue"), "value", "0")
    part = sub(root, "testPart", identifier="part1", navigationMode="nonlinear", submissionMode="simultaneous")
    for n, section in enumerate(paper.sections, 1):
        element = sub(part, "assessmentSection", identifier=f"section{n}", title=section.title, visible="true")
        _paragraphs(sub(element, "rubricBlock", view="candidate"), [section.instructions])
        for q in section.questions:
            sub(element, "assessmentItemRef", identifier=item_id(q), href=f"items/{item_id(q)}.xml")
    processing = sub(root, "outcomeProcessing")
    total = sub(sub(processing, "setOutcomeValue", identifier="SCORE"), "sum")
    sub(total, "testVariables", variableIdentifier="SCORE")
    return xml_bytes(root)


def manifest_xml(paper: Paper, test_id: str) -> bytes:
    root = ET.Element("manifest", {"xmlns": CP_NS, "identifier": ident("m", notes_identity(paper.topic), str(paper.seed))})
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(root, "organizations")
    resources = sub(root, "resources")
    test = sub(resources, "resource", identifier=test_id, type="imsqti_test_xmlv2p1", href="assessment.xml")
    sub(test, "file", href="assessment.xml")
    for q in paper.questions:
        sub(test, "dependency", identifierref=item_id(q))
    for q in paper.questions:
        href = f"items/{item_id(q)}.xml"
        resource = sub(resources, "resource", identifier=item_id(q), type="imsqti_item_xmlv2p1", href=href)
        sub(resource, "file", href=href)
    return xml_bytes(root)


def qti21_zip(paper: Paper) -> bytes:
    paper = keyed(paper)  # item ids unique to these notes, the same on every re-export
    test_id = ident("test", notes_identity(paper.topic), str(paper.seed))
    lang = paper.topic.language
    items = [(f"items/{item_id(q)}.xml", xml_bytes(dispatch(_BODIES, q, "qti21", lang))) for q in paper.questions]
    return zip_bytes([("imsmanifest.xml", manifest_xml(paper, test_id)), ("assessment.xml", test_xml(paper, test_id)),
                      *items])


class Qti21Exporter:
    name = "qti21"
    summary = "QTI 2.1 package (items, assessment test, manifest) for TAO, ONYX, Inspera and other QTI 2 tools."
    suffix = "-qti21.zip"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return qti21_zip(paper)


EXPORTER = Qti21Exporter()
