"""A glossary as the questions print it: no definition that leans on another, and in a language the
notes' own case and no misspelt word.

- Comparatives. 'A larger leading body of the Communist Party' is larger than what? Written under
  'The small committee ...', it leans on the entry above: alone, as an option or a definition to match, it
  is a fragment, and beside its neighbour it hints at the answer. A definition that opens with a comparative
  ('larger', 'more senior') and has no 'than' is left out, with a note.

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
from ..quality.words import lemma, pos, tokens
from ._glossary import forms, language
from ._pools import first_sentence

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


ARTICLES = frozenset("a an the its".split())


def dangling(definition: str) -> str:
    """The comparative a definition opens with and never completes ('larger' in 'A larger leading body of
    ...', 'more senior' in 'The more senior body ...'), or ''. Only after an article, where it describes the
    term itself ('Higher ground between ...' is an ordinary phrase), and not with 'than' or 'of the two'."""
    text = first_sentence(" ".join(definition.split()))
    words = [w.lower() for w in tokens(text)]
    if "than" in words or re.search(r"\bof (the )?(two|both)\b", text.lower()) or len(words) < 3:
        return ""
    if words[0] not in ARTICLES:
        return ""
    if words[1] in ("more", "less") and "ADJ" in pos(words[2]):
        return f"{words[1]} {words[2]}"
    if words[1].endswith("er") and "ADJ" in pos(words[1]) and lemma(words[1]) != words[1]:  # not 'former'
        return words[1]
    return ""


def prepared(topic: Topic) -> tuple[Topic, tuple[str, ...]]:
    """The topic with its glossary as it is to be printed, and a note for each term left out."""
    if not topic.key_terms:
        return topic, ()
    terms = list(topic.key_terms)
    notes = []
    for term in [t for t in terms if dangling(t.definition)]:
        terms.remove(term)
        notes.append(f"left out the key term '{term.term}' (line {term.line}): its definition says "
                     f"'{dangling(term.definition)}' without saying than what; say what it is compared with")
    lang = language(topic)
    if lang:
        terms, more = _in_language(terms, lang)
        notes += more
    if tuple(terms) == topic.key_terms:
        return topic, tuple(notes)
    return dataclasses.replace(topic, key_terms=tuple(terms)), tuple(notes)


def _in_language(terms: list[KeyTerm], lang: str) -> tuple[list[KeyTerm], list[str]]:
    """The words of a language glossary spelt as its dictionary knows them, in the case most of them take."""
    bad = unknown_words(terms, lang)
    notes = [f"left out the {lang} term '{t.term}' (line {t.line}): the {lang} dictionary does not know "
             f"{', '.join(repr(w) for w in bad[t.term])}; check its spelling" for t in terms if t.term in bad]
    terms = [t for t in terms if t.term not in bad]
    starts = [t.term[0] for t in terms if t.term[:1].isalpha()]
    if lang not in NOUN_CAPITALS and sum(c.islower() for c in starts) * 2 > len(starts):
        terms = [dataclasses.replace(t, term=lowered(t.term), accept=tuple(lowered(a) for a in t.accept)) for t in terms]
    return terms, notes
