"""Each question body as the plain data the page (or the terminal) needs to ask and check it.

One encoder per body type in ``model.py``, looked up by type: a new body type
gets a new entry here and a renderer in ``templates/selftest/selftest.js``.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import QuizforgeError
from ..model import (
    Choice,
    Extended,
    Gap,
    Match,
    Question,
    Sequence,
    ShortAnswer,
    TrueFalse,
)
from ..onscreen import online_prompt


class UnsupportedBody(QuizforgeError):
    """A strategy produced a body type the self-test cannot ask yet."""


def _gap(body: Gap) -> dict[str, Any]:
    return {"type": "gap", "before": body.before, "after": body.after, "accept": [body.answer, *body.accept]}


def _match(body: Match) -> dict[str, Any]:
    return {"type": "match", "causes": list(body.causes), "examples": list(body.examples), "key": list(body.key),
            "left_label": body.left_label, "right_label": body.right_label}


def _extended(body: Extended) -> dict[str, Any]:
    return {"type": "extended", "points": list(body.indicative), "against": list(body.indicative_against),
            "stimulus": list(body.stimulus)}


def _choice(body: Choice) -> dict[str, Any]:
    return {"type": "choice", "options": list(body.options), "correct": body.correct, "explanation": body.explanation}


def _true_false(body: TrueFalse) -> dict[str, Any]:
    return {"type": "truefalse", "statement": body.statement, "true": body.true, "correction": body.correction}


def _short(body: ShortAnswer) -> dict[str, Any]:
    if body.points:  # point-marked: the student ticks the points they made, as for a written answer
        return {"type": "extended", "points": list(body.points), "against": [], "stimulus": []}
    return {"type": "short", "accept": [body.answer, *body.accept]}


def _sequence(body: Sequence) -> dict[str, Any]:
    return {"type": "sequence", "items": list(body.items), "order": list(body.order)}


ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Gap: _gap, Match: _match, Extended: _extended, Choice: _choice,
    TrueFalse: _true_false, ShortAnswer: _short, Sequence: _sequence,
}


def encode_body(question: Question) -> dict[str, Any]:
    try:
        encoder = ENCODERS[type(question.body)]
    except KeyError:
        raise UnsupportedBody(
            f"question {question.id}: the self-test cannot ask a {type(question.body).__name__} body yet; "
            f"leave strategy '{question.strategy}' out with --strategies"
        ) from None
    return encoder(question.body)


def encode_question(question: Question) -> dict[str, Any]:
    return {"id": question.id, "strategy": question.strategy, "prompt": online_prompt(question), "marks": question.marks,
            "answer": question.answer, "cause": question.cause_id, "body": encode_body(question)}
