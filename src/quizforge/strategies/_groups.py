"""Shared by the factor, category and case-study strategies: which items fit one group only, and wording.

The checks here are deliberately plain (word overlap, title words, sentence shape): they keep an item off
the paper when a student could argue for a second answer, or when the item names its own answer.
"""

from __future__ import annotations

import re

from .. import quality
from ..model import Aspect, Cause, Point, Topic
from ..quality.words import pos
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


YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


def names_a_group(text: str, title_stems: dict[str, set[str]], titles: tuple[str, ...] = ()) -> bool:
    """True when the item uses a word that belongs to some group's title (its own: a give-away; another's: a
    trap), or a year when the titles carry years ('In 1997 ...' beside 'Montserrat, 1995–2010')."""
    words = stems(text)
    if any(words & s for s in title_stems.values()):
        return True
    return bool(YEAR.search(text)) and any(YEAR.search(t) for t in titles)


NEGATIONS = frozenset("not no never cannot can't don't doesn't didn't isn't aren't wasn't weren't won't".split())


def negated(text: str) -> set[str]:
    """Words straight after a negation: 'people don't believe' -> {'believe'}."""
    words = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
    return {w for before, w in zip(words, words[1:]) if before in NEGATIONS}


def says_the_same(a: str, b: str) -> bool:
    """Two statements a student could not tell apart: most words shared (all of the shorter's, or three or
    more), and no shared word negated in one but not the other ('people believe' / 'people don't believe')."""
    wa, wb = content_words(a), content_words(b)
    shared = wa & wb
    if not wa or not wb or len(shared) / min(len(wa), len(wb)) < 0.6:
        return False
    if len(shared) < 3 and not ((wa <= wb or wb <= wa) and len(shared) >= 2):
        return False
    return not ((negated(a) ^ negated(b)) & shared)


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


# Words that frame a figure rather than say anything ("One social impact was that the population fell ...").
FRAMING = frozenset("""one another impact impacts effect effects social economic environmental political main key
number about approximately around million billion thousand hundred""".split())


def printable(text: str, role: str = "statement") -> bool:
    """The quality gates (quizforge.quality) pass it for what it is on the paper."""
    return quality.ok(text, role)


def is_trivia(text: str) -> bool:
    """A bare figure: the fact is the number (a head count, a sum of money), not something to understand."""
    if re.match(r"^\W*\d", text):
        return True
    return bool(re.search(r"\d", text)) and len(content_words(text) - FRAMING) < 5


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
    if words and words[0] in ("The", "A", "An") and len(words) > 1 and words[1][:1].isupper():
        return title[0].lower() + title[1:]  # 'The Icelandic eruption, 2010' -> 'the Icelandic eruption, 2010'
    event = demonym_event(words)
    if event:
        return event
    if uses_case_study(topic) or len(words) < 2 or re.search(r"\d", title):
        return title
    if any(w[:1].isupper() for w in words[1:]) or not title[1:2].islower():
        return title
    return title[0].lower() + title[1:]


DEMONYM = re.compile(r"[A-Z][a-z]+(?:ic|ian|ean|ese|ish|i)$")


def demonym_event(words: list[str]) -> str:
    """'Icelandic Eruption 2010' -> 'the Icelandic eruption, 2010': a people's adjective and a common noun
    written as a title read as a common noun phrase mid-sentence. Empty when the title is not of that kind."""
    if len(words) < 2 or not DEMONYM.fullmatch(words[0]) or pos(words[0]):
        return ""
    if not words[1][:1].isupper() or "NOUN" not in pos(words[1]):
        return ""
    rest = [w if (w.isupper() or re.search(r"\d", w)) else w.lower() for w in words[1:]]
    if re.fullmatch(r"\d{3,4}", rest[-1]) and len(rest) > 1 and not rest[-2].endswith(","):
        rest[-2] += ","
    return " ".join(["the", words[0], *rest])


def joined(items: list[str], conj: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conj} " + items[-1]


def aspect_points(aspect: Aspect) -> list[Point]:
    return list(aspect.walk())


def sentence(text: str) -> str:
    """End a point as a sentence and give it a capital letter."""
    text = text.strip()
    text = text if text.endswith(MASK) else end_sentence(text)  # 'in …' needs no full stop after it
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


MASK = "\u2026"


def name_forms(title: str) -> list[str]:
    """The ways notes name a branch: 'Short-term memory (STM)' -> the title, 'Short-term memory', 'STM'."""
    title = title.strip().rstrip(".")
    forms = [title]
    bracket = re.match(r"^(.*?)\s*\((.+)\)$", title)
    if bracket:
        forms += [bracket.group(1), bracket.group(2)]
    before_comma = title.split(",")[0].strip()
    if before_comma != title and not re.search(r"\d", before_comma):
        forms.append(before_comma)  # 'Montserrat, 1995–2010' -> 'Montserrat'
    return sorted({f for f in forms if len(f) > 2}, key=len, reverse=True)


def hide_own_name(text: str, title: str) -> str:
    """The statement with its own branch's name hidden: 'The capacity of … is 7 ± 2.' ('' if not named)."""
    out = text
    for form in name_forms(title):
        out = re.sub(rf"(?<!\w)(the\s+)?{re.escape(form)}(?!\w)", MASK, out, flags=re.IGNORECASE)
    out = out.replace(MASK + ".", MASK)
    return out if out != text else ""


def without_names(text: str, own_title: str, names: dict[str, set[str]], titles: tuple[str, ...]) -> str:
    """A group's item as it can be printed: unchanged when it names no group; with its own group's name
    hidden when that is the only name in it; '' when it names another group (or a year the titles carry)."""
    if not names_a_group(text, names, titles):
        return text
    hidden = hide_own_name(text, own_title)
    if hidden.rstrip(" .").endswith(MASK):  # 'There is no encoding in …' reads as a line cut off
        return ""
    return hidden if hidden and not names_a_group(hidden, names, titles) else ""


def unnamed(text: str, titles: tuple[str, ...]) -> str:
    """The text with every group's name hidden, so parallel statements ('The capacity of X is ...') are
    compared by what they say about X, not by the frame they share."""
    for title in titles:
        text = hide_own_name(text, title) or text
    return text
