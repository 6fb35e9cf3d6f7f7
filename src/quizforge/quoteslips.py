"""Slips of the note-taker inside a quotation: words a writer would not have printed.

Used by import (to flag the quotation for the teacher) and by the quotation strategies (which build
no item on it): printing 'Whats done cannot be un done' as Shakespeare's words teaches the slip.
Only slips that are sure in any text are named; a misquotation that reads as English is not one.
"""

from __future__ import annotations

import re

# Contractions written without their apostrophe ('Whats', 'dont'); 'its', 'wont', 'lets' and 'shell'
# are words in their own right, so they are not here.
NO_APOSTROPHE = frozenset("""
whats thats dont cant isnt doesnt didnt wasnt werent couldnt shouldnt wouldnt havent hasnt hadnt arent
ive youre theyre youve weve theyve hes shes im
""".split())
# A prefix standing alone ('un done'): the word was split in two.
LONE_PREFIXES = frozenset("un dis mis non".split())
_STOP_THEN_LOWER = re.compile(r"(?<![.\s])\.\s+[a-z]")  # 'spirits. unsex': a full stop inside a sentence
# 'mortals chiefest enemy': a plural noun before a superlative has lost its possessive apostrophe.
_PLURAL_THEN_SUPERLATIVE = re.compile(r"\b(?P<noun>[A-Za-z]{3,}[^sui\W]s) (?P<adj>[a-z]{3,}est)\b")
NOT_SUPERLATIVES = frozenset("honest forest interest harvest request conquest protest arrest digest suggest "
                             "invest infest manifest modest earnest tempest behest bequest contest".split())
# Endings an apostrophe may join to a word: he's, can't, they're, we've, I'll, he'd, I'm, o'clock, ne'er, 'em.
JOINED = frozenset("s t re ve ll d m clock er en em im st tis twas".split())


def slips(text: str) -> list[str]:
    """What looks mistyped in the words of a quotation, each as a short phrase ('' when nothing does)."""
    found = []
    for word in re.findall(r"(?<!['’A-Za-z])[A-Za-z]+(?:['’][A-Za-z]+)*", text):  # not 'im after its apostrophe
        low = word.lower()
        if low in NO_APOSTROPHE:
            found.append(f"'{word}' has lost its apostrophe")
        elif low in LONE_PREFIXES:
            found.append(f"'{word}' stands apart from its word")
        elif re.search(r"[A-Za-z]['’][A-Za-z]", word) and re.split(r"['’]", word)[-1].lower() not in JOINED:
            found.append(f"no space after the apostrophe in '{word}'")  # jes'like
    match = _STOP_THEN_LOWER.search(text)
    if match:
        found.append(f"a full stop before '{text[match.end() - 1:].split()[0]}'")
    for match in _PLURAL_THEN_SUPERLATIVE.finditer(text):
        if match["adj"].lower() not in NOT_SUPERLATIVES:
            found.append(f"'{match[0]}' may have lost an apostrophe")
    return found
