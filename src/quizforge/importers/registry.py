"""Readers by format, and choosing one for a file.

A reader is registered exactly as a third-party one would be: an object with

- ``name``: what ``--format`` calls it (``outline``, ``markdown``, ``opml``, ``freemind``);
- ``extensions``: file name endings it owns (``.opml``);
- ``sniff(source) -> bool``: True only when the content is unmistakably this
  format (it wins over the extension, e.g. an OPML file saved as ``.txt``);
- ``read(source, report) -> OutlineNode``: the outline as a tree under a
  synthetic document root, every node carrying its source line. A reader
  raises ``SourceError`` (FILE:LINE: message) for input it cannot read, and may
  add remarks to the report (lines it joined or dropped).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from ..errors import OptionError, Problem, SourceError
from .tree import OutlineNode, Report


@dataclass(frozen=True)
class Source:
    """The file being imported: its name for messages and its bytes."""

    label: str
    data: bytes
    suffix: str = ""

    @cached_property
    def text(self) -> str:
        """The content as UTF-8 text, or a SourceError naming the first bad line."""
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = self.data[: exc.start].count(b"\n") + 1
            raise SourceError([Problem(
                self.label, line,
                f"this file is not UTF-8 text (byte 0x{self.data[exc.start]:02x}); save it as UTF-8 and try again",
            )]) from None


    @cached_property
    def lines(self) -> list[str]:
        """The text's lines, numbered as an editor numbers them.

        Only a newline (or CR LF) ends a line. A bare CR ends one only in a file that has no
        newline at all (an old Mac file); anywhere else it, like a form feed or a Unicode line
        separator, is read as a space, so FILE:LINE messages point where the teacher looks.
        """
        text = self.text.replace("\r\n", "\n")
        if "\n" not in text:
            text = text.replace("\r", "\n")
        text = text.translate(_STRAY_BREAKS)
        return text.split("\n")


_STRAY_BREAKS = {ord(c): " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


class Reader(Protocol):
    name: str
    summary: str
    extensions: tuple[str, ...]

    def sniff(self, source: Source) -> bool: ...

    def read(self, source: Source, report: Report) -> OutlineNode: ...


_READERS: dict[str, Reader] = {}
FALLBACK = "outline"  # plain outline text reads anything


def register(reader: Reader) -> None:
    _READERS[reader.name] = reader


def readers() -> dict[str, Reader]:
    return dict(_READERS)


def choose(source: Source, forced: str | None = None) -> Reader:
    """The reader named by ``--format``, else one whose sniff matches, else by extension, else outline text."""
    if forced:
        if forced not in _READERS:
            raise OptionError(f"unknown import format '{forced}'; choose one of: {', '.join(_READERS)}")
        return _READERS[forced]
    for reader in _READERS.values():
        if reader.sniff(source):
            return reader
    for reader in _READERS.values():
        if source.suffix.lower() in reader.extensions:
            return reader
    return _READERS[FALLBACK]
