"""What the glossary strategies share: which terms can be asked about, and wording for language subjects.

A French vocabulary list is a glossary whose terms are French and whose definitions are English;
its questions say "What is the French for ..." rather than "Which term means ...".
"""

from __future__ import annotations

import re
import unicodedata

from ..model import KeyTerm, Topic
from ._pools import first_sentence
from ._text import STOP_WORDS, find_phrase, normalise

LANGUAGES = frozenset("""
arabic bengali chinese mandarin cantonese dutch french german greek gujarati hebrew irish italian japanese
korean latin panjabi punjabi persian polish portuguese russian spanish turkish urdu welsh gaelic
""".split())
ARTICLES = frozenset("le la les l un une des der die das ein eine el los las una lo il gli".split())


def language(topic: Topic) -> str:
    """'French' when the subject is a language taught to English speakers; '' otherwise."""
    return subject_language(topic.subject)


def subject_language(subject: str) -> str:
    """``language`` from the subject's words alone ('French (GCSE)' -> 'French'), for notes not yet loaded."""
    words = re.findall(r"[A-Za-z]+", subject)
    return words[0].capitalize() if words and words[0].lower() in LANGUAGES else ""


def plain(text: str) -> str:
    """Lower case, accents off: 'Découvrir' -> 'decouvrir'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def forms(term: KeyTerm) -> tuple[str, ...]:
    """The term and every other way it is written: 'marrant(e)/drôle' -> marrant(e)/drôle, marrant, drôle ..."""
    out = [term.term, *term.accept]
    for form in list(out):
        out += [p.strip() for p in form.split("/") if p.strip()]
        out.append(re.sub(r"\(\w{1,3}\)", "", form).strip())
    seen, unique = set(), []
    for form in out:
        if form and form.lower() not in seen:
            seen.add(form.lower())
            unique.append(form)
    return tuple(unique)


def _stems(text: str) -> set[str]:
    words = re.findall(r"\w+", plain(re.sub(r"\(\w{1,3}\)", "", text)))
    # the first 60% of a long word: 'patie(nt)', 'socia(ble)', 'interes(sant)', but not 'chroma(tids)' for chromosomes
    return {w if len(w) <= 5 else w[:max(5, round(len(w) * 0.6))] for w in words
            if len(w) >= 4 and w not in STOP_WORDS and w not in ARTICLES}


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def cognate(a: str, b: str) -> bool:
    """Words of two languages that look alike: 'anxieux'/'anxious', 'sérieux'/'serious' (half the shorter, 4+)."""
    a, b = plain(a), plain(b)
    return min(len(a), len(b)) >= 4 and _shared_start(a, b) >= max(4, (min(len(a), len(b)) + 1) // 2)


def gives_away(term: KeyTerm, text: str, across_languages: bool = False) -> bool:
    """Does the text hold the term, or an obvious form of one of its words ('flowing' for 'Channel flow',
    'patient' for 'patient(e)')? Between two languages, a word that looks like the term's counts too."""
    if any(find_phrase(text, f) for f in forms(term)):
        return True
    words = re.findall(r"\w+", plain(text))
    if any(any(w.startswith(stem) for w in words) for stem in _stems(" ".join(forms(term)))):
        return True
    if across_languages:
        own = [w for f in forms(term) for w in re.findall(r"\w+", re.sub(r"\(\w{1,3}\)", "", f))]
        return any(cognate(w, o) for w in words for o in own)
    return False


def meanings(definition: str) -> set[str]:
    """'excited/delighted' -> {'excited', 'delighted'}: two terms sharing one cannot be told apart."""
    text = re.sub(r"\([^)]*\)", "", first_sentence(definition))
    return {normalise(p) for p in re.split(r"[/;]", text) if normalise(p)}


def same_term(a: KeyTerm, b: KeyTerm) -> bool:
    return bool({plain(f) for f in forms(a)} & {plain(f) for f in forms(b)})


def answered_elsewhere(topic: Topic, ids: frozenset[str]) -> set[str]:
    """The points (by their words) that another question hides as its answer ('Attention', the transfer of
    sensory memory in a comparison): a key term of those words, asked with its definition, hands it over."""
    return {normalise(p.text) for p in topic.walk() if p.id in ids}


def is_answer(term: KeyTerm, answers: set[str]) -> bool:
    return any(normalise(f) in answers for f in (term.term, *term.accept))


def askable(topic: Topic, avoid: frozenset[str] = frozenset()) -> list[KeyTerm]:
    """Terms whose definition does not give the term away, each meaning and each term only once.

    A meaning two terms share ('nice': agréable, sympa) or a term listed twice leaves both out, so
    that every question built from these has one right answer.
    """
    from .key_terms import term_source

    terms = list(topic.key_terms)
    lang = bool(language(topic))
    heading = f"{topic.title} {topic.process}"  # 'Mitosis' is printed at the top of the paper: no answer
    out = []
    answers = answered_elsewhere(topic, avoid)
    for term in terms:
        if term_source(term) in avoid or gives_away(term, term.definition, lang) or not meanings(term.definition):
            continue
        if is_answer(term, answers):
            continue
        if any(find_phrase(heading, f) for f in forms(term)):
            continue
        clash = [t for t in terms if t is not term and (same_term(t, term) or meanings(t.definition) & meanings(term.definition))]
        if not clash:
            out.append(term)
    return out


def clue(term: KeyTerm) -> str:
    """The definition as a clue: its first sentence, as written."""
    return first_sentence(" ".join(term.definition.split()))


def _content(definition: str) -> set[str]:
    words = re.findall(r"\w+", plain(re.sub(r"\([^)]*\)", "", first_sentence(definition))))
    return {w[:5] for w in words if len(w) >= 3 and w not in STOP_WORDS and w not in ARTICLES}


def confusable(a: KeyTerm, b: KeyTerm) -> bool:
    """Could one definition be read as the other's? True when every content word of one is in the other
    ('When water is held in a river' within 'When water is held in lakes, rivers, puddles and so on'),
    or they share a meaning, or they are the same term."""
    if same_term(a, b) or meanings(a.definition) & meanings(b.definition):
        return True
    wa, wb = _content(a.definition), _content(b.definition)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# Prefixes that make a word's opposite, in English and the languages taught ('unhappy', 'malheureux', 'inutile').
NEGATING = ("un", "in", "im", "il", "ir", "dis", "non", "mal", "mé", "dé", "des", "ab")


def opposites(a: KeyTerm, b: KeyTerm) -> bool:
    """One term is the other with a prefix that negates it ('heureux' / 'malheureux', 'Happy' / 'Unhappy'):
    asked side by side, each answer gives the other away."""
    def words(t: KeyTerm) -> set[str]:
        return {plain(f) for f in forms(t)} | {plain(t.definition.strip().rstrip("."))}
    wa, wb = words(a), words(b)
    return any(y == p + x or x == p + y for x in wa for y in wb for p in map(plain, NEGATING) if len(x) >= 3 and len(y) >= 3)
