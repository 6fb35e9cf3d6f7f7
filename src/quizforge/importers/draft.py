"""The notes as import will write them: plain data between the mapper and the YAML writer.

Every field is final text; the writer decides nothing. ``line`` is the source
line each item came from, so the writer can put a ``# CHECK`` comment beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Branch list keys of the notes format, in the order the writer prints them.
BRANCH_KEYS = ("causes", "themes", "characters", "factors", "stages", "categories", "cases")


@dataclass(frozen=True)
class DraftPoint:
    text: str
    line: int
    points: tuple["DraftPoint", ...] = ()


@dataclass(frozen=True)
class DraftQuote:
    quote: str
    line: int
    speaker: str = ""
    shows: str = ""
    character: str = ""  # the character it is filed under, when the notes do not say who speaks it


@dataclass(frozen=True)
class DraftAspect:
    heading: str
    line: int
    points: tuple[DraftPoint, ...]


@dataclass(frozen=True)
class DraftBranch:
    """One branch of any kind: ``key`` is its list in the notes (causes, themes, stages...)."""

    key: str
    title: str
    line: int
    points: tuple[DraftPoint, ...] = ()
    quotes: tuple[DraftQuote, ...] = ()
    change: str = ""
    effect: str = ""
    mechanism: tuple[str, ...] = ()
    aspects: tuple[DraftAspect, ...] = ()
    affects: str = ""  # factors: what this one affects, when the notes group factors by outcome


DraftCause = DraftBranch  # the name the writer used before there were other kinds


@dataclass(frozen=True)
class Record:
    """A key term (first=term, second=definition) or a date (first=date, second=event)."""

    first: str
    second: str
    line: int


@dataclass(frozen=True)
class Draft:
    title: str
    subject: str  # "" when not clear: the writer leaves it out and says so
    question: str  # "" when none: likewise
    branches: tuple[DraftBranch, ...]
    shape: str = ""
    course: str | None = None
    key_terms: tuple[Record, ...] = ()
    dates: tuple[Record, ...] = ()
    quotations: tuple[DraftQuote, ...] = ()
    process: str = ""
    outcome: str = ""
    guessed: dict[str, str] = field(default_factory=dict)  # key -> why it needs checking
    unused: tuple[tuple[int, str], ...] = ()  # (line, text) kept as comments for the teacher
    checks: dict[int, list[str]] = field(default_factory=dict)  # line -> CHECK messages
    lists: tuple[DraftBranch, ...] = ()  # titled lists to recall (key "lists"): title and points
    equations: tuple[DraftPoint, ...] = ()

    @property
    def causes(self) -> tuple[DraftBranch, ...]:
        return tuple(b for b in self.branches if b.key == "causes")

    def of_key(self, key: str) -> tuple[DraftBranch, ...]:
        return tuple(b for b in self.branches if b.key == key)
