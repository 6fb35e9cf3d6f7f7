"""How each question body is asked and checked in a terminal: one asker per body type.

An asker gets the question, the terminal and the topic's point -> cause map, asks,
and returns an ``Outcome`` (right or not, the marked parts, feedback lines). It
never touches the database; the session records what it returns.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Callable, Protocol

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
from .checking import accepted, normalise
from .store import Part

LETTERS = string.ascii_uppercase


class Terminal(Protocol):
    def say(self, text: str = "") -> None: ...
    def ask(self, prompt: str) -> str: ...


@dataclass(frozen=True)
class Outcome:
    right: bool
    given: str
    parts: tuple[Part, ...]
    feedback: tuple[str, ...]  # shown after the answer: the right answer, an explanation
    verdict: str = ""  # overrides "Right!" / "Not quite." (self-assessed answers)


Asker = Callable[[Question, Terminal, dict[str, str]], Outcome]


def _whole(q: Question, given: str, right: bool, *feedback: str) -> Outcome:
    return Outcome(right, given, (Part("", q.cause_id, right),), tuple(f for f in feedback if f))


QUIT = ("quit", "exit", "q")  # at any prompt: stop the session (every answer so far is saved)


def _ask(term: Terminal, prompt: str, valid=None, again: str = "") -> str:
    """Ask until the answer is one ``valid`` takes (any, without it); 'quit' stops the session."""
    while True:
        given = term.ask(prompt)
        if normalise(given) in QUIT:
            raise EOFError
        if valid is None or valid(given):
            return given
        term.say(again)


def ask_gap(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: Gap = q.body
    term.say(f"{body.before}_____{body.after}")
    given = term.ask("Missing word(s): ")
    right = accepted(given, (body.answer, *body.accept))
    return _whole(q, given, right, "" if right else f"The answer: {body.answer}")


def ask_short(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: ShortAnswer = q.body
    if body.points:  # point-marked: no one string is the answer, so the student ticks the points made
        given = _ask(term, "Write your answer (one line), or think it through, then press Enter: ")
        return _ticked(q, term, given, body.points, min(q.marks, len(body.points)))
    given = _ask(term, "Your answer: ")
    right = accepted(given, (body.answer, *body.accept))
    return _whole(q, given, right, "" if right else f"The answer: {body.answer}")


def ask_choice(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: Choice = q.body
    for i, option in enumerate(body.options):
        term.say(f"  {LETTERS[i]}. {option}")
    last = LETTERS[len(body.options) - 1]
    letters = [LETTERS[i].lower() for i in range(len(body.options))]
    given = _ask(term, f"Your choice (A-{last}): ",
                 lambda g: normalise(g) in letters or accepted(g, body.options),
                 f"Type one letter, A to {last} (or 'quit' to stop).")
    right = normalise(given) == LETTERS[body.correct].lower() or accepted(given, (body.options[body.correct],))
    answer = "" if right else f"The answer: {LETTERS[body.correct]}. {body.options[body.correct]}"
    return _whole(q, given, right, answer, body.explanation)


def ask_true_false(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: TrueFalse = q.body
    term.say(body.statement)
    given = _ask(term, "True or false? (t/f): ", lambda g: normalise(g) in ("t", "f", "true", "false"),
                 "Type t for true or f for false (or 'quit' to stop).")
    right = normalise(given)[:1] == ("t" if body.true else "f")
    correction = body.correction if not body.true else ""
    return _whole(q, given, right, "" if right else f"It is {'true' if body.true else 'false'}.", correction)


def ask_sequence(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: Sequence = q.body
    for i, item in enumerate(body.items):
        term.say(f"  {LETTERS[i]}. {item}")
    letters = {LETTERS[i] for i in range(len(body.items))}
    given = _ask(term, "The letters in order, e.g. B A C: ",
                 lambda g: sorted(ch for ch in g.upper() if ch.isalpha()) == sorted(letters),
                 f"Type each of the letters {', '.join(sorted(letters))} once, in order (or 'quit' to stop).")
    typed = [ch for ch in given.upper() if ch.isalpha()]
    right = typed == [LETTERS[i] for i in body.order]
    order = " -> ".join(f"{LETTERS[i]}. {body.items[i]}" for i in body.order)
    return _whole(q, given, right, "" if right else f"The right order: {order}")


def ask_match(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: Match = q.body
    for i, cause in enumerate(body.causes, 1):
        term.say(f"  {i}. {cause}")
    parts, given, wrong = [], [], []
    for j, example in enumerate(body.examples):
        term.say(f"{LETTERS[j]}. {example}")
        n = len(body.causes)
        typed = _ask(term, f"   {body.left_label} number (1-{n}): ",
                     lambda g: g.strip().isdigit() and 1 <= int(g.strip()) <= n,
                     f"   Type a number from 1 to {n} (or 'quit' to stop).")
        right = typed.strip() == str(body.key[j] + 1)
        point = body.example_ids[j] if j < len(body.example_ids) else ""
        parts.append(Part(LETTERS[j], causes.get(point), right))
        given.append(f"{LETTERS[j]} {typed.strip()}")
        if not right:
            wrong.append(f"{LETTERS[j]} -> {body.key[j] + 1}. {body.causes[body.key[j]]}")
    score = sum(p.right for p in parts)
    feedback = (f"{score} of {len(parts)} matched.", *(f"  {w}" for w in wrong))
    return Outcome(score == len(parts), ", ".join(given), tuple(parts), feedback if wrong else ())


def ask_extended(q: Question, term: Terminal, causes: dict[str, str]) -> Outcome:
    body: Extended = q.body
    given = _ask(term, "Write your answer (one line), or think it through, then press Enter: ")
    points = (*body.indicative, *body.indicative_against)
    return _ticked(q, term, given, points, min(2, len(points)))  # the top level asks for two or more developed points


NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _ticked(q: Question, term: Terminal, given: str, points: tuple[str, ...], need: int) -> Outcome:
    """Show the mark scheme's points; the answer is right when the student covered ``need`` of them."""
    term.say("The mark scheme's points:")
    for i, point in enumerate(points, 1):
        term.say(f"  {i}. {point}")
    ticked = _ask(term, "Which did your answer cover? Their numbers (e.g. 1 3), or Enter for none: ",
                  lambda g: all(n.isdigit() and 1 <= int(n) <= len(points) for n in g.replace(",", " ").split()),
                  f"Type numbers from 1 to {len(points)}, with spaces between, or just press Enter.")
    covered = {int(n) for n in ticked.replace(",", " ").split() if n.isdigit() and 1 <= int(n) <= len(points)}
    right = len(covered) >= need
    note = f"You covered {len(covered)} of {len(points)} points." + ("" if right else f" Aim for at least {NUMBERS.get(need, need)}, explained.")
    verdict = "Well covered." if right else "Not enough yet."
    return Outcome(right, given, (Part("", q.cause_id, right),), (note,), verdict)


ASKERS: dict[type, Asker] = {
    Gap: ask_gap, ShortAnswer: ask_short, Choice: ask_choice, TrueFalse: ask_true_false,
    Sequence: ask_sequence, Match: ask_match, Extended: ask_extended,
}


def asker_for(q: Question) -> Asker:
    try:
        return ASKERS[type(q.body)]
    except KeyError:
        raise QuizforgeError(
            f"question {q.id}: practice cannot ask a {type(q.body).__name__} body yet; "
            f"leave strategy '{q.strategy}' out with --strategies") from None
