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

    def freeze(self) -> OutlineNode:
        return OutlineNode(self.text, self.line, tuple(c.freeze() for c in self.children))


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
        tokens = MarkdownIt("commonmark").parse(text)
        return document(c.freeze() for c in _Tree(report).build(tokens))


class _Tree:
    def __init__(self, report: Report):
        self.report = report
        self.root = _Item("", 0, 0)
        self.headings: list[_Item] = [self.root]
        self.items: list[_Item] = []  # open list items, innermost last

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
        item = _Item(_inline_text(inline), _line(token), level)
        self.headings[-1].children.append(item)
        self.headings.append(item)

    def on_list_item_open(self, token, _next) -> None:
        item = _Item("", _line(token), 7)
        self.parent().children.append(item)
        self.items.append(item)

    def on_list_item_close(self, token, _next) -> None:
        self.items.pop()

    def on_paragraph_open(self, token, inline) -> None:
        text = _inline_text(inline)
        if self.items and not self.items[-1].children:
            item = self.items[-1]
            item.text = f"{item.text} {text}".strip()  # a list item's paragraphs are one node
        else:
            self.parent().children.append(_Item(text, _line(token), 7))

    def on_fence(self, token, _next) -> None:
        self.parent().children.append(_Item(token.content, _line(token), 7))

    on_code_block = on_fence

    def on_html_block(self, token, _next) -> None:
        self.report.add(DROPPED, _line(token), f"HTML in the Markdown: {quote(' '.join(token.content.split()))}")


def _line(token) -> int:
    return token.map[0] + 1 if token.map else 0


def _inline_text(inline) -> str:
    if inline is None or inline.type != "inline":
        return ""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(f"[image: {child.content}]")
    return "".join(parts)


READER = MarkdownReader()
