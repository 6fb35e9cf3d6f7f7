"""Stable identifiers derived from content, so a re-export names the same things the same way."""

from __future__ import annotations

import hashlib


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def ident(prefix: str, *parts: str) -> str:
    """An XML-safe identifier (letters and digits, starts with a letter)."""
    return f"{prefix}{digest(*parts)[:16]}"


def int_id(*parts: str, low: int = 1 << 30, high: int = 1 << 31) -> int:
    """A number in [low, high) from the parts, e.g. an Anki deck or model id."""
    return low + int(digest(*parts), 16) % (high - low)
