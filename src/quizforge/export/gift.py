"""GIFT (Moodle's plain-text question format): the Moodle XML mapping, in text.

Every piece of text is escaped: ``~ = # { } :`` and the backslash get a
backslash, line breaks become ``\\n``. Question text is ``[html]`` (escaped
HTML); short-answer and matching answers are plain text, as Moodle compares
them with what the student types or shows them in a menu.
"""

from __future__ import annotations

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
from .markup import bullets, esc, paragraphs
from .moodle import category_path, wildcard_safe
from .text import (
    accepted,
    auto_markable,
    groups,
    mark_scheme_lines,
    match_pairs,
    sequence_pairs,
    stem_lines,
)

SPECIALS = "\\~=#{}:"


def gift_escape(text: str) -> str:
    """Text as GIFT text: specials backslash-escaped, line breaks as \\n."""
    out = "".join("\\" + ch if ch in SPECIALS else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _head(q: Question) -> str:
    return f"::{gift_escape(f'Q{q.number} {q.strategy}')}::[html]"


def _feedback(lines: list[str]) -> str:
    """General feedback (shown after the attempt): ``####text``."""
    return f"\n  ####{gift_escape(bullets(lines))}" if lines else ""


def _no_arrow(q: Question, forms: tuple[str, ...]) -> None:
    """GIFT has no escape for '->': an answer holding one makes Moodle read a matching question and stop."""
    arrow = next((f for f in forms if "->" in f), None)
    if arrow is not None:
        raise _LeftOut(f"question {q.number} ({q.strategy}) from the GIFT file: its answer '{arrow}' contains '->', "
                       "which GIFT cannot escape (Moodle would read a matching question and stop the import); "
                       "export --to moodle keeps it")


class _LeftOut(Exception):
    """A question this format cannot carry; the message says which and why."""


def _gap(q: Question) -> str:
    body: Gap = q.body
    _no_arrow(q, accepted(body.answer, body.accept))
    answers = " ".join(f"={gift_escape(wildcard_safe(a))}" for a in accepted(body.answer, body.accept))
    # The "missing word" form: Moodle shows the answer block as a blank inside the sentence.
    before = gift_escape(paragraphs([q.prompt]) + "<p>" + esc(body.before))
    return f"{_head(q)}{before}{{{answers}}}{gift_escape(esc(body.after) + '</p>')}"


def _pairs(q: Question, pairs: list[tuple[str, str]]) -> str:
    # Moodle shows the right-hand side in a menu with tags stripped: escaped, a typed <b> stays visible.
    lines = "".join(f"\n  ={gift_escape(esc(left))} -> {gift_escape(esc(right))}" for left, right in pairs)
    return f"{_head(q)}{gift_escape(paragraphs([online_prompt(q)]))}{{{lines}{_feedback(mark_scheme_lines(q))}\n}}"


def _match(q: Question) -> str:
    return _pairs(q, match_pairs(q.body))


def _essay(q: Question, text_lines: list[str]) -> str:
    return f"{_head(q)}{gift_escape(bullets(text_lines))}{{{_feedback(mark_scheme_lines(q))}\n}}"


def _extended(q: Question) -> str:
    return _essay(q, stem_lines(q))


def _choice(q: Question) -> str:
    body: Choice = q.body
    options = "".join(f"\n  {'=' if i == body.correct else '~'}{gift_escape(esc(o))}" for i, o in enumerate(body.options))
    explain = _feedback([body.explanation]) if body.explanation else ""
    return f"{_head(q)}{gift_escape(paragraphs([q.prompt]))}{{{options}{explain}\n}}"


def _truefalse(q: Question) -> str:
    body: TrueFalse = q.body
    feedback = gift_escape(paragraphs([body.correction])) if body.correction else ""
    marks = "#" + feedback + "#" + feedback if feedback else ""
    return f"{_head(q)}{gift_escape(paragraphs([q.prompt, body.statement]))}{{{'TRUE' if body.true else 'FALSE'}{marks}}}"


def _short(q: Question) -> str:
    body: ShortAnswer = q.body
    if not auto_markable(body):
        return _essay(q, [q.prompt])
    _no_arrow(q, accepted(body.answer, body.accept))
    answers = "".join(f"\n  ={gift_escape(wildcard_safe(a))}" for a in accepted(body.answer, body.accept))
    return f"{_head(q)}{gift_escape(paragraphs([q.prompt]))}{{{answers}\n}}"


def _sequence(q: Question) -> str:
    return _pairs(q, sequence_pairs(q.body))  # GIFT has no ordering type: match each item to its place


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _choice, TrueFalse: _truefalse,
           ShortAnswer: _short, Sequence: _sequence}


def gift_text(paper: Paper, skipped: list[str] | None = None) -> str:
    """The GIFT file; a question GIFT cannot carry is left out and named in ``skipped``."""
    topic = paper.topic
    blocks = [f"// {' '.join(topic.title.split())}: exported by quizforge, seed {paper.seed}"]
    for group in groups(paper):
        names = (topic.title,) if group.cause is None else (topic.title, group.cause.title)
        blocks.append(f"$CATEGORY: {category_path(*names)}")
        for q in group.questions:
            try:
                blocks.append(dispatch(_BODIES, q, "gift"))
            except _LeftOut as why:
                if skipped is not None:
                    skipped.append(str(why))
    return "\n\n".join(blocks) + "\n"


class GiftExporter:
    name = "gift"
    summary = "GIFT text for Moodle's question bank import (special characters escaped)."
    suffix = ".gift.txt"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return gift_text(paper, context.skipped).encode("utf-8")


EXPORTER = GiftExporter()
