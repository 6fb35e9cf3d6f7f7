"""Cleaning messy outlines: keep the teacher's words, drop only clear clutter.

Two passes, both reporting what they did:

- ``drop_clutter(lines)`` (text formats, before parsing): whole lines that are
  website furniture around a copied mind map -- breadcrumbs, "View mindmap",
  comment and "similar resources" trailers, share/print buttons.
- ``clean_tree(root)`` (every format, after parsing): whitespace normalised as
  the notes loader does, empty nodes and media placeholders ("Photo of ...",
  "Video about it") removed with their children moved up, and checks that
  change nothing but are reported: lines that look cut off, likely typos.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from .tree import CHECK, DROPPED, OutlineNode, Report, quote

# A line made only of these (two or more) is a study site's menu: "Knowt Play Flashcards Learn", "Study Save".
MENU_WORDS = ("study", "save", "embed", "flash ?cards", "learn", "test", "match", "play", "spell", "write", "gravity",
              "print", "share", "copy", "edit", "quiz", "explore", "knowt", "quizlet", "brainscape", "goconqr",
              "cram", "studocu", "seneca", "gizmo", "coggle", "mindmeister", "getrevising")

# (why, pattern): a line is clutter only if the whole line matches.
CLUTTER: tuple[tuple[str, re.Pattern[str]], ...] = tuple((why, re.compile(p, re.IGNORECASE)) for why, p in (
    ("page link", r"view (this |the |full )?(mind ?map|resource|notes|flashcards)"),
    ("comments trailer", r"no comments have (yet )?been made( yet)?\.?"),
    ("comments trailer", r"((add|post|leave|write) a comment|comments? \(\d+\)|\d+ comments?|log in to comment)\.?"),
    ("similar resources trailer", r"similar\b.{0,60}\bresources:?"),
    # Each repeated group ends at its own "»", so the pattern cannot backtrack badly on long lines.
    ("'see all' links", r"(?:see all [^»]{0,80}»\s*)*see all [^»]{0,80}?(?:resources\s*»?|»)\s*"),
    ("breadcrumbs", r"(home|homepage|you are here)\s*[>»›/|:].*"),
    ("breadcrumbs", r"(?:[^»›\n]{1,40}[»›]){2,}[^»›\n]{0,40}"),
    ("page metadata", r"(created|uploaded|posted) by:\s*.{1,40}|(created|uploaded|posted) by \S+ on \d.{0,20}"),
    ("page button", r"(print|share|download|embed|save|report|tweet|rate)( this)?( page| resource| mind ?map| abuse)?"),
    ("page button", r"share on (facebook|twitter|x|whatsapp|pinterest|email)"),
    ("rating", r"[★☆✩✭\s]+(\(?\d+(\.\d+)? ?(/ ?5|stars?|ratings?)\)?)?|rated? .{0,20}stars?|\d+ (views|likes|downloads)"),
    ("page button", r"hide ?show( resource information)?|resource (summary|information|details)|show (all|more|less)"),
    ("page metadata", r"(created|updated|uploaded|last (updated|modified)|posted) (on|at):?\s*\S.{0,30}"),
    ("page metadata", r"(updated|created|uploaded|edited)( by [^,.]{1,40}?)? (about |almost |over |more than |less than )?"
                      r"(\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago"),
    ("sign-up line", r"get started\.?( it'?s free\.?)?|(or )?sign up( for free)?( with (your )?(email|google|facebook)( address)?)?\.?"
                     r"|(log|sign) in( to [^.]{1,30})?\.?|join (now|for free)\.?|create (a free )?account\.?"),
    ("site title", r".{1,60} by mind ?map: .{1,60}|mind ?map (about|on|of) .{1,80}|.{1,60} - mind ?map"),
    ("mind-map placeholder", r"new (node|idea|topic|branch|child|subtopic|main topic)"),
    ("site menu", r"(?:(?:" + "|".join(MENU_WORDS) + r")\b[\s|·•]*){2,}"),
    ("page metadata", r"terms in this set \(\d+\)|(?:flash ?cards|cards) in .{1,60}? deck \(\d+\)"
                      r"|loading( flash ?cards| cards)?(\.\.\.|…)?|preview|studied by \d+ (people|students|users)"),
    ("page metadata", r"(?:(?:note|mind ?map|flash ?cards?|quiz|slide set|created|uploaded|posted|made) by "
                      r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2},?\s*)+(?:updated )?(about |almost |over |more than |less than )?"
                      r"(\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago"),
    ("page metadata", r"(updated|created|published|uploaded|last (updated|edited|modified))\s+"
                      r"(\w{3,9}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(st|nd|rd|th)? \w{3,9}\.? \d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"),
    ("author line", r"by @?(?=[\w.-]*[a-z_])(?=[\w.-]*(_|\d|^[a-z]))[\w.-]{2,30}"),
    ("page button", r"(?:(show|hide) (full )?summary\s*)+"),
    ("document-site notice", r".{0,20}\bis not sponsored or endorsed by any college or university\.?"
                             r"|downloaded by .{1,60}|[a-z0-9]{6,12}\|\d{5,}"),
    ("sales line", r"(looking for an? (easy|quick|simple|better) way|a (pack|set|deck) of (flash ?cards|revision cards|notes)|"
                   r"(revision|flash) ?cards (for|on|about)|notes on the key points|(everything|all) you need to know) .{0,200}"),
))

# A title in a site's list of other resources: "Treaty of Versailles 1919 mind map", "Causes of WW1 flashcards".
RESOURCE_TITLE = re.compile(r".{1,80}?\b(mind ?maps?|flash ?cards?|revision cards?|notes|quiz(zes)?|slides?|diagrams?|"
                            r"worksheets?|resources?|presentations?|documents?)\.?", re.IGNORECASE)

# Page clutter that says what the notes are about: the title, if the notes give none.
TITLE_HINTS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r".{1,60} by mind ?map: (?P<value>.{1,60})",
    r"mind ?map (about|on|of) (?P<value>.{1,80}?)\.?",
    r".* in the (?P<value>[^.,]{3,50}?) topic\b.*",
    r"(revision|flash) ?cards (for|on|about) (?P<value>[^.,-]{3,50}?)(\s*-.*|[.,].*)?",
))
LEAD_MARK = re.compile(r"[•◦▪‣●○■□➢➤►▸*\-–]\s+")
NAME_LINE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z'-]+){0,2}")
CREATED_BY = re.compile(r"(?i:created|uploaded|posted|made) (?i:by):?\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z'-]+){0,2})")

MEDIA = re.compile(
    r"(a |an |the )?(photo|photograph|picture|pic|image|video|clip|gif|audio|youtube video|film clip)"
    r"(\s*:.*|\s+(of|about|showing|from|on|to)\b.*)?"
    r"|\[(image|photo|picture|video|media|embedded \w+)[^\]]*\]|\((image|photo|picture|video)\)"
    r"|\S+\.(jpe?g|png|gif|webp|bmp|mp4|mov|avi|mp3)",
    re.IGNORECASE,
)
MEDIA_MAX_WORDS = 7  # "Picture of Stalin with Kirov" is a placeholder; a longer line is a point

# A line ending in one of these words (or a comma, colon or dash) stops mid-sentence.
DANGLING = frozenset(
    "a an the and or but nor of to in on at by for with from into as than that which who whose because so "
    "if when while although though since until unless whereas their his her its our my your this these those".split()
)
DANGLING_END = re.compile(r"[,;\-–—]$")


def normalise(text: str) -> str:
    """Runs of whitespace to one space, as the notes loader reads text."""
    return " ".join(text.split())


def _unmarked(text: str) -> str:
    """The line without its bullet."""
    lead = LEAD_MARK.match(text)
    return text[lead.end():] if lead else text


def clutter_reason(line: str) -> str | None:
    """Why a whole line is page clutter, or None if it may be the teacher's."""
    text = _unmarked(normalise(line))
    if not text:
        return None
    for why, pattern in CLUTTER:
        if pattern.fullmatch(text):
            return why
    return None


# Page clutter that still says something useful: "Similar History resources:"
# names the subject, "See all Russia 1905-1941 resources »" the course.
HINTS = (
    ("subject", re.compile(r"similar (?P<value>.{1,40}?) resources:?", re.IGNORECASE)),
    ("course", re.compile(r".*see all (?P<value>.{1,60}?) resources\s*»?\s*", re.IGNORECASE)),
)


def drop_clutter(lines: list[tuple[int, str]], report: Report) -> list[tuple[int, str]]:
    """The (line number, text) pairs that are not page clutter; the rest are reported."""
    kept = []
    authors = {m["name"].casefold() for _, line in lines if (m := CREATED_BY.search(normalise(line)))}
    trailer = False  # after "Similar History resources:", the site's list of other resources
    for number, line in lines:
        why = clutter_reason(line)
        text = normalise(line)
        if not why and text.casefold() in authors and NAME_LINE.fullmatch(text):
            why = "author line"
        if not why and trailer and RESOURCE_TITLE.fullmatch(_unmarked(text)):
            why = "similar resources trailer"
        if why or text:
            trailer = why in ("similar resources trailer", "'see all' links") or (trailer and not text)
        if why:
            report.add(DROPPED, number, f"{why}: {quote(text)}")
            _note_hints(text, number, report)
        else:
            kept.append((number, line))
    return kept


def _note_hints(text: str, line: int, report: Report) -> None:
    for key, pattern in HINTS:
        match = pattern.fullmatch(text)
        if match and match["value"].strip() and key not in report.hints:
            report.hints[key] = match["value"].strip(), line
    for pattern in TITLE_HINTS:
        match = pattern.fullmatch(text)
        if match and match["value"].strip(" .") and "title" not in report.hints:
            report.hints["title"] = match["value"].strip(" ."), line


def ends_mid_sentence(text: str) -> bool:
    """True when text stops on a joining word, a comma or a dash: it was probably cut off or wrapped."""
    if DANGLING_END.search(text):
        return True
    words = re.findall(r"[A-Za-z']+", text[-20:])
    return bool(words) and words[-1].lower() in DANGLING and not text.endswith((".", "!", "?", ")"))


def is_media(text: str) -> bool:
    return len(text.split()) <= MEDIA_MAX_WORDS and bool(MEDIA.fullmatch(text))


def clean_tree(root: OutlineNode, report: Report) -> OutlineNode:
    """The tree without empty nodes and media placeholders, text normalised; checks reported."""
    cleaned = root.with_children(_clean_children(root.children, report))
    _check_typos(cleaned, report)
    return cleaned


def _clean_children(children, report: Report) -> list[OutlineNode]:
    out: list[OutlineNode] = []
    for child in children:
        text = normalise(child.text)
        grandchildren = _clean_children(child.children, report)
        if not text or is_media(text):
            what = "empty node" if not text else f"media placeholder {quote(text)}"
            moved = f"; its {len(grandchildren)} sub-node(s) moved up a level" if grandchildren else ""
            report.add(DROPPED, child.line, what + moved)
            out.extend(grandchildren)
            continue
        out.append(child.with_text(text).with_children(grandchildren))
    return out


def _check_typos(root: OutlineNode, report: Report) -> None:
    """Report a name used once that is one letter away from a name used more often (Kirow/Kirov)."""
    words: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for node in root.walk():
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", node.text):
            words[word] += 1
            first_line.setdefault(word, node.line)
    common = [w for w, n in words.items() if n >= 2]
    for word, count in sorted(words.items()):
        if count != 1:
            continue
        close = [c for c in difflib.get_close_matches(word, common, n=1, cutoff=0.8)
                 if c[0] == word[0] and abs(len(c) - len(word)) <= 1 and not _same_stem(c, word)]
        if close:
            report.add(CHECK, first_line[word], f"possible typo: '{word}' (elsewhere '{close[0]}'); kept as written")


def _same_stem(a: str, b: str) -> bool:
    """Estate/Estates, Serbia/Serbian: one word is the other with an ending, not a typo."""
    return a.startswith(b) or b.startswith(a)
