"""Errors a user can cause, and how they are reported.

Every error the user can fix is a ``QuizforgeError``; the CLI prints its
message and exits with code 2. Anything else is a bug and may traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class QuizforgeError(Exception):
    """Base class for every error caused by the user's input or options."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a source file, located to a line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about the file as a whole (missing, unreadable)
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class SourceError(QuizforgeError):
    """A notes (or roster, outline...) file has one or more problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotEnoughMaterial(QuizforgeError):
    """A strategy cannot make a good question from these notes."""


class OptionError(QuizforgeError):
    """A command-line option or preset value is unusable."""
