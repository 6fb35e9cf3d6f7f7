"""Write a Draft as a readable notes file.

Written by hand rather than with yaml.safe_dump so that the file reads like
the hand-made ones (key order, blank lines between causes, comments marking
guesses), and every value stays text: a value is left plain only when YAML
cannot read it as anything else, otherwise it is double-quoted with escapes.
"""

from __future__ import annotations

import re

from .mapper import Draft, DraftCause, DraftPoint

# Characters PyYAML accepts in a stream; anything else is written as an escape.
_PRINTABLE = re.compile("[\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLAIN_START = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit
_NOT_TEXT = re.compile(
    r"[-+]?[\d._:,/ ]*|(y|n|yes|no|true|false|on|off|null|~)", re.IGNORECASE)  # numbers, dates, booleans, null
INDENT = "  "


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back exactly as ``text``."""
    plain = (
        text == text.strip() and _PLAIN_START.match(text) is not None
        and ": " not in text and " #" not in text and not text.endswith(":")
        and all(ch.isprintable() and ch not in "\t" for ch in text)
        and not _NOT_TEXT.fullmatch(text)
    )
    return text if plain else _double_quoted(text)


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and _PRINTABLE.fullmatch(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def comment(text: str) -> str:
    """Text safe inside a one-line YAML comment."""
    return "".join(ch if ch.isprintable() and _PRINTABLE.fullmatch(ch) else " " for ch in text)


def notes_yaml(draft: Draft, source_name: str) -> str:
    """The whole notes file."""
    lines = [
        f"# Imported by `quizforge import` from {comment(source_name)}.",
        "# Check every line marked CHECK, then run: quizforge validate THIS-FILE",
        "# Format: docs/notes-format.md",
    ]
    if draft.unused:
        lines += ["#", "# Not imported (outside the mind map, or not in the expected form):"]
        lines += [f"#   {comment(text)}" for text in draft.unused]
    lines.append("")
    for key in ("title", "subject", "course", "question"):
        if getattr(draft, key) is None:
            continue
        if key in draft.guessed:
            lines.append(f"# CHECK {key}: {comment(draft.guessed[key])}")
        lines.append(f"{key}: {scalar(getattr(draft, key))}")
    lines += ["", "causes:"]
    for cause in draft.causes:
        lines += _cause(cause)
    lines += _records("key_terms", ("term", "definition"), draft.key_terms)
    lines += _records("dates", ("date", "event"), draft.dates)
    return "\n".join(lines).rstrip("\n") + "\n"


def _cause(cause: DraftCause) -> list[str]:
    lines = [f"{INDENT}- title: {scalar(cause.title)}", f"{INDENT * 2}points:"]
    for point in cause.points:
        lines += _point(point, INDENT * 3)
    return lines + [""]


def _point(point: DraftPoint, indent: str) -> list[str]:
    if not point.points:
        return [f"{indent}- {scalar(point.text)}"]
    lines = [f"{indent}- text: {scalar(point.text)}", f"{indent}  points:"]
    for child in point.points:
        lines += _point(child, indent + INDENT * 2)
    return lines


def _records(key: str, names: tuple[str, str], records) -> list[str]:
    if not records:
        return []
    lines = [f"{key}:"]
    for first, second in records:
        lines += [f"{INDENT}- {names[0]}: {scalar(first)}", f"{INDENT}  {names[1]}: {scalar(second)}"]
    return lines + [""]
