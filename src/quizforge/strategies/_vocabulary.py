"""A language glossary as the questions print it: the notes' own case, and no misspelt word.

Two passes over a languages topic's key terms, before any strategy sees them:

- Case. A vocabulary list is written in lower case ('faible', 'têtu(e)'); a term the notes wrote with a
  list-style capital ('Ravi(e)', 'Venir') reads as a slip beside the others once it is an option or in a
  word bank. Where most of the terms start lower case, such a capital is lowered; not in a clause ('Je
  mesure _ cm', its subject pronoun first), not where another capital follows ('Noël à Paris'), and not in a
  language whose nouns take capitals (German).
- Spelling. A word a pupil is to learn must be spelt right on the paper. A term with a word that
  language's dictionary (pyspellchecker's) does not know ('Socialable', 'enneyeuse', 'timid(e)') is left
  out of the questions, with a note saying so; it is not corrected, since a wrong correction would be
  worse. The check is made only when the dictionary knows most of the glossary's words (else the list is
  not in that dictionary's language, or the dictionary is of no use for it).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..model import KeyTerm, Topic
from ._glossary import forms, language

DICTIONARIES = {"French": "fr", "Spanish": "es", "German": "de", "Italian": "it", "Portuguese": "pt"}
NOUN_CAPITALS = frozenset({"German"})  # 'der Hund': a capital that is no slip
PRONOUNS = frozenset("""
je j tu il elle on nous vous ils elles yo él ella nosotros nosotras vosotros ellos ellas usted ustedes
io lui lei noi voi loro eu ele ela nós eles elas você
""".split())
MIN_KNOWN = 0.8  # share of the glossary's words the dictionary must know before a word it lacks counts
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def _dictionary(code: str) -> frozenset[str] | None:
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return frozenset(SpellChecker(language=code, distance=1).word_frequency.dictionary)


def _words(term: KeyTerm) -> set[str]:
    """The words of every form of the term as written, lower case, three letters or more: 'ravi(e)' -> ravi
    (a feminine made with '(e)', 'marrante', is not always in the dictionary, and is not printed whole).
    A capital after the first word is a name ('Wir wohnen in Leeds') or a noun's, and is not checked."""
    return {m.group(0).lower() for form in forms(term) for m in WORD.finditer(form)
            if len(m.group(0)) >= 3 and (m.start() == 0 or not m.group(0)[0].isupper())}


def unknown_words(terms: list[KeyTerm], lang: str) -> dict[str, list[str]]:
    """Term -> the words of it the language's dictionary does not know; {} when the check cannot be made."""
    words = _dictionary(DICTIONARIES[lang]) if lang in DICTIONARIES else None
    if not words or not terms:
        return {}
    per = {t.term: sorted(w for w in _words(t) if w not in words) for t in terms}
    every = [w for t in terms for w in _words(t)]
    if not every or sum(w in words for w in every) < MIN_KNOWN * len(every):
        return {}
    return {term: bad for term, bad in per.items() if bad}


def lowered(term: str) -> str:
    """'Ravi(e)' -> 'ravi(e)', 'Être facile à vivre' -> 'être ...'; 'Je mesure _ cm' and 'Noël à Paris' stay."""
    words = term.split()
    first = WORD.match(term)
    if not words or not first or not term[0].isupper() or first.group(0).lower() in PRONOUNS:
        return term
    if any(c.isupper() for c in term[1:]):
        return term
    return term[0].lower() + term[1:]


def prepared(topic: Topic) -> tuple[Topic, tuple[str, ...]]:
    """The topic with its language glossary as it is to be printed, and a note for each term left out."""
    lang = language(topic)
    if not lang or not topic.key_terms:
        return topic, ()
    terms = list(topic.key_terms)
    notes = []
    bad = unknown_words(terms, lang)
    if bad:
        terms = [t for t in terms if t.term not in bad]
        notes += [f"left out the {lang} term '{term}' (line {next(t.line for t in topic.key_terms if t.term == term)}): "
                  f"the {lang} dictionary does not know {', '.join(repr(w) for w in words)}; check its spelling"
                  for term, words in bad.items()]
    starts = [t.term[0] for t in terms if t.term[:1].isalpha()]
    if lang not in NOUN_CAPITALS and sum(c.islower() for c in starts) * 2 > len(starts):
        terms = [dataclasses.replace(t, term=lowered(t.term), accept=tuple(lowered(a) for a in t.accept)) for t in terms]
    if tuple(terms) == topic.key_terms:
        return topic, tuple(notes)
    return dataclasses.replace(topic, key_terms=tuple(terms)), tuple(notes)
