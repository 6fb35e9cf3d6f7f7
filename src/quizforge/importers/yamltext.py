"""Write a Draft as a readable notes file.

Written by hand rather than with yaml.safe_dump so that the file reads like
the hand-made ones (key order, blank lines between causes, comments marking
guesses), and every value stays text: a value is left plain only when YAML
cannot read it as anything else, otherwise it is double-quoted with escapes.
"""

from __future__ import annotations

import re

from .draft import BRANCH_KEYS, Draft, DraftBranch, DraftPoint, DraftQuote

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
    """The whole notes file (format v2), with a ``# CHECK`` comment above every item that needs the teacher."""
    lines = [
        f"# Imported by `quizforge import` from {comment(source_name)}.",
        "# Check every line marked CHECK, then run: quizforge validate THIS-FILE",
        "# Format: docs/notes-format.md",
    ]
    if draft.unused:
        lines += ["#", "# Not imported (outside the branches, cut off, or not in a form questions can use):"]
        lines += [f"#   line {line}: {comment(text)}" for line, text in draft.unused]
    corrected = [(line, m) for line, messages in sorted(draft.checks.items()) for m in dict.fromkeys(messages)
                 if m.startswith("corrected ")]
    if corrected:
        lines += ["#", "# CHECK the words the import corrected (--keep-spelling keeps them as typed):"]
        lines += [f"#   line {line}: {comment(m.removeprefix('corrected '))}" for line, m in corrected]
    lines.append("")
    writer = _Writer(draft.checks)
    for key in ("title", "subject", "shape", "course", "question", "process", "outcome"):
        value = getattr(draft, key)
        if key in draft.guessed:
            lines.append(f"# CHECK {key}: {comment(draft.guessed[key])}")
        if value:
            lines.append(f"{key}: {scalar(value)}")
    for key in BRANCH_KEYS:
        branches = draft.of_key(key)
        if branches:
            lines += ["", f"{key}:"]
            for branch in branches:
                lines += writer.branch(branch)
    if draft.quotations:
        lines += ["", "quotations:"]
        for q in draft.quotations:
            lines += writer.quote(q, INDENT)
    if draft.lists:
        lines += ["", "lists:"]
        for item_list in draft.lists:
            lines += writer.item_list(item_list)
    if draft.equations:
        lines += ["", "equations:"]
        for eq in draft.equations:
            lines += [*writer.check(eq.line, INDENT), f"{INDENT}- {scalar(eq.text)}"]
    lines += writer.records("key_terms", ("term", "definition"), draft.key_terms)
    lines += writer.records("dates", ("date", "event"), draft.dates)
    return "\n".join(lines).rstrip("\n") + "\n"


class _Writer:
    """Writes items, each under the CHECK comments for its source line (each comment once)."""

    def __init__(self, checks: dict[int, list[str]]):
        self.checks = checks
        self.done: set[int] = set()

    def check(self, line: int, indent: str) -> list[str]:
        if not line or line in self.done or line not in self.checks:
            return []
        self.done.add(line)
        return [f"{indent}# CHECK (line {line}): {comment(message)}" for message in dict.fromkeys(self.checks[line])]

    def branch(self, branch: DraftBranch) -> list[str]:
        inner = INDENT * 2
        lines = [*self.check(branch.line, INDENT), f"{INDENT}- title: {scalar(branch.title)}"]
        for key in ("change", "effect", "affects"):
            if getattr(branch, key):
                lines.append(f"{inner}{key}: {scalar(getattr(branch, key))}")
        if branch.mechanism:
            lines.append(f"{inner}mechanism:")
            lines += [f"{inner}  - {scalar(step)}" for step in branch.mechanism]
        if branch.points:
            lines.append(f"{inner}points:")
            for point in branch.points:
                lines += self.point(point, INDENT * 3)
        if branch.quotes:
            lines.append(f"{inner}quotes:")
            for q in branch.quotes:
                lines += self.quote(q, INDENT * 3)
        if branch.aspects:
            lines.append(f"{inner}aspects:")
            for aspect in branch.aspects:
                lines += [*self.check(aspect.line, INDENT * 3), f"{INDENT * 3}- heading: {scalar(aspect.heading)}",
                          f"{INDENT * 4}points:"]
                for point in aspect.points:
                    lines += self.point(point, INDENT * 5)
        return lines + [""]

    def item_list(self, item_list: DraftBranch) -> list[str]:
        lines = [*self.check(item_list.line, INDENT), f"{INDENT}- title: {scalar(item_list.title)}", f"{INDENT * 2}items:"]
        for point in item_list.points:
            lines += self.point(point, INDENT * 3)
        return lines

    def point(self, point: DraftPoint, indent: str) -> list[str]:
        lines = self.check(point.line, indent)
        if not point.points:
            return lines + [f"{indent}- {scalar(point.text)}"]
        lines += [f"{indent}- text: {scalar(point.text)}", f"{indent}  points:"]
        for child in point.points:
            lines += self.point(child, indent + INDENT * 2)
        return lines

    def quote(self, q: DraftQuote, indent: str) -> list[str]:
        lines = [*self.check(q.line, indent), f"{indent}- quote: {scalar(q.quote)}"]
        for key in ("speaker", "character", "shows"):
            if getattr(q, key):
                lines.append(f"{indent}  {key}: {scalar(getattr(q, key))}")
        return lines

    def records(self, key: str, names: tuple[str, str], records) -> list[str]:
        if not records:
            return []
        lines = ["", f"{key}:"]
        for record in records:
            lines += [*self.check(record.line, INDENT), f"{INDENT}- {names[0]}: {scalar(record.first)}",
                      f"{INDENT}  {names[1]}: {scalar(record.second)}"]
        return lines
