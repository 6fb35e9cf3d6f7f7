"""The built-in rules. Each returns None when the text passes, else a short detail.

Codes: Q1xx sentence shape, Q2xx what the text leans on, Q3xx scraps and shorthand,
Q4xx spelling, Q5xx length.
"""

from __future__ import annotations

import re

from .base import register
from .clause import has_clause, unresolved_pronoun
from .words import (CONJUNCTIONS, DETERMINERS, PREPOSITIONS, STOP, has_verb, is_country, known, missing_word, pos,
                    tokens, zipf)

SENTENCE = ("statement",)
ITEMS = ("statement", "option")
ROLES_ALL = ("statement", "option", "stem", "term")
QUOTED = ("quotation",)  # only the rules that catch scraps of the notes, never grammar or spelling

# Openings that point at something said elsewhere (longest first).
DANGLING_OPENINGS = tuple(sorted((
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "him",
    "but", "also", "and", "or", "so", "however", "therefore", "thus", "hence", "then", "which", "such",
    "all of this", "all this", "because of this", "as a result", "as well", "despite this", "in addition",
    "furthermore", "moreover", "similarly", "likewise", "instead", "consequently", "meanwhile", "afterwards",
    "the latter", "the former", "the same", "yet", "still", "again", "otherwise", "even so", "after this",
    "before this", "due to this", "on the other hand", "in turn", "as such", "here", "both of these",
    # 'Two more stations with ...', 'Another attack ...': more than what was said before
    "another", "the other", "the rest", "the next",
    *(f"{n} more" for n in ("one", "two", "three", "four", "five", "six", "a few", "many", "several", "some")),
), key=len, reverse=True))
# "It is important to ..." / "It was not until ..." use a dummy "it" that points at nothing.
DUMMY_IT = re.compile(r"^it (is|was) (\w+ )?(that|to|not until|possible|important|likely|clear|true|said)\b", re.I)

LIST_MARK = re.compile(r"^\s*(\(?\d{1,2}[.)](?!\d)|\(?[a-hA-H][.)]\s(?![A-Z]\.)|\(?[ivxIVX]{1,4}\)|[-*\u2022\u25cf\u25aa\u2013\u2014>]\s?)")
ARROW = re.compile(r"->|=>|<-|-->|[\u2190-\u21ff\u27f6\u27f9]|\s[+=]\s|\bw/\s|\bb/c\b|\be\.g\.$")
# '&' as shorthand for 'and'; between two capitalised words it is part of a name ("Marks & Spencer").
AMPERSAND = re.compile(r"(\S*)\s&\s(\S*)")
# Short words that may end a sentence; any other 1-2 letter word there is a cut-off ("ended u.").
SHORT_ENDINGS = frozenset("up in on out off by go do be me us it him her so to no ok uk un eu us usa ww1 ww2 tv".split())
PHRASAL_ENDINGS = frozenset("up in on out off over down back away around about through along apart together".split())
# Words a finished sentence never ends on: articles, possessives, prepositions, conjunctions.
CUT_OFF_ENDINGS = (frozenset("a an the his its their our my your whose".split())
                   | (PREPOSITIONS - PHRASAL_ENDINGS - {"since", "before", "after", "behind", "near"})
                   | (CONJUNCTIONS - {"so", "yet", "as"}))
TITLE_SMALL = frozenset("of the and in on for to a an at by with from de von van la le du".split())


@register("Q101", "no-verb", "not a full sentence: it has no subject with a finite verb", SENTENCE)
def no_verb(text: str) -> str | None:
    return None if has_clause(text) else ""


@register("Q102", "heading", "reads as a heading, not a sentence", ITEMS)
def heading(text: str) -> str | None:
    stripped = text.strip()
    if stripped.endswith(":"):
        return "ends with a colon"
    words = [w for w in tokens(stripped) if w.lower() not in TITLE_SMALL]
    if not words or len(tokens(stripped)) > 8:
        return None
    if tokens(stripped)[0].lower() in PREPOSITIONS | CONJUNCTIONS | {"because", "to", "how", "why", "what"}:
        return None  # 'Because of the Nazi-Soviet Pact' is a reason worded as a phrase
    title_case = sum(w[0].isupper() for w in words) == len(words) and len(words) >= 2
    if title_case and not has_verb(stripped) and not stripped.endswith("?"):
        return "every word capitalised"
    return None


@register("Q103", "bare-name", "only a name, with nothing said about it", ("statement",))
def bare_name(text: str) -> str | None:
    words = tokens(text)
    if not words or len(words) > 5:
        return None
    named = [w for w in words if w.lower() not in TITLE_SMALL]
    if named and all(w[0].isupper() for w in named) and not has_verb(text):
        return ""
    return None


@register("Q104", "truncated", "the line is cut off", ("statement", "option", "stem"))
def truncated(text: str) -> str | None:
    stripped = text.rstrip()
    if stripped.endswith(("...", "\u2026", "-", ",", ";", "(")):
        return "ends mid-sentence"
    words = tokens(stripped)
    if not words:
        return "empty"
    last = words[-1]
    low = last.lower()
    if last[0].isdigit() or last.isupper():
        return None
    if low in CUT_OFF_ENDINGS:
        return f"ends on '{last}'"
    if len(low) <= 2 and low not in SHORT_ENDINGS and not pos(low):
        return f"ends on '{last}'"
    return None


@register("Q105", "lower-case-start", "starts in lower case, so it continues another line", SENTENCE)
def lower_start(text: str) -> str | None:
    first = text.lstrip(" \"'\u2018\u201c(")[:1]
    return "" if first.isalpha() and first.islower() else None


@register("Q201", "dangling-opening", "opens with a word whose referent is elsewhere", ITEMS)
def dangling_opening(text: str) -> str | None:
    found = _opening(text)
    label = LABELLED.match(text)
    if found is None and label:  # 'Icelandic Eruption 2010 (impacts): But car hire ... did well': the sentence after the label
        found = _opening(label.group(1))
    return found


# A short label, a colon, then a sentence of its own (a mark scheme's 'Case (aspect): sentence').
LABELLED = re.compile(r"^[^:]{1,60}:\s+([A-Z].*)$")


def _opening(text: str) -> str | None:
    low = " ".join(tokens(text.lower()))
    if DUMMY_IT.match(low):
        return None
    for opening in DANGLING_OPENINGS:
        if low == opening or low.startswith(opening + " "):
            return f"'{opening}'"
    return None


@register("Q202", "unresolved-pronoun", "its subject is a pronoun whose referent is elsewhere", ITEMS)
def pronoun_subject(text: str) -> str | None:
    if dangling_opening(text) is not None:
        return None  # Q201 says it already
    found = unresolved_pronoun(text)
    return f"'{found}'" if found else None


@register("Q204", "missing-word", "a word is missing ('the very who thought of it')", ROLES_ALL)
def missing(text: str) -> str | None:
    found = missing_word(text)
    return f"'{found}'" if found else None


# After 'its', a word that shows 'it's' (it is) was meant: 'knowing its kinder than ...', 'its a shame'.
ITS_FOR_IT_IS = frozenset("a an the not been being going got gonna too".split())
MODALS = frozenset("will would shall should can could may might must".split())


@register("Q206", "its-for-it-is", "has 'its' where 'it's' (it is) is meant", ROLES_ALL)
def its_for_it_is(text: str) -> str | None:
    words = tokens(text)
    for i, word in enumerate(words[:-1]):
        if word.lower() != "its":
            continue
        nxt = words[i + 1].lower()
        comparative = nxt.endswith("er") and "ADJ" in pos(nxt) and i + 2 < len(words) and words[i + 2].lower() == "than"
        if nxt in ITS_FOR_IT_IS or comparative:
            return f"'its {words[i + 1]}'"
    return None


@register("Q207", "modal-without-verb", "has 'will', 'can' ... with no verb after it ('Macbeth will downfall')",
          ROLES_ALL)
def modal_without_verb(text: str) -> str | None:
    """Only where the next word can be nothing but a noun or an adjective the lexicon knows, and the modal
    is no noun itself ('the will of the people', 'free will')."""
    words = tokens(text)
    for i, word in enumerate(words[1:-1], start=1):
        prev, nxt = words[i - 1].lower(), words[i + 1]
        if word.lower() not in MODALS or word[0].isupper() or prev in DETERMINERS or "ADJ" in pos(prev):
            continue
        tags = pos(nxt)
        if nxt.islower() and tags and not tags & {"VERB", "AUX", "ADV"} and nxt not in STOP:
            return f"'{word} {nxt}'"
    return None


FEMALE = frozenset("""
queen queens lady ladies woman women wife wives mother mothers daughter daughters girl girls sister sisters
princess empress duchess mrs miss ms madam actress widow she's
""".split())
NATIONALITY = re.compile(r"(?:an|ian|ese|ish|ic)$")
FEMININE = re.compile(r"\b(she|her|hers|herself)\b", re.I)


@register("Q205", "country-she", "calls a country 'she' or 'her'", ITEMS)
def country_she(text: str) -> str | None:
    """'USSR: she was only allowed to join', 'Germany: it makes her support ... weaker'. Only when every name
    before the pronoun is a country (a person, 'Queen', 'Elizabeth', may be who 'she' is)."""
    m = FEMININE.search(text)
    if not m:
        return None
    before = tokens(text[:m.start()])
    if any(w.lower() in FEMALE for w in before):
        return None
    runs = [run[0] for run in re.finditer(r"[A-Z][\w'-]*(?: (?:of |the )?[A-Z][\w'-]*)*", text[:m.start()])]
    if not any(is_country(r) or any(is_country(w) for w in r.split()) for r in runs):
        return None
    for run in runs:
        if is_country(run):
            continue
        for name in run.split():
            if not is_country(name) and not pos(name.lower()) and not NATIONALITY.search(name) and name.lower() not in TITLE_SMALL:
                return None  # someone else is named: 'she' may be that person
    return f"'{m[0]}'"


# A sentence of the notes quoted in a question's prompt ('Which case study does this describe? “...”').
STIMULUS = re.compile(r"\u201c([^\u201c\u201d]{12,})\u201d")


@register("Q203", "stimulus-elsewhere", "quotes a line that leans on words printed nowhere", ("stem",))
def stimulus_elsewhere(text: str) -> str | None:
    for m in STIMULUS.finditer(text):
        line = m.group(1)
        # 'it' in "Which case study does this describe? “In 1997 it blasted ...”" is the case asked for.
        pronoun = unresolved_pronoun(line)
        found = dangling_opening(line) or (f"'{pronoun}'" if pronoun and pronoun.lower() != "it" else None)
        if found:
            return found
    return None


@register("Q301", "list-number", "starts with a list number or bullet", ROLES_ALL + QUOTED)
def list_number(text: str) -> str | None:
    m = LIST_MARK.match(text)
    return f"'{m.group(0).strip()}'" if m else None


@register("Q302", "arrow", "has an arrow or note shorthand", ITEMS + QUOTED)
def arrow(text: str) -> str | None:
    m = ARROW.search(text)
    if m:
        return f"'{m.group(0).strip()}'"
    for m in AMPERSAND.finditer(text):
        before, after = (re.sub(r"<[^>]*>|[^\w]", "", w)[:1] for w in (m.group(1), m.group(2)))
        if not (before.isupper() and after.isupper()):
            return "'&'"
    return None


LABEL_DASH = re.compile(r"^[\w'\u2019 ]{1,30}?\s[-\u2013\u2014]\s")


@register("Q305", "label-dash", "is a note's 'label - fact' shorthand, not a sentence", SENTENCE)
def label_dash(text: str) -> str | None:
    m = LABEL_DASH.match(text)
    return f"'{m.group(0).strip()}'" if m else None


@register("Q303", "unbalanced", "has an unclosed bracket or quotation mark", ROLES_ALL)
def unbalanced(text: str) -> str | None:
    for left, right in ("()", "[]", "\u201c\u201d"):
        if text.count(left) != text.count(right):
            return f"'{left}{right}'"
    if text.count('"') % 2:
        return "'\"'"
    return None


@register("Q304", "placeholder", "has a placeholder or editing mark", ROLES_ALL + QUOTED)
def placeholder(text: str) -> str | None:
    m = re.search(r"_{3,}|\?\?|\bTODO\b|\bTBC\b|\bXXX\b|\betc\b\.?$|\[\s*\]", text)
    return f"'{m.group(0)}'" if m else None


def _edits(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out


SUFFIXES = tuple((suffix, base) for suffix, bases in (
    ("iers", ("y",)), ("ier", ("y",)), ("ies", ("y",)), ("ers", ("", "e")), ("er", ("", "e")), ("es", ("", "e")),
    ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")), ("ly", ("",)), ("ness", ("",)), ("ist", ("", "e", "ism")),
    ("ists", ("", "e", "ism")),
) for base in bases)


def _misspelt(word: str) -> str | None:
    """A common word one edit away from an unknown lower-case word: the likely intended spelling."""
    low = word.lower()
    if len(low) < 4 or not low.isalpha() or known(low):
        return None
    if known(low.replace("s", "z")) or known(low.replace("our", "or")) or known(low.replace("re", "er")):
        return None  # a British spelling of a known word
    for suffix, base in SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3 and known(low[:-len(suffix)] + base):
            return None  # a form the lexicon lacks of a word it knows ('occupiers')
    best = max(_edits(low), key=lambda w: (zipf(w), w))
    return best if zipf(best) >= 3.5 else None


@register("Q401", "typo", "has a word that looks misspelt", ROLES_ALL)
def typo(text: str) -> str | None:
    words = tokens(text)
    for a, b in zip(words, words[1:]):
        # a word said twice is a slip; a repeated initial is a name ("J. J. Thomson")
        if a.lower() == b.lower() and a.isalpha() and len(a) > 1 and a.lower() not in {"had", "that"}:
            return f"'{a} {b}'"
    for word in words:
        if word[0].islower():
            fix = _misspelt(word)
            if fix:
                return f"'{word}' (for '{fix}'?)"
    return None


# role: (fewest words, most words, most characters)
LIMITS = {"statement": (4, 45, 320), "option": (1, 40, 280), "stem": (2, 70, 480), "term": (1, 8, 60),
          "quotation": (2, 60, 400)}


def _length_rule(code: str, role: str) -> None:
    low, high, chars = LIMITS[role]

    def length(text: str) -> str | None:
        n = len(tokens(text))
        if n < low:
            return f"{n} words, fewer than {low}"
        if n > high:
            return f"{n} words, more than {high}"
        if len(text) > chars:
            return f"{len(text)} characters, more than {chars}"
        return None

    register(code, f"{role}-length", f"too short or too long for a {role} ({low}-{high} words)", (role,))(length)


for _code, _role in (("Q501", "statement"), ("Q502", "option"), ("Q503", "stem"), ("Q504", "term"),
                     ("Q505", "quotation")):
    _length_rule(_code, _role)
