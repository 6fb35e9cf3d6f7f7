"""Small text helpers shared by strategies."""

from __future__ import annotations

import re
from functools import lru_cache

# Words that must never be the answer to a blank.
STOP_WORDS = frozenset("""
a about after all also an and any are as at be been before being but by can could did do does
for from had has have he her him his how i if in into is it its many more most much no not of
on or other others our out she so some such than that the their them then there these they this
those to too up was we were what when where which while who whom why will with would you your
""".split())

PRONOUN_STARTS = ("he ", "she ", "it ", "they ", "this ", "these ", "those ", "that ", "as a result", "his ", "her ", "their ", "its ")


def find_phrase(text: str, phrase: str) -> list[re.Match[str]]:
    """Whole-word, case-insensitive occurrences of a phrase in text."""
    return list(_phrase_pattern(phrase).finditer(text))


@lru_cache(maxsize=8192)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # the gates ask about the same few hundred phrases again and again, for every paper of a class set
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


def upper_first(text: str) -> str:
    """'prophase comes straight after interphase.' -> 'Prophase comes ...': the first letter only."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """'To cover up' -> 'to cover up', but keep acronyms and names ('NKVD', 'Kirov's')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        first_word = text.split(" ", 1)[0]
        if first_word.lower() in STOP_WORDS or first_word in {"To", "Because"}:
            return text[0].lower() + text[1:]
    return text


def stands_alone(text: str) -> bool:
    """False for sentences that lean on a previous one ('He was...', 'This weakness...')."""
    lowered = text.lower()
    return not lowered.startswith(PRONOUN_STARTS)


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def end_sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def points_rule(marks: int, listed: int, noun: str = "point") -> str:
    """The marking rule printed under a list of creditworthy points: '1 mark for the point above.',
    '1 mark for each of the points above.' or '1 mark each for any two of the factors above.'."""
    if listed == 1:
        return f"1 mark for the {noun} above."
    if marks >= listed:
        return f"1 mark for each of the {noun}s above."
    return f"1 mark each for any {COUNT_WORDS.get(marks, marks)} of the {noun}s above."
