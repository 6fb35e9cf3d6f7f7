"""``quizforge review NOTES``: which line of the notes fed which question, which were left out and why.

``review_paper(request) -> Review`` assembles the paper exactly as ``build`` would, then walks
the notes line by line: each line is either used (the question numbers that print or ask
about it), left out with the quality rule codes or gate that kept it off the paper, or simply
not needed this time. The assembly warnings (strategies skipped, questions dropped, a short
paper) come along for the teacher's eye. ``as_text`` and ``as_html`` show the same review.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .. import quality
from ..assemble.screen import printed
from ..model import Extended, Gap, Paper, Topic
from ..pipeline import BuildRequest, make_paper
from ..strategies._pools import _owned, examples_by_cause
from ..strategies._text import end_sentence, normalise
from ..strategies.key_terms import term_source

USED, LEFT_OUT, SPARE = "used", "left out", "not needed"


@dataclass(frozen=True)
class Line:
    line: int
    text: str
    what: str  # "point", "title", "key term", "person", "date"
    status: str  # USED, LEFT_OUT or SPARE
    questions: tuple[int, ...] = ()
    why: tuple[str, ...] = ()  # rule codes and reasons, for a line left out


@dataclass(frozen=True)
class Review:
    source: str
    title: str
    seed: int
    lines: tuple[Line, ...]
    warnings: tuple[str, ...]
    questions: int
    marks: int


def review_paper(request: BuildRequest) -> Review:
    paper, warnings = make_paper(request)
    return Review(paper.topic.source, paper.topic.title, paper.seed, tuple(_lines(paper)), tuple(warnings),
                  len(paper.questions), paper.total_marks)


def _texts(q) -> list[str]:
    """Everything a question prints or credits, normalised: a line of the notes in it fed the question."""
    body = q.body
    texts = [t for _, t in printed(q)]
    if isinstance(body, Extended):
        texts += [*body.indicative, *body.indicative_own, *body.indicative_against]
    if isinstance(body, Gap):
        texts.append(body.before + body.answer + body.after)
    return [normalise(t) for t in texts]


def _usage(paper: Paper) -> dict[str, list[int]]:
    """Source id (point id, term:<slug>, date:<line>, cause:<id>) -> the numbers of the questions using it."""
    topic = paper.topic
    used: dict[str, list[int]] = {}
    lines = [(p.id, normalise(end_sentence(p.text))) for g in topic.groups for p in g.walk()]
    lines += [(f"cause:{g.id}", normalise(g.title)) for g in topic.groups]
    lines += [(f"date:{d.line}", normalise(end_sentence(d.event))) for d in topic.dates]
    for q in paper.questions:
        keys = set(q.sources)
        texts = _texts(q)
        keys |= {key for key, text in lines if text and any(text in t for t in texts)}
        if isinstance(q.body, Extended) and q.body.cause_id:
            keys.add(f"cause:{q.body.cause_id}")
        for key in keys:
            used.setdefault(key, []).append(q.number)
    return used


def _why_point(topic: Topic, cause_id: str, text: str, owned: set[str], title_free: set[str]) -> tuple[str, ...]:
    found = quality.check(end_sentence(text), "statement")
    if found:
        return tuple(str(f) for f in found)
    reasons = []
    if text not in owned:
        reasons.append("fits another group as well as its own, or is repeated under two: kept out of "
                       "matching, sorting and multiple-choice questions")
    elif text not in title_free:
        reasons.append("repeats its own group's key words: kept out of matching and multiple-choice questions")
    return tuple(reasons)


def _lines(paper: Paper) -> list[Line]:
    topic = paper.topic
    used = _usage(paper)
    owned = {p.text for points in _owned(topic).values() for p in points}
    title_free = {p.text for points in examples_by_cause(topic, title_free=True).values() for p in points}
    out: list[Line] = []
    for group in topic.groups:
        nums = tuple(sorted(set(used.get(f"cause:{group.id}", ()))))
        why = tuple(str(f) for f in quality.check(group.title, "option"))
        out.append(Line(group.line, group.title, "title", USED if nums else (LEFT_OUT if why else SPARE), nums, why))
        for point in group.walk():
            nums = tuple(sorted(set(used.get(point.id, ()))))
            why = _why_point(topic, group.id, point.text, owned, title_free)
            status = USED if nums else (LEFT_OUT if why and quality.check(end_sentence(point.text)) else SPARE)
            out.append(Line(point.line, point.text, "point", status, nums, why if not nums else ()))
    for term in topic.key_terms:
        nums = tuple(sorted(set(used.get(term_source(term), ()))))
        why = tuple(str(f) for f in quality.check(term.term, "term"))
        out.append(Line(term.line, f"{term.term}: {term.definition}", "key term",
                        USED if nums else (LEFT_OUT if why else SPARE), nums, why))
    for event in topic.dates:
        nums = tuple(sorted(set(used.get(f"date:{event.line}", ()))))
        why = tuple(str(f) for f in quality.check(end_sentence(event.event)))
        out.append(Line(event.line, f"{event.date}: {event.event}", "date",
                        USED if nums else (LEFT_OUT if why else SPARE), nums, why))
    return sorted(out, key=lambda line: line.line)


def as_text(review: Review) -> str:
    rows = [f"{review.title} ({review.source}), seed {review.seed}: "
            f"{review.questions} questions, {review.marks} marks",
            "Each line of the notes: the questions it fed, 'left out' with the rule codes that kept it "
            "off the paper, or '-' when this paper did not need it (another seed may use it).", ""]
    for line in review.lines:
        where = f"line {line.line}"
        if line.status == USED:
            qs = ", ".join(f"Q{n}" for n in line.questions)
            rows.append(f"{where:>9}  {qs:<12} {line.text}")
        elif line.status == LEFT_OUT:
            rows.append(f"{where:>9}  {'left out':<12} {line.text}")
            rows += [f"{'':>9}  {'':<12}   - {why}" for why in line.why]
        else:
            note = f"   ({'; '.join(line.why)})" if line.why else ""
            rows.append(f"{where:>9}  {'-':<12} {line.text}{note}")
    if review.warnings:
        rows += ["", "Needs your eye:"] + [f"  - {w}" for w in review.warnings]
    return "\n".join(rows) + "\n"


def as_html(review: Review) -> str:
    e = html.escape
    rows = []
    for line in review.lines:
        used = ", ".join(f"Q{n}" for n in line.questions) if line.status == USED else line.status
        why = "".join(f"<li>{e(w)}</li>" for w in line.why)
        rows.append(f'<tr class="{e(line.status.replace(" ", "-"))}"><td>{line.line}</td><td>{e(line.what)}</td>'
                    f"<td>{e(used)}</td><td>{e(line.text)}{f'<ul>{why}</ul>' if why else ''}</td></tr>")
    warnings = "".join(f"<li>{e(w)}</li>" for w in review.warnings)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Review: {e(review.title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }} table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }}
tr.left-out {{ background: #fff0f0; }} tr.used {{ background: #f0fff0; }} ul {{ margin: .2em 0; }}
</style></head><body>
<h1>Review: {e(review.title)}</h1>
<p>{e(review.source)}, seed {review.seed}: {review.questions} questions, {review.marks} marks.</p>
{f'<h2>Needs your eye</h2><ul class="warnings">{warnings}</ul>' if warnings else ''}
<table><thead><tr><th>Line</th><th>What</th><th>Question</th><th>Text (and why it was left out)</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
</body></html>
"""
