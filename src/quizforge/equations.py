"""Word and symbol equations as notes write them: 'Nitrogen + hydrogen ⇌ ammonia (+heat)'.

One reading, shared by the importer (which keeps such lines instead of rewriting the arrow as words)
and by the strategies (which blank one substance of a word equation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARROWS = ("⇌", "<=>", "⇄", "→", "->", "-->", "⟶")
REVERSIBLE = ("⇌", "<=>", "⇄")
EQUALS = "="  # a word equation of quantities: 'stopping distance = thinking distance + braking distance'
_ARROW = re.compile(r"\s+(⇌|<=>|⇄|-->|->|→|⟶|=)\s+|\s*(⇌|⇄|→|⟶)\s*")
_NOTE = re.compile(r"\s*\((?P<note>[^()]{1,30})\)\s*\.?$")  # "(+heat)", "(exothermic)"
_TERM = re.compile(r"(?:\d{0,2}\s?)?[A-Za-z][A-Za-z0-9()'-]*(?: [A-Za-z][A-Za-z'-]*){0,3}")
_WORD_TERM = re.compile(r"[A-Za-z][a-z'-]+(?: [A-Za-z]?[a-z'-]+){0,3}")


@dataclass(frozen=True)
class Reading:
    """The two sides of an equation, each a tuple of substances, the arrow, and a bracketed note after it."""

    left: tuple[str, ...]
    arrow: str
    right: tuple[str, ...]
    note: str = ""

    @property
    def words(self) -> bool:
        """A word equation ('nitrogen + hydrogen'), not a symbol one ('N2 + 3H2')."""
        return all(_WORD_TERM.fullmatch(t) for t in (*self.left, *self.right))

    @property
    def reversible(self) -> bool:
        return self.arrow in REVERSIBLE

    @property
    def quantities(self) -> bool:
        """An equation of quantities ('stopping distance = ...'), not a reaction between substances."""
        return self.arrow == EQUALS

    def text(self, blank: int | None = None, gap: str = "________") -> str:
        """The equation written out, with substance ``blank`` (an index over left then right) as a gap."""
        terms = [*self.left, *self.right]
        shown = [gap if i == blank else t for i, t in enumerate(terms)]
        left, right = shown[:len(self.left)], shown[len(self.left):]
        arrow = "⇌" if self.reversible else EQUALS if self.quantities else "→"
        return f"{' + '.join(left)} {arrow} {' + '.join(right)}"


def read_equation(text: str) -> Reading | None:
    """The equation in a line that is nothing but one (one arrow, substances joined by '+'), else None."""
    body = text.strip().rstrip(".")
    note = ""
    match = _NOTE.search(body)
    if match:
        note, body = match["note"].strip(), body[:match.start()]
    arrows = list(_ARROW.finditer(body))
    if len(arrows) != 1:
        return None
    arrow = arrows[0]
    sides = body[:arrow.start()], body[arrow.end():]
    terms = [tuple(t.strip() for t in side.split(" + ")) for side in sides]
    if not all(terms) or not all(_TERM.fullmatch(t) for side in terms for t in side):
        return None
    if len(terms[0]) < 2 and len(terms[1]) < 2:
        return None  # 'Overclocking -> damage': a 'leads to', not a reaction; an equation joins substances with '+'
    return Reading(terms[0], (arrow[1] or arrow[2]).strip(), terms[1], note)


def sum_under(heading: str, text: str) -> str:
    """'Stopping distance' over the line 'thinking distance + braking distance': the line is the heading's
    sum, written out as the equation 'Stopping distance = thinking distance + braking distance' (else "").

    Only quantities of one kind are read so: every term ends in the heading's own last word ('distance',
    'energy'), so '+' for 'and' under a heading ('Causes' over 'poverty + unemployment') stays a list."""
    name = heading.strip().rstrip(":").strip()
    body = text.strip().rstrip(".")
    terms = [t.strip() for t in body.split(" + ")]
    if len(terms) < 2 or not _WORD_TERM.fullmatch(name) or not all(_WORD_TERM.fullmatch(t) for t in terms):
        return ""
    head = name.split()[-1].casefold()
    if not all(t.split()[-1].casefold() == head and t.casefold() != name.casefold() for t in terms):
        return ""
    return f"{name} {EQUALS} {' + '.join(terms)}"
