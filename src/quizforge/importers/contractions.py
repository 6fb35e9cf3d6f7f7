"""Apostrophes restored in contractions typed without them, and prefixes typed apart joined back.

- A fixed table of apostrophe-less contractions that are not English words themselves ("whats", "doesnt",
  "theyre"): always restored.
- "cant" and "wont" are words too ("cant", "as was his wont"): restored only before a verb in its base
  form ("they cant afford", "it wont work"), never before "to" ("wont to wander").
- "its", "well", "were", "shell", "hell", "ill", "id", "wed", "hed", "shed", "lets" are never touched:
  both readings are common words.
- "dont" is also French ("dont" = whose): restored only before a word that can be a verb.
- A bound prefix typed as a word of its own ("un done", "dis appear") is joined when the joined word is in
  the British dictionary ("undone").

The caller decides whether the line is English at all; every pattern is a word match, so long lines are safe.
"""

from __future__ import annotations

import re

from ..quality.words import is_finite_form, pos
from .words import Words

ALWAYS = {
    "whats": "what's", "thats": "that's", "theres": "there's", "heres": "here's", "wheres": "where's", "whos": "who's",
    "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
    "werent": "weren't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "mustnt": "mustn't", "neednt": "needn't", "mightnt": "mightn't",
    "aint": "ain't", "youre": "you're", "theyre": "they're", "youve": "you've", "theyve": "they've", "weve": "we've",
    "youll": "you'll", "theyll": "they'll", "itll": "it'll", "shes": "she's", "hes": "he's", "ive": "I've",
    "couldve": "could've", "wouldve": "would've", "shouldve": "should've",
}
BEFORE_VERB = {"cant": "can't", "wont": "won't", "dont": "don't"}
PREFIXES = ("un", "dis", "mis", "non")
WORD = re.compile(r"[A-Za-z]+")
APART = re.compile(r"\b(" + "|".join(PREFIXES) + r") ([a-z]{3,})\b", re.IGNORECASE)


def _base_verb(word: str) -> bool:
    low = word.lower()
    return "VERB" in pos(low) and not is_finite_form(low) and not low.endswith("ing") and low != "to"


def _verb(word: str) -> bool:
    return "VERB" in pos(word.lower()) or "AUX" in pos(word.lower())


def _name_or_acronym(word: str, text: str, start: int) -> bool:
    """'Jony Ive', 'the HES figures': capitalised inside a sentence, or a short word in capitals."""
    if word.isupper() and len(word) <= 3:
        return True
    before = text[:start].rstrip()
    return word[:1].isupper() and bool(before) and before[-1] not in ".!?:;(\"'\u2018\u201c-"


def _cased(original: str, fixed: str) -> str:
    if original.isupper() and len(original) > 1:
        return fixed.upper()
    if original[:1].isupper():
        return fixed[:1].upper() + fixed[1:]
    return fixed


def restore(text: str, words: Words | None) -> tuple[str, list[tuple[str, str]]]:
    """The text with contractions and split prefixes mended, and each (from, to) in order."""
    changes: list[tuple[str, str]] = []
    found = list(WORD.finditer(text))
    pieces, last = [], 0
    for k, match in enumerate(found):
        word = match[0]
        low = word.lower()
        following = found[k + 1][0] if k + 1 < len(found) else ""
        fixed = ALWAYS.get(low)
        if low in BEFORE_VERB and following and (_base_verb(following) if low != "dont" else _verb(following)):
            fixed = BEFORE_VERB[low]
        if fixed is None or text[match.end():match.end() + 1] == "'" or _name_or_acronym(word, text, match.start()):
            continue
        fixed = _cased(word, fixed)
        changes.append((word, fixed))
        pieces += [text[last:match.start()], fixed]
        last = match.end()
    text = "".join(pieces) + text[last:]
    if words is None:
        return text, changes

    def join(match: re.Match[str]) -> str:
        whole = match[1] + match[2]
        if whole.lower() in words.british and match[1].lower() not in words.british:
            changes.append((match[0], whole))
            return whole
        return match[0]
    return APART.sub(join, text), changes
