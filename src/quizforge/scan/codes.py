"""The QR payload printed on every page of a scannable paper.

``QF1 SET VERSION STUDENT PAGE CHECK``: the set's id, the version code, the student's place in the
roster (0 for a single paper), the 1-based page, and a check value over the rest, so a code from
another tool, a misread or a hand-edited one is refused rather than trusted.

The page's second code (``copy`` 1) says ``QF1.2`` instead of ``QF1``: the reader must know which of
the two printed squares it found, to place the page by it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

PREFIX = "QF1"
PREFIXES = (PREFIX, "QF1.2")  # by copy: the main code, the second one


@dataclass(frozen=True)
class PageCode:
    set_id: str
    version: str
    student: int
    page: int

    def text(self, copy: int = 0) -> str:
        body = f"{PREFIXES[copy]} {self.set_id} {self.version} {self.student} {self.page}"
        return f"{body} {_check(body)}"


def _check(body: str) -> str:
    return hashlib.sha256(body.encode("ascii")).hexdigest()[:6].upper()


def parse(text: str) -> PageCode | None:
    """The code in a QR's text, or None if it is not one of ours or its check value is wrong."""
    found = parse_copy(text)
    return found[0] if found else None


def parse_copy(text: str) -> tuple[PageCode, int] | None:
    """(code, which of the page's codes it is: 0 main, 1 second), or None as for ``parse``."""
    parts = text.strip().split(" ")
    if len(parts) != 6 or parts[0] not in PREFIXES:
        return None
    body, check = " ".join(parts[:5]), parts[5]
    if _check(body) != check or not parts[3].isdigit() or not parts[4].isdigit():
        return None
    return PageCode(parts[1], parts[2], int(parts[3]), int(parts[4])), PREFIXES.index(parts[0])


def set_id(*parts: object) -> str:
    """A short id for a set, from what makes it (notes, seed, roster ...): same inputs, same id."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]
