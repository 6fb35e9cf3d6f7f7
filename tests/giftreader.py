"""A strict GIFT reader for the tests: reads back what Moodle's GIFT importer would, or fails loudly.

Stricter than Moodle on purpose: any unescaped special character (~ = # { } :)
in question text, a missing or doubled answer block, or an answer block that
mixes types is an error, so the exporter must escape everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIALS = "~=#{}:"


class GiftSyntaxError(ValueError):
    pass


@dataclass
class GiftQuestion:
    category: str
    title: str
    format: str
    text: str  # question text, the answer block replaced by '_____' when inside the text
    type: str  # shortanswer, multichoice, truefalse, matching, essay
    answers: list = field(default_factory=list)  # shortanswer: [str]; multichoice: [(correct, text, feedback)];
    # matching: [(left, right)]; truefalse: [bool]
    feedback: list = field(default_factory=list)
    general_feedback: str = ""


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text):
                raise GiftSyntaxError(f"dangling backslash in {text!r}")
            nxt = text[i + 1]
            if nxt == "n":
                out.append("\n")
            elif nxt in SPECIALS + "\\":
                out.append(nxt)
            else:
                raise GiftSyntaxError(f"unknown escape \\{nxt} in {text!r}")
            i += 2
            continue
        if ch in SPECIALS:
            raise GiftSyntaxError(f"unescaped {ch!r} in {text!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def split_unescaped(text: str, seps: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters: [(separator or '', chunk)]."""
    parts, current, sep, i = [], [], "", 0
    while i < len(text):
        if text[i] == "\\":
            current.append(text[i:i + 2])
            i += 2
            continue
        if text[i] in seps:
            parts.append((sep, "".join(current)))
            current, sep = [], text[i]
        else:
            current.append(text[i])
        i += 1
    parts.append((sep, "".join(current)))
    return parts


def find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def _answer_block(block: str, q: GiftQuestion) -> None:
    body = block
    gf = body.find("####")
    if gf >= 0 and (gf == 0 or body[gf - 1] != "\\"):
        q.general_feedback = unescape(body[gf + 4:].strip())
        body = body[:gf]
    body = body.strip()
    if not body:
        q.type = "essay"
        return
    tf = re.fullmatch(r"(TRUE|FALSE|T|F)((?:#.*)?)", body, re.S)
    if tf:
        q.type, q.answers = "truefalse", [tf.group(1).startswith("T")]
        q.feedback = [unescape(f) for _, f in split_unescaped(tf.group(2), "#")[1:]]
        return
    items = split_unescaped(body, "=~")
    if items[0][1].strip():
        raise GiftSyntaxError(f"text before the first answer: {items[0][1]!r}")
    items = items[1:]
    if any(" -> " in chunk for _, chunk in items):
        if any(sep != "=" or " -> " not in chunk for sep, chunk in items):
            raise GiftSyntaxError("a matching block must have only '=left -> right' items")
        q.type = "matching"
        q.answers = [tuple(unescape(part.strip()) for part in chunk.split(" -> ", 1)) for _, chunk in items]
        if len(q.answers) < 2:
            raise GiftSyntaxError("matching needs at least two pairs")
        return
    parsed = []
    for sep, chunk in items:
        text_fb = split_unescaped(chunk, "#")
        if len(text_fb) > 2:
            raise GiftSyntaxError(f"more than one feedback in {chunk!r}")
        parsed.append((sep == "=", unescape(text_fb[0][1].strip()), unescape(text_fb[1][1].strip()) if len(text_fb) > 1 else ""))
    if any(not correct for correct, _, _ in parsed):
        if sum(correct for correct, _, _ in parsed) != 1:
            raise GiftSyntaxError("multiple choice needs exactly one '=' answer")
        q.type, q.answers = "multichoice", parsed
    else:
        q.type, q.answers = "shortanswer", [text for _, text, _ in parsed]


def _question(source: str, category: str) -> GiftQuestion:
    title = ""
    if source.startswith("::"):
        end = find_unescaped(source, ":", 2)
        if end < 0 or source[end:end + 2] != "::":
            raise GiftSyntaxError(f"unterminated title in {source[:40]!r}")
        title, source = unescape(source[2:end]), source[end + 2:]
    fmt = "moodle"
    m = re.match(r"\[(html|moodle|plain|markdown)\]", source)
    if m:
        fmt, source = m.group(1), source[m.end():]
    start = find_unescaped(source, "{")
    if start < 0:
        raise GiftSyntaxError(f"no answer block in {source[:60]!r}")
    end = find_unescaped(source, "}", start)
    if end < 0:
        raise GiftSyntaxError(f"unclosed answer block in {source[:60]!r}")
    if find_unescaped(source, "{", end) >= 0 or find_unescaped(source, "}", end + 1) >= 0:
        raise GiftSyntaxError("more than one answer block")
    before, after = source[:start], source[end + 1:]
    text = unescape(before) + ("_____" + unescape(after) if after.strip() else "")
    q = GiftQuestion(category, title, fmt, text, "")
    _answer_block(source[start + 1:end], q)
    return q


def read_gift(text: str) -> list[GiftQuestion]:
    questions, category = [], "$course$"
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    for block in blocks:
        lines = [ln for ln in block.split("\n") if not ln.lstrip().startswith("//")]
        source = "\n".join(lines).strip()
        if not source:
            continue
        if source.startswith("$CATEGORY:"):
            if "\n" in source:
                raise GiftSyntaxError("a $CATEGORY line must stand alone")
            category = source[len("$CATEGORY:"):].strip()
            continue
        questions.append(_question(source, category))
    return questions
