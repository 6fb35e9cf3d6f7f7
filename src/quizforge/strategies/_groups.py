"""Shared by the factor, category and case-study strategies: which items fit one group only, and wording.

The checks here are deliberately plain (word overlap, title words, sentence shape): they keep an item off
the paper when a student could argue for a second answer, or when the item names its own answer.
"""

from __future__ import annotations

import re

from ..model import Aspect, Cause, Point, Topic
from ._text import STOP_WORDS, end_sentence, normalise, stands_alone

# Subjects whose named examples are called "case studies" on their papers.
CASE_STUDY_SUBJECTS = ("geography", "history")
SCIENCES = ("biology", "chemistry", "physics", "science", "combined science")
# Words that carry no meaning of their own when deciding whether two items say the same thing.
WEAK_WORDS = STOP_WORDS | frozenset("very just only also both each every".split())


def content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if w not in WEAK_WORDS and not w.isdigit()}


def stem(word: str) -> str:
    """A crude stem so that 'Iceland' finds 'Icelandic' and 'reactions' finds 'reaction'."""
    return word[:6] if len(word) > 6 else word.rstrip("s")


def stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text) if len(w) > 2}


def distinctive_title_stems(groups: list[Cause]) -> dict[str, set[str]]:
    """For each group, the stems of its title that no other group's title shares.

    'Arguments for ...' / 'Arguments against ...' share 'arguments'; what tells them apart is 'against'.
    """
    per = {g.id: stems(g.title) for g in groups}
    out = {}
    for g in groups:
        others = set().union(*(s for gid, s in per.items() if gid != g.id)) if len(per) > 1 else set()
        out[g.id] = per[g.id] - others
    return out


def names_a_group(text: str, title_stems: dict[str, set[str]]) -> bool:
    """True when the item uses a word that belongs to some group's title (its own: a give-away; another's: a trap)."""
    words = stems(text)
    return any(words & s for s in title_stems.values())


def overlap(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


VERBS = frozenset("""
is are was were be been being am has have had can could will would may might must shall should do does did
gives give makes make lets let moves move holds hold lies lie goes go went comes come takes take took causes
cause fell fall fled flee got get gave set shut put led lead ran run became become believe believes think
thinks know knows say says said means mean keeps keep stops stop stays stay grows grow shows show needs need
""".split())
DETERMINERS = frozenset("a an the of to and or plus minus per".split())


def has_verb(text: str) -> bool:
    """A rough test for a finite verb, so that table cells ('Up to a lifetime') are not taken for statements."""
    words = re.findall(r"[a-z']+|\d+", text.lower())
    for i, word in enumerate(words):
        if word in VERBS or (len(word) > 4 and word.endswith("ed")):
            return True
        before = words[i - 1] if i else ""
        if i and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
                and before not in DETERMINERS and not before.isdigit() and not before.endswith("s"):
            return True
    return False


def reads_as_item(text: str, min_words: int = 4, alone: bool = True) -> bool:
    """A full statement a student can read on its own: long enough, a verb, no pronoun opening, no list scraps.

    ``alone=False`` allows a pronoun opening, for mark-scheme points whose referent is named in the question.
    """
    text = text.strip()
    if len(text.split()) < min_words or len(text) > 220 or not has_verb(text):
        return False
    if not text[0].isupper() and not text[0].isdigit():
        return False
    if re.match(r"^(\d+[.)]|[-*•])\s", text) or any(s in text for s in ("->", "→", "=>", "-->")):
        return False
    return stands_alone(text) or not alone


def is_trivia(text: str) -> bool:
    """A bare figure: the fact is the number (a head count, a sum of money), not something to understand."""
    if re.match(r"^\W*\d", text):
        return True
    return bool(re.search(r"\d", text)) and len(content_words(text)) < 5


def uses_case_study(topic: Topic) -> bool:
    return topic.subject.strip().lower() in CASE_STUDY_SUBJECTS


def is_science(topic: Topic) -> bool:
    return topic.subject.strip().lower() in SCIENCES


def in_running_text(title: str, topic: Topic) -> str:
    """A branch title as it reads mid-sentence: 'Short-term memory' -> 'short-term memory', 'Montserrat' stays.

    Only plain common-noun titles are lowered: one capital at the start, no digits, more than one word,
    and not in a subject where the titles are names of places and events.
    """
    title = title.strip().rstrip(".")
    words = title.split()
    if uses_case_study(topic) or len(words) < 2 or re.search(r"\d", title):
        return title
    if any(w[:1].isupper() for w in words[1:]) or not title[1:2].islower():
        return title
    return title[0].lower() + title[1:]


def joined(items: list[str], conj: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conj} " + items[-1]


def aspect_points(aspect: Aspect) -> list[Point]:
    return list(aspect.walk())


def sentence(text: str) -> str:
    """End a point as a sentence and give it a capital letter."""
    text = end_sentence(text.strip())
    return text[0].upper() + text[1:]


def same_heading(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def shared_headings(first: Cause, second: Cause) -> list[tuple[Aspect, Aspect]]:
    """Aspects under the same heading in both branches, in the first branch's order."""
    pairs = []
    for aspect in first.aspects:
        match = next((b for b in second.aspects if same_heading(aspect.heading, b.heading)), None)
        if match is not None:
            pairs.append((aspect, match))
    return pairs


# What the points under an aspect heading are, by the heading's words: how a question asks for them.
HEADING_KINDS = (
    ("effects", ("effect", "impact", "consequence", "result")),
    ("causes", ("cause", "reason", "trigger")),
    ("responses", ("response", "management", "manage", "reaction", "relief", "aid")),
    ("nature", ("nature", "what happened", "description", "event", "overview")),
)


def heading_kind(heading: str) -> str:
    """'Impacts' -> 'effects', 'Management' -> 'responses', 'Nature' -> 'nature'; '' for anything else."""
    words = normalise(heading)
    for kind, keys in HEADING_KINDS:
        if any(k in words for k in keys):
            return kind
    return ""


def heading_phrase(heading: str) -> str:
    """The heading as the object of 'describe the ...': 'impacts', 'management', 'capacity'."""
    return heading.strip().rstrip(".:").lower()


def case_reference(case: Cause, topic: Topic) -> str:
    """'the case study of Montserrat, 1995–2010' where the subject calls them case studies, else the title."""
    title = in_running_text(case.title, topic)
    return f"the case study of {title}" if uses_case_study(topic) else title
