"""The notes' enquiry question turned into the clauses a teacher writes questions with.

"Why did the League of Nations fail?" -> clause "why the League of Nations failed", so a strategy can
print "Explain why the League of Nations failed." or "The main reason why the League of Nations failed
was ...". Verbs are inflected from lemminflect's table (read from its wheel, as ``quality.words`` reads
the lemma table, so numpy is never imported). A question these rules cannot read gives None: the
strategy then uses its own plainer wording, never a broken sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..quality.words import DETERMINERS, PREPOSITIONS, pos, tokens, verb_forms

WH = ("why", "how")
DO = {"did": "past", "do": "base", "does": "s"}
BE_HAVE_MODAL = frozenset("was were is are has have had can could will would should might may must".split())
# Words after which a 'was'/'were' question's complement starts ("Why was the Treaty so unpopular?").
COMPLEMENT_OPENERS = frozenset("so such very not too more less a an able unable".split())
IRREGULAR_PAST = {"be": "was", "have": "had", "do": "did"}
IRREGULAR_S = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def _inflect(verb: str, slot: int, irregular: dict[str, str], endings: tuple[tuple[str, int, str], ...]) -> str:
    """A form of ``verb`` from lemminflect's table (``slot`` 0: past, 1: third person); a verb not in
    the table gets the first regular ending whose pattern fits: (pattern, letters cut, ending)."""
    low = verb.lower()
    if low in irregular:
        return irregular[low]
    found = verb_forms().get(low)
    if found and found[slot]:
        return found[slot]
    for pattern, cut, ending in endings:
        if re.search(pattern, low):
            return low[:len(low) - cut] + ending
    return low


def past(verb: str) -> str:
    """'fail' -> 'failed', 'carry' -> 'carried', 'win' -> 'won'; a verb not in the table gets '-ed'."""
    return _inflect(verb, 0, IRREGULAR_PAST, (("e$", 0, "d"), ("[^aeiou]y$", 1, "ied"), ("", 0, "ed")))


def third_person(verb: str) -> str:
    """'increase' -> 'increases', 'carry' -> 'carries'."""
    return _inflect(verb, 1, IRREGULAR_S, (("(s|sh|ch|x|z)$", 0, "es"), ("[^aeiou]y$", 1, "ies"), ("", 0, "s")))


def _can_be_verb(word: str) -> bool:
    low = word.lower()
    return not word[0].isupper() and "VERB" in pos(low) and low not in DETERMINERS | PREPOSITIONS


def _verb_at(words: list[str]) -> int | None:
    """Where the main verb starts after the subject: 'the League of Nations fail' -> 4.

    A noun that could be a verb, straight before a word that could be one too, is still the subject
    ('the Nazi party gain support': the verb is 'gain'), unless the subject so far is a name
    ('Hitler gain support': the verb is 'gain', not 'support').
    """
    for i in range(1, len(words)):
        word, prev = words[i], words[i - 1].lower()
        if word[0].isupper() or prev in DETERMINERS or prev in PREPOSITIONS:
            continue
        if word.lower() == "not":
            return i
        if _can_be_verb(word):
            named = all(w[:1].isupper() for w in words[:i])  # 'Hitler gain support': a name is a whole subject
            if not named and i + 1 < len(words) and _can_be_verb(words[i + 1]) and "NOUN" in pos(word.lower()):
                return i + 1
            return i
    return None


def _complement_at(words: list[str]) -> int | None:
    """Where a 'was'/'were' question's complement starts: 'the Treaty of Versailles so unpopular' -> 4."""
    for i in range(1, len(words)):
        word, prev = words[i], words[i - 1].lower()
        low = word.lower()
        if low in COMPLEMENT_OPENERS:
            return i
        if word[0].isupper() or prev in DETERMINERS or low == "of":
            continue
        tags = pos(low)
        if low in PREPOSITIONS or tags & {"ADJ", "ADV"} or ("VERB" in tags and low.endswith(("ed", "en"))):
            return i
    return None


def clause(question: str) -> str | None:
    """The enquiry question as a reported clause: 'Why did Stalin carry out the Purges?' ->
    'why Stalin carried out the Purges'. None when the question is not a why/how question these
    rules can read."""
    text = question.strip().rstrip(" .")
    if not text.endswith("?"):
        words = text.split()  # already a clause: 'Why the League of Nations failed'
        if len(words) >= 3 and words[0].lower() in WH and words[1].lower() not in DO and words[1].lower() not in BE_HAVE_MODAL:
            return " ".join([words[0].lower(), *words[1:]])
        return None
    words = text[:-1].split()
    if len(words) < 3 or words[0].lower() not in WH:
        return None
    wh, aux, rest = words[0].lower(), words[1].lower(), words[2:]
    if not tokens(" ".join(rest)) or not all(tokens(w) for w in rest):
        return None
    if aux in DO:
        at = _verb_at(rest)
        if at is None:
            return None
        subject, verb, tail = rest[:at], rest[at], rest[at + 1:]
        if verb.lower() == "not":
            if not tail:
                return None
            return " ".join([wh, *subject, aux, "not", *tail])
        form = {"past": past, "s": third_person, "base": str.lower}[DO[aux]](verb)
        return " ".join([wh, *subject, form, *tail])
    if aux in BE_HAVE_MODAL:
        at = _complement_at(rest) if aux in ("was", "were", "is", "are") else _verb_at(rest)
        if at is None:
            return None
        return " ".join([wh, *rest[:at], aux, *rest[at:]])
    return None


def subject(question: str) -> str | None:
    """Who or what the enquiry is about: 'Why did the League of Nations fail?' -> 'the League of Nations';
    None when the question cannot be read."""
    text = question.strip()
    if not text.endswith("?"):
        return None
    words = text[:-1].split()
    if len(words) < 3 or words[0].lower() not in WH or not all(tokens(w) for w in words[2:]):
        return None
    aux, rest = words[1].lower(), words[2:]
    if aux in DO or aux in BE_HAVE_MODAL:
        at = _complement_at(rest) if aux in ("was", "were", "is", "are") else _verb_at(rest)
        return " ".join(rest[:at]) if at else None
    return None


PAST = frozenset("did was were had could would might".split())


def tense_of(question: str) -> str:
    """'past' for 'Why did ...?', 'Why was ...?'; 'present' for 'Why do ...?', 'Why are ...?'."""
    words = question.strip().split()
    if not question.strip().endswith("?"):  # a clause ('Why the League failed'): its verb says
        return "past" if any(w.lower() in _past_forms() for w in words[1:]) else "present"
    return "past" if len(words) > 1 and words[1].lower() in PAST else "present"


@lru_cache(maxsize=1)
def _past_forms() -> frozenset[str]:
    return frozenset(forms[0] for forms in verb_forms().values() if forms[0]) | {"was", "were"}


def explain_form(question: str) -> str | None:
    """'Why did the League of Nations fail?' -> 'Explain why the League of Nations failed.'"""
    found = clause(question)
    return f"Explain {found}." if found else None


def explain_stem(topic_question: str, explain_stem: str | None) -> str | None:
    """The sentence an 'explain' question opens with: the notes' own stem, else one made from the question."""
    if explain_stem and explain_stem.strip():
        return explain_stem.strip().rstrip(" .") + "."
    return explain_form(topic_question) if topic_question else None
