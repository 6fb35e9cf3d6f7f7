"""Answer checking shared by every asker: tolerant of case, accents, punctuation and spacing.

The self-test page's ``normalise`` and ``answerKey`` in templates/selftest/selftest.js do the same.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

# Punctuation a sentence carries without changing what is meant; other symbols (+ # & % = < > ...)
# are part of the answer itself, so "C#" is not "C++" and "]]>" can still be typed.
SOFT = ".,;:!?'\"()-_\u2018\u2019\u201c\u201d\u2013\u2014\u2026"


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
    return f"{words}\u0001{symbols}" if symbols else words


def accepted(given: str, answers: Iterable[str]) -> bool:
    """True when ``given`` is one of the accepted answers, give or take case, accents and punctuation."""
    mine = answer_key(given)
    return bool(mine) and any(answer_key(a) == mine for a in answers)
