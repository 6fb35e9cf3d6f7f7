"""Quotations as the literature strategies use them: how they print, who they name, which are usable.

A quotation is printed between single curly quotes with curly apostrophes. A question records the
quotations it prints as ``quote:<id>`` in ``Question.sources``, so the assembler keeps one question
from printing (and so giving away) a quotation another one blanks. A question that asks for or shows
who says (or owns) a quotation also records ``speaker:<id>``: no other question may then ask or show
that, while a quotation printed elsewhere without its speaker may still be asked about if need be.
"""

from __future__ import annotations

import re

from ..model import Cause, Quotation, Topic
from ..quality.words import is_finite_form, pos
from ..quoteslips import slips
from ._text import STOP_WORDS, normalise

# Titles and articles in a name that say nothing about who it is ("Lady Macbeth" -> "Macbeth").
NAME_FILLERS = frozenset("the a an lady lord sir mr mrs miss king queen prince thane of and".split())


def quote_source(quote: Quotation) -> str:
    """How a question records that it prints a quotation (point ids never contain ':')."""
    return f"quote:{quote.id}"


ELISIONS = frozenset("im em cause tis twas til bout n".split())  # 'im, 'em: a dropped letter, not a quote mark
_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'(?=[A-Za-z])")
_CLOSE = re.compile(r"(?<=[\w.,!?])'(?=[\s.,;:!?)\]]|$)")


def speaker_source(quote: Quotation) -> str:
    return f"speaker:{quote.id}"


def curly(text: str) -> str:
    """Straight quote marks as printed ones: 'bloody instructions' -> ‘bloody instructions’, Get 'im -> Get ’im."""
    chars = list(text)
    for m in _OPEN.finditer(text):
        if chars[m.start()] != "'" or re.match(r"[A-Za-z]+", text[m.end():]).group(0).lower() in ELISIONS:
            continue
        close = next((c for c in _CLOSE.finditer(text, m.end()) if chars[c.start()] == "'"), None)
        if close is not None:
            chars[m.start()], chars[close.start()] = "\u2018", "\u2019"
    text = "".join(chars).replace("'", "\u2019")
    text = re.sub(r'"(?=\w)', "\u201c", text)
    return text.replace('"', "\u201d")


def glossed(text: str) -> str:
    """A note-taker's gloss in round brackets inside the words shown as an editor's, in square ones:
    'I dreamt of them (the witches) last night' -> 'I dreamt of them [the witches] last night'."""
    return re.sub(r"\(([^()]{1,40})\)", r"[\1]", text)


def printed(quote: Quotation) -> str:
    """‘Fair is foul and foul is fair’: the words as they appear on the paper."""
    return f"\u2018{curly(glossed(quote.quote.strip()))}\u2019"


def name_words(name: str) -> set[str]:
    """The words of a name that identify someone: 'The witches' -> {'witches', 'witch'}."""
    words = {w for w in normalise(name).split() if w not in NAME_FILLERS and w not in STOP_WORDS}
    return words | {w[:-2] if w.endswith("es") else w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def names_in(text: str, name: str) -> bool:
    """True when the text contains a word that identifies the named person or group."""
    wanted = name_words(name)
    if not wanted:
        return False
    return any(w in wanted or w.removesuffix("s") in wanted for w in
               (re.sub(r"[’']s$", "", w) for w in normalise(curly(text).replace("\u2019s ", " ")).split()))


def speaker_forms(quote: Quotation, topic: Topic) -> tuple[str, ...]:
    """The speaker and the other names accepted for them: the quotation's ``accept`` and the people's known_as."""
    forms = [quote.speaker, *quote.accept]
    bare = re.sub(r"^(the|a|an)\s+", "", quote.speaker, flags=re.IGNORECASE)
    if bare != quote.speaker:
        forms.append(bare)
    for person in topic.people:
        if any(normalise(n) == normalise(quote.speaker) for n in person.names):
            forms += person.names
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(normalise(form), form)
    return tuple(seen.values())


def branch_of(topic: Topic, quote: Quotation) -> Cause | None:
    for branch in topic.themes:
        if branch.id == quote.branch_id:
            return branch
    return None


def character_names(topic: Topic) -> list[str]:
    """Everyone the notes name as a person: character branches, speakers, characters quotations are filed under, people."""
    names = [b.title for b in topic.of_kind("character")]
    names += [q.speaker for q in topic.all_quotations() if q.speaker]
    names += [q.character for q in topic.all_quotations() if q.character]
    names += [n for p in topic.people for n in p.names]
    return names


def is_name(word: str, topic: Topic) -> bool:
    """True when a capitalised word is (part of) someone's name in the notes: keep its capital."""
    return any(word.lower() in name_words(n) for n in character_names(topic))


def name_slip(text: str, topic: Topic) -> str:
    """A character's name with an 's' and no apostrophe ('shows Lennies size'): a possessive typed without
    its apostrophe, so not a sentence to print as the notes' reading. 'the Macbeths' (the couple) is a plural."""
    words = re.findall(r"[\w’']+", text)
    for i, word in enumerate(words):
        if (len(word) > 3 and word[0].isupper() and word.endswith("s") and (i == 0 or words[i - 1].lower() != "the")
                and not is_name(word, topic) and is_name(word[:-1], topic)):
            return word
    return ""


def mid_sentence(name: str) -> str:
    """'The witches' -> 'the witches'; 'The Porter' stays (a title, capitalised in the play's list)."""
    name = name.strip()
    rest = name[4:]
    return "the " + rest if name.startswith("The ") and rest[:1].islower() else name


def focus_phrase(branch: Cause, topic: Topic) -> str:
    """A theme's title as it reads mid-sentence: 'The supernatural' -> 'the supernatural', 'Guilt' -> 'guilt',
    'Supernatural' -> 'the supernatural' (an adjective that names a theme takes 'the')."""
    title = branch.title.strip().rstrip(".")
    first = title.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and not is_name(first.rstrip("’'s"), topic):
        title = title[0].lower() + title[1:]
    return f"the {title}" if title.lower() in ADJECTIVE_THEMES else title


# Themes named by an adjective, which reads as a noun only after 'the' ('about the supernatural').
ADJECTIVE_THEMES = frozenset("supernatural unnatural natural unknown uncanny grotesque sublime macabre gothic divine".split())


def usable(topic: Topic, hidden: frozenset[str], exclude: frozenset[str] = frozenset(),
           asks_speaker: bool = False) -> list[Quotation]:
    """Distinctive quotations no other question blanks, once each (the same words count once).

    Quotations no other question prints come first. With ``asks_speaker``, a quotation whose speaker
    another question shows or asks for is left out.
    """
    seen: set[str] = set()
    out = []
    for quote in topic.all_quotations():
        key = normalise(quote.quote)
        if not key or key in seen or quote_source(quote) in hidden or not distinctive(quote) or slips(quote.quote):
            continue
        if asks_speaker and speaker_source(quote) in hidden | exclude:
            continue
        seen.add(key)
        out.append(quote)
    return sorted(out, key=lambda q: quote_source(q) in exclude)


# Spoken and old forms that carry no meaning of their own in a quotation.
WEAK_WORDS = frozenset("""
thou thee thy thine doth dost hath hast shalt shall wilt art ye oh aye nay upon though none like just very
couldst wouldst shouldst canst wert
own never ever every each here well come came goes going gets make made know knew seen said says tell told
yeah gonna kind sort thing things real really good bad nice big little keep want wanted done gone lots
around away back down over still even only again always once another neither either
guys fella fellas stuff folks long lots cause cannot should might must
""".split())


def content_words(text: str) -> list[str]:
    """Words of four letters or more that are neither stop words, old forms nor shortened forms."""
    return [w for w in re.findall(r"[A-Za-z]+(?:[’'][A-Za-z]+)*", text)
            if len(w) >= 4 and "’" not in w and "'" not in w and w.lower() not in STOP_WORDS | WEAK_WORDS]


def distinctive(quote: Quotation) -> bool:
    """Words a student could place: two different words that are not stop words.

    'I know, I know' or 'Why do you start?' could be anyone's, so they are not asked about; nor is
    '(circle the cauldron)', all in brackets: the note-taker's description, not the writer's words.
    """
    text = quote.quote.strip()
    if text.startswith("(") and text.endswith(")"):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+(?:[’'][A-Za-z]+)*", quote.quote) if len(w) >= 3}
    return len(words - STOP_WORDS) >= 2


# Verbs whose subject is the quotation itself: "'...' stresses how childlike Lennie is".
QUOTE_VERBS = frozenset("""stresses emphasises emphasizes highlights echoes foreshadows suggests reveals symbolises symbolizes
presents creates conveys implies hints introduces shows""".split())
_CLAUSE_STARTS = frozenset("that how what why whether the a an his her their its this these those".split())
_PRONOUNS = frozenset("he she they it we".split())


def reading(quote: Quotation, topic: Topic) -> str:
    """``predicate`` of a quotation's reading; a 'he' or 'she' in it is the character it is filed under."""
    branch = branch_of(topic, quote)
    who = branch.title if branch is not None and branch.kind == "character" else quote.character
    return predicate(quote.shows, topic, who, character=branch is not None and branch.kind == "character")


# Who a line acts on: a verb before these has the quotation for its subject ('Scares the audience').
AUDIENCE = re.compile(r"(?:(?:the|an|a)\s+)?(?:audiences?|readers?|viewers?|us)\b", re.IGNORECASE)
READING_END = re.compile(r"(?<=[a-z0-9)’'][.!?]) +(?=[A-Z\u2018])")


# Verbs whose subject is the line itself, not the character ('Contrasts with Banquo's calm').
LINE_VERBS = QUOTE_VERBS | frozenset("""contrasts mirrors represents describes depicts portrays demonstrates indicates
illustrates signals personifies juxtaposes links sets builds uses continues ends begins opens closes""".split())
# Finite forms a reading of a character opens with, which need no final -s ('Can't control himself').
CHARACTER_AUX = frozenset("is has was can cannot never always can't won't doesn't isn't wasn't".split())


def _trait(words: list[str]) -> bool:
    """A reading of a character that opens with what they are like, then a comma or 'and'/'but' ('Caring,
    but also scared ...', 'Lonely and bitter'): an adjective of a person, not of a line ('Ironic ...')."""
    if len(words) < 3:
        return False
    head = words[0].rstrip(",").lower()
    joiner = words[1]
    if joiner.lower() not in ("and", "but", "yet"):
        return False
    adjective = "ADJ" in pos(head) and not pos(head) & {"NOUN", "DET"} and not head.endswith(("ic", "al"))
    feeling = head.endswith("ing") and pos(head) == {"VERB"}  # 'Caring, but ...': what they are like
    return adjective or feeling


def predicate(shows: str, topic: Topic, who: str = "", character: bool = False) -> str:
    """What a quotation shows, as words that follow the quotation (or 'It') in a sentence, or "" when the
    notes' reading does not read as one ('Ironic and dramatic irony...', 'Means no harm...').

    'that Banquo feels guilty' -> 'shows that Banquo feels guilty'; 'Banquo feels guilty' -> the same;
    'Stresses how childlike Lennie is' -> 'stresses how childlike Lennie is';
    'He has a sense of justice', ``who`` George -> 'shows that George has a sense of justice' (without
    ``who``, 'he' could be anyone named in the words, so that reading is not used);
    'Means no harm', filed under the ``character`` Lennie -> 'shows that Lennie means no harm' (a reading
    of a character that opens with a verb has the character for its subject; elsewhere it has none).
    """
    # Only the first sentence reads the quotation; a note's next sentence is often its writer's verdict on
    # someone or something else ('Slim means Lennie would never survive being locked up. By killing a man
    # he loves, George is a hero.'), which no answer about these words could earn.
    text = curly(READING_END.split(" ".join(shows.split()), maxsplit=1)[0].strip().rstrip("."))
    words = text.split()
    if name_slip(text, topic):
        return ""
    if len(words) < 2:
        return ""
    first, second = words[0], words[1]
    low = first.lower()
    lowered = text[0].lower() + text[1:] if not is_name(first.removesuffix("’s"), topic) else text
    if low in QUOTE_VERBS or (low.endswith("s") and is_finite_form(low) and AUDIENCE.match(" ".join(words[1:3]))):
        return lowered  # 'Scares the audience because ...': what the words do to those who hear them
    if low in _CLAUSE_STARTS:
        return f"shows {lowered}"
    if low in ("he", "she"):
        return f"shows that {who}{text[len(first):]}" if who else ""
    if low in _PRONOUNS or (first[:1].isupper() and is_name(first, topic)):
        return f"shows that {lowered}"
    if first.endswith(("’s", "'s")) and is_name(first[:-2], topic):
        return f"shows {text}"
    if character and who and first[:1].isupper() and low not in LINE_VERBS and (
            low.replace("\u2019", "'") in CHARACTER_AUX or (low.endswith("s") and is_finite_form(low) and "VERB" in pos(low))):
        return f"shows that {who} {lowered}"
    if character and who and _trait(words):  # 'Caring, but also scared of ending up lonely'
        return f"shows that {who} is {lowered}"
    verb = second.lower()
    if (second.islower() and verb.endswith("s") and not verb.endswith(("ss", "us", "is")) and len(verb) > 3
            and not low.endswith(("ly", "s"))):
        return f"shows that {lowered}"  # 'Knocking symbolises guilt'
    # Written in lower case to follow 'shows' ('irony, because ...'): kept, unless it opens with an
    # adjective or a verb, which 'shows' cannot take ('ironic as ...', 'means no harm').
    if first.islower() and not low.endswith(("ic", "ous", "ful", "ive", "ing", "ed", "al")) and not (
            low.endswith("s") and not low.endswith(("ss", "us", "is", "ys"))):
        return f"shows {text}"
    return ""


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’']+", text))
