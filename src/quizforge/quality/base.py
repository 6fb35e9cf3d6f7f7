"""Findings, rules and the registry; ``check`` runs every rule for a role in one pass."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

# "quotation": a writer's own words, printed as they stand (a fragment or "ain't" is not a fault there).
ROLES = ("statement", "stem", "option", "term", "quotation")

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    """Why one printed text failed one rule."""

    code: str  # "Q101"
    reason: str  # the rule's one-line reason
    text: str  # the text that failed
    detail: str = ""  # what in the text, e.g. the word that looks misspelt

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.code} {self.reason}{extra}"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    reason: str
    roles: frozenset[str]
    test: Callable[[str], str | None]  # None: passes; a string: what is wrong (may be "")


_RULES: dict[str, Rule] = {}


def register(code: str, name: str, reason: str, roles: Iterable[str] = ROLES):
    """Decorator: add ``test(text) -> None | detail`` to the registry under ``code``."""
    roles = frozenset(roles)
    unknown = roles - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    def wrap(test: Callable[[str], str | None]) -> Callable[[str], str | None]:
        _RULES[code] = Rule(code, name, reason, roles, test)
        check.cache_clear()
        return test

    return wrap


def registry() -> dict[str, Rule]:
    return dict(sorted(_RULES.items()))


@lru_cache(maxsize=1 << 16)
def check(text: str, role: str = "statement") -> tuple[Finding, ...]:
    """Every finding against ``text`` printed as ``role``; empty when it passes."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose from {', '.join(ROLES)}")
    text = " ".join(text.split())
    found = []
    for code in sorted(_RULES):
        rule = _RULES[code]
        if role in rule.roles:
            detail = rule.test(text)
            if detail is not None:
                found.append(Finding(code, rule.reason, text, detail))
    return tuple(found)


def ok(text: str, role: str = "statement") -> bool:
    return not check(text, role)


def codes(text: str, role: str = "statement") -> tuple[str, ...]:
    return tuple(f.code for f in check(text, role))


def screen(items: Iterable[T], role: str = "statement", text: Callable[[T], str] = str
           ) -> tuple[list[T], list[tuple[T, tuple[Finding, ...]]]]:
    """Split items into those that pass and (item, findings) for those that do not."""
    kept: list[T] = []
    dropped: list[tuple[T, tuple[Finding, ...]]] = []
    for item in items:
        findings = check(text(item), role)
        if findings:
            dropped.append((item, findings))
        else:
            kept.append(item)
    return kept, dropped


# What a mark scheme may credit that a student's paper may not print as a statement: an answer point can
# be a phrase ("An iron catalyst.", "18 seconds"), and a point under its label can be a note of detail
# ("Slow to make decisions: one year to look into the Manchurian Crisis"). Everything else still holds:
# no dangling opening or pronoun, no list numbers, arrows, placeholders or typos.
PHRASE_FORM = frozenset({"Q101", "Q102", "Q103", "Q105", "Q305", "Q501"})
LABEL = re.compile(r"^(?P<label>[^:]{1,60}?):\s+(?P<detail>\S.*)$")


def creditable(text: str, phrase: bool = False) -> bool:
    """Whether a mark scheme may list ``text`` as a point to credit.

    ``phrase``: an answer point of a short-answer question, which may be a phrase. Otherwise (indicative
    content of a written answer) the point is a full sentence, or a label with at least four words of
    detail after it."""
    text = " ".join(text.split())
    if ok(text, "statement"):
        return True
    label = LABEL.match(text)
    detail = label["detail"] if label and len(label["label"].split()) <= 8 else text
    if label:  # 'What it shows: that the witches speak in an oxymoron': the clause after 'that' is the point
        detail = re.sub(r"^(?:that|how|why)\s+(?=\S)", "", detail)
    found = {f.code for f in check(detail, "statement")}
    if phrase:
        found -= PHRASE_FORM
    elif label and len(detail.split()) >= 4:
        found -= {"Q101", "Q105", "Q305", "Q501"}
    return not found
