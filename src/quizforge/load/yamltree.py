"""Read YAML into a node tree that keeps line numbers and the text as typed.

We use PyYAML's composer and stop before its constructor: the composer gives
every node its position, and never resolves ``NO`` to False or ``1.10`` to a
float. Anchors, aliases and custom tags are refused (notes never need them,
and aliases are how "billion laughs" documents blow up).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import OptionError, Problem, SourceError

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "parse_yaml", "read_bytes", "read_text", "line_of",
           "named_yaml"]

class _Refused(ComposerError):
    """Valid YAML that notes do not allow (aliases, tags)."""


# Deeper than any notes need, and far below where PyYAML's recursive composer runs out of stack.
MAX_NESTING = 60


class _NoAliasLoader(yaml.SafeLoader):
    _depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _Refused(None, None, f"the text is nested more than {MAX_NESTING} levels deep here; "
                                           "flatten it (notes never need this many levels)", self.peek_event().start_mark)
            return self._compose_checked(parent, index)
        finally:
            self._depth -= 1

    def _compose_checked(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(
                None, None,
                f"aliases (*{event.anchor}) are not allowed in notes; write the text out in full",
                event.start_mark,
            )
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _Refused(
                None, None, f"YAML tags such as {tag!r} are not allowed in notes; remove the tag", event.start_mark,
            )
        return super().compose_node(parent, index)


def line_of(node: Node) -> int:
    """1-based line where a node starts."""
    return node.start_mark.line + 1


def read_bytes(path: Path, label: str, max_bytes: int | None = None) -> bytes:
    """A file's bytes, or a SourceError for a missing, unreadable or (with ``max_bytes``) huge file."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise SourceError([Problem(label, 0, f"is {size // 2**20} MB; the limit is {max_bytes // 2**20} MB")])
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError([Problem(label, 0, "file not found")]) from None
    except IsADirectoryError:
        raise SourceError([Problem(label, 0, "is a folder, not a file")]) from None
    except OSError as exc:
        raise SourceError([Problem(label, 0, f"cannot be read: {exc.strerror}")]) from None


def read_text(path: Path, label: str) -> str:
    """Read a UTF-8 text file, naming the line of the first byte that is not UTF-8."""
    data = read_bytes(path, label)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError([Problem(
            label, line,
            f"this file is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save it as UTF-8 in your editor and try again",
        )]) from None


def parse_yaml(text: str, label: str) -> Node:
    """Compose one YAML document into nodes, or raise SourceError with the line."""
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or exc.context or "not valid YAML"
        if isinstance(exc, _Refused):
            raise SourceError([Problem(label, line, what)]) from None
        raise SourceError([Problem(label, line, f"YAML syntax: {what}{_hint(what, text, line)}")]) from None
    except yaml.YAMLError as exc:
        raise SourceError([Problem(label, 0, f"YAML syntax: {exc}")]) from None
    if node is None:
        raise SourceError([Problem(label, 1, "the file is empty; see docs/notes-format.md for what to write")])
    return node


def named_yaml(name: str, shipped: Path, kind: str) -> Path:
    """A shipped YAML file by name ('exam') or a file by path ('my-preset.yaml')."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml"):
        return path
    path = shipped / f"{name}.yaml"
    if not path.is_file():
        choices = ", ".join(sorted(p.stem for p in shipped.glob("*.yaml")))
        raise OptionError(f"unknown {kind} '{name}'; choose from {choices} or give a .yaml file")
    return path


# '-title: A' is a key, not a list item: YAML's complaint then is about the colon, but the fix is the space.
_DASH_NO_SPACE = re.compile(r"^\s*-(?![-\s])")


def _hint(problem: str, text: str = "", line: int = 0) -> str:
    near = text.splitlines()[max(line - 2, 0):line] if line else []
    if any(_DASH_NO_SPACE.match(s) for s in near):
        return " (a list item needs a space after its '-': write '- title: ...', not '-title: ...')"
    if "mapping values are not allowed" in problem:
        return " (a colon followed by a space inside text needs the whole text in quotes)"
    if "found character '\\t'" in problem or "tab" in problem:
        return " (indent with spaces, not tabs)"
    if "could not find expected ':'" in problem:
        return " (check the indentation of this line and the one before)"
    return ""
