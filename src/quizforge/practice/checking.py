"""Answer checking shared by every asker: tolerant of case, accents, punctuation and spacing.

The self-test page's ``normalise`` in templates/selftest/selftest.js does the same.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable


def normalise(text: str) -> str:
    """'  Colléctivisation. ' -> 'collectivisation'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w\s]|_", " ", bare).split())


def accepted(given: str, answers: Iterable[str]) -> bool:
    """True when ``given`` is one of the accepted answers, give or take case, accents and punctuation."""
    mine = normalise(given)
    return bool(mine) and any(normalise(a) == mine for a in answers)
