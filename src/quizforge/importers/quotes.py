"""Find quotations in a line of notes: the words quoted, who says them, what they show.

Handles the ways literature notes write them:

- ``'Fair is foul and foul is fair' = oxymoron`` (quote, then what it shows);
- ``Banquo 'A heavy summons lies like lead upon me' 'I dreamt of them' Banquo feels guilty``
  (a speaker before the quotes, several quotes, commentary after each);
- ``Slim: That ain't no good, George. George: I know`` (dialogue with speaker labels);
- a quote mark that is never closed (the quote runs to the end of the line).

An apostrophe between letters ("he's", "jes'like") or opening a word inside a
quote ("Get 'im") is not a quote mark. The scan is one pass over the characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "'‘\"“"
CLOSE = "'’\"”"
SPEAKER = re.compile(r"(?:The |Lady |Mr |Mrs |Miss |King |Queen |Sir )?[A-Z][a-z]+(?: [A-Z][a-z]+)?")
DIALOGUE = re.compile(r"(?P<speaker>[A-Z][a-z]+(?: [A-Z][a-z]+)?): (?P<words>[^:]{2,200}?)(?=(?: [A-Z][a-z]+(?: [A-Z][a-z]+)?: )|$)")
MIN_QUOTE_WORDS = 2


@dataclass(frozen=True)
class Found:
    quote: str
    speaker: str = ""
    shows: str = ""
    closed: bool = True


def _closes(text: str, i: int) -> bool:
    """Whether the quote mark at i ends a quotation (not an apostrophe inside a word)."""
    after = text[i + 1:i + 2]
    before = text[i - 1:i]
    if text[i] == "'" and before.isalpha() and after.isalpha():
        return False  # he's, jes'like
    return not after.isalnum()


def _opens(text: str, i: int) -> bool:
    before = text[i - 1:i]
    return (not before or not before.isalnum()) and text[i + 1:i + 2] not in ("", " ")


def spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation, end exclusive of the closing mark."""
    found, i, n = [], 0, len(text)
    while i < n:
        if text[i] in OPEN and _opens(text, i):
            j = i + 1
            while j < n and not (text[j] in CLOSE and j > i + 1 and _closes(text, j) and text[j - 1] != " "):
                j += 1
            found.append((i + 1, j, j < n))
            i = j + 1
            continue
        i += 1
    return found


def find(text: str, speaker: str = "") -> list[Found]:
    """The quotations in ``text``; ``speaker`` is who speaks when the line does not say."""
    marks = [s for s in spans(text) if len(text[s[0]:s[1]].split()) >= MIN_QUOTE_WORDS]
    if not marks:
        return _dialogue(text)
    out = []
    lead = text[:marks[0][0] - 1].strip(" =:-")
    current = lead if lead and SPEAKER.fullmatch(lead) else speaker
    for k, (start, end, closed) in enumerate(marks):
        stop = marks[k + 1][0] - 1 if k + 1 < len(marks) else len(text)
        after = text[end + 1:stop].strip() if closed else ""
        shows, next_speaker = _split_speaker(after)
        out.append(Found(" ".join(text[start:end].split()).strip(" ,"), current, shows.strip(" =:-,."), closed))
        current = next_speaker or current
    return out


def _split_speaker(after: str) -> tuple[str, str]:
    """Commentary after a quote, and a speaker named at its very end ('... ironic The Porter')."""
    words = after.split()
    for size in (2, 1):
        tail = " ".join(words[-size:])
        if len(words) >= size and SPEAKER.fullmatch(tail) and (len(words) == size or not words[-size - 1][:1].isupper()):
            if len(words) == size or words[-size - 1].endswith(("'", ".", ",")) or size == 2:
                return " ".join(words[:-size]), tail
    return after, ""


def _dialogue(text: str) -> list[Found]:
    """'Slim: That ain't no good. George: I know' -> one quotation per speaker label (two or more labels)."""
    parts = list(DIALOGUE.finditer(text))
    if len(parts) < 2 or parts[0].start() != 0:
        return []
    return [Found(m["words"].strip(" ."), m["speaker"]) for m in parts]


def has_quote(text: str) -> bool:
    return bool(find(text))
