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
    if first != "I" and (first[1:].islower() or len(first) == 1) and (low in PRONOUNS or low in SUBJECTLESS_OPENERS or low in STOP_WORDS or pos(low)):
        body = body[0].lower() + body[1:]  # a name ('Britain', 'USSR') keeps its capital
    return end_sentence(f"{head}: {body}")


def lower_start(text: str) -> str:
    """A line's body as it reads after a colon or semicolon: 'She was ...' -> 'she was ...', 'Britain' stays."""
    body = text.strip()
    first = body.split(" ", 1)[0]
    low = first.lower()
    if first != "I" and (first[1:].islower() or len(first) == 1) and (low in PRONOUNS or low in SUBJECTLESS_OPENERS or low in STOP_WORDS
                                or low in DETERMINERS or pos(low)):
        return body[0].lower() + body[1:]
    return body


def says_of_what_came_before(text: str) -> bool:
    """A line whose unspoken subject is the fact before it: 'Shows that not even ...', 'Makes the League
    look like ...' (a verb of the present tense, third person, with no subject)."""
    first = text.strip().split(" ", 1)[0]
    low = first.lower()
    return subjectless(text) and first[1:].islower() and low.endswith("s") and lemma(low) != low


def passive_of(heading: str, body: str) -> bool:
    """'Council' over 'Run by the permanent members ...': a line that is a past participle and 'by', under a
    heading that is a common noun or two ('Council', 'Permanent members'): the heading is what it is said of."""
    words, first = heading.split(), body.strip().split(" ", 2)
    if not 1 <= len(words) <= 2 or not heading[1:].islower() or len(first) < 2 or first[1] != "by":
        return False
    return subjectless(body) and "NOUN" in pos(words[-1].lower()) and "VERB" in pos(first[0].lower())


def merged(heading: str, bodies: list[str]) -> str:
    """'The USA never joined.' + its explanations -> one explained point:
    'The USA never joined: without the richest country ...; a country hit by sanctions ...'.

    A line that says what the fact before it shows or does gets that fact as its subject, so the point reads
    as sentences: 'Britain and France dominate, which makes the League look like ...'; '... and Italy left
    the League; this shows that not even ...'."""
    head = heading.strip().rstrip(".:;,")
    if bodies and passive_of(head, bodies[0]):
        # 'Council' + 'Run by the permanent members ...' -> 'The council was run by the permanent members ...'
        noun = head[0].lower() + head[1:]
        verb = "were" if noun.endswith("s") and not noun.endswith("ss") else "was"
        head = f"The {noun} {verb} {lower_start(bodies[0]).rstrip(' .;')}"
        rest = [lower_start(b).rstrip(" .;") for b in bodies[1:]]
        return end_sentence("; ".join([head, *rest]))
    parts = []
    for i, body in enumerate(bodies):
        part = lower_start(body).rstrip(" .;")
        if says_of_what_came_before(body) and (i or standalone(heading)):
            part = ("this " if i else "which ") + part
        parts.append(part)
    if parts[0].startswith("which "):
        return end_sentence(f"{head}, {'; '.join(parts)}")
    return end_sentence(f"{head}: {'; '.join(parts)}")


# A heading of this many words or fewer ('The USA never joined') is credited with its explanations.
SHORT_HEADING = 8


def _groups(cause: Cause) -> list[tuple[str, list[str]]]:
    """(heading, its creditable lines) in the notes' order; a line with nothing over it has heading ''."""
    out: list[tuple[str, list[str]]] = []

    def visit(point: Point, heading: str) -> None:
        text = point.text.strip()
        leaves = [c for c in point.points if not c.points]
        if leaves and standalone(text) and len(tokens(text)) > SHORT_HEADING and all(standalone(c.text) for c in leaves):
            # a developed sentence over full sentences: each is an explained point of its own
            out.append(("", [text]))
            out.extend(("", [c.text.strip()]) for c in leaves)
        elif leaves:
            bodies = [c.text.strip() for c in leaves if standalone(c.text.strip())
                      or quality.creditable(joined(text, c.text.strip()))]
            while bodies and not standalone(text) and says_of_what_came_before(bodies[0]):
                bodies.pop(0)  # 'Shows that ...' whose fact was left out: nothing says what shows it
            if bodies:
                out.append((text, bodies))
            elif standalone(text):
                out.append(("", [text]))
        elif not point.points:
            if standalone(text):
                out.append(("", [text]))
            elif heading:
                if quality.creditable(joined(heading, text)):
                    out.append((heading, [text]))
            elif printable(end_sentence(text)) and not leans_on_another(text):
                out.append(("", [text]))
        elif standalone(text):
            out.append(("", [text]))
        for child in point.points:
            if child.points:
                visit(child, text)

    for point in cause.points:
        visit(point, "")
    for aspect in cause.aspects:
        for point in aspect.points:
            visit(point, aspect.heading)
    return out


def marking_points(cause: Cause) -> tuple[str, ...]:
    """The explained points a mark scheme lists for a branch, in the notes' order, without repeats.

    A heading and the lines under it are one explained point ('The USA never joined: without the
    richest country ...; a country hit by sanctions ...'), so neither the heading alone nor the same
    heading twice is credited. A line with nothing over it is listed if it reads as a sentence.
    """
    out = [merged(head, bodies) if head else end_sentence(bodies[0]) for head, bodies in _groups(cause)]
    seen: set[str] = set()
    return tuple(p for p in out if not (p.lower() in seen or seen.add(p.lower())))


def credited_headings(cause: Cause) -> frozenset[str]:
    """The headings of the branch whose lines the mark scheme credits (a heading whose lines all failed the
    gates is credited nothing, so a question must not name it)."""
    return frozenset(head for head, bodies in _groups(cause) if head and bodies)


def credit_count(cause: Cause) -> int:
    """How many separate lines of the notes the branch's mark scheme credits (a merged point counts each)."""
    return sum(len(bodies) for _, bodies in _groups(cause))
