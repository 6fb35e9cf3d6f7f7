"""Markdown: headings nest by level, lists nest under their heading or item.

Parsed with markdown-it-py (CommonMark), so setext headings, lazy list
continuations, code spans and links behave as in any Markdown viewer. Inline
formatting is dropped (a link keeps its text, an image becomes a media
placeholder the cleaner removes); a paragraph is one node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from .clean import drop_clutter
from .registry import Source
from .tree import DROPPED, OutlineNode, Report, document, quote

HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)


@dataclass(eq=False)
class _Item:
    text: str
    line: int
    level: int  # heading level 1-6; list items and paragraphs are 7
    children: list["_Item"] = field(default_factory=list)
    marker: str = ""
    number: int | None = None

    def freeze(self) -> OutlineNode:
        return OutlineNode(self.text, self.line, tuple(c.freeze() for c in self.children), self.marker, self.number)


class MarkdownReader:
    name = "markdown"
    summary = "Markdown: # headings and nested - / * / 1. lists"
    extensions = (".md", ".markdown")

    def sniff(self, source: Source) -> bool:
        claimed_by_others = (".txt", ".text", ".outline", ".opml", ".mm")
        return source.suffix.lower() not in claimed_by_others and bool(HEADING.search(source.text[:20000]))

    def read(self, source: Source, report: Report) -> OutlineNode:
        numbered = list(enumerate(source.lines, start=1))
        kept = {n for n, _ in drop_clutter(numbered, report)}
        text = "\n".join(raw if n in kept else "" for n, raw in numbered)
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        return document(c.freeze() for c in _Tree(report).build(tokens))


class _Tree:
    def __init__(self, report: Report):
        self.report = report
        self.root = _Item("", 0, 0)
        self.headings: list[_Item] = [self.root]
        self.items: list[_Item] = []  # open list items, innermost last
        self.owners: list[bool] = []  # per open list: did it open under a paragraph ending in ':'?
        self.table: _Item | None = None
        self.row: _Item | None = None
        self.header: list[str] = []

    def build(self, tokens) -> list[_Item]:
        for i, token in enumerate(tokens):
            handler = getattr(self, f"on_{token.type}", None)
            if handler:
                handler(token, tokens[i + 1] if i + 1 < len(tokens) else None)
        return self.root.children

    def parent(self) -> _Item:
        return self.items[-1] if self.items else self.headings[-1]

    def on_heading_open(self, token, inline) -> None:
        if self.items:  # "- # text": a heading inside a list item is just the item's text
            self.on_paragraph_open(token, inline)
            return
        level = int(token.tag[1:])
        while self.headings[-1].level >= level:
            self.headings.pop()
        item = _Item(_inline_text(inline)[0], _line(token), level, marker="heading")
        self.headings[-1].children.append(item)
        self.headings.append(item)

    def on_bullet_list_open(self, token, _next) -> None:
        # "Extra steps may be taken:" then a list: the list belongs to that line.
        siblings = self.parent().children
        owner = bool(siblings) and siblings[-1].marker == "para" and siblings[-1].text.rstrip().endswith(":")
        if owner:
            self.items.append(siblings[-1])
        self.owners.append(owner)

    on_ordered_list_open = on_bullet_list_open

    def on_bullet_list_close(self, token, _next) -> None:
        if self.owners.pop():
            self.items.pop()

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, token, _next) -> None:
        number = int(token.info) if token.info.isdigit() else None
        item = _Item("", _line(token), 7, marker="item", number=number)
        self.parent().children.append(item)
        self.items.append(item)

    def on_list_item_close(self, token, _next) -> None:
        self.items.pop()

    def on_paragraph_open(self, token, inline) -> None:
        text, lead = _inline_text(inline)
        if self.items and self.items[-1].marker == "item" and not self.items[-1].children:
            item = self.items[-1]
            if lead and not item.text:  # "**Cache size**: the bigger..." -> a heading run on into its text
                item.text = lead
                item.children.append(_Item(_after_lead(text, lead), _line(token), 7, marker="para"))
                return
            item.text = f"{item.text} {text}".strip()  # a list item's paragraphs are one node
        else:
            self.parent().children.append(_Item(text, _line(token), 7, marker="para"))

    def on_table_open(self, token, _next) -> None:
        self.table = _Item("", _line(token), 7, marker="table")
        self.parent().children.append(self.table)
        self.header = []

    def on_tr_open(self, token, _next) -> None:
        self.row = _Item("", _line(token), 7, marker="row")

    def on_tr_close(self, token, _next) -> None:
        if self.table is None or self.row is None:
            return
        if not self.header:
            self.header = [c.text for c in self.row.children]
            self.table.text = " | ".join(self.header)
        elif self.row.children:
            first, *rest = self.row.children
            self.row.text = first.text
            self.row.children = rest
            self.table.children.append(self.row)
        self.row = None

    def on_inline(self, token, _next) -> None:
        if self.row is not None:
            self.row.children.append(_Item(_inline_text(token)[0].strip(), _line(token) or self.row.line, 7, marker="cell",
                                           number=len(self.row.children)))

    def on_table_close(self, token, _next) -> None:
        self.table = None

    def on_fence(self, token, _next) -> None:
        self.parent().children.append(_Item(token.content, _line(token), 7))

    on_code_block = on_fence

    def on_html_block(self, token, _next) -> None:
        self.report.add(DROPPED, _line(token), f"HTML in the Markdown: {quote(' '.join(token.content.split()))}")


def _line(token) -> int:
    return token.map[0] + 1 if token.map else 0


def _inline_text(inline) -> tuple[str, str]:
    """The inline's plain text, and its leading bold phrase if it opens with one (else "")."""
    if inline is None or inline.type != "inline":
        return "", ""
    parts, lead, in_lead = [], [], None
    for child in inline.children or ():
        if child.type == "strong_open" and in_lead is None and not "".join(parts).strip():
            in_lead = True
        elif child.type == "strong_close" and in_lead:
            in_lead = False
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
            if in_lead:
                lead.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(f"[image: {child.content}]")
    text = "".join(parts)
    heading = "".join(lead).strip().rstrip(":")
    return text, heading if heading and len(heading.split()) <= 5 and len(text) > len(heading) + 8 else ""


def _after_lead(text: str, lead: str) -> str:
    """The text after a bold heading: 'Cache size: the bigger...' -> 'the bigger...'; a sentence that
    goes on from its heading ('Clock speed directly affects...') is kept whole."""
    rest = text.strip()[len(lead):].lstrip()
    return rest[1:].strip() if rest.startswith(":") else text.strip()


READER = MarkdownReader()
