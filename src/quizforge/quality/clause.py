"""Does a sentence stand on its own? A subject with a finite verb, and no pronoun whose referent is elsewhere.

Both checks read lemminflect's lexicon through ``words.pos`` (its tables ship in the wheel; no model, nothing
downloaded) and the verb finder ``words.verbs``:

- ``has_clause``: some finite verb has a subject before it (a name, a noun, a number, a pronoun, a term
  the lexicon lacks); or the text is a predicate whose subject is what it is matched with, opening on a
  conjugated verb ('Increases the yield of ammonia.', 'Erupted in phases from 1995 to 2010.', but not a
  passive 'Caused by ...'); or a command in the base form with something after it ('Add the acid slowly.').
  'Slow to make decisions.' (no finite verb) and 'Was only allowed to join in 1934.' (an auxiliary with no
  subject) are none of these.
- ``unresolved_pronoun``: the subject of the first clause is he, she, they or it and nothing before it
  (nor, for a fronted 'If they ..., ' clause, the main clause after it) names what it stands for.
"""

from __future__ import annotations

from .words import AUXILIARIES, DETERMINERS, PREPOSITIONS, STOP, SUBJECT_PRONOUNS, is_finite_form, pos, tokens, verbs

PERSONAL = frozenset("he she they it".split())
# Subjects that name nobody in particular, so they need no referent.
GENERIC = frozenset("i you we one everyone everybody someone somebody anyone anybody nobody people".split())
# "It is important to ...", "It was not until ...", "it takes ... to ...": a dummy "it" that points at nothing.
DUMMY_IT_NEXT = frozenset("is was takes took seems seemed means meant".split())
NOT_SUBJECT = frozenset("not also only just then really very still even never always often later soon".split())


def _subject_like(word: str) -> bool:
    low = word.lower()
    if low in SUBJECT_PRONOUNS or low in GENERIC or word[0].isdigit():
        return True
    if low in STOP or low in NOT_SUBJECT:
        return False
    tags = pos(low)
    return not tags or "NOUN" in tags or "PROPN" in tags or word[0].isupper() or low.endswith("ing")


def _command(words: list[str]) -> bool:
    """'Add the acid slowly', 'Heat the tube': a base-form verb first, then its object."""
    if len(words) < 2:
        return False
    low, nxt = words[0].lower(), words[1].lower()
    base = "VERB" in pos(low) and low not in {"is", "are", "was", "were", "has", "had", "does", "did"}
    return base and not low.endswith(("s", "ed")) and nxt not in PREPOSITIONS and nxt not in {"to", "and", "or", "by"}


def _predicate(words: list[str]) -> bool:
    """'Increases the yield', 'Erupted in phases': a conjugated lexical verb first, not a passive 'Caused by'."""
    low = words[0].lower()
    return (low not in AUXILIARIES and is_finite_form(low) and len(words) >= 2
            and words[1].lower() not in {"by", "and", "or", "to"})


def has_clause(text: str) -> bool:
    """True when the text has a finite verb with a subject before it, or is a command."""
    words = tokens(text)
    for i, imperative in verbs(words):
        if imperative:
            if i == 0 and (_command(words) or _predicate(words)):
                return True
            continue
        if any(_subject_like(w) for w in words[:i]):
            return True
    return False


def _antecedent(word: str, pronoun: str) -> bool:
    """Could ``word`` (before the pronoun) be what the pronoun stands for?"""
    low = word.lower()
    if low in STOP or word[0].isdigit():
        return False
    if word[0].isupper():
        return True  # a name: 'Germany', 'the Queen'
    tags = pos(low)
    if pronoun == "they":
        return "NOUN" in tags and low.endswith("s")
    return pronoun == "it" and "NOUN" in tags


def _pronoun_subject(words: list[str]) -> tuple[int, str] | None:
    """(index, pronoun) when the first finite verb's subject is a personal pronoun."""
    first = next((i for i, imperative in verbs(words) if not imperative), None)
    if first is None:
        return None
    j = first - 1
    while j >= 0 and words[j].lower() in NOT_SUBJECT:
        j -= 1
    if j < 0 or words[j].lower() not in PERSONAL:
        return None
    pronoun = words[j].lower()
    if pronoun == "it" and words[first].lower() in DUMMY_IT_NEXT:
        return None
    return j, pronoun


def unresolved_pronoun(text: str) -> str | None:
    """The pronoun that is the first clause's subject with no referent in the text, or None."""
    words = tokens(text)
    found = _pronoun_subject(words)
    if found is None:
        return None
    j, pronoun = found
    if any(_antecedent(w, pronoun) for w in words[:j]):
        return None
    if "," in text and _named_after(tokens(text.split(",", 1)[1])):
        return None  # 'When it erupted, the volcano destroyed Plymouth', 'By killing a man he loves, George ...'
    return words[j]


def _named_after(main: list[str]) -> bool:
    """The clause after a fronted one has a subject that names someone or something."""
    verb = next((i for i, imperative in verbs(main) if not imperative), None)
    return verb is not None and any(_subject_like(w) and w.lower() not in PERSONAL | DETERMINERS | SUBJECT_PRONOUNS
                                    for w in main[:verb])
