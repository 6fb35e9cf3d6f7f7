"""Safe XML for OPML and FreeMind files: a small element tree with line numbers.

Parsed with defusedxml's SAX reader with DTDs, entity declarations and
external references all forbidden, so a file cannot expand entities without
limit ("billion laughs"), read local files or fetch URLs. Mind-map apps never
need a DTD, so any <!DOCTYPE> is refused with a message saying what to do.
"""

from __future__ import annotations

import xml.sax
from dataclasses import dataclass, field

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import sax as defused_sax

from ..errors import Problem, SourceError
from .tree import MAX_OUTLINE_DEPTH

MAX_XML_DEPTH = 2 * MAX_OUTLINE_DEPTH + 20  # outline nodes plus wrappers such as <body> or <richcontent><html>


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list["Element"] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        """Character data of this element and everything inside it, space-separated."""
        parts, stack = [], [self]
        while stack:
            element = stack.pop()
            parts.extend(element.text)
            stack.extend(reversed(element.children))
        return " ".join(" ".join(parts).split())


class _Builder(xml.sax.ContentHandler):
    def __init__(self, label: str):
        super().__init__()
        self.label = label
        self.locator = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def setDocumentLocator(self, locator):
        self.locator = locator

    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator else 0

    def startElement(self, name, attrs):
        element = Element(name, {k: attrs[k] for k in attrs.getNames()}, self.line())
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)
        if len(self.stack) > MAX_XML_DEPTH:
            raise SourceError([Problem(self.label, element.line, f"elements are nested more than {MAX_XML_DEPTH} deep; this is not a mind map export")])

    def endElement(self, name):
        self.stack.pop()

    def characters(self, content):
        if self.stack:
            self.stack[-1].text.append(content)


def parse_xml(data: bytes, label: str) -> Element:
    """The document element, or a SourceError FILE:LINE for hostile or broken XML."""
    builder = _Builder(label)
    try:
        defused_sax.parseString(data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden as exc:
        raise _refused(label, builder.line(), _dtd_message(exc)) from None
    except EntitiesForbidden as exc:
        raise _refused(label, builder.line(), f"the file declares an XML entity ('{exc.name}'); entities are refused "
                       "because they can expand without limit or read other files. Export the outline again without it") from None
    except ExternalReferenceForbidden as exc:
        raise _refused(label, builder.line(), f"the file refers to an external resource ({exc.sysid or exc.pubid}); "
                       "quizforge never fetches files or URLs for an outline. Remove the reference") from None
    except xml.sax.SAXParseException as exc:
        raise _refused(label, exc.getLineNumber(), f"not well-formed XML (column {exc.getColumnNumber() + 1}): {exc.getMessage()}") from None
    if builder.root is None:
        raise _refused(label, 1, "the file has no XML elements")
    return builder.root


def _dtd_message(exc: DTDForbidden) -> str:
    where = f" {exc.sysid!r}" if exc.sysid else ""
    return (f"the file declares a DTD (<!DOCTYPE {exc.name}{where}>); outlines are read without DTDs, because a DTD can "
            "define entities that expand without limit or fetch other files. Delete the <!DOCTYPE ...> declaration "
            "(mind-map apps do not need it) and import again")


def _refused(label: str, line: int, message: str) -> SourceError:
    return SourceError([Problem(label, line, message)])
