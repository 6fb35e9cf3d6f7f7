"""OPML, the outline format most outliners and mind-map apps export.

``<head><title>`` (if any) is the root; each ``<outline text=...>`` is a node,
nested as in the file; an outline's ``_note`` becomes a sub-node so that the
teacher's words are kept.
"""

from __future__ import annotations

import re

from ..errors import Problem, SourceError
from .registry import Source
from .tree import OutlineNode, Report, document
from .xmlsafe import Element, parse_xml

ROOT_TAG = re.compile(rb"^\s*(?:\xef\xbb\xbf)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)?<opml\b", re.S)


class OpmlReader:
    name = "opml"
    summary = "OPML outlines (exported by most outliners and mind-map apps)"
    extensions = (".opml",)

    def sniff(self, source: Source) -> bool:
        return bool(ROOT_TAG.match(source.data[:4096]))

    def read(self, source: Source, report: Report) -> OutlineNode:
        root = parse_xml(source.data, source.label)
        if root.tag != "opml":
            raise SourceError([Problem(source.label, root.line, f"expected an OPML file (<opml>), found <{root.tag}>; use --format to choose another reader")])
        head = _child(root, "head")
        body = _child(root, "body")
        outlines = [_node(e) for e in (body.children if body else []) if e.tag == "outline"]
        title = _child(head, "title") if head else None
        if title is not None and title.all_text():
            return document([OutlineNode(title.all_text(), title.line, tuple(outlines))])
        return document(outlines)


def _child(element: Element, tag: str) -> Element | None:
    return next((c for c in element.children if c.tag == tag), None)


def _node(element: Element) -> OutlineNode:
    text = element.attrs.get("text") or element.attrs.get("title") or ""
    children = [_node(c) for c in element.children if c.tag == "outline"]
    note = element.attrs.get("_note", "").strip()
    if note:
        children.insert(0, OutlineNode(note, element.line))
    return OutlineNode(text, element.line, tuple(children))


READER = OpmlReader()
