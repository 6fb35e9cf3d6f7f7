"""What a written answer's mark scheme may credit, and which note lines stand alone as examples.

Notes nest their evidence under a heading ("Slow to make decisions" > "One year to look into the
Manchurian Crisis ..."). A heading is never credited on its own, and a line that leans on its heading
("Shows that ...", "She was only allowed to join in 1934.") is credited joined to it
("USSR: she was only allowed to join in 1934."), so a colleague can mark without the notes.
"""

from __future__ import annotations

import re

from ..model import Cause, Point
from ..quality.words import DETERMINERS, lemma, pos, tokens
from .. import quality
from ._gates import printable
from ._text import PRONOUN_STARTS, STOP_WORDS, end_sentence

SUBJECTLESS_OPENERS = frozenset("""
must can can't cannot could couldn't should would will won't may might is isn't are aren't was wasn't
were weren't has hasn't have haven't had does doesn't do don't did didn't
""".split())
# After a verb with no subject ('Looks like ...', 'Makes the League ...', 'Shows that ...').
OBJECT_STARTS = DETERMINERS | frozenset("like that it them him her us up out to".split())
SUBORDINATE = ("if", "when", "because", "although", "though", "as", "since", "while", "once", "unless",
               "until", "after", "before", "so", "even if", "even though")
PRONOUNS = ("he", "she", "it", "they", "this", "these", "those", "his", "her", "their", "its", "them")
LEANING = re.compile(rf"^(?:{'|'.join(SUBORDINATE)}),?\s+(?:{'|'.join(PRONOUNS)})\b", re.I)


def subjectless(text: str) -> bool:
    """True for a line with no subject of its own: 'Slow to make decisions.', 'Looks like the USA gave
    up ...', 'Run by the permanent members ...', 'Must be a creator ...' (a question is left alone)."""
    words = tokens(text)
    if len(words) < 2 or text.rstrip().endswith("?"):
        return False
    first, nxt = words[0].lower(), words[1].lower()
    if first in SUBJECTLESS_OPENERS or first.replace("\u2019", "'") in SUBJECTLESS_OPENERS:
        return True
    tags = pos(first)
    if "ADJ" in tags and nxt == "to" and "NOUN" not in tags:
        return True  # 'Slow to make decisions', 'Quick to act'
    if "VERB" not in tags:
        return False
    if nxt == "by":
        return True  # 'Run by ...', 'Led by ...'
    verb_form = first.endswith(("ed", "s")) and lemma(first) != first
    return verb_form and nxt in OBJECT_STARTS and "NOUN" not in pos(nxt)


def leans_on_another(text: str) -> bool:
    """True when the line's subject is a pronoun whose referent is elsewhere ('They went ...',
    'If they had been members earlier, ...')."""
    low = text.lower().lstrip(" \"'\u2018\u201c(")
    return low.startswith(PRONOUN_STARTS) or bool(LEANING.match(low))


def standalone(text: str) -> bool:
    """A full sentence that a student or a colleague can read without the notes around it."""
    return printable(end_sentence(text)) and not subjectless(text) and not leans_on_another(text)


def is_heading(point: Point) -> bool:
    """A point that heads others and says nothing on its own ('Veto', 'Slow to make decisions')."""
    return bool(point.points) and not standalone(point.text)


def joined(heading: str, text: str) -> str:
    """'USSR' + 'She was only allowed to join in 1934.' -> 'USSR: she was only allowed to join in 1934.'"""
    head = heading.strip().rstrip(".:;,")
    body = text.strip()
    first = body.split(" ", 1)[0]
    low = first.lower()
    if first[1:].islower() and (low in PRONOUNS or low in SUBJECTLESS_OPENERS or low in STOP_WORDS or pos(low)):
        body = body[0].lower() + body[1:]  # a name ('Britain', 'USSR') keeps its capital
    return end_sentence(f"{head}: {body}")


def marking_points(cause: Cause) -> tuple[str, ...]:
    """The explained points a mark scheme lists for a branch, in the notes' order, without repeats.

    A line that stands alone is listed as it is; a heading is not listed, and the lines under it that
    do not stand alone are listed joined to it. A top-level line with nothing over it is the reason
    itself ('Must be a creator ...' under 'Arguments for God') and is listed if it reads as a sentence.
    """
    out: list[str] = []

    def visit(point: Point, heading: str) -> None:
        text = point.text.strip()
        if standalone(text):
            out.append(end_sentence(text))
        elif point.points:
            pass  # a heading: credited through the lines under it
        elif heading:
            if quality.creditable(joined(heading, text)):
                out.append(joined(heading, text))
        elif printable(end_sentence(text)) and not leans_on_another(text):
            out.append(end_sentence(text))
        for child in point.points:
            visit(child, text)

    for point in cause.points:
        visit(point, "")
    for aspect in cause.aspects:
        for point in aspect.points:
            visit(point, aspect.heading)
    seen: set[str] = set()
    return tuple(p for p in out if not (p.lower() in seen or seen.add(p.lower())))
