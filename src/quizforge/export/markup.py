"""Plain text -> HTML fragments and XML bytes, escaped once and in one place."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET


def esc(text: str) -> str:
    """Plain text as HTML element content (``& < >`` escaped; quotes need no escaping there), line breaks as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def paragraphs(lines: list[str]) -> str:
    """One HTML paragraph per line of plain text."""
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


def bullets(lines: list[str]) -> str:
    """Plain-text lines as HTML: 'Heading:' lines become paragraphs, '• x' lines list items."""
    out, in_list = [], False
    for line in lines:
        item = line.startswith("• ")
        if item and not in_list:
            out.append("<ul>")
        if not item and in_list:
            out.append("</ul>")
        in_list = item
        out.append(f"<li>{esc(line[2:])}</li>" if item else f"<p>{esc(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Append a child element with optional text and attributes (in the order given)."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def xml_bytes(root: ET.Element, doctype: str = "") -> bytes:
    """Indented UTF-8 XML with a declaration: the same tree always gives the same bytes."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' + (doctype + "\n" if doctype else "")
    return (head + body + "\n").encode("utf-8")
