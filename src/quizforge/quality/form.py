"""Homogeneous options: does the right answer look different from the wrong ones?

A student who knows nothing can still pick the one plural among singulars, the one person among
policies, the one date among terms, the one full sentence among noun phrases or the one option twice
as long as the rest. ``form`` describes what an option looks like (never what it means); ``cue`` says
which feature singles the right option out, when the wrong ones all agree on it and it does not.
``bank_cues`` does the same for a word bank: a gap whose answer is the only word of the bank with
its part of speech (the one verb for a verb blank) is answered by grammar alone.
"""

from __future__ import annotations


import re
from collections.abc import Sequence
from functools import lru_cache
from dataclasses import dataclass

from .words import CONJUNCTIONS, DETERMINERS, PREPOSITIONS, STOP, has_verb, lemma, pos, tokens, word_kind, zipf

# Word classes a gap or an option is judged by; AUX and the rest make no difference here.
CLASSES = ("NOUN", "VERB", "ADJ", "ADV")
LONGER = 2.0  # the right option this many times as long as every wrong one (or half as short) ...
LONGER_BY = 4  # ... and at least this many words apart: a cue by length
MIN_WRONG = 2  # with one wrong option there is no "rest" that agrees
PLURALS = frozenset("people men women children troops".split())  # 'police', 'staff' read as either
NAME_WORDS = 3  # longer capitalised options are titles, not bare names
SHORT = 6  # words: longer options are sentences, whatever names or years they mention
RELATIVES = frozenset("who which that whose where when whom".split())


@dataclass(frozen=True)
class Form:
    kind: str  # 'date', 'number', 'name', 'term' (quality.word_kind, a first capital ignored) or '' (cannot tell)
    number: str  # 'plural', 'singular', or '' (not a noun phrase, or cannot tell)
    shape: str  # 'clause' (has a verb), 'infinitive', 'phrase' (a word or a noun phrase) or 'long' (a sentence)
    words: int
    frame: str = ""  # 'slot' (a blank to fill in: 'I am _ cm tall'), a clause's subject ('they', 'i') or ''


SLOT = re.compile(r"(?<![^\W_])_+(?![^\W_])")
PERSONS = frozenset("i we you he she it they".split())


def frame(text: str) -> str:
    """What a phrase-book entry shows of its frame: 'slot' for one with a blank to fill ('I am _ cm tall',
    'Je mesure _ cm'), else the subject pronoun a clause opens with ('they' for 'They are right'), else ''.
    Among entries of another frame, the one with a slot or the one 'they' is picked by its look."""
    if SLOT.search(text):
        return "slot"
    words = tokens(text)
    return words[0].lower() if len(words) > 1 and words[0].lower() in PERSONS else ""


def _head(words: list[str]) -> str:
    """The head of a noun phrase: the last word before 'of'/'in'/... ('Treaty of Versailles' -> 'Treaty')."""
    for i, word in enumerate(words):
        if i and word.lower() in PREPOSITIONS:
            return words[i - 1]
    return words[-1]


def _verbal(first: str) -> bool:
    """A text opening 'To ...', 'Repeating ...', 'When ...', 'Where ...' is no noun phrase."""
    low = first.lower()
    return low == "to" or low in RELATIVES or (low.endswith("ing") and "VERB" in pos(low))


def _lead(text: str) -> list[str]:
    """The noun phrase a text opens with, up to a relative word, a preposition, a conjunction or a comma:
    'Better-off peasants who owned more land' -> ['Better-off', 'peasants']; [] for a clause that opens
    with a verb or 'to' ('To remove old rivals', 'Repeating information ...')."""
    first = text.split(",")[0]
    words = tokens(first)
    if not words or _verbal(words[0]):
        return []
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and (low in RELATIVES or low in PREPOSITIONS or low in CONJUNCTIONS):
            break
        out.append(word)
    return out if len(out) < len(words) or not has_verb(first) else []


@lru_cache(maxsize=16384)
def number(text: str) -> str:
    """'plural' for 'Sanctions', 'the purges', 'Britain and France', 'Better-off peasants who ...';
    'singular' for 'Sanction', 'the Treaty of Versailles', 'A communist who ...'; '' for a clause, an
    infinitive or a head that is not a known noun."""
    words = tokens(text)
    if not words or _verbal(words[0]):
        return ""
    if not has_verb(text) and "and" in (w.lower() for w in words[1:-1]):
        return "plural"
    lead = _lead(text) if has_verb(text) else words
    if not lead:
        return ""
    if lead[0].lower() in ("a", "an", "each", "every", "one"):
        return "singular"
    head = _head(lead)
    low = head.lower()
    if low in PLURALS:
        return "plural"
    if "NOUN" not in pos(low):
        # a lower-case word the dictionary lacks ('kulaks', 'chromatids') is plural by its ending
        return "plural" if head.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is")) else ""
    if lemma(low) != low and low.endswith("s"):
        return "plural"
    return "singular"


def _kind(text: str) -> str:
    """word_kind, but a capital that only starts the text ('Membership', 'The army') makes no name."""
    kind = word_kind(text)
    if len(text.split()) > SHORT:
        return "term"  # a sentence that mentions a year or a name is neither a date nor a name
    if kind != "name":
        return kind
    if len(text.split()) > NAME_WORDS:
        return "term"  # 'Because of the Nazi-Soviet Pact': a title that names a thing, among titles
    content = [w for w in tokens(text) if w.lower() not in STOP]
    if len(content) == 1 and not content[0].isupper():
        word = content[0].lower()
        if pos(word):
            return "term"  # 'Membership', 'Organisation': a common word with a capital
        return "name" if zipf(word) > 0 else ""  # 'Stalin' is known as a name; 'Throughflow': cannot tell
    return kind


def shape(text: str) -> str:
    """'To remove ...': 'infinitive'; 'The USA never joined.': 'clause'; a word or a noun phrase: 'phrase'."""
    words = tokens(text)
    if len(words) > SHORT:
        return "long"  # definitions and examples: their length and number are judged, not their grammar
    if not words:
        return ""
    if words[0].lower() == "to":
        return "infinitive"
    # one word is no clause, whatever it can be ('Spoilt', 'Excited/delighted': a verb form, a meaning)
    return "clause" if len(_bare(text).split()) > 1 and has_verb(text) else "phrase"


@lru_cache(maxsize=16384)
def form(text: str) -> Form:
    return Form(_kind(text), number(text), shape(text), len(text.split()), frame(text))


def _odd(values: Sequence[str], correct: int) -> bool:
    """The right option's value is set, differs from every wrong option's, and the wrong ones agree."""
    key = values[correct]
    rest = {v for i, v in enumerate(values) if i != correct}
    return bool(key) and len(rest) == 1 and key not in rest and "" not in rest


def _longer(lengths: Sequence[int], correct: int) -> bool:
    key = lengths[correct]
    rest = [n for i, n in enumerate(lengths) if i != correct]
    return (key >= LONGER * max(rest) and key - max(rest) >= LONGER_BY) or \
        (min(rest) >= LONGER * key and min(rest) - key >= LONGER_BY)


def cue(options: Sequence[str], correct: int) -> str:
    """The feature that singles out the right option ('kind', 'number', 'shape', 'length'), or ''."""
    if len(options) - 1 < MIN_WRONG:
        return ""
    forms = [form(o) for o in options]
    for feature in ("kind", "number", "shape"):
        if _odd([getattr(f, feature) for f in forms], correct):
            return feature
    frames = {f.frame for i, f in enumerate(forms) if i != correct}
    if len(frames) == 1 and forms[correct].frame not in frames:  # the one slot, the one 'they', the one without
        return "frame"
    return "length" if _longer([f.words for f in forms], correct) else ""


def agrees(a: str, b: str) -> bool:
    """Two options of one form: a student could not tell them apart by their look alone."""
    fa, fb = form(a), form(b)
    if (fa.kind and fb.kind and fa.kind != fb.kind) or (fa.number and fb.number and fa.number != fb.number):
        return False
    if (fa.shape and fb.shape and fa.shape != fb.shape) or fa.frame != fb.frame:
        return False
    return not _longer([fa.words, fb.words, fb.words], 0)


def same_grammar(a: str, b: str) -> bool:
    """Two English meanings a student could not tell apart by grammar: one shape ('to ...', a sentence, a
    phrase) and, for words and phrases, a word class in common ('mean' and 'funny'; not 'mean' and 'a defect')."""
    a, b = _bare(a), _bare(b)
    sa, sb = shape(a), shape(b)
    if (sa != sb and "long" not in (sa, sb)) or frame(a) != frame(b):  # 'They are right' among 'I ...'
        return False
    return sa != "phrase" or bool(_classes(a) & _classes(b))


def _classes(phrase: str) -> frozenset[str]:
    words = tokens(phrase)
    if len(words) > 1 and words[0].lower() in DETERMINERS:
        return frozenset({"NOUN"})  # 'a defect', 'the weight': a noun, whatever else the head can be
    return word_classes(phrase)



def _bare(text: str) -> str:
    """The text without brackets, and its first meaning of several ('Excited/delighted' -> 'Excited')."""
    return " ".join(re.sub(r"\([^)]*\)", " ", text).split("/")[0].split()).rstrip(".")


@lru_cache(maxsize=16384)
def word_classes(word: str) -> frozenset[str]:
    """The word classes a bank word can fill a gap as: one word's own, a phrase's head's (a clause: none)."""
    words = tokens(word)
    if not words:
        return frozenset()
    if len(words) > 1 and has_verb(word):
        return frozenset({"clause"})
    head = _head(words).lower()
    if "-" in head and not pos(head) and head.endswith(("ing", "ed")):
        return frozenset({"ADJ"})  # 'hard-working', 'short-tempered': a compound adjective, not a noun
    return frozenset(t for t in CLASSES if t in pos(head)) or frozenset({"NOUN"})


@lru_cache(maxsize=16384)
def fits_gap(answer: str, word: str) -> bool:
    """``word`` could stand in ``answer``'s gap by its grammar: a shared word class and, for nouns, the same number."""
    classes = word_classes(answer) & word_classes(word)
    if not classes:
        return False
    if classes == {"NOUN"}:
        na, nw = number(answer), number(word)
        return not (na and nw and na != nw)
    return True


def bank_cues(bank: Sequence[str], answers: Sequence[str], rivals: int = 2) -> list[str]:
    """The answers that fewer than ``rivals`` other words of the bank could stand in for by grammar."""
    return [a for a in answers if sum(1 for w in bank if w != a and fits_gap(a, w)) < rivals]


def frame_cues(bank: Sequence[str], answers: Sequence[str], rivals: int = 2) -> list[str]:
    """The answers with a frame ('I am _ cm tall', 'They are right') that fewer than ``rivals`` other entries
    of the bank share: the one entry with a slot fills the one gap with a slot, in any language."""
    return [a for a in answers if frame(a) and sum(1 for w in bank if w != a and frame(w) == frame(a)) < rivals]


OUTLIER = 2.5  # an item this many times the median length of the others (and ...
OUTLIER_BY = 6  # ... this many words longer than any of them) stands out in a matching list


def long_ones(texts: Sequence[str]) -> list[int]:
    """Indices of the items much longer than the rest of a matching or sorting list: a student matches
    the one long example to the one group with much to say, or reads it as the 'main' answer."""
    sizes = [len(t.split()) for t in texts]
    out = []
    for i, n in enumerate(sizes):
        rest = sorted(m for j, m in enumerate(sizes) if j != i)
        if len(rest) >= 2 and n >= OUTLIER * rest[len(rest) // 2] and n - rest[-1] >= OUTLIER_BY:
            out.append(i)
    return out


__all__ = ["long_ones", "Form", "agrees", "bank_cues", "cue", "fits_gap", "form", "frame", "frame_cues", "number", "shape",
           "word_classes"]
