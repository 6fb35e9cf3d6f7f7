"""Answer checking shared by the self-test page, practice mode and the mark scheme: tolerant of case, accents, punctuation, spacing and small slips.

The self-test page (templates/selftest/selftest.js) does exactly the same, and the mark scheme prints
SPELLING_RULE, so the page, practice mode and the teacher mark alike (tests compare them).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from rapidfuzz.distance import Levenshtein

# Letters that may be wrong (missing, extra, swapped for another) in an answer of up to N letters.
# Short names and terms must be exact, so a different name ("Kiev" for "Kirov") is never right.
SLIPS = ((4, 0), (8, 1))  # 5-8 letters: one slip; longer: two
LONG_SLIPS = 2
SPELLING_RULE = ("Accept a spelling slip that keeps the answer recognisable: one letter wrong in an answer "
                 "of 5 to 8 letters, two in a longer one; answers of 4 letters or fewer, and dates and "
                 "numbers, exactly.")


# Punctuation a sentence carries without changing what is meant; other symbols (+ # & % = < > ...)
# are part of the answer itself, so "C#" is not "C++" and "]]>" can still be typed.
SOFT = ".,;:!?'\"()-_\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
SYMBOLS = "\u0001"  # separates an answer key's words from its symbols


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def normalise(text: str) -> str:
    """'  Colléctivisation. ' -> 'collectivisation'."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", _bare(text)).split())


def answer_key(text: str) -> str:
    """What two answers must share to be the same: the words, and the symbols that are not sentence punctuation.

    An answer made only of symbols keeps them all, so it can still be matched.
    """
    bare = _bare(text)
    words = " ".join(re.sub(r"[^\w\s]|_", " ", bare).split())
    symbols = "".join(ch for ch in bare if not (ch.isalnum() or ch.isspace() or ch in SOFT))
    if not words:
        return " ".join(bare.split())
    return f"{words}{SYMBOLS}{symbols}" if symbols else words


def slips_allowed(answer: str) -> int:
    """How many letters may be wrong in ``answer`` (normalised, spaces removed)."""
    if any(ch.isdigit() for ch in answer):
        return 0
    for longest, slips in SLIPS:
        if len(answer) <= longest:
            return slips
    return LONG_SLIPS


def close_enough(given: str, answer: str) -> bool:
    """Both normalised: equal, equal but for spaces ('n k v d' / 'nkvd'), or within the slips allowed."""
    if given == answer:
        return True
    mine, theirs = given.replace(" ", ""), answer.replace(" ", "")
    if mine == theirs:
        return True
    allowed = slips_allowed(theirs)
    return allowed > 0 and not any(ch.isdigit() for ch in mine) and \
        Levenshtein.distance(mine, theirs, score_cutoff=allowed) <= allowed


def accepted(given: str, answers: Iterable[str]) -> bool:
    """True when ``given`` is one of the accepted answers, give or take case, accents, sentence punctuation
    and a spelling slip (SPELLING_RULE). Symbols that are part of an answer (C#, C++) must match exactly."""
    mine = answer_key(given)
    if not mine:
        return False
    for answer in answers:
        theirs = answer_key(answer)
        if theirs == mine:
            return True
        if theirs and SYMBOLS not in theirs and SYMBOLS not in mine and close_enough(mine, theirs):
            return True
    return False
