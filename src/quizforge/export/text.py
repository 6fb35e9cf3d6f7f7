"""Plain-text views of a question shared by the exporters: stem, answer, mark scheme, groups.

Everything here returns plain text (no markup); each format escapes it its own way.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from ..model import (
    Cause,
    Choice,
    Extended,
    Gap,
    Level,
    Match,
    Paper,
    Question,
    Sequence,
    ShortAnswer,
    TrueFalse,
)
from .base import dispatch

BLANK = "_____"
SHORT_ANSWER_WORDS = 5  # a model answer longer than this is marked by a person, not by string matching
LETTERS = string.ascii_uppercase


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def accepted(answer: str, accept: tuple[str, ...]) -> tuple[str, ...]:
    """The answer and its alternatives, each once (case-insensitively), answer first."""
    seen: dict[str, str] = {}
    for form in (answer, *accept):
        form = form.strip()
        if form and form.casefold() not in seen:
            seen[form.casefold()] = form
    return tuple(seen.values())


def auto_markable(body: ShortAnswer) -> bool:
    """A short answer a computer can mark by comparing strings: every accepted form is a few words.

    Never a point-marked one ('any two of ...'): no one string is its answer.
    """
    if body.points:
        return False
    return all(len(form.split()) <= SHORT_ANSWER_WORDS for form in accepted(body.answer, body.accept))


def match_pairs(body: Match) -> list[tuple[str, str]]:
    """(example, the cause it belongs to), in printed order."""
    return [(example, body.causes[k]) for example, k in zip(body.examples, body.key)]


def sequence_pairs(body: Sequence) -> list[tuple[str, str]]:
    """(item, its position as '1st', '2nd', ...), items in printed order."""
    position = {index: rank for rank, index in enumerate(body.order, start=1)}
    return [(item, ordinal(position[i])) for i, item in enumerate(body.items)]


def sequence_ordered(body: Sequence) -> list[str]:
    return [body.items[i] for i in body.order]


def positions(body: Sequence) -> list[str]:
    return [ordinal(n) for n in range(1, len(body.items) + 1)]


# --- the question as a student reads it -----------------------------------


def short_title(text: str, limit: int = 60) -> str:
    """The start of a text, cut at a word, for a question's name in a bank."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _gap_stem(q: Question) -> list[str]:
    return [q.prompt, f"{q.body.before}{BLANK}{q.body.after}"]


def _match_stem(q: Question) -> list[str]:
    body = q.body
    return [q.prompt, *(f"{i}. {c}" for i, c in enumerate(body.causes, 1)),
            *(f"{LETTERS[j]}. {e}" for j, e in enumerate(body.examples))]


def _extended_stem(q: Question) -> list[str]:
    return [q.prompt, *(f"• {s}" for s in q.body.stimulus)]


def _choice_stem(q: Question) -> list[str]:
    return [q.prompt, *(f"{LETTERS[j]}. {o}" for j, o in enumerate(q.body.options))]


def _truefalse_stem(q: Question) -> list[str]:
    return [q.prompt, q.body.statement]


def _short_stem(q: Question) -> list[str]:
    return [q.prompt]


def _sequence_stem(q: Question) -> list[str]:
    return [q.prompt, *(f"{LETTERS[j]}. {item}" for j, item in enumerate(q.body.items))]


_STEMS = {Gap: _gap_stem, Match: _match_stem, Extended: _extended_stem, Choice: _choice_stem,
          TrueFalse: _truefalse_stem, ShortAnswer: _short_stem, Sequence: _sequence_stem}


def stem_lines(q: Question) -> list[str]:
    """The question as printed on the worksheet, one line per part (empty parts dropped)."""
    return [line for line in dispatch(_STEMS, q, "text") if line]


# --- the answer -----------------------------------------------------------


def _gap_answer(q: Question) -> list[str]:
    forms = accepted(q.body.answer, q.body.accept)
    return [forms[0], *([f"Also accept: {'; '.join(forms[1:])}"] if len(forms) > 1 else [])]


def _match_answer(q: Question) -> list[str]:
    return [f"{LETTERS[j]}. {example} → {cause}" for j, (example, cause) in enumerate(match_pairs(q.body))]


def _extended_answer(q: Question) -> list[str]:
    return list(q.body.indicative)


def _choice_answer(q: Question) -> list[str]:
    body = q.body
    return [f"{LETTERS[body.correct]}. {body.options[body.correct]}", *([body.explanation] if body.explanation else [])]


def _truefalse_answer(q: Question) -> list[str]:
    body = q.body
    return ["True" if body.true else "False", *([body.correction] if body.correction else [])]


def _short_answer(q: Question) -> list[str]:
    forms = accepted(q.body.answer, q.body.accept)
    return [forms[0], *([f"Also accept: {'; '.join(forms[1:])}"] if len(forms) > 1 else [])]


def _sequence_answer(q: Question) -> list[str]:
    return [f"{n}. {item}" for n, item in enumerate(sequence_ordered(q.body), 1)]


_ANSWERS = {Gap: _gap_answer, Match: _match_answer, Extended: _extended_answer, Choice: _choice_answer,
            TrueFalse: _truefalse_answer, ShortAnswer: _short_answer, Sequence: _sequence_answer}


def answer_lines(q: Question) -> list[str]:
    """The right answer, one line per part; for extended answers the indicative content."""
    return [line for line in dispatch(_ANSWERS, q, "text") if line]


def _levels(title: str, levels: tuple[Level, ...]) -> list[str]:
    if not levels:
        return []
    return [title, *(f"{lv.name} ({lv.low}–{lv.high} marks): {lv.descriptor}" for lv in levels)]


def mark_scheme_lines(q: Question) -> list[str]:
    """Everything a marker needs, as headed plain-text lines (used for essays' grader information)."""
    lines: list[str] = []
    body = q.body
    if isinstance(body, Extended):
        lines += ["Indicative content:", *(f"• {p}" for p in body.indicative)]
        if body.indicative_against:
            lines += ["Against:", *(f"• {p}" for p in body.indicative_against)]
        lines += _levels("Levels:", body.levels)
        lines += _levels("Spelling, punctuation and grammar:", body.spag)
        lines += ["Marking rules:", *(f"• {rule}" for rule in body.rules)] if body.rules else []
    elif isinstance(body, ShortAnswer) and body.points:  # point-marked: each creditworthy point, what not to accept
        lines += ["Creditworthy points:", *(f"• {p}" for p in body.points)]
        lines += ["Also accept:", *(f"• {a}" for a in body.accept)] if body.accept else []
        lines += ["Do not accept:", *(f"• {r}" for r in body.reject)] if body.reject else []
    else:
        lines += ["Answer:", *answer_lines(q)]
    if q.guidance:
        lines += ["Guidance:", *(f"• {g}" for g in q.guidance)]
    return lines


# --- grouping by topic and cause -------------------------------------------


@dataclass(frozen=True)
class Group:
    """Questions that share a cause (``cause`` None: the topic as a whole)."""

    cause: Cause | None
    questions: tuple[Question, ...]


def cause_of(paper: Paper, q: Question) -> Cause | None:
    cause_id = q.cause_id or getattr(q.body, "cause_id", "") or None
    if cause_id is None:
        return None
    try:
        return paper.topic.cause(cause_id)
    except KeyError:
        return None


def groups(paper: Paper) -> list[Group]:
    """Topic-wide questions first, then one group per branch (of any kind) in the notes' order; paper order within."""
    by_cause: dict[str | None, list[Question]] = {}
    for q in paper.questions:
        cause = cause_of(paper, q)
        by_cause.setdefault(cause.id if cause else None, []).append(q)
    result = [Group(None, tuple(by_cause[None]))] if None in by_cause else []
    result += [Group(c, tuple(by_cause[c.id])) for c in paper.topic.groups if c.id in by_cause]  # every kind of branch
    return result


def one_line(text: str) -> str:
    """Collapse every run of whitespace (tabs, newlines) to one space."""
    return " ".join(text.split())
