"""Find quotations in a line of notes: the words quoted, who says them, what they show.

Import asserts no more than the line does. A name is a ``speaker`` only where the line itself
attaches it to the words as their speaker:

- dialogue labels: ``Slim: That ain't no good, George. George: I know`` or ``Macbeth: 'Is this a dagger'``;
- an attribution after the words: ``'Out, damned spot' - Lady Macbeth`` or ``'Out, damned spot' (Lady Macbeth)``;
- a speech verb: ``Lady Macbeth says 'Out, damned spot'`` or ``'Out, damned spot', says Lady Macbeth``.

A bare name in front of the words (``Banquo 'A heavy summons lies like lead upon me'``) says only
whom the quotation is filed under: notes write ``Curley 'won't ever get canned'`` for words said
about Curley. It is kept as the quotation's ``character``, for the teacher to confirm. It covers the
quotations that follow it directly, never one after a stretch of commentary.

Other forms handled:

- ``'Fair is foul and foul is fair' = oxymoron`` (the words, then what they show);
- several quotations in one line, each with the commentary that follows it;
- words quoted inside a running sentence (``guilt through 'bloody instructions' which 'plague the
  inventor'``) are part of that sentence, not quotations of their own;
- a quote mark that is never closed (the quote runs to the end of the line).

An apostrophe between letters ("he's", "jes'like") or opening a word inside a
quote ("Get 'im") is not a quote mark. The scan is one pass over the characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

OPEN = "'‘\"“"
CLOSE = "'’\"”"
_NAME = r"(?:(?:The|Lady|Lord|Mr|Mrs|Miss|King|Queen|Sir|Prince) )?[A-Z][a-z]+(?: [A-Z][a-z]+)?"
SPEAKER = re.compile(_NAME)
DIALOGUE = re.compile(r"(?P<speaker>[A-Z][a-z]+(?: [A-Z][a-z]+)?): (?P<words>[^:]{2,200}?)(?=(?: [A-Z][a-z]+(?: [A-Z][a-z]+)?: )|$)")
SPEECH_VERBS = ("says|said|asks|asked|tells|told|cries|cried|shouts|shouted|replies|replied|exclaims|exclaimed|"
                "declares|declared|states|stated|whispers|whispered|answers|answered|admits|admitted|warns|warned")
# Before the words: "Lady Macbeth says", "Macbeth tells Banquo", "Macbeth:" (a label).
SAYS_BEFORE = re.compile(rf"(?:^|[.,;!?]\s+)(?P<name>{_NAME})(?: (?:{SPEECH_VERBS})(?: (?:to )?(?:{_NAME}|him|her|them|us|me))?,?|:)\s*$")
# After the words: "- Lady Macbeth", ", says Lady Macbeth", "says Macbeth (Act 2)".
SAYS_AFTER = re.compile(rf"^\s*(?:(?:[-–—]\s*|,?\s*(?:{SPEECH_VERBS})\s+)(?P<name>{_NAME})(?=\s*$|\s*[,;(.]|\s+[-–—=:]\s)"
                        rf"|\((?P<cited>{_NAME})(?:,[^)]*)?\))")
# A word a sentence cannot end on: quoted words after it continue the sentence.
CONTINUES = frozenset("""
a an the this that these those his her its their our my your thy
of in on at by for from with without through into onto to as like than about via after before
and or but nor which who whom whose that where when while because since although though if so
is are was were be been being am seems seem becomes become called calls call named describes described
describe uses used use using word words phrase phrases term line lines line says said
""".split())
# Labels and devices that notes write where a name could stand ("Quote: '...'", "'...' - Metaphor").
NOT_NAMES = frozenset("""
quote quotes quotation quotations example examples key evidence context language structure form note notes
analysis meaning effect effects technique techniques method methods point idea theme themes imagery metaphor
simile irony oxymoron foreshadowing symbolism personification alliteration repetition contrast juxtaposition
hyperbole pathetic fallacy soliloquy dramatic tone mood setting link links act scene chapter page line
""".split())
MIN_QUOTE_WORDS = 2


def plausible_name(name: str) -> bool:
    """A name that could be a speaker: not a label or a literary device."""
    return not any(w.lower() in NOT_NAMES for w in name.split())


@dataclass(frozen=True)
class Found:
    """One quotation. ``speaker``: a name the line attaches to the words as their speaker.
    ``character``: a name the line (or the heading) files them under, not said to speak them."""

    quote: str
    speaker: str = ""
    shows: str = ""
    closed: bool = True
    character: str = ""


def _closes(text: str, i: int) -> bool:
    """Whether the quote mark at i ends a quotation (not an apostrophe inside a word)."""
    after = text[i + 1:i + 2]
    before = text[i - 1:i]
    if text[i] == "'" and before.isalpha() and after.isalpha():
        return False  # he's, jes'like
    return not after.isalnum()


def _opens(text: str, i: int) -> bool:
    before = text[i - 1:i]
    return (not before or not before.isalnum()) and text[i + 1:i + 2] not in ("", " ")


def spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation, end exclusive of the closing mark."""
    found, i, n = [], 0, len(text)
    while i < n:
        if text[i] in OPEN and _opens(text, i):
            j = i + 1
            while j < n and not (text[j] in CLOSE and j > i + 1 and _closes(text, j) and text[j - 1] != " "):
                j += 1
            found.append((i + 1, j, j < n))
            i = j + 1
            continue
        i += 1
    return found


def _embedded(before: str) -> bool:
    """Whether words quoted after ``before`` continue a sentence ('guilt through', 'which') rather than stand alone."""
    tail = before.rstrip()
    if not tail or tail[-1] in ".!?:;=-–—)":
        return False
    if SAYS_BEFORE.search(tail):
        return False
    words = re.findall(r"[A-Za-z']+", tail)
    return bool(words) and words[-1].lower() in CONTINUES


def find(text: str, character: str = "", person: Callable[[str], bool] | None = None) -> list[Found]:
    """The quotations in ``text``; ``character`` is the heading they are filed under, if it is a name.

    ``person``, if given, must accept a name written as a label ('Macbeth:') or after a dash
    ('- Macbeth') before it counts as a speaker (the mapper asks whether the notes name them elsewhere).
    """
    def accepts(name: str) -> bool:
        return plausible_name(name) and (person is None or person(name))

    marks = [s for s in spans(text) if len(text[s[0]:s[1]].split()) >= MIN_QUOTE_WORDS]
    kept, previous_end = [], 0
    for start, end, closed in marks:
        if not _embedded(text[previous_end:start - 1]):
            kept.append((start, end, closed))
        previous_end = end + 1
    if not kept:
        return _dialogue(text) if not marks else []
    out = []
    speaker, named = _attribution(text[:kept[0][0] - 1], accepts)
    for k, (start, end, closed) in enumerate(kept):
        stop = kept[k + 1][0] - 1 if k + 1 < len(kept) else len(text)
        after = text[end + 1:stop] if closed else ""
        said = SAYS_AFTER.match(after)
        name = said and (said["name"] or said["cited"])
        if said and (_verb(said[0]) or accepts(name)):
            speaker, named, after = name, "", after[said.end():]
        shows, next_speaker, next_named = _split_attribution(after.strip(), accepts)
        words = " ".join(text[start:end].split()).strip(" ,")
        out.append(Found(words, speaker, shows.strip(" =:-,."), closed, "" if speaker else (named or character)))
        if shows.strip(" =:-,.") or next_speaker or next_named:  # commentary or a new name: nothing carries over
            speaker, named = next_speaker, next_named
    return out


def _verb(attribution: str) -> bool:
    return re.search(rf"\b(?:{SPEECH_VERBS})\b", attribution) is not None


def _attribution(lead: str, accepts: Callable[[str], bool]) -> tuple[str, str]:
    """(speaker, character) from the words before a quotation: 'Macbeth says' or 'Macbeth:' -> speaker; 'Macbeth' -> character."""
    lead = lead.strip()
    says = SAYS_BEFORE.search(lead)
    if says and (_verb(says[0]) or accepts(says["name"])):
        return says["name"], ""
    bare = lead.strip(" =-:")
    if bare and SPEAKER.fullmatch(bare) and plausible_name(bare):
        return "", bare
    return "", ""


def _split_attribution(after: str, accepts: Callable[[str], bool]) -> tuple[str, str, str]:
    """Commentary after a quotation, and who the next quotation is given to by a name at its very end.

    '... ironic The Porter' -> ('... ironic', '', 'The Porter'); '... Lady Macbeth says' -> ('...', 'Lady Macbeth', '').
    """
    says = SAYS_BEFORE.search(after)
    if says and (_verb(says[0]) or accepts(says["name"])):
        return after[:says.start()].rstrip(" .;!?"), says["name"], ""
    words = after.split()
    for size in (2, 1):
        tail = " ".join(words[-size:])
        if len(words) >= size and SPEAKER.fullmatch(tail) and plausible_name(tail) and (len(words) == size or not words[-size - 1][:1].isupper()):
            if len(words) == size or words[-size - 1].endswith(("'", ".", ",")) or size == 2:
                return " ".join(words[:-size]), "", tail
    return after, "", ""


def _dialogue(text: str) -> list[Found]:
    """'Slim: That ain't no good. George: I know' -> one quotation per speaker label (two or more labels)."""
    parts = list(DIALOGUE.finditer(text))
    if len(parts) < 2 or parts[0].start() != 0:
        return []
    return [Found(m["words"].strip(" ."), m["speaker"]) for m in parts]


def has_quote(text: str) -> bool:
    return bool(find(text))
