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


def named_thing(title: str) -> str:
    """'Trigger - the assassination' -> 'the assassination': a label, a dash, and the thing it names; the
    thing is what a sentence about the reason names ('The assassination was the main reason ...')."""
    label, dash, rest = title.strip().partition(" - ")
    if dash and len(label.split()) <= 2 and rest.lower().startswith(("the ", "a ", "an ")) and not has_verb(rest):
        return rest
    return title


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


# A one-word heading with one of these endings names a category ('Organisation', 'Membership',
# 'Leadership'), which reads as a focus only with whose it is: 'the organisation of the League of Nations'.
CATEGORY_ENDINGS = ("tion", "sion", "ship", "ment", "ance", "ence", "ity", "ure")


def is_category(title: str) -> bool:
    """'Organisation', 'Membership': a bare one-word category heading, not a reason or a named thing."""
    text = title.strip().rstrip(" .")
    return (len(text.split()) == 1 and kind(text) == "topic" and text[1:].islower()
            and text.lower().endswith(CATEGORY_ENDINGS))


def can_own(owner: str | None) -> bool:
    """'the League of Nations' can own a membership; 'Stalin' (a person) or nothing cannot."""
    return bool(owner) and owner.split()[0].lower() == "the" and len(owner.split()) > 1


def whose(title: str, owner: str | None, named: bool = False) -> str:
    """'Organisation' + 'the League of Nations' -> 'the organisation of the League of Nations', or 'its
    organisation' when the sentence before has just ``named`` it; the plain noun phrase when there is no
    owner to name (or it is a person: never 'the organisation of Stalin')."""
    phrase = noun_phrase(title)
    if not (is_category(title) and can_own(owner)):
        return phrase
    if named:
        head = owner.split(" of ")[0].split()[-1].lower()
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
        return f"{'their' if plural else 'its'} {phrase}"
    return f"the {phrase} of {owner}"


def examples(cause_points: list[str]) -> list[str]:
    """The headings under a branch that read as things to write about ('Veto' -> 'the veto', 'USSR' ->
    'the USSR', 'Germany'): short, no verb, not a sentence."""
    out = []
    for text in cause_points:
        text = text.strip().rstrip(" .")
        if not text or kind(text) != "topic" or len(text.split()) > 4 or " and " in text:
            continue
        phrase = noun_phrase(text)
        if phrase[:1].islower() and not phrase.startswith(("the ", "a ", "an ")):
            phrase = f"the {phrase}"  # 'veto' -> 'the veto': a single thing under its heading
        out.append(phrase)
    return out


def focus(title: str, owner: str | None = None, such_as: tuple[str, ...] = (), named: bool = False) -> str:
    """The sentence that points an 'explain why' answer at one branch: 'In your answer, write about its
    organisation, such as the veto and the council.' (``named``: the sentence before names the owner)."""
    text = title.strip().rstrip(" .")
    found = kind(text)
    if found in ("topic", "because-of"):
        topic = whose(_after(text, "because of") if found == "because-of" else text, owner, named)
        if len(such_as) >= 2:
            topic += f", such as {such_as[0]} and {such_as[1]}"
        return f"In your answer, write about {topic}."
    reason = phrase(text)
    reason = reason[len("that "):] if reason.startswith("that ") else reason
    return f"In your answer, explain this reason: {reason}."
