"""Clean text: the teacher's words with the typing habits of notes taken out, meaning kept.

One function per habit, each a small rewrite of one node's text; ``clean_text``
runs them in order and says which ones changed something, and ``clean_tree``
applies it to every node and reports each change with its line:

- list numbers and bullets left in the text ("4)Storm surges", "1.1.4 The cycle");
- arrows as words ("1995-->2010" -> "1995 to 2010", "A → B" -> "A leads to B");
- "&", "+" and shorthand written out (b/c, w/, w/o, esp., e.g;, approx);
- spacing made regular: " ," "( x )" "do n't" "300years" "450C" "X- Y" "life/";
- two clauses glued by a hyphen split ("political backing-weakens the League" -> "backing; this weakens");
- shouted words in a sentence made lower case ("EXACT copies");
- a capitalised category label moved behind its sentence ("ECONOMIC- Ports shut" -> "Ports shut (economic)");
- stray end punctuation (";.", trailing commas) tidied.

Every pattern is linear: no nested quantifiers, so long lines cannot backtrack badly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..equations import read_equation, sum_under
from .tree import CLEANED, OutlineNode, Report, quote
from .words import Words

LEFT_NUMBER = re.compile(r"\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]\)?\s*(?=[A-Za-z'\"(])")
HEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,4}\.?\s+(?=[A-Za-z'\"])")
LEFT_BULLET = re.compile(r"[•◦▪‣●○■□➢➤►▸✓✔]\s*")

RANGE_ARROW = re.compile(r"(\d)\s*(?:-{1,2}>|→|⟶|=>)\s*(\d)")
REVERSIBLE = re.compile(r"\s*(?:⇌|<=>|<->|⇄|↔)\s*")
ARROW = re.compile(r"\s*(?:-{1,2}>|→|⟶|⇒|=>|➔|➝)\s*")
EQUALS = re.compile(r"(?<=\w)\s*=\s*(?=\S)")
AMPERSAND = re.compile(r"(?<=\S) & (?=\S)")
PLUS = re.compile(r"(?<=[A-Za-z)]) \+ (?=[A-Za-z(])")

SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"\bb/c\b", "because"),
    (r"\bw/o(?=\s|$)", "without"),
    (r"\bw/(?=\s)", "with"),
    (r"\besp\.(?=\s)", "especially"),
    (r"\be\.?g[.;:,]?(?=\s)", "e.g."),
    (r"\bi\.?e[.;:,]?(?=\s)", "i.e."),
    (r"\bapprox\.?(?=\s)", "approximately"),
    (r"\bgovt\.?(?=\s|$)", "government"),
    (r"\byrs\b", "years"),
    (r"\bcos\b(?= [a-z])", "because"),
    (r"\binfo\b(?![@./\w-])", "information"),
))
# Shortened names a student writes for speed ('Ger', 'A-H', 'Rus.', 'Insp.'): capitals as written, and the
# full stop kept where it also ends the sentence ('turn on Rus. Meant ...').
NAMES = tuple((re.compile(p + r"(?:\.(?!\s+[A-Z]))?"), r) for p, r in (
    (r"\bGer\b(?![-'\u2019])", "Germany"),
    (r"\bA-H\b", "Austria-Hungary"),
    (r"\bRus\b", "Russia"),
    (r"\bBrit\b", "Britain"),
    (r"\bInsp\b", "Inspector"),
))

SPACE_BEFORE = re.compile(r"\s+([,.;:!?)])")
SPACE_AFTER_OPEN = re.compile(r"\(\s+")
COMMA_GLUED = re.compile(r",(?=[A-Za-z])")
# "do n't", "it 's", "they ’re": a word-splitter's tokens; a quotation mark opening a word ("the 's' sound") stays.
SPLIT_CONTRACTION = re.compile(r"(?<=\w) (n['\u2019]t|['\u2019](?:s|re|ve|ll|m|d))(?![\w'\u2019])")
SLASH_SPACE = re.compile(r"(?<=\w)/ (?=\w)")
TRAILING_SLASH = re.compile(r"(?<=\w)/$")
NUMBER_GLUED = re.compile(r"(?<![\w.])(\d[\d,.]*\d|\d)([a-z]{3,})\b")
DEGREES = re.compile(r"\b(\d{2,4}) ?C\b(?!\w)")
SUBSCRIPT_CUBE = re.compile(r"(?<=\bm)₃")
LEFT_DASH = re.compile(r"(?<=[A-Za-z)])- (?=\S)")  # "Mitosis- Is", "Montserrat- Nature"
GLUED_DASH = re.compile(r"\b([a-z]+)-(?=[A-Z][a-z])")  # "peace-Manchuria", not "Estates-General"
ELLIPSIS = re.compile(r"\.{3,}|…")
LABEL = re.compile(r"([A-Z]{4,})\s*(?:-|–|:)\s+(?=\S)")
END_MESS = re.compile(r"\s*[;,]+\s*\.?$|\s*;\s*\.$")
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
SHOUT = re.compile(r"\b[A-Z]{2,}\b")
SHOUTED_SMALL = frozenset("AND OR BUT NOT THE ALL NO".split())


def _numbers(text: str, marker: str, words: Words | None = None) -> str:
    text = LEFT_BULLET.sub("", text, count=1) if LEFT_BULLET.match(text) else text
    if marker == "heading" and HEADING_NUMBER.match(text):
        return HEADING_NUMBER.sub("", text, count=1)
    match = LEFT_NUMBER.match(text)
    # "1)." and "4)Storm": a list number; "2 identical cells" or "3.5 million" are content.
    return text[match.end():] if match and not text.lower().startswith(("stage", "step")) else text


def _arrows(text: str, marker: str, words: Words | None = None) -> str:
    text = RANGE_ARROW.sub(r"\1 to \2", text)
    text = REVERSIBLE.sub(" react reversibly to form ", text)
    text = ARROW.sub(" leads to ", text)
    text = EQUALS.sub(" = ", text)
    # "Pressure = 200 atm" reads "is"; "higher pressure = higher yield" reads "gives".
    text = re.sub(r" = (?=[\d~≈])", " is ", text)
    # 'Mean rate = amount of reactant used ÷ time' is a formula: its '=' stays
    return text.replace(" = ", " gives ") if "'" not in text and not re.search(r"[÷×]", text) else text


def _shorthand(text: str, marker: str, words: Words | None = None) -> str:
    text = AMPERSAND.sub(" and ", text)
    text = PLUS.sub(" and ", text)
    for pattern, replacement in SHORTHAND:
        text = pattern.sub(lambda m, r=replacement: r[0].upper() + r[1:] if m[0][0].isupper() and r[0].isalpha() else r, text)
    for pattern, replacement in NAMES:
        text = pattern.sub(replacement, text)
    return text


def _spacing(text: str, marker: str, words: Words | None = None) -> str:
    text = " ".join(text.split())
    text = SPLIT_CONTRACTION.sub(r"\1", text)
    text = SPACE_BEFORE.sub(r"\1", text)
    text = SPACE_AFTER_OPEN.sub("(", text)
    text = COMMA_GLUED.sub(", ", text)
    text = SLASH_SPACE.sub("/", text)
    text = TRAILING_SLASH.sub(".", text)
    text = NUMBER_GLUED.sub(r"\1 \2", text)
    text = DEGREES.sub(r"\1 °C", text)
    text = SUBSCRIPT_CUBE.sub("³", text)
    text = LEFT_DASH.sub(" - ", text)
    text = GLUED_DASH.sub(r"\1 - ", text)
    text = ELLIPSIS.sub("...", text)
    text = re.sub(r"(?<=\w)[.;,]\)", ")", text)  # "(chromosomes are now separate.)"
    text = re.sub(r"(?<=\w)\.\.\.(?=\w)", "... ", text)
    return " ".join(text.split())


def _label(text: str, marker: str, words: Words | None = None) -> str:
    match = LABEL.match(text)
    # Only a shouted ordinary word is a label ("ECONOMIC- Ports shut"); "MRSA - a strain" is a term.
    if not match or len(text) - match.end() < 12 or words is None or match[1].lower() not in words.british:
        return text
    rest = text[match.end():].rstrip()
    end = rest[-1] if rest[-1:] in ".!?" else ""
    return f"{rest.rstrip('.!?')} ({match[1].lower()}){end or '.'}"


GLUED_CLAUSE = re.compile(r"\b([A-Za-z]{3,})-([a-z]{3,})\b(?= (\w+))")
# 'self-contained', 'well-known', 'non-stops': a prefix, not the end of a clause.
PREFIX_WORDS = frozenset("self non anti co re pre post ex semi well ill ever half cross counter over under out "
                         "all far long short high low top full part".split())


def _glued_clause(text: str, marker: str, words: Words | None = None) -> str:
    """'... no money or political backing-weakens the League's power' -> '... backing; this weakens ...':
    a noun, a hyphen, then a conjugated verb with its object is two clauses glued, not a compound word."""
    from ..quality.words import is_finite_form, pos

    def split(match: re.Match[str]) -> str:
        left, right, after = match[1], match[2], match[3].lower()
        compound = f"{left}-{right}".lower()
        if left.lower() in PREFIX_WORDS or "NOUN" not in pos(left.lower()) or not pos(right) <= {"VERB"}:
            return match[0]
        if not is_finite_form(right) or (right.endswith("ed") and after not in {"the", "a", "an", "its", "their", "his", "her"}):
            return match[0]
        if words is not None and (words.known(compound) or words.known(compound.replace("-", ""))):
            return match[0]
        return f"{left}; this {right}"
    return GLUED_CLAUSE.sub(split, text)


ALTERNATIVES = re.compile(r"(?<![\w/])([a-z]{2,})/([a-z]{2,})(?![\w/])")


def _alternatives(text: str, marker: str, words: Words | None = None) -> str:
    """'Where two rivers meet/join' -> 'meet or join': two English words either side of a slash are
    alternatives. Units (km/h), 'and/or', and words the English list does not know ('gentil/gentille')
    are left as they are."""
    from ..quality.words import pos

    def spell(match: re.Match[str]) -> str:
        a, b = match[1], match[2]
        if "and" in (a, b) or "or" in (a, b) or not pos(a) or not pos(b):
            return match[0]
        if words is not None and not (words.known(a) and words.known(b)):
            return match[0]
        return f"{a} or {b}"
    return ALTERNATIVES.sub(spell, text)


CROSS_REFERENCE = re.compile(r"(?<=[.;!?])\s*(?:see|see also|cf\.?)\s+[^.]{1,60}\.?$", re.IGNORECASE)


TRAILING_EXAMPLE = re.compile(r"(?<=\w) [-–—] (?P<tail>[A-Z][\w']*(?: [\w']+){0,3})(?P<end>[.!?]?)$")


def _dash_tail(text: str, marker: str, words: Words | None = None) -> str:
    """'won't act for world peace - Manchuria and Abyssinia' -> '... world peace (Manchuria and Abyssinia)'."""
    match = TRAILING_EXAMPLE.search(text)
    if not match or len(text[:match.start()].split()) < 4:
        return text
    return f"{text[:match.start()]} ({match['tail']}){match['end']}"


def _ends(text: str, marker: str, words: Words | None = None) -> str:
    text = CROSS_REFERENCE.sub("", text)  # "See common CPU components." points at a page that is not here
    text = END_MESS.sub(".", text) if not text.endswith(":") else text
    return DOUBLE_STOP.sub(".", text)


STEPS: tuple[tuple[str, Callable[..., str]], ...] = (
    ("list number", _numbers), ("arrows", _arrows), ("shorthand", _shorthand), ("spacing", _spacing),
    ("clauses glued by a hyphen", _glued_clause), ("alternatives after a slash", _alternatives), ("label", _label), ("punctuation", _ends), ("example after a dash", _dash_tail),
)


EQUATION_STEPS = ("arrows", "shorthand", "example after a dash")


def clean_text(text: str, marker: str = "", words: Words | None = None) -> tuple[str, list[str]]:
    """The cleaned text and the names of the steps that changed it."""
    changed = []
    # an equation keeps its arrow and its '+' signs: 'nitrogen + hydrogen ⇌ ammonia' is not 'leads to'
    keep = EQUATION_STEPS if read_equation(_numbers(text, marker)) else ()
    for name, step in STEPS:
        if name in keep:
            continue
        new = step(text, marker, words)
        if new != text:
            changed.append(name)
            text = new
    if words is not None:
        new = _unshout(text, words)
        if new != text:
            changed.append("capitals")
            text = new
    return text, changed


def _unshout(text: str, words: Words) -> str:
    """'EXACT copies' -> 'exact copies' (a shouted dictionary word), leaving acronyms (UK, DNA, NIC)."""
    if text.isupper():
        return text

    def lower(match: re.Match[str]) -> str:
        word = match[0]
        if word in SHOUTED_SMALL or (len(word) >= 4 and word.lower() in words.british):
            return word.lower()
        return word
    return SHOUT.sub(lower, text)


def clean_tree(root: OutlineNode, report: Report, words: Words | None) -> OutlineNode:
    """Every node's text cleaned; each change reported with its line."""
    cleaned = root.with_children(_clean(root.children, report, words))
    return _expand_initials(cleaned, report)


PHRASE = re.compile(r"\b[A-Z][a-z]+(?: (?:of|and|the|for) (?:the )?[A-Z][a-z]+| [A-Z][a-z]+){1,3}\b")


def _expand_initials(root: OutlineNode, report: Report) -> OutlineNode:
    """'L of N' / 'LoN' written out as 'League of Nations' when the notes spell that phrase out somewhere."""
    phrases: dict[str, str] = {}
    for node in root.walk():
        for match in PHRASE.finditer(node.text):
            words = match[0].split()
            initials = [w[0] if w[0].isupper() else w for w in words if w != "the"]
            if len(initials) >= 3:
                for form in (" ".join(initials), "".join(i if len(i) == 1 else i[0] for i in initials)):
                    # 'LAN', 'DNS', 'NATO': an acronym in capitals is the subject's own word, kept as written
                    if not (form.isupper() and " " not in form):
                        phrases.setdefault(form, match[0])
    if not phrases:
        return root
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(phrases, key=len, reverse=True)) + r")\b")

    def fix(node: OutlineNode) -> OutlineNode:
        text = pattern.sub(lambda m: phrases[m[0]] if len(m[0]) > 2 else m[0], node.text)
        if text != node.text:
            before, after = changed_part(node.text, text)
            report.add(CLEANED, node.line, f"shorthand: {quote(before, 70)} -> {quote(after, 70)}")
        return node.with_text(text).with_children([fix(c) for c in node.children])
    return root.with_children([fix(c) for c in root.children])


def changed_part(before: str, after: str, context: int = 20) -> tuple[str, str]:
    """The part of a long line that changed, with a little context, so the report shows it ('...')."""
    if len(before) <= 50 and len(after) <= 50:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    lo = max(0, start - context)
    lead = "…" if lo else ""
    return (lead + before[lo:len(before) - end + context].rstrip(), lead + after[lo:len(after) - end + context].rstrip())


def _clean(children, report: Report, words: Words | None, heading: str = "") -> list[OutlineNode]:
    out = []
    for child in children:
        source = child.text
        if not child.children and (equation := sum_under(heading, _numbers(source, child.marker))):
            # 'Stopping distance' over 'thinking distance + braking distance': the heading's equation, kept as one
            report.add(CLEANED, child.line, f"sum under its heading: {quote(source, 70)} -> {quote(equation, 70)}")
            source = equation
        text, changed = clean_text(source, child.marker, words)
        if changed and text:
            before, after = changed_part(child.text, text)
            report.add(CLEANED, child.line, f"{', '.join(changed)}: {quote(before, 70)} -> {quote(after, 70)}")
        out.append(child.with_text(text or source).with_children(_clean(child.children, report, words, text or source)))
    return out
