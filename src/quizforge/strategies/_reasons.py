"""How a branch title reads inside a question: an aim, a 'because', a sentence, or a topic to write about.

"To cover up problems in the economy" completes "Explain why Stalin used the Purges ..."; "Membership"
is a topic ("In your answer, write about membership."); "The USA never joined" is a reason stated as a
sentence. A heading is never quoted as if it were a reason.
"""

from __future__ import annotations

from ..quality.words import has_verb, pos
from ._text import STOP_WORDS, lower_first

AIMS = ("to ", "in order to ", "so that ", "so as to ")


def kind(title: str) -> str:
    """'aim', 'because-of', 'because', 'sentence' or 'topic'."""
    low = title.strip().lower()
    if low.startswith(AIMS):
        return "aim"
    if low.startswith("because of "):
        return "because-of"
    if low.startswith("because "):
        return "because"
    return "sentence" if has_verb(title) else "topic"


def _after(title: str, opener: str) -> str:
    return title.strip()[len(opener):].strip()


def noun_phrase(title: str) -> str:
    """A topic title in running text: 'Membership' -> 'membership', 'USSR' -> 'the USSR',
    'Treaty of Versailles' -> 'the Treaty of Versailles'; a name ('Germany', 'Japan and Italy') stays."""
    text = title.strip().rstrip(" .")
    words = text.split()
    first, low = words[0], words[0].lower()
    if len(words) == 1 and first.isupper() and 2 <= len(first) <= 4 and first.isalpha():
        return f"the {text}"  # 'the USA', 'the NKVD'
    if not first[1:].islower():
        return text
    if low in STOP_WORDS:
        return low + text[len(first):]
    if not pos(low):
        return text  # a name
    named = len(words) > 1 and all(w[0].isupper() for w in words[1:] if w.lower() not in STOP_WORDS)
    return f"the {text}" if named else low + text[len(first):]


def phrase(title: str) -> str:
    """The reason as the complement of 'The main reason ... was ...'."""
    text = title.strip().rstrip(" .")
    found = kind(text)
    if found == "aim":
        return lower_first(text) if text[:1].isupper() else text
    if found == "because-of":
        return noun_phrase(_after(text, "because of"))
    if found == "because":
        return "that " + _after(text, "because")
    if found == "sentence":
        return "that " + noun_phrase(text)
    return noun_phrase(text)


def focus(title: str) -> str:
    """The sentence that points an 'explain why' answer at one branch."""
    text = title.strip().rstrip(" .")
    found = kind(text)
    if found in ("topic", "because-of"):
        topic = noun_phrase(_after(text, "because of") if found == "because-of" else text)
        return f"In your answer, write about {topic}."
    reason = phrase(text)
    reason = reason[len("that "):] if reason.startswith("that ") else reason
    return f"In your answer, explain this reason: {reason}."
