"""Outline text: bullets, numbered nodes and indentation, as copied from revision sites.

Nesting comes from indentation (tabs count as 4 spaces), except that a dotted
number (``1.2.1``) nests under its prefix (``1.2``) wherever it is indented.
A line without a bullet that carries on the line above (indented under a
bullet's text, starting in lower case, or after a line that stops on "the",
"and", a comma...) is a hard-wrapped continuation and is joined to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..equations import read_equation
from ..errors import Problem, SourceError
from .clean import drop_clutter, ends_mid_sentence
from .guess import bare_words
from .registry import Source
from .tree import CHECK, DROPPED, GUESSED, JOINED, MAX_OUTLINE_DEPTH, OutlineNode, Report, document, quote

BULLETS = "•◦▪▫‣∙·●○■□➢➤►▸✓✔→-*+–—o"
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
MARKER = re.compile(
    rf"(?P<bullet>[{re.escape(BULLETS)}])(?=\s|$)|(?P<glued>-)(?=[a-z]|\d\s)"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s|$)"
    r"|(?P<number>\d{1,2})(?:[.)]|(?=\s+(?!(?:" + MONTHS + r")[a-z]*\b|bc\b|ad\b|bce\b|ce\b)))(?=\s|$)"
    r"|(?P<letter>[a-zA-Z]\)|[a-z]\.|\((?:\d{1,2}|[a-zA-Z]|[ivx]+)\))(?=\s|$)",
    re.IGNORECASE,
)


@dataclass
class _Line:
    number: int
    col: float
    text: str
    marked: bool
    dotted: tuple[int, ...] = ()
    kind: str = ""  # "bullet" or "number" when marked
    card: bool = False  # a flashcard's 'term<TAB>definition'


@dataclass(eq=False)
class _Item:
    text: str
    line: int
    col: float
    children: list["_Item"] = field(default_factory=list)
    marker: str = ""
    number: int | None = None

    def freeze(self) -> OutlineNode:
        return OutlineNode(self.text, self.line, tuple(c.freeze() for c in self.children), self.marker, self.number)


CELL_GAP = re.compile(r"\t+|(?<=\S) {4,}(?=\S)")
MAX_CARD_TERM_WORDS = 6
MAX_RUN_HEADING_WORDS = 10  # a plain line this long over a list at its own indent is an introduction, not its heading


def cells_to_text(text: str) -> str:
    """A line whose cells a tab (or a wide run of spaces) divides, as the rest of the import reads it.

    Flashcard sites export 'term<TAB>definition' (a card whose sides were typed the other way round comes
    out 'definition<TAB>term'): it becomes 'term — definition'. Three cells or more are a row of a
    table, and become 'a | b | c', which ``structure.tables`` reads. A wide run of spaces divides only two
    cells, neither of them an equation ('Q = I t      charge = current x time' is one line)."""
    cells = [c.strip() for c in CELL_GAP.split(text)]
    tabbed = "\t" in text.strip()
    if len(cells) < 2 or (not tabbed and (len(cells) != 2 or any("=" in c or "|" in c for c in cells))):
        return text
    if len(cells) >= 3 or not all(cells):
        return " | ".join(cells) if len(cells) >= 3 else " ".join(c for c in cells if c)
    term, definition = cells
    if _card_side(definition) and (not _card_side(term) or bare_words(definition) <= 3 < 5 <= bare_words(term)):
        # typed the other way round: 'Translates domain names into IP addresses<TAB>DNS (Domain Name System)'
        term, definition = definition, term
    return f"{term} \u2014 {definition}"


def _card_side(text: str) -> bool:
    """A card's term side: a few words, no full stop at the end."""
    return 0 < bare_words(text) <= MAX_CARD_TERM_WORDS and not text.rstrip().endswith(".")


def parse_line(number: int, raw: str) -> _Line | None:
    """One line's indentation, marker and text; None for a blank line."""
    raw = raw.replace("\u00a0", " ").replace("\u3000", " ")
    lead = len(raw) - len(raw.lstrip())
    body = cells_to_text(raw[lead:].rstrip())
    expanded = raw[:lead].expandtabs(4) + body
    stripped = expanded.lstrip()
    if not stripped.strip():
        return None
    col = len(expanded) - len(stripped)
    match = MARKER.match(stripped)
    if not match:
        return _Line(number, col, stripped.strip(), marked=False, card=" \u2014 " in body and body != raw[lead:].rstrip())
    label = match["dotted"] or match["number"]
    dotted = tuple(int(n) for n in label.split(".")) if label else ()
    kind = "bullet" if match["bullet"] or match["glued"] else "number"
    return _Line(number, col, stripped[match.end():].strip(), marked=True, dotted=dotted, kind=kind)


class OutlineTextReader:
    name = "outline"
    summary = "outline text: bullets (•, -, *, o), numbers (1, 1.1, 1)) and indentation"
    extensions = (".txt", ".text", ".outline")

    def sniff(self, source: Source) -> bool:
        return False  # the fallback: anything is outline text

    def read(self, source: Source, report: Report) -> OutlineNode:
        numbered = question_cards(list(enumerate(source.lines, start=1)), report)
        kept = {n for n, _ in drop_clutter(numbered, report)}
        # A dropped clutter line counts as a blank line: nothing continues across it.
        lines = [parse_line(n, raw) if n in kept else None for n, raw in numbered]
        return document(_nest(_join_wrapped(lines, report), source.label, report))


CARD_SIDE = re.compile(r"\s*(?P<side>[QA])\s*(?:[:.)]|\s-)\s*(?P<text>.*)")
CARD_NUMBER = re.compile(r"\s*\d{1,3}\s*")
DEFINING = re.compile(r"(?:what (?:is|are|was|were) (?:an? |the )?(?P<a>[^?]{2,40})|what does (?:an? |the )?(?P<b>[^?]{2,40}) (?:do|mean)"
                      r"|define (?:an? |the )?(?P<c>[^?]{2,40})|(?P<d>[A-Z][\w' -]{1,30}))\s*\??", re.IGNORECASE)
MIN_CARDS = 3


def question_cards(lines: list[tuple[int, str]], report: Report) -> list[tuple[int, str]]:
    """A deck exported as 'Q: ...' / 'A: ...' lines, each card numbered on a line of its own (Brainscape, Cram).

    A card that asks what a term is ('What is collision theory?', 'What does a catalyst do?', 'Enzymes?')
    becomes 'term — answer', a glossary line. Any other card asks a question of its own ('How does
    increasing temperature increase the rate?'), which no question type can yet ask or mark as the notes
    wrote it: it is left out and reported, not forced into a shape it does not have."""
    sides = [(n, m) for n, raw in lines if (m := CARD_SIDE.fullmatch(raw))]
    if sum(1 for _, m in sides if m["side"].upper() == "Q") < MIN_CARDS or sum(1 for _, m in sides if m["side"].upper() == "A") < MIN_CARDS:
        return lines
    out: list[tuple[int, str]] = []
    question: tuple[int, str] | None = None
    answer: list[str] = []

    def close() -> None:
        nonlocal question, answer
        if question is not None:
            number, asked = question
            said = " ".join(a for a in answer if a).strip()
            term = DEFINING.fullmatch(asked.strip())
            name = next((g for g in (term.groups() if term else ()) if g), "")
            if name and said and len(name.split()) <= 4:
                out.append((number, f"{name.strip()[0].upper()}{name.strip()[1:]} \u2014 {said}"))
            else:
                report.add(CHECK, number, f"question card {quote(asked, 50)} left out: only cards that ask what a "
                                          "term is become key terms; write the others as points under a heading")
        question, answer = None, []

    for number, raw in lines:
        m = CARD_SIDE.fullmatch(raw)
        if m and m["side"].upper() == "Q":
            close()
            question = (number, m["text"].strip())
        elif m and m["side"].upper() == "A" and question is not None:
            answer.append(m["text"].strip())
        elif question is not None and raw.strip() and not CARD_NUMBER.fullmatch(raw):
            answer.append(re.sub(r"^\s*[-•*]\s*", "", raw).strip())
        elif CARD_NUMBER.fullmatch(raw):
            close()
            report.add(DROPPED, number, f"card number {quote(raw.strip())}")
        else:
            if not raw.strip():
                close()
            out.append((number, raw))
    close()
    return sorted(out)


def _join_wrapped(lines: list[_Line | None], report: Report) -> list[_Line]:
    """Lines with hard-wrapped continuations joined onto the line they continue."""
    uses_markers = sum(1 for ln in lines if ln and ln.marked) >= 2
    out: list[_Line] = []
    previous: _Line | None = None
    for line in lines:
        if line is None:
            previous = None
            continue
        # an equation is a line of its own, never the end of the one above ('nitrogen + hydrogen -> ammonia')
        if previous is not None and not line.marked and _continues(previous, line, uses_markers) \
                and read_equation(line.text) is None:
            report.add(JOINED, line.number, f"joined to line {previous.number} (a line broken mid-sentence)")
            previous.text = _join(previous.text, line.text)
            continue
        out.append(line)
        previous = line
    return out


def _continues(previous: _Line, line: _Line, uses_markers: bool) -> bool:
    if not previous.text or previous.text.count("|") >= 2:
        return False  # a table row is whole
    if previous.card and line.text[:1].islower() and not line.card:
        return True  # a flashcard's definition running onto the next line ('but if the switch fails ...')
    if ends_mid_sentence(previous.text) and line.col >= (0 if uses_markers else previous.col):
        return True
    if not uses_markers:
        return False
    hanging = previous.marked and line.col > previous.col
    lower = line.text[:1].islower() and not previous.text.endswith((".", "!", "?", ":"))
    return hanging or (lower and line.col <= previous.col)


def _join(before: str, after: str) -> str:
    if re.search(r"[A-Za-z]-$", before) and after[:1].isalpha():
        return before + after  # a word split with a hyphen at the line end
    return f"{before} {after}"


def _nest(lines: list[_Line], label: str, report: Report) -> list[OutlineNode]:
    root = _Item("", 0, -1.0)
    stack: list[_Item] = [root]
    by_number: dict[tuple[int, ...], _Item] = {}
    run: tuple[_Item, float] | None = None  # a plain heading line and the column of the marked lines under it
    dotted_seen = False  # the notes number their headings 1.1, 1.2 ...
    for line in lines:
        parent = by_number.get(line.dotted[:-1]) if len(line.dotted) > 1 else None
        at = next((i for i, s in enumerate(stack) if s is parent), None) if parent is not None else None
        col = line.col
        if at is None and line.marked and run is not None and line.col == run[1]:
            col = line.col + 0.5  # under the plain heading that opened this run of marked lines
        elif line.marked and stack[-1] is not root and not stack[-1].marker and stack[-1].col == line.col \
                and len(stack[-1].text.split()) <= MAX_RUN_HEADING_WORDS:  # a sentence introduces, it heads nothing
            run, col = (stack[-1], line.col), line.col + 0.5  # "Stage 1" then "- ..." lines at its own indent
        elif not line.marked:
            run = None
        heading = next((k for k in range(len(stack) - 1, 0, -1) if stack[k].marker == "number"), None)
        if at is None and (not line.marked or line.kind == "bullet") and dotted_seen and heading is not None \
                and all(s.marker != "number" for s in stack[heading + 1:]) and line.col <= stack[heading].col + 1:
            # '1.1 Facts' then 'Date: 27th February 2010' at its own indent: in notes numbered 1.1, 1.2 ...,
            # an unnumbered line under a numbered heading is its content, not the next heading
            at, parent = heading, stack[heading]
        if line.dotted and len(line.dotted) > 1:
            dotted_seen = True
        if at is not None:
            del stack[at + 1:]
            col = max(col, parent.col + 0.001)
        else:
            popped = None
            while stack[-1].col >= col:
                popped = stack.pop()
            if popped is not None and popped.col != col:  # between two levels seen before: a guess
                report.add(GUESSED, line.number, f"indented between two levels; put under line {stack[-1].line}"
                           if stack[-1].line else "indented between two levels; put at the top level")
            col = _lift_staircase(stack, line, col)
        item = _Item(line.text, line.number, col, marker=line.kind if line.marked else "",
                     number=line.dotted[-1] if line.dotted else None)
        stack[-1].children.append(item)
        stack.append(item)
        if line.dotted:
            by_number[line.dotted] = item
        if len(stack) > MAX_OUTLINE_DEPTH + 1:
            raise SourceError([Problem(label, line.number, f"the outline is nested more than {MAX_OUTLINE_DEPTH} levels deep here; flatten it")])
    return [child.freeze() for child in root.children]


def _lift_staircase(stack: list[_Item], line: _Line, col: float) -> float:
    """'2.' indented under '1.' (GoConqr's staircase) is its sibling, not its child.

    Only when the new parent has no item numbered n-1 of its own (a real sub-list
    counts from 1) and an open ancestor is numbered n-1 at the same level of numbering.
    """
    if len(line.dotted) != 1 or line.dotted[0] < 2:
        return col
    want = line.dotted[0] - 1
    if any(c.number == want and c.marker == "number" for c in stack[-1].children):
        return col
    for i in range(len(stack) - 1, 0, -1):
        if stack[i].number == want and stack[i].marker == "number":
            col = stack[i].col
            del stack[i:]
            return col
    return col


READER = OutlineTextReader()
