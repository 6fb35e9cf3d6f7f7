"""Abbreviated and bare-adjective branch titles written out as a teacher would print them.

A table of memory stores titles its rows 'Sensory', 'STM', 'LTM'; a question reads "Compare sensory
memory and short-term memory (STM)", never "Compare Sensory and STM". An abbreviation is written out
only where the notes themselves spell it out: a definition ('short-term memory (STM)', 'STM
(short-term memory)') or a run of words whose initials spell it ('... into short term memory'). A lone
adjective ('Sensory') borrows the head noun of the title it is compared with ('memory').
"""

from __future__ import annotations

import re

from ..model import Topic
from ..quality.words import pos
from ._text import STOP_WORDS

ABBREVIATION = re.compile(r"[A-Z]{2,5}")
# 'short term memory' -> 'short-term memory': the compound adjectives of time and level, hyphenated
# before the noun they describe, as printed English writes them.
COMPOUND = re.compile(r"\b(short|long|medium|full|part|high|low|first|second|third)[ ](term|time|level|hand|class|rate)\b(?= \w)",
                      re.IGNORECASE)


def _texts(topic: Topic) -> list[str]:
    out = [topic.title, topic.question]
    for branch in topic.groups:
        out.append(branch.title)
        out += [p.text for p in branch.walk()]
    out += [f"{k.term}. {k.definition}" for k in topic.key_terms]
    return [t for t in out if t]


def _hyphenate(phrase: str) -> str:
    return COMPOUND.sub(lambda m: f"{m.group(1)}-{m.group(2)}", phrase)


def spelled_out(abbreviation: str, topic: Topic) -> str:
    """The words the notes use for ``abbreviation`` ('STM' -> 'short-term memory'), or ''."""
    if not ABBREVIATION.fullmatch(abbreviation):
        return ""
    texts = _texts(topic)
    n = len(abbreviation)
    word = r"[A-Za-z][a-z]+"
    run = rf"{word}(?:[ -]{word}){{{n - 1}}}"
    for text in texts:  # a definition first: 'short-term memory (STM)' or 'STM (short-term memory)'
        for m in re.finditer(rf"((?:{word}[ -]){{0,{n + 2}}}{word})\s*\({abbreviation}\)", text):
            phrase = _defined(m.group(1).split(" "), abbreviation)
            if phrase:
                return _hyphenate(phrase)
        for m in re.finditer(rf"\b{abbreviation}\s*\(([^()]+)\)", text):
            if _initials(m.group(1)) == abbreviation:
                return _hyphenate(m.group(1).strip().lower())
    for text in texts:  # else a run of words with those initials, ending in a noun
        for sentence in re.split(r"[.;:!?()]", text):
            words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", sentence)
            for i in range(len(words)):
                phrase = _run(words, i, abbreviation)
                if phrase:
                    return _hyphenate(phrase.lower())
    return ""


def _initials(phrase: str) -> str:
    """'combined heat and power' -> 'CHP' (small words such as 'and', 'of' are not in an abbreviation)."""
    return "".join(w[0] for w in re.split(r"[ -]+", phrase) if w and w.lower() not in STOP_WORDS).upper()


def _defined(words: list[str], abbreviation: str) -> str:
    """The shortest tail of the words before '(ABBR)' that spells it: '... giving combined heat and power'
    -> 'combined heat and power'."""
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in STOP_WORDS:
            continue
        if _initials(" ".join(tail)) == abbreviation:
            return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in tail)
    return ""


def _run(words: list[str], start: int, abbreviation: str) -> str:
    """The words from ``start`` whose initials spell the abbreviation (hyphenated parts count), or ''."""
    parts: list[str] = []
    taken = []
    for word in words[start:]:
        pieces = word.split("-")
        if len(parts) + len(pieces) > len(abbreviation):
            break
        parts += pieces
        taken.append(word)
        if len(parts) == len(abbreviation):
            break
    if "".join(p[0] for p in parts).upper() != abbreviation or len(parts) != len(abbreviation):
        return ""
    if any(p.lower() in STOP_WORDS or not p.islower() for p in parts):
        return ""  # 'The Soviet Union' and sentence-initial capitals are no definition
    if "NOUN" not in pos(parts[-1].lower()):
        return ""
    return " ".join(taken)


# Words that stand in for each other in a pair of abbreviations: 'STM' is 'short-term memory', so 'LTM'
# beside it is 'long-term memory'.
FAMILIES = (("short", "long", "medium"), ("high", "low"), ("primary", "secondary", "tertiary"),
            ("upper", "lower"), ("inner", "outer"), ("internal", "external"), ("positive", "negative"))


def by_analogy(abbreviation: str, other: str, other_spelled: str) -> str:
    """'LTM' beside 'STM' = 'short-term memory' -> 'long-term memory': the same words after the first,
    whose first word has one partner in its family that starts with the abbreviation's first letter."""
    if not (other_spelled and ABBREVIATION.fullmatch(abbreviation) and len(abbreviation) == len(other)
            and abbreviation[1:] == other[1:] and abbreviation[0] != other[0]):
        return ""
    first, _, rest = other_spelled.partition("-") if "-" in other_spelled.split()[0] else other_spelled.partition(" ")
    joiner = "-" if "-" in other_spelled.split()[0] else " "
    for family in FAMILIES:
        if first in family:
            partners = [w for w in family if w != first and w[0] == abbreviation[0].lower()]
            if len(partners) == 1:
                return f"{partners[0]}{joiner}{rest}"
    return ""


def head_noun(phrase: str) -> str:
    """'short-term memory' -> 'memory'."""
    return phrase.split()[-1] if phrase else ""


def lone_adjective(title: str) -> bool:
    """'Sensory', 'Episodic': one word that is an adjective and not a noun."""
    words = title.strip().rstrip(".").split()
    if len(words) != 1 or not words[0].isalpha():
        return False
    tags = pos(words[0].lower())
    return "ADJ" in tags and "NOUN" not in tags


def pair(first: str, second: str, topic: Topic) -> tuple[str, str] | None:
    """The two titles written out to be compared ('Sensory', 'STM' -> 'sensory memory', 'short-term
    memory (STM)'); None when neither needs it, so the caller keeps its own wording."""
    out = [first.strip().rstrip("."), second.strip().rstrip(".")]
    spelled = [spelled_out(t, topic) for t in out]
    spelled = [found or by_analogy(out[i], out[1 - i], spelled[1 - i]) for i, found in enumerate(spelled)]
    if not any(spelled) and not any(lone_adjective(t) for t in out):
        return None
    for i, title in enumerate(out):
        if spelled[i]:
            out[i] = f"{spelled[i]} ({title})"
    nouns = {head_noun(s) for s in spelled if s}
    for i, title in enumerate(out):
        if lone_adjective(title):
            if len(nouns) != 1:
                return None  # a bare adjective with nothing to borrow: leave the wording as it was
            out[i] = f"{title.lower()} {next(iter(nouns))}"
    return out[0], out[1]


def expanded(title: str, topic: Topic, others: tuple[str, ...] = ()) -> str:
    """What the title stands for: the notes' own words for it, else those of an ``others`` title it pairs
    with ('LTM' beside 'STM' = 'short-term memory' -> 'long-term memory'), else ''."""
    title = title.strip().rstrip(".")
    found = spelled_out(title, topic)
    for other in others:
        other = other.strip().rstrip(".")
        found = found or by_analogy(title, other, spelled_out(other, topic))
    return found


def written(title: str, topic: Topic) -> str:
    """One title in running text where the notes spell it out ('STM' -> 'short-term memory (STM)'), else ''."""
    title = title.strip().rstrip(".")
    spelled = spelled_out(title, topic)
    return f"{spelled} ({title})" if spelled else ""
