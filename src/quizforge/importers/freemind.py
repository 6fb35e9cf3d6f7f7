"""FreeMind and Freeplane ``.mm`` mind maps.

``<map><node TEXT=...>`` is the root; nested ``<node>`` elements are branches.
A node whose text is rich (HTML in ``<richcontent TYPE="NODE">``) is read as
plain text; a node's note or details (``TYPE="NOTE"``/``"DETAILS"``) becomes
its first sub-node, so that the teacher's words are kept.
"""

from __future__ import annotations

import re

from ..errors import Problem, SourceError
from .registry import Source
from .tree import OutlineNode, Report, document
from .xmlsafe import Element, parse_xml

ROOT_TAG = re.compile(rb"^\s*(?:\xef\xbb\xbf)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)?<map\b", re.S)


class FreeMindReader:
    name = "freemind"
    summary = "FreeMind / Freeplane mind maps (.mm)"
    extensions = (".mm",)

    def sniff(self, source: Source) -> bool:
        return bool(ROOT_TAG.match(source.data[:4096]))

    def read(self, source: Source, report: Report) -> OutlineNode:
        root = parse_xml(source.data, source.label)
        if root.tag != "map":
            raise SourceError([Problem(source.label, root.line, f"expected a FreeMind/Freeplane map (<map>), found <{root.tag}>; use --format to choose another reader")])
        return document(_node(e) for e in root.children if e.tag == "node")


def _node(element: Element) -> OutlineNode:
    text = element.attrs.get("TEXT", "")
    notes = []
    for rich in (c for c in element.children if c.tag == "richcontent"):
        kind = rich.attrs.get("TYPE", "NODE").upper()
        if kind == "NODE" and not text:
            text = rich.all_text()
        elif kind in ("NOTE", "DETAILS") and rich.all_text():
            notes.append(OutlineNode(rich.all_text(), rich.line))
    children = [_node(c) for c in element.children if c.tag == "node"]
    return OutlineNode(text, element.line, tuple(notes + children))


READER = FreeMindReader()
