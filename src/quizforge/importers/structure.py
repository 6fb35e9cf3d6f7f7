"""Repair structure: undo what exporters and copying do to an outline's shape.

Runs on the tree every reader returns, before any text is changed. Each repair
is one function over a list of sibling nodes, reported with its line:

- ``tables``: lines of cells split by ``|`` (a pipe table pasted as text, with
  or without leading pipes or a separator row) become one table node, as the
  Markdown reader gives for a real table;
- ``repeats``: a line repeated straight after itself (a page title printed three
  times) is kept once;
- ``flat_headings``: a flat run of lines (flashcards flattened to one column)
  where short lines share a phrase ("Pressure in the Haber process",
  "Temperature in the Haber process") is regrouped, those lines becoming
  headings over the lines after them.

The readers repair what only they can see: GoConqr's staircase numbering, dotted
numbers without indentation, plain headings over dash lists (outline text) and
a list introduced by a line ending in ':' or a bold lead-in (Markdown).
"""

from __future__ import annotations

import re
from collections import Counter

from . import guess
from .tree import DROPPED, REPAIRED, OutlineNode, Report, quote

PIPE_ROW = re.compile(r"[^|]*\|[^|]*\|.*")
SEPARATOR_ROW = re.compile(r"\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?")
MAX_HEADING_WORDS = 7
MIN_FLAT_RUN = 6


def repair(root: OutlineNode, report: Report) -> OutlineNode:
    return _repair(root, report)


def _repair(node: OutlineNode, report: Report) -> OutlineNode:
    # Iterative over siblings, recursive over depth (the readers bound depth).
    children = [_repair(c, report) for c in node.children]
    if node.marker in ("table", "row"):
        return node.with_children(children)
    children = tables(children, report)
    children = dates_alone(children, report)
    children = repeats(children, report)
    children = flat_headings(children, report)
    children = flat_sections(children, report)
    return node.with_children(children)


def _cells(text: str) -> list[str]:
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells


def tables(children: list[OutlineNode], report: Report) -> list[OutlineNode]:
    out: list[OutlineNode] = []
    run: list[OutlineNode] = []
    for child in [*children, None]:
        if child is not None and not child.children and child.marker not in ("row", "table") and PIPE_ROW.fullmatch(child.text):
            run.append(child)
            continue
        if len(run) >= 2:
            out.append(_table(run, report))
        else:
            out.extend(run)
        run = []
        if child is not None:
            out.append(child)
    return out


def _table(rows: list[OutlineNode], report: Report) -> OutlineNode:
    header, *body = [r for r in rows if not SEPARATOR_ROW.fullmatch(r.text.strip())]
    names = _cells(header.text)
    table_rows = []
    for row in body:
        first, *rest = _cells(row.text) or [""]
        cells = tuple(OutlineNode(value, row.line, (), "cell", i + 1) for i, value in enumerate(rest) if value)
        table_rows.append(OutlineNode(first, row.line, cells, "row"))
    report.add(REPAIRED, header.line, f"{len(rows)} lines of cells split by '|' read as a table with columns {', '.join(names)}")
    return OutlineNode(" | ".join(names), header.line, tuple(table_rows), "table")


PERIOD = re.compile(rf"(?:period:?\s*)?(?P<start>{guess.DATE})\s+(?:to|until|-|–)\s+(?P<end>{guess.DATE})", re.IGNORECASE)


def dates_alone(children: list[OutlineNode], report: Report) -> list[OutlineNode]:
    """A date alone on a line with its event on the next line at the same level (Timetoast, Preceden):
    'Nov 9, 1918' then 'Kaiser Wilhelm II abdicates' is one entry. A period ('Period: Jan 5, 1919 to
    Jan 12, 1919') is dated by its start."""
    out: list[OutlineNode] = []
    i = 0
    while i < len(children):
        child = children[i]
        later = children[i + 1] if i + 1 < len(children) else None
        text = child.text.strip().rstrip(":")
        period = PERIOD.fullmatch(text)
        date = period["start"] if period else text if guess.is_date(text) else ""
        if (date and not child.children and later is not None and not later.children
                and not guess.is_date(later.text.strip()) and not guess.dated_line(later.text)
                and not PERIOD.fullmatch(later.text.strip().rstrip(":"))):
            joined = f"{date} - {later.text.strip()}"
            report.add(REPAIRED, child.line, f"date {quote(text)} joined to its event on line {later.line}")
            out.append(OutlineNode(joined, child.line, (), later.marker or child.marker, child.number))
            i += 2
            continue
        out.append(child)
        i += 1
    return out


def repeats(children: list[OutlineNode], report: Report) -> list[OutlineNode]:
    out: list[OutlineNode] = []
    for i, child in enumerate(children):
        later = children[i + 1] if i + 1 < len(children) else None
        if not child.children and later is not None and later.text.casefold() == child.text.casefold():
            report.add(DROPPED, child.line, f"repeated line {quote(child.text)} (kept once)")
            continue
        out.append(child)
    return out


def _heading_like(node: OutlineNode) -> bool:
    text = node.text.strip()
    return (not node.children and 0 < len(text.split()) <= MAX_HEADING_WORDS and not text.endswith((".", "!", "?", ","))
            and not guess.dated_line(text) and not guess.is_date(text) and not guess.term_line(text) and text[:1].isupper())


def _tail(text: str, n: int) -> str:
    return " ".join(text.lower().split()[-n:])


def _sentence(node: OutlineNode) -> bool:
    text = node.text.strip()
    return text.endswith((".", "!", "?")) or len(text.split()) >= 6


def flat_sections(children: list[OutlineNode], report: Report) -> list[OutlineNode]:
    """A flat export with short heading lines between sentences ("Causes", then sentences, "Effects", ...).

    A heading is a short capitalised line without a full stop followed by a sentence; two or more are needed.
    """
    if len(children) < 5 or any(c.children for c in children):
        return children
    heads = [i for i, c in enumerate(children[:-1]) if _heading_like(c) and len(c.text.split()) <= 4 and _sentence(children[i + 1])]
    if len(heads) < 2 or sum(1 for c in children if _sentence(c)) < len(children) // 2:
        return children
    out = list(children[:heads[0]])
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(children)
        out.append(children[start].with_children(children[start + 1:end]))
    report.add(REPAIRED, children[heads[0]].line, f"a flat list read as {len(heads)} headings with the sentences under each")
    return out


GENERIC_HEADINGS = frozenset("conditions summary overview introduction facts key facts notes definitions".split())


def _words_from(text: str, phrase: str) -> str:
    """The phrase as the line writes it: 'the haber process' -> 'the Haber process'."""
    words = text.split()
    return " ".join(words[-len(phrase.split()):])


def _without_tail(text: str, phrase: str) -> str:
    """'Pressure in the Haber process' -> 'Pressure'; a heading that would say nothing without it is kept whole."""
    words = text.split()[: -len(phrase.split())]
    while words and words[-1].lower() in ("in", "for", "of", "on", "during", "and", "the"):
        words.pop()
    rest = " ".join(words)
    return rest if rest and rest.lower() not in GENERIC_HEADINGS else text


def flat_headings(children: list[OutlineNode], report: Report) -> list[OutlineNode]:
    """Regroup a flat run under its headings: short lines that end with the same phrase of 2+ words."""
    if len(children) < MIN_FLAT_RUN or any(c.children for c in children):
        return children
    candidates = [c for c in children if _heading_like(c) and len(c.text.split()) >= 3]
    tails = Counter(_tail(c.text, n) for c in candidates for n in (2, 3) if len(c.text.split()) > n)
    shared = {t for t, count in tails.items() if count >= 3}
    if not shared:
        return children
    headings = {id(c) for c in candidates if any(_tail(c.text, n) in shared for n in (2, 3))}
    phrase = max(shared, key=len)
    topic = next(_words_from(c.text, phrase) for c in candidates if _tail(c.text, len(phrase.split())) == phrase)
    report.hints.setdefault("title", (topic, children[0].line))
    out: list[OutlineNode] = []
    current: OutlineNode | None = None
    under: list[OutlineNode] = []
    for child in children:
        if id(child) in headings:
            if current is not None:
                out.append(current.with_children(under))
            current, under = child.with_text(_without_tail(child.text, phrase)), []
        elif current is None:
            out.append(child)
        else:
            under.append(child)
    if current is not None:
        out.append(current.with_children(under))
    report.add(REPAIRED, children[0].line, f"a flat list of {len(children)} lines regrouped under {len(headings)} headings "
                                           f"that share the words {quote(sorted(shared)[0])}")
    return out
