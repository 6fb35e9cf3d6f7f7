"""Quizlet: one ``term<TAB>definition`` line per card, for Quizlet's "Import" box.

Quizlet splits on tabs and line breaks, so both are folded to spaces inside
a card. Matching questions give one card per example.
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
from .base import ExportContext, dispatch
from .text import BLANK, LETTERS, accepted, match_pairs, one_line, sequence_ordered, stem_lines


def _forms(answer: str, accept: tuple[str, ...]) -> str:
    forms = accepted(answer, accept)
    return forms[0] + (f" (also: {'; '.join(forms[1:])})" if len(forms) > 1 else "")


def _gap(q: Question) -> list[tuple[str, str]]:
    body: Gap = q.body
    return [(f"{body.before}{BLANK}{body.after}", _forms(body.answer, body.accept))]


def _match(q: Question) -> list[tuple[str, str]]:
    return match_pairs(q.body)


def _extended(q: Question) -> list[tuple[str, str]]:
    return [(q.prompt, "; ".join(q.body.indicative))]


def _choice(q: Question) -> list[tuple[str, str]]:
    body: Choice = q.body  # the options are part of the question: "which is the odd one out?" needs them
    return [(" ".join(stem_lines(q)), f"{LETTERS[body.correct]}. {body.options[body.correct]}")]


def _truefalse(q: Question) -> list[tuple[str, str]]:
    body: TrueFalse = q.body
    verdict = "True" if body.true else "False"
    return [(f"True or false: {body.statement}", f"{verdict}. {body.correction}" if body.correction else verdict)]


def _short(q: Question) -> list[tuple[str, str]]:
    return [(q.prompt, _forms(q.body.answer, q.body.accept))]


def _sequence(q: Question) -> list[tuple[str, str]]:
    return [(" ".join(stem_lines(q)), " → ".join(sequence_ordered(q.body)))]


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _choice, TrueFalse: _truefalse,
           ShortAnswer: _short, Sequence: _sequence}


def quizlet_text(paper: Paper) -> str:
    """One card per term: a term that two questions share gets one card with both answers."""
    cards: dict[str, list[str]] = {}
    for q in paper.questions:
        for term, definition in dispatch(_BODIES, q, "quizlet"):
            answers = cards.setdefault(one_line(term), [])
            if one_line(definition) not in answers:
                answers.append(one_line(definition))
    return "\n".join(f"{term}\t{' / or: '.join(answers)}" for term, answers in cards.items()) + "\n"


class QuizletExporter:
    name = "quizlet"
    summary = "Quizlet import text: term<TAB>definition, one card per line."
    suffix = "-quizlet.txt"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return quizlet_text(paper).encode("utf-8")


EXPORTER = QuizletExporter()
