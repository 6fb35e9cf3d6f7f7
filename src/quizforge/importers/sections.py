"""Detect shape: what each branch of the outline is, read from its text and structure.

``kind_of(node, context)`` names what a first-level branch holds; the builders
in ``mapper`` turn it into notes. Every test here is on the material (numbered
steps, "Stage 2", quotations, "affected by:", "Place - Aspect" headings,
"Arguments for/against"), never on a file name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import guess, quotes
from .tree import OutlineNode

STAGE = re.compile(r"(?P<label>stage|step|phase)\s*(?P<number>\d{1,2})\s*(?:\((?P<part>[^)]{1,20})\))?\s*[).:\-]*\s*(?P<name>.*)",
                   re.IGNORECASE)
FACTORS_TITLE = re.compile(
    r".*?(?:factors? (?:that |which )?(?:affect(?:s|ing)?|influenc(?:e|es|ing))|how .{1,80}? affects?|what affects?|"
    r"things that affect)\s+(?P<outcome>.+)", re.IGNORECASE)
AFFECTED_BY = re.compile(r"(?:it is |is |are )?(?:affected|influenced|changed) by:?|factors?:?|depends on:?", re.IGNORECASE)
SIDES = re.compile(r"(?:(?:arguments?|reasons?|evidence|points?|case) (?:for|against)\b.*|(?:for|against|advantages|disadvantages|"
                   r"pros|cons|strengths|weaknesses|benefits|drawbacks|similarities|differences|causes|effects|consequences|"
                   r"responses|impacts|short[- ]term|long[- ]term|social|economic|political|environmental)\b.{0,40})",
                   re.IGNORECASE)
CASE_TITLE = re.compile(r"(?P<case>[^-–—:]{2,60}?)\s*(?:-|–|—|:)\s*(?P<aspect>[A-Z][A-Za-z ]{2,30}?)\s*(?:\((?P<tag>[A-Za-z]{2,6})\))?")
CHANGE_WORDS = re.compile(
    r"\b(higher|lower|increas\w*|decreas\w*|rais\w*|reduc\w*|faster|slower|bigger|smaller|more|less|favours?|"
    r"speeds? up|slows? down|the (?:more|less|bigger|higher|faster))\b", re.IGNORECASE)


@dataclass
class Context:
    """Facts about the whole outline that a branch's kind depends on."""

    texts: list[str] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)  # capitalised words used inside sentences

    @classmethod
    def of(cls, root: OutlineNode) -> "Context":
        texts = [n.text for n in root.walk() if n.line]
        names: Counter[str] = Counter()
        for text in texts:
            for match in re.finditer(r"(?<=[a-z,;] )(?:Lady |Mr |Mrs |The )?[A-Z][a-z]+", text):
                names[match[0]] += 1
        return cls(texts, names)

    def mentioned(self, title: str, skip: str, exact: bool = False) -> bool:
        """Whether ``title`` is named in another line of the notes (a character or speaker, not a heading).

        ``exact``: named with its capitals (a character is "Lennie" in the text, a theme is not "Guilt").
        """
        if exact:
            pattern = re.compile(rf"\b{re.escape(title)}\b")
            return any(pattern.search(t) for t in self.texts if t != skip)
        low = title.lower()
        return any(low in t.lower() and t != skip for t in self.texts)


def quotations_in(node: OutlineNode) -> int:
    return sum(len(quotes.find(n.text)) for n in node.walk() if n is not node)


# A numbered list is a process only when it says so: a heading or lead-in about a process, or steps that follow on.
PROCESS_WORDS = re.compile(r"\b(cycle|process|stages?|steps?|method|procedure|sequence|how to|in order|like this|as follows)\b",
                           re.IGNORECASE)
SEQUENCE_WORDS = re.compile(r"\b(then|next|after that|afterwards|finally|goes back to|returns to|first|second)\b", re.IGNORECASE)


def numbered_steps(node: OutlineNode) -> list[OutlineNode] | None:
    """The children of node (or of one child) numbered 1, 2, 3... (three or more), most of them sentences: a process's steps.

    Numbered headings ("1.1 The witches", "1.2 Macbeth") are an outline's numbering, not steps.
    """
    for holder in (node, *(c for c in node.children if c.text.rstrip().endswith(":"))):
        numbers = [c.number for c in holder.children]
        told = PROCESS_WORDS.search(node.text) or (holder is not node and PROCESS_WORDS.search(holder.text))
        sequenced = sum(1 for c in holder.children if SEQUENCE_WORDS.search(c.text)) >= 2
        if len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1)) and (told or sequenced):
            sentences = sum(1 for c in holder.children if len(c.text.split()) >= 4)
            branching = sum(1 for c in holder.children if c.children)
            if sentences * 3 >= len(numbers) * 2 and branching * 3 <= len(numbers):
                return list(holder.children)
    return None


def stage_heading(text: str) -> re.Match[str] | None:
    return STAGE.fullmatch(text.strip())


def factors_outcome(node: OutlineNode) -> str | None:
    match = FACTORS_TITLE.fullmatch(node.text.strip(" :."))
    return match["outcome"].strip() if match else None


def affected_by(node: OutlineNode) -> OutlineNode | None:
    return next((c for c in node.children if c.children and AFFECTED_BY.fullmatch(c.text.strip())), None)


CONDITIONS_TITLE = re.compile(r"(?:the )?(?:optimum |optimal |reaction |ideal )?conditions?\b.{0,60}", re.IGNORECASE)
MAX_CONDITION_WORDS = 6


def conditions_list(node: OutlineNode) -> bool:
    """'Conditions for the Haber process' over two or more short lines ('Pressure is 200 atm', 'Iron catalyst'):
    a list of conditions to recall, not a factor with points."""
    items = node.children
    return (bool(CONDITIONS_TITLE.fullmatch(node.text.strip(" :."))) and len(items) >= 2
            and all(not c.children and len(c.text.split()) <= MAX_CONDITION_WORDS for c in items))


def changes(node: OutlineNode) -> int:
    """How many lines under node describe a change and its effect ('higher pressure gives a higher yield')."""
    return sum(1 for n in node.walk() if n is not node and CHANGE_WORDS.search(n.text))


def is_side(node: OutlineNode) -> bool:
    return bool(SIDES.fullmatch(node.text.strip()))


def case_title(text: str) -> re.Match[str] | None:
    match = CASE_TITLE.fullmatch(text.strip())
    return match if match and not guess.dated_line(text) else None


def parallel_cases(branches: list[OutlineNode]) -> bool:
    """Headings 'Place - Aspect' where the same aspects come back under two or more places."""
    matches = [case_title(b.text) for b in branches]
    if sum(1 for m in matches if m) < 3:
        return False
    places = {m["case"].strip().lower() for m in matches if m}
    aspects = Counter(m["aspect"].strip().lower() for m in matches if m)
    return len(places) >= 2 and any(count >= 2 for count in aspects.values())


def is_glossary(node: OutlineNode) -> bool:
    """A branch of nothing but 'term - definition' lines (four or more), whatever its heading says."""
    leaves = node.children
    return len(leaves) >= 4 and all(not c.children and guess.term_line(c.text) for c in leaves)


def is_timeline(node: OutlineNode) -> bool:
    leaves = node.children
    return len(leaves) >= 4 and all(guess.dated_line(c.text) for c in leaves)


def is_name(title: str, context: Context, node: OutlineNode, exact: bool = False) -> bool:
    """A character or speaker: a short capitalised title that other lines of the notes name too."""
    words = title.split()
    capitals = all(w[:1].isupper() or w.lower() in ("the", "of") for w in words) or (words[:1] == ["The"] and not exact)
    return 0 < len(words) <= 3 and capitals and context.mentioned(title, node.text, exact)
