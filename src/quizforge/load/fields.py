"""Typed reading of a YAML node tree, collecting located problems.

Each ``Fields`` method returns a value or None, and records a Problem with
the file, line and key path when the node is not what the format expects.
Callers carry on after a problem so that one run reports all of them.
"""

from __future__ import annotations

import difflib
import re

from ..errors import Problem
from .yamltree import MappingNode, Node, ScalarNode, SequenceNode, line_of

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# Control characters (typed as YAML escapes such as "\e" or "\a"), a stray BOM and the two non-characters:
# never meant as text, invalid in XML exports, and able to drive a terminal. Whitespace ones become spaces below.
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return "text"


class Fields:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, node: Node | int, path: str, message: str) -> None:
        line = node if isinstance(node, int) else line_of(node)
        where = f"{path}: " if path else ""
        self.problems.append(Problem(self.file, line, where + message))

    def mapping(self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Node] | None:
        """Keys of a mapping node; reports duplicates, unknown and missing keys."""
        if not isinstance(node, MappingNode):
            self.problem(node, path, f"expected a mapping with {', '.join(required)}, found {_kind(node)}")
            return None
        allowed = required + optional
        seen: dict[str, Node] = {}
        suggested: set[str] = set()
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "keys must be plain words")
                continue
            key = key_node.value
            if key in seen:
                self.problem(key_node, path, f"duplicate key '{key}' (first on line {line_of(seen[key])}); keep one of them")
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; allowed keys are {', '.join(allowed)}"
                suggested.update(close)
                self.problem(key_node, path, f"unknown key '{key}'{hint}")
                continue
            seen[key] = value
        for key in required:
            if key not in seen and key not in suggested:
                self.problem(node, path, f"missing required key '{key}'")
        return seen

    def text(self, node: Node | None, path: str) -> str | None:
        """A non-empty scalar, exactly as typed (outer whitespace removed)."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.problem(node, path, f"expected text, found {_kind(node)}")
            return None
        value = " ".join(INVISIBLE.sub("", node.value).split())
        if not value:
            self.problem(node, path, "is empty; write some text or remove the key")
            return None
        return value

    def identifier(self, node: Node | None, path: str) -> str | None:
        value = self.text(node, path)
        if value is not None and not ID_RE.match(value):
            self.problem(node, path, f"'{value}' is not a valid id; use lower-case letters, digits, '-' and '_'")
            return None
        return value

    def items(self, node: Node | None, path: str, min_items: int = 0) -> list[Node]:
        """The items of a list node."""
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            dash = isinstance(node, ScalarNode) and node.value.startswith("-") and not node.value.startswith("- ")
            self.problem(node, path, f"expected a list ('- ' items), found {_kind(node)}"
                         + (" (put a space after the '-' that starts each item)" if dash else ""))
            return []
        if len(node.value) < min_items:
            self.problem(node, path, f"needs at least {min_items} item{'s' if min_items > 1 else ''}")
        return list(node.value)

    def text_list(self, node: Node | None, path: str) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        if node is None:
            return ()
        if isinstance(node, ScalarNode):
            value = self.text(node, path)
            return (value,) if value else ()
        values = []
        for i, item in enumerate(self.items(node, path)):
            value = self.text(item, f"{path}[{i}]")
            if value:
                values.append(value)
        return tuple(values)
