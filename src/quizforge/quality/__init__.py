"""Quality gates: one check for every item a strategy prints, run like a linter.

How a strategy (or the assembler) calls it::

    from .. import quality
    quality.check(text, role="statement") -> tuple[Finding, ...]   # empty: the item passes
    quality.ok(text, role="statement") -> bool
    kept, dropped = quality.screen(items, role="statement", text=lambda p: p.text)
    quality.distinctiveness("Politburo") -> float      # higher: rarer, better worth a blank
    quality.word_kind("1934") -> "date" | "number" | "name" | "term"
    quality.key_overlap(stem, option) -> frozenset[str]   # shared key words: a giveaway
    quality.clear_items({gid: quality.Group(title, items)}) -> {gid: [indices that fit only there]}

Roles: ``statement`` (a sentence printed as an item: true/false statements, gap sentences,
matching and sorting items, stimulus bullets, indicative content), ``stem`` (a question's
prompt), ``option`` (a multiple-choice option or word-bank phrase), ``term`` (a key term
or a name). Each rule (``rules.py``) has a code, a one-line reason and the roles it applies
to; a new rule is one function plus its ``@rule`` line. ``quizforge review`` prints the codes.
"""

from __future__ import annotations

from . import rules as _rules  # noqa: F401  (registers the built-in rules)
from .fit import Group, clear_items, fits, rivals
from .base import ROLES, Finding, Rule, check, codes, creditable, ok, register, registry, screen
from .words import (content_words, distinctiveness, is_headcount, is_year, key_overlap, lemma, word_kind,
                    zipf)

__all__ = [
    "Group", "clear_items", "fits", "rivals",
    "ROLES", "Finding", "Rule", "check", "codes", "creditable", "content_words", "distinctiveness", "is_headcount", "is_year",
    "key_overlap", "lemma", "ok", "register", "registry", "screen", "word_kind", "zipf",
]
