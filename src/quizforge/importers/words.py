"""The word lists import checks text against: a British English dictionary and word frequencies.

- The dictionary is Debian's ``wbritish`` list (``/usr/share/dict/british-english``):
  British spellings ("colour", "organise"), with inflected forms, one word a line.
- Frequencies come from pyspellchecker's English list (counts from a large
  subtitle corpus): they say how common a word is, so that only a misspelling of
  a *common* word is ever corrected. Its own dictionary is American, so it never
  proposes a spelling; a word it knows is only treated as "a real word, leave it".

Both are read once, lazily; without them the spelling pass says what to install
and changes nothing.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path

DICTIONARY_PATHS = (Path("/usr/share/dict/british-english"), Path("/usr/share/dict/british"))
INSTALL_HINT = "install Debian's wbritish package (apt-get install wbritish) and pyspellchecker (pip install pyspellchecker)"


class Words:
    """A read-only view of the dictionary and the frequencies."""

    def __init__(self, british: frozenset[str], proper: frozenset[str], frequency):
        self.british = british  # lower-case words the British dictionary spells this way
        self.proper = proper  # lower-case forms of its capitalised entries (names, places)
        self._frequency = frequency
        self._sorted = sorted(british)

    def known(self, word: str) -> bool:
        """A real word (British dictionary, or any English word the frequency list has seen)."""
        low = word.lower()
        return low in self.british or low in self.proper or self.frequency(low) >= SEEN

    def frequency(self, word: str) -> int:
        return self._frequency(word.lower())

    def abbreviates(self, word: str) -> bool:
        """'vocab' (vocabulary), 'approx' (approximately): the start of a longer dictionary word."""
        low = word.lower()
        i = bisect.bisect_right(self._sorted, low)
        return i < len(self._sorted) and self._sorted[i].startswith(low) and len(self._sorted[i]) >= len(low) + 3

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.british and self.frequency(word) >= COMMON


COMMON = 1000  # occurrences in pyspellchecker's corpus; "separate" ~ 60k, "telophase" 50
SEEN = 10  # fewer sightings than this in the frequency list may be a misspelling it picked up


@lru_cache(maxsize=1)
def load() -> Words | None:
    """The word lists, or None when either is not installed."""
    path = next((p for p in DICTIONARY_PATHS if p.is_file()), None)
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    if path is None:
        return None
    british, proper = set(), set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = raw.strip()
        if not word:
            continue
        (proper if word[:1].isupper() else british).add(word.lower())
    counts = SpellChecker(language="en", distance=1).word_frequency
    return Words(frozenset(british), frozenset(proper - british), lambda w: counts[w] if w in counts else 0)
