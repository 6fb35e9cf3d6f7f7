"""QTI 1.2 zip as Canvas's "QTI .zip file" import expects: imsmanifest.xml + one assessment.

Canvas reads the question type from each item's ``question_type`` metadata
field; the structures below are the ones Canvas writes in its own exports.
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
from .markup import bullets, esc, paragraphs, sub, xml_bytes
from .text import (
    BLANK,
    accepted,
    auto_markable,
    mark_scheme_lines,
    match_pairs,
    sequence_pairs,
    stem_lines,
)
from .zipio import zip_bytes

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"


def _meta(item: ET.Element, fields: list[tuple[str, str]]) -> None:
    meta = sub(sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields:
        field = sub(meta, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def _mattext(parent: ET.Element, html: str) -> None:
    sub(sub(parent, "material"), "mattext", html, texttype="text/html")


def _item(section: ET.Element, q: Question, qtype: str, answer_ids: list[str]) -> ET.Element:
    item = sub(section, "item", ident=_qid(q), title=f"Q{q.number}")
    _meta(item, [("question_type", qtype), ("points_possible", str(q.marks)),
                 ("original_answer_ids", ",".join(answer_ids)), ("assessment_question_identifierref", _qid(q) + "r")])
    return item


def _qid(q: Question) -> str:
    return ident("q", q.id)


def _resprocessing(item: ET.Element) -> ET.Element:
    processing = sub(item, "resprocessing")
    sub(sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    return processing


def _condition(processing: ET.Element, respident: str, value: str, score: str, action: str = "Set") -> None:
    condition = sub(processing, "respcondition", **({"continue": "No"} if action == "Set" else {}))
    sub(sub(condition, "conditionvar"), "varequal", value, respident=respident)
    sub(condition, "setvar", score, action=action, varname="SCORE")


def _general_feedback(item: ET.Element, processing: ET.Element, html: str) -> None:
    """Canvas's "general comments", shown after submitting. Call before adding the scoring conditions."""
    if not html:
        return
    condition = sub(processing, "respcondition", **{"continue": "Yes"})
    sub(sub(condition, "conditionvar"), "other")
    sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    _mattext(sub(sub(item, "itemfeedback", ident="general_fb"), "flow_mat"), html)


def _short_answer(section: ET.Element, q: Question, text_html: str, forms: tuple[str, ...]) -> None:
    item = _item(section, q, "short_answer_question", [])
    presentation = sub(item, "presentation")
    _mattext(presentation, text_html)
    response = sub(presentation, "response_str", ident="response1", rcardinality="Single")
    sub(sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    processing = _resprocessing(item)
    _general_feedback(item, processing, bullets(mark_scheme_lines(q)))
    correct = sub(processing, "respcondition", **{"continue": "No"})
    conditions = sub(correct, "conditionvar")
    for form in forms:
        sub(conditions, "varequal", form, respident="response1")
    sub(correct, "setvar", "100", action="Set", varname="SCORE")


def _essay(section: ET.Element, q: Question, text_html: str) -> None:
    item = _item(section, q, "essay_question", [])
    presentation = sub(item, "presentation")
    _mattext(presentation, text_html)
    response = sub(presentation, "response_str", ident="response1", rcardinality="Single")
    sub(sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    _general_feedback(item, _resprocessing(item), bullets(mark_scheme_lines(q)))


def _choices(section: ET.Element, q: Question, qtype: str, text_html: str, options: list[str], correct: int,
             feedback: str) -> None:
    answer_ids = [f"{_qid(q)}a{i + 1}" for i in range(len(options))]
    item = _item(section, q, qtype, answer_ids)
    presentation = sub(item, "presentation")
    _mattext(presentation, text_html)
    render = sub(sub(presentation, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
    for answer_id, option in zip(answer_ids, options):
        _mattext(sub(render, "response_label", ident=answer_id), esc(option))
    processing = _resprocessing(item)
    _general_feedback(item, processing, feedback)
    _condition(processing, "response1", answer_ids[correct], "100")


def _matching(section: ET.Element, q: Question, pairs: list[tuple[str, str]], rights: list[str]) -> None:
    right_ids = {r: f"{_qid(q)}m{i + 1}" for i, r in enumerate(rights)}
    item = _item(section, q, "matching_question", [])
    presentation = sub(item, "presentation")
    _mattext(presentation, paragraphs([online_prompt(q)]))
    for i, (left, _) in enumerate(pairs):
        response = sub(presentation, "response_lid", ident=f"response_{i + 1}")
        sub(sub(response, "material"), "mattext", left, texttype="text/plain")
        render = sub(response, "render_choice")
        for right, right_id in right_ids.items():
            sub(sub(sub(render, "response_label", ident=right_id), "material"), "mattext", right)
    processing = _resprocessing(item)
    _general_feedback(item, processing, bullets(mark_scheme_lines(q)))
    share = f"{100 / len(pairs):.2f}"
    for i, (_, right) in enumerate(pairs):
        _condition(processing, f"response_{i + 1}", right_ids[right], share, action="Add")


def _gap(q: Question, section: ET.Element) -> None:
    body: Gap = q.body
    text = paragraphs([q.prompt]) + f"<p>{esc(body.before)}{BLANK}{esc(body.after)}</p>"
    _short_answer(section, q, text, accepted(body.answer, body.accept))


def _match(q: Question, section: ET.Element) -> None:
    _matching(section, q, match_pairs(q.body), list(q.body.causes))


def _extended(q: Question, section: ET.Element) -> None:
    _essay(section, q, bullets(stem_lines(q)))


def _choice(q: Question, section: ET.Element) -> None:
    body: Choice = q.body
    feedback = paragraphs([body.explanation]) if body.explanation else ""
    _choices(section, q, "multiple_choice_question", paragraphs([q.prompt]), list(body.options), body.correct, feedback)


def _truefalse(q: Question, section: ET.Element) -> None:
    body: TrueFalse = q.body
    feedback = paragraphs([body.correction]) if body.correction else ""
    _choices(section, q, "true_false_question", paragraphs([q.prompt, body.statement]), ["True", "False"],
             0 if body.true else 1, feedback)


def _short(q: Question, section: ET.Element) -> None:
    body: ShortAnswer = q.body
    if auto_markable(body):
        _short_answer(section, q, paragraphs([q.prompt]), accepted(body.answer, body.accept))
    else:
        _essay(section, q, paragraphs([q.prompt]))


def _sequence(q: Question, section: ET.Element) -> None:
    pairs = sequence_pairs(q.body)  # Canvas classic quizzes have no ordering type
    _matching(section, q, pairs, sorted({p for _, p in pairs}, key=lambda p: int(p[:-2])))


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _choice, TrueFalse: _truefalse,
           ShortAnswer: _short, Sequence: _sequence}


def assessment_xml(paper: Paper, assessment_id: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS, "xmlns:xsi": XSI,
                                          "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"})
    assessment = sub(root, "assessment", ident=assessment_id, title=paper.topic.title)
    meta = sub(sub(assessment, "qtimetadata"), "qtimetadatafield")
    sub(meta, "fieldlabel", "cc_maxattempts")
    sub(meta, "fieldentry", "1")
    section = sub(assessment, "section", ident="root_section")
    for q in paper.questions:
        dispatch(_BODIES, q, "qti12", section)
    return xml_bytes(root)


def assessment_meta_xml(paper: Paper, assessment_id: str) -> bytes:
    """Canvas's quiz settings file: title, description and points."""
    root = ET.Element("quiz", {"identifier": assessment_id, "xmlns": CANVAS_NS, "xmlns:xsi": XSI,
                               "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"})
    sub(root, "title", paper.topic.title)
    sub(root, "description", paragraphs([paper.topic.question]))
    for tag, value in (("shuffle_answers", "false"), ("scoring_policy", "keep_highest"), ("quiz_type", "assignment"),
                       ("points_possible", f"{paper.total_marks:.1f}"), ("allowed_attempts", "1")):
        sub(root, tag, value)
    group = sub(root, "assignment_group_identifierref")
    group.text = ident("g", notes_identity(paper.topic))
    return xml_bytes(root)


def manifest_xml(paper: Paper, assessment_id: str) -> bytes:
    ns = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    root = ET.Element("manifest", {"identifier": ident("m", notes_identity(paper.topic), str(paper.seed)), "xmlns": ns})
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    sub(root, "organizations")
    resources = sub(root, "resources")
    resource = sub(resources, "resource", identifier=assessment_id, type="imsqti_xmlv1p2")
    sub(resource, "file", href=f"{assessment_id}/{assessment_id}.xml")
    sub(resource, "dependency", identifierref=assessment_id + "meta")
    meta = sub(resources, "resource", identifier=assessment_id + "meta",
               type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
               href=f"{assessment_id}/assessment_meta.xml")
    sub(meta, "file", href=f"{assessment_id}/assessment_meta.xml")
    return xml_bytes(root)


def qti12_zip(paper: Paper) -> bytes:
    paper = keyed(paper)  # item ids unique to these notes, the same on every re-export
    assessment_id = ident("a", notes_identity(paper.topic), str(paper.seed))
    return zip_bytes([
        ("imsmanifest.xml", manifest_xml(paper, assessment_id)),
        (f"{assessment_id}/{assessment_id}.xml", assessment_xml(paper, assessment_id)),
        (f"{assessment_id}/assessment_meta.xml", assessment_meta_xml(paper, assessment_id)),
        ("non_cc_assessments/", b""),
    ])


class Qti12Exporter:
    name = "qti12"
    summary = "QTI 1.2 zip for Canvas (Settings → Import course content → QTI .zip file)."
    suffix = "-canvas-qti12.zip"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return qti12_zip(paper)


EXPORTER = Qti12Exporter()
