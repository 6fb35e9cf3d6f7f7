"""Words typed in two, joined back: 'Air ports and sea ports' -> 'Airports and seaports', 'child like' -> 'childlike'.

A false join is worse than a missed one, so two adjacent words are joined only when all of these hold:

- both are English content words the British dictionary spells so, three letters or more, in lower case
  (the first may carry a sentence's capital, which the joined word keeps), one space apart, not part of a
  hyphenated or quoted phrase; never a function word ('in to', 'may be', 'every day', 'no one', 'set up');
- the joined word is in the British dictionary (which has 'classroom' and 'seaport' but neither
  'icecream', 'headteacher' nor 'sealevel': compounds normally written as two words stay two words), is
  common (Zipf 2.5 or more in wordfreq's large list, for it or its singular) and, after a noun, at most
  100 times rarer than the rarer of the two words ('date lines' stay: 'dateline' is a rare word);
- the first word is a noun and never an adjective: 'a dark room', 'a green house', 'a black bird', 'key
  words' are phrases as written; and the second is a noun, or 'like' ending its phrase ('child like',
  but never 'a child like Lennie', where 'like' is a preposition);
- the second is no verb in the past ('the sun set behind the hills'), nor a word in -s that may be a verb
  ('the clock works.', 'the water falls as rain') unless what follows shows a plural noun ('sea ports
  shut', 'ports and harbours'); the joined word is a noun or an adjective ('transfer ring' stays);
- the first word is not a verb that starts an instruction ('Check list', 'Make shift');
- the line is English (four in five of its lower-case words in the British dictionary: 'le son net de la
  cloche' is not), and in the notes of a language glossary neither word is in that language's dictionary
  ('air', 'place', 'son', 'net' are French words too).

Joins are repeated until none is left, so the repair applied to its own output changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..quality.words import STOP, is_finite_form, pos, zipf_large
from .words import Words

# Measured on wordfreq's large list (the figures are in tests/test_import_split.py): the joins wanted sit at 2.9-4.8
# ('seaport' 2.91, 'childlike' 2.94, 'airports' 3.93, 'classroom' 4.15); a dictionary word below 2.5 is
# too rare to be what was meant by two common words ('oxbow' 2.17, 'damasked' 0).
MIN_ZIPF = 2.5
# Two common nouns side by side are more likely meant as two words than as a rare word split: the joined word
# may be at most 100 times rarer than the rarer of them ('workplace' 4.04 against 'place' 5.71: 1.67 below;
# 'dateline' 2.69 against 'lines' 4.95: 2.26 below, so 'date lines' stays).
MAX_BELOW = 2.0
MIN_ENGLISH = 0.8  # share of a line's lower-case words the British dictionary must know (one slip in five)
PARTICLES = frozenset("up down out off away back around along aside apart ahead forth".split())
# Verbs far more often than nouns, which start an instruction ('Check list', 'Make shift well-defined').
LIGHT_VERBS = frozenset("make take give get put let keep go come see say tell check turn bring hold run show find "
                        "use help try ask".split())
FUNCTION_WORDS = STOP | PARTICLES | LIGHT_VERBS | frozenset("one ones self selves ever else like wise".split())
# Nouns revision notes use as adjectives ('key words', 'key stage': important, not 'keywords' for a search)
# that lemminflect lists as nouns only.
ATTRIBUTIVE = frozenset({"key"})
SUFFIX_WORDS = frozenset({"like"})  # '-like': joined only at the end of a phrase
PHRASE_ENDS = frozenset({"and", "or", "but", "nor"})
# After a plural noun these show it is the subject: 'sea ports shut', 'ports were closed'.
PLURAL_VERBS = frozenset("are were have had do did can could will would may might must should shall".split())
WORD = re.compile(r"[A-Za-z]+")
GLUED = "-'’/%#@_\\"  # a word touching one of these is part of a hyphenated or quoted form, or of code
SENTENCE_OPENS = ".!?:;(\"'‘“—–-•"  # a capital after one of these (or first) is a sentence's, not a name's


@dataclass(frozen=True)
class Joiner:
    """What the repair knows: the English word lists, and the words of the notes' foreign language."""

    words: Words
    foreign: Collection[str] = frozenset()

    def joined(self, first: str, second: str, rest: str = "") -> str | None:
        """The one word ``first second`` was meant to be (lower case), or None; ``rest`` is the text after
        the pair."""
        a, b = first.lower(), second.lower()
        whole = a + b
        if not self._candidate(first, second) or whole not in self.words.british:
            return None
        if any(w in self.foreign for w in (a, b, whole)):
            return None
        found = pos(whole)
        if found and not found & {"NOUN", "ADJ"}:
            return None  # 'transfer ring' is no 'transferring': a compound of two nouns is a noun
        following = _following(rest)
        if not _nouns(a, b, following) or _verb_reading(b, following):
            return None
        return whole if _common_enough(a, b, whole, self.words) else None

    def _candidate(self, first: str, second: str) -> bool:
        """Cheap tests first: real lower-case English words, no function word."""
        a, b = first.lower(), second.lower()
        return (len(a) >= 3 and len(b) >= 3 and second.islower() and (first.islower() or first[1:].islower())
                and a not in FUNCTION_WORDS and (b not in FUNCTION_WORDS or b in SUFFIX_WORDS)
                and a in self.words.british and b in self.words.british)


def _nouns(a: str, b: str, following: str) -> bool:
    """A noun never an adjective, then a noun or a '-like' ending its phrase."""
    first = pos(a)
    if "NOUN" not in first or "ADJ" in first or a in ATTRIBUTIVE:
        return False
    if b in SUFFIX_WORDS:
        return following in ("", ",", ";") or following in PHRASE_ENDS
    return "NOUN" in pos(b)


def _common_enough(a: str, b: str, whole: str, words: Words) -> bool:
    """Common in itself, and for two nouns not far rarer than the rarer of them: 'date lines' (Zipf 4.95 for
    'lines') are two words, though 'dateline' (2.69) is one. A plural is as common as its singular
    ('seaports' 2.41, 'seaport' 2.91)."""
    singular = whole[:-1] if whole.endswith("s") and whole[:-1] in words.british else whole
    found = max(zipf_large(whole), zipf_large(singular))
    if found < MIN_ZIPF:
        return False
    return b in SUFFIX_WORDS or found >= min(zipf_large(a), zipf_large(b)) - MAX_BELOW


def _following(rest: str) -> str:
    """The next word after one space, a comma or semicolon as itself, or '' (the phrase ends)."""
    if rest[:1] in (",", ";"):
        return rest[0]
    match = WORD.match(rest[1:]) if rest[:1] == " " else None
    return match[0].lower() if match else ""


def _verb_reading(b: str, following: str) -> bool:
    """'set' (a past tense) after a noun is a verb ('the sun set behind the hills'), and so may be a word
    in -s ('the clock works.', 'the water falls as rain'), unless what follows shows a plural noun: 'and',
    a comma, or a verb of its own ('sea ports shut', 'ports were closed')."""
    if not is_finite_form(b):
        return False
    if not b.endswith("s"):
        return True
    plural_noun = following in (",", ";", "and", "or") or following in PLURAL_VERBS or (
        is_finite_form(following) and not following.endswith("s"))
    return not plural_noun


def join(text: str, joiner: Joiner, protected: Iterable[tuple[int, int]] = ()) -> tuple[str, list[tuple[str, str]]]:
    """The text with split words joined, and each (from, to) in order. Nothing inside a ``protected``
    span (a quotation, a glossary term) is touched."""
    spans = list(protected)
    changes: list[tuple[str, str]] = []
    if not _english(text, joiner.words):
        return text, changes
    while True:
        found = _first_join(text, joiner, spans)
        if found is None:
            return text, changes
        start, end, fixed = found
        changes.append((text[start:end], fixed))
        text = text[:start] + fixed + text[end:]
        spans = [(a - 1 if a > start else a, b - 1 if b > start else b) for a, b in spans]  # one space less


def _first_join(text: str, joiner: Joiner, spans: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """(start, end, joined word) of the first pair to join, or None."""
    tokens = list(WORD.finditer(text))
    for k in range(len(tokens) - 1):
        one, two = tokens[k], tokens[k + 1]
        if text[one.end():two.start()] != " " or _glued(text, one.start(), two.end()):
            continue
        if any(a <= one.start() < b or a <= two.start() < b for a, b in spans) or _named(text, one):
            continue
        whole = joiner.joined(one[0], two[0], text[two.end():])
        if whole:
            return one.start(), two.end(), (whole[:1].upper() + whole[1:]) if one[0][:1].isupper() else whole
    return None


def _english(text: str, words: Words) -> bool:
    """Most lower-case words in the British dictionary: 'le son net de la cloche' is French ('le', 'de')."""
    found = [w for w in WORD.findall(text) if len(w) >= 2 and w.islower()]
    return sum(w in words.british for w in found) >= MIN_ENGLISH * len(found)


def _named(text: str, word: re.Match[str]) -> bool:
    """Capitalised inside a sentence: 'the Sun Light Company', 'in Class Room 4' is a name, never joined."""
    before = text[:word.start()].rstrip()
    return word[0][:1].isupper() and bool(before) and before[-1] not in SENTENCE_OPENS


def _glued(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1] in GLUED) or (end < len(text) and text[end] in GLUED)
