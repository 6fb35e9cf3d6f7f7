"""The exporter contract, its registry and the per-body dispatch every exporter uses.

An exporter turns one assembled ``Paper`` into the bytes of one file that
another tool imports. It must:
- map every question body type in ``model.Body`` through a table keyed by the
  body's class (``dispatch``), and fail clearly on a body it does not know;
- give the same bytes for the same paper and context (no clocks, no random ids);
- carry text exactly: escaping is the exporter's job, never the notes'.

Built-in exporters register in ``export/__init__.py`` exactly as a third party
would through the ``quizforge.exporters`` entry point group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Callable, Mapping, Protocol, TypeVar

from ..errors import OptionError, QuizforgeError
from ..model import Paper, Question

T = TypeVar("T")


class ExportError(QuizforgeError):
    """A question cannot be expressed in the chosen format."""


@dataclass(frozen=True)
class ExportContext:
    """What an exporter may know besides the paper."""

    mtime: int = 0  # seconds since 1970: "last edited" stamp for formats that record one (Anki)
    # An exporter appends here what it had to leave out, and why (the CLI prints each as a note).
    skipped: list[str] = field(default_factory=list, compare=False)


class Exporter(Protocol):
    name: str  # registry key, the value of --to
    summary: str  # one line for `quizforge export --help` and the docs
    suffix: str  # default file name ends with this, e.g. "-moodle.xml"

    def export(self, paper: Paper, context: ExportContext) -> bytes: ...


_REGISTRY: dict[str, Exporter] = {}
_PLUGINS_LOADED = False


def register(exporter: Exporter) -> Exporter:
    """Add an exporter under its name (a later registration replaces an earlier one)."""
    _REGISTRY[exporter.name] = exporter
    return exporter


def available() -> dict[str, Exporter]:
    global _PLUGINS_LOADED
    if not _PLUGINS_LOADED:
        _PLUGINS_LOADED = True
        for ep in entry_points(group="quizforge.exporters"):
            register(ep.load())
    return dict(_REGISTRY)


def get(name: str) -> Exporter:
    exporters = available()
    try:
        return exporters[name]
    except KeyError:
        raise OptionError(f"unknown export format '{name}'; choose from {', '.join(exporters)}") from None


def dispatch(table: Mapping[type, Callable[..., T]], question: Question, fmt: str, *args) -> T:
    """Call ``table[type(question.body)](question, *args)``; an unknown body type is an ExportError."""
    handler = table.get(type(question.body))
    if handler is None:
        raise ExportError(
            f"the {fmt} export cannot write question {question.number} ({question.id}): "
            f"no mapping for a {type(question.body).__name__} body; "
            f"it knows {', '.join(t.__name__ for t in table)}"
        )
    return handler(question, *args)
