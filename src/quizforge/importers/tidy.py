"""Tidy wording: what a teacher would put right before photocopying, where the notes show how.

The last text pass of an import (after spelling), over the whole tree so that a fix can rest on the
notes' own usage. Each fix is one small function; ``tidy_tree`` reports every change with its line,
and flags (CHECK) what it cannot put right safely:

- a particle split off by a spaced hyphen ("pinches - in" -> "pinches in");
- two clauses joined by a spaced dash ("... against England - his ships are scattered" -> "England; his
  ships are scattered"; after a fronted "If ..." clause, a comma);
- a title-case name between two dashes labels the sentence after it ("1586 - The Babington Plot - Walsingham
  uncovers a plan" -> "1586 - The Babington Plot: Walsingham uncovers a plan");
- initials missing their last stop ("J.J Thompson" -> "J.J. Thompson");
- a plural possessive missing its apostrophe ("slow drivers reactions" -> "slow drivers' reactions");
- an American spelling in British notes ("center" -> "centre"; "tire" -> "tyre" when the notes write "tyre");
- a common word capitalised mid-sentence that the notes elsewhere write in lower case ("World is perfect");
- the article a subject needs, where the notes use that noun with an article ("Spindle disappears." ->
  "The spindle disappears.", because the notes say "a spindle");
- 'there' for a modal 'be' with no subject ("Must be a creator" -> "There must be a creator");
- a subject pronoun under a heading that names who or what ("USSR" > "She was only allowed to join in
  1934" -> "The USSR was only allowed to join in 1934");
- flagged only: a word apparently missing ("the very who thought of it"), and "she" or "her" for a country.

Words inside quotation marks are the author's and are never touched. Patterns are linear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..quality.words import STOP, is_country, is_finite_form, lemma, missing_word, pos
from . import guess
from .text import changed_part
from .tree import CHECK, CLEANED, OutlineNode, Report, quote
from .words import Words

QUOTED = re.compile(r"‘[^’]*’|“[^”]*”|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")
PARTICLES = "in|out|up|down|off|on|over|back|away|apart"
PARTICLE_WORDS = frozenset(PARTICLES.split("|"))
PARTICLE_DASH = re.compile(rf"\b([a-z]{{3,}}) [-–] ({PARTICLES})(?=[\s.,;:!?)]|$)")
INITIALS = re.compile(r"\b((?:[A-Z]\.){1,3}[A-Z])(?= [A-Z][a-z])")
# A plural noun for people ('drivers', 'voters', 'scientists', 'parents') straight before a noun.
PEOPLE_PLURAL = re.compile(r"\b([a-z]{3,}(?:ers|ors|ists|ians|ents))( )(?=([a-z]{3,})\b)")
WORD = re.compile(r"[A-Za-z]+")
# Spellings that are English words both ways, American in one sense: changed only when the notes also
# write the British form ("tyres" elsewhere makes "tire quality" a slip, not the verb).
US_PAIRS = {"tire": "tyre", "tires": "tyres", "curb": "kerb", "curbs": "kerbs", "plow": "plough",
            "plows": "ploughs", "aluminum": "aluminium", "mold": "mould", "molds": "moulds"}
# Computing keeps 'program'; a unit keeps 'meter' (a measuring device is a 'meter' in British English too).
US_ENDINGS = ((re.compile(r"(?<=[a-z]{3})er(s?)$"), r"re\1"), (re.compile(r"(?<=[a-z]{2})or(s|ed|ing|ful|ite|ites)?$"), r"our\1"),
              (re.compile(r"(?<=[a-z]{3})iz(e|es|ed|ing|ation|ations)$"), r"is\1"), (re.compile(r"(?<=[a-z]{3})yz(e|es|ed|ing)$"), r"ys\1"),
              (re.compile(r"(?<=[a-z]{3})ense(s?)$"), r"ence\1"))
MID_RUN = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\b(?! [A-Z])")
MID_CAPITAL = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,})\b(?! [A-Z])")
SENTENCE_START = re.compile(r"^[A-Za-z][a-z]+(?: [a-z]+){1,3}\b")
ARTICLE_BEFORE = re.compile(r"\b((?i:the|a|an)) (?=([A-Za-z][a-z]*(?: [A-Za-z][a-z]*){0,2})\b)")
PRONOUN_START = re.compile(r"^(She|He|They) (\w+)")
GENDERED = re.compile(r"\b(she|he|her|him|his|hers|herself|himself)\b", re.IGNORECASE)
PLURAL_PRONOUNS = re.compile(r"\b(they|them|their|theirs|she|he|her|him|his|it|its)\b", re.IGNORECASE)
NOT_NAMES = frozenset("the and of in on for to a an at by with from".split())


def _outside_quotes(text: str, start: int) -> bool:
    return not any(a <= start < b for a, b in _quoted_spans(text))


@lru_cache(maxsize=256)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in QUOTED.finditer(text))


def _sub(pattern: re.Pattern[str], fix, text: str) -> str:
    """pattern.sub(fix), leaving every match inside quotation marks as it is."""
    return pattern.sub(lambda m: fix(m) if _outside_quotes(text, m.start()) else m[0], text)


def particle_dash(text: str) -> str:
    """'The cell membrane pinches - in.' -> 'pinches in': a particle belongs to its verb."""
    return _sub(PARTICLE_DASH, lambda m: f"{m[1]} {m[2]}" if "VERB" in pos(m[1]) else m[0], text)


CLAUSE_DASH = re.compile(r"(?<=[\w)]) [-–—] (?=[\w(])")
SUBORDINATORS = ("if ", "even if ", "when ", "although ", "though ", "because ", "since ", "as ", "while ", "unless ")


MIN_CLAUSE_WORDS = 5  # 'Sea level rise' reads as a clause to the lexicon; a label this short is a label


def _subjectless(text: str) -> bool:
    """'shows that ...', 'ends with ...': a comment on what comes before, with no subject of its own."""
    first = text.split(" ", 1)[0].lower()
    return is_finite_form(first) and first not in STOP


def clause_dash(text: str) -> str:
    """'sends a second armada against England - his ships are scattered' -> '...England; his ships are
    scattered': two clauses a dash only sits between. After a fronted 'If ...' clause it is a comma. A dash
    after a label, a date or a term ('1586 - The Babington Plot', 'Afterlife - human existence') is left."""
    from ..quality.clause import has_clause

    dashes = list(CLAUSE_DASH.finditer(text))
    if not dashes or len(dashes) > 2 or _quoted_spans(text):
        return text  # 'Sea level rise - ice melts - water expands': a list the mapper splits; a quotation's comment
    bounds = [0, *(m.start() for m in dashes), len(text)]
    out, last = [], 0
    for k, m in enumerate(dashes):
        left = text[bounds[k] + (3 if k else 0):m.start()].strip()
        right = text[m.end():bounds[k + 2]].strip()
        fronted = left.lower().startswith(SUBORDINATORS)
        # 'NIC (network interface controller or card)' is a label: a bracket is an aside, not a clause
        if (guess.bare_words(left) < MIN_CLAUSE_WORDS and not fronted) or not has_clause(left) or not has_clause(right) or _subjectless(right):
            continue
        joint = ", " if fronted else "; "
        first = right.split(" ", 1)[0]
        out += [text[last:m.start()], joint]
        last = m.end()
        if first[1:].islower() and first.lower() in STOP:  # '- The ships sank' -> '; the ships sank'
            out.append(first[0].lower())
            last += 1
    return "".join(out) + text[last:]


def label_colon(text: str) -> str:
    """'1586 - The Babington Plot - Walsingham uncovers a plan' -> '... The Babington Plot: Walsingham
    uncovers a plan': a name in title case between two dashes labels the sentence after it. The first
    dash of a line is left as it is (the mapper reads 'date - event' and 'term - meaning' there)."""
    from ..quality.clause import has_clause

    dashes = list(CLAUSE_DASH.finditer(text))
    if len(dashes) != 2 or _quoted_spans(text):
        return text
    first, second = dashes
    head, label, right = text[:first.start()], text[first.end():second.start()], text[second.end():]
    if len(head.split()) > 4 or has_clause(head):
        return text  # 'Stalin wanted an old Bolshevik - Ryutin - shot': a name set off in the sentence
    words = label.split()
    named = [w for w in words if w.lower() not in NOT_NAMES]
    if not 1 <= len(words) <= 5 or not named or not all(w[:1].isupper() for w in named) or has_clause(label):
        return text
    if not has_clause(right) or _subjectless(right):
        return text
    return f"{text[:second.start()]}: {right}"


def initials(text: str) -> str:
    """'J.J Thompson' -> 'J.J. Thompson': every initial has its stop."""
    return _sub(INITIALS, lambda m: m[1] + ".", text)


def plural_possessive(text: str) -> str:
    """'the drivers reactions' -> 'the drivers' reactions': people in the plural, then a thing of theirs;
    after an adjective, 'slow drivers reactions' -> 'slow driver reactions' (whose is the adjective?)."""
    def fix(m: re.Match[str]) -> str:
        people, thing = m[1], m[3]
        if lemma(people) == people or pos(people) != frozenset({"NOUN"}):
            return m[0]
        # 'drivers brake', 'voters choose': a verb may follow; but a plural subject takes no '-s' verb, so
        # 'workers rights' is a noun after all.
        if "NOUN" not in pos(thing) or (pos(thing) != frozenset({"NOUN"}) and not (thing.endswith("s") and lemma(thing) != thing)):
            return m[0]
        before = re.findall(r"[A-Za-z]+", text[:m.start()])
        if before and "ADJ" in pos(before[-1]) and not pos(before[-1]) & {"DET", "NUM"}:
            # 'slow drivers reactions': the adjective may be the reactions' ('drivers' slow reactions'), so
            # the people become a noun before the thing, as English writes it either way: 'slow driver reactions'.
            return f"{lemma(people)}{m[2]}"
        return f"{people}'{m[2]}"
    return _sub(PEOPLE_PLURAL, fix, text)


def british(word: str, words: Words, spelled: frozenset[str]) -> str | None:
    """The British spelling of an American one ('center' -> 'centre'), or None when it is not one."""
    low = word.lower()
    if low in US_PAIRS:
        fix = US_PAIRS[low]
        family = {fix, fix + "s", fix.removesuffix("s")}  # 'tyres' in the notes is evidence for 'tyre'
        return fix if family & spelled else None
    if low in words.british or low in words.proper or low == "program":
        return None
    for pattern, replacement in US_ENDINGS:
        new = pattern.sub(replacement, low)
        if new != low and new in words.british:
            return new
    return None


def spell_british(text: str, words: Words, spelled: frozenset[str]) -> str:
    def fix(m: re.Match[str]) -> str:
        word = m[0]
        if not word.islower() and not (word[0].isupper() and word[1:].islower() and _starts_sentence(text, m.start())):
            return word  # a name or an acronym
        new = british(word, words, spelled) if _outside_quotes(text, m.start()) else None
        return (new[0].upper() + new[1:] if word[0].isupper() else new) if new else word
    return WORD.sub(fix, text)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:"


def lower_capitals(text: str, words: Words, lower: Counter[str], capital: Counter[str],
                   phrases: frozenset[str] = frozenset()) -> str:
    """'Must be a creator, World is perfect' -> 'world': a common word the notes write in lower case
    more often than capitalised, capitalised mid-sentence with no name beside it."""
    def fix(m: re.Match[str]) -> str:
        word, low = m[1], m[1].lower()
        before = text[:m.start()].split()
        if before and before[-1][:1].isupper():
            return word  # 'Poor Law', 'Black Death': part of a name
        if low not in words.british or low in words.proper or not _outside_quotes(text, m.start()):
            return word
        return low if lower[low] >= max(1, capital[low]) else word
    return MID_RUN.sub(lambda m: _lower_run(m, text, words, phrases), MID_CAPITAL.sub(fix, text))


def _lower_run(m: re.Match[str], text: str, words: Words, phrases: frozenset[str]) -> str:
    """'stored in Long Term Memory' -> 'long term memory' when the notes write that phrase in lower case."""
    run = m[1]
    low = run.lower()
    if low not in phrases or not _outside_quotes(text, m.start()) or any(w in words.proper for w in low.split()):
        return run
    return low


def add_article(text: str, countable: frozenset[str]) -> str:
    """'Spindle disappears.' -> 'The spindle disappears.': a singular noun phrase as subject, with no
    determiner, where the notes themselves give that noun an article."""
    m = SENTENCE_START.match(text)
    if not m:
        return text
    words = text[:m.end()].split()
    for k in range(min(3, len(words) - 1), 0, -1):
        phrase, verb = [w.lower() for w in words[:k]], words[k]
        after = text[len(" ".join(words[:k + 1])):].lstrip()
        if " ".join(phrase) in countable and _subject(phrase) and _verb_after(verb, after):
            return ("The " if text[0].isupper() else "the ") + text[0].lower() + text[1:]
    return text


def _subject(phrase: list[str]) -> bool:
    """A singular noun with adjectives or nouns before it ('spindle', 'forward reaction')."""
    head = phrase[-1]
    # A term the lexicon lacks ('centromere') counts as a noun: the notes give it an article.
    if (head.endswith("s") and lemma(head) != head) or (pos(head) and "NOUN" not in pos(head)):
        return False
    return all(pos(w) & {"NOUN", "ADJ"} and "DET" not in pos(w) for w in phrase[:-1])


def _verb_after(verb: str, after: str) -> bool:
    """'is', 'has', 'disappears', 'duplicates (': a singular verb; one that is also a noun ('duplicates')
    only where no noun phrase goes on after it."""
    if verb in {"is", "was", "has"}:
        return True
    if not is_finite_form(verb) or not verb.endswith("s"):
        return False
    if "NOUN" not in pos(verb):
        return True
    nxt = after.split(" ", 1)[0].lower() if after else ""
    return not after or after[0] in "(.,;:!?" or nxt in {"the", "a", "an", "to", "into", "on", "at", "from", "with"} | PARTICLE_WORDS


EXISTENTIAL = re.compile(r"^(?P<modal>[Mm]ust|[Cc]ould|[Mm]ight|[Ss]hould) (?P<be>be|have been) (?P<next>[A-Za-z]+)\b")
SOME = frozenset("a an some no more many much another lots".split())


def there_must(text: str) -> str:
    """'Must be a creator' -> 'There must be a creator': a modal 'be' with no subject, before a noun
    phrase, says that something exists. Before an adjective ('Must be perfect') it says what something
    is, and needs a subject the line does not give: left alone."""
    m = EXISTENTIAL.match(text)
    if not m:
        return text
    nxt = m["next"].lower()
    if nxt not in SOME and not ("NOUN" in pos(nxt) and "ADJ" not in pos(nxt) and not nxt.endswith("ly")):
        return text
    there = "There" if text[0].isupper() else "there"
    return f"{there} {m['modal'].lower()}{text[len(m['modal']):]}"


def countable_phrases(texts: Iterable[str], names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Noun phrases the notes write with an article: 'a spindle', 'an atom' (one word, so countable), 'the
    forward reaction' (two or three words: a particular thing). 'the temperature' alone proves nothing.
    Case is ignored (a stray capital is no name), except for ``names``: words the notes capitalise
    mid-sentence more often than not ('the Germany of 1919' is no evidence for 'a germany')."""
    found = set()
    for text in texts:
        for m in ARTICLE_BEFORE.finditer(text):
            words = m[2].lower().split()
            if names & set(words):
                words = words[:next(i for i, w in enumerate(words) if w in names)]
            for k in range(1, len(words) + 1):
                phrase = words[:k]
                if m[1].lower() in ("a", "an") or k >= 2:
                    found.add(" ".join(phrase))
    return frozenset(found)


def name_heading(text: str, words: Words) -> str | None:
    """The heading as a subject ('USSR' -> 'The USSR', 'Lady Macbeth'), when it is a short name: every
    word capitalised and the last one not a common word. None for any other heading."""
    parts = text.strip().rstrip(".:").split()
    if not parts or len(parts) > 4 or any(p.lower() not in NOT_NAMES and not p[:1].isupper() for p in parts):
        return None
    last = parts[-1].lower()
    if not (is_country(" ".join(parts)) or parts[-1].isupper() or last in words.proper or last not in words.british):
        return None
    name = " ".join(parts)
    return f"the {name}" if _takes_the(name) else name


def _takes_the(name: str) -> bool:
    """'the USSR', 'the United Kingdom', 'the Netherlands'; not 'Germany' (nor a person's initials)."""
    if not is_country(name):
        return False
    return (name.isupper() and len(name) <= 5) or bool(re.search(r"\b(United|Republic|Kingdom|Union|States|Federation|"
                                                                  r"Emirates|Islands)\b|lands$|ines$", name))


def heading_subject(text: str, heading: str, words: Words) -> str | None:
    """'She was only allowed to join in 1934' under 'USSR' -> 'The USSR was only allowed to join in 1934'.

    Only 'she'/'he' under one name and 'they' under two joined by 'and', with no other pronoun left in the
    line that could point at something else (a country's later 'she' becomes 'it')."""
    m = PRONOUN_START.match(text)
    subject = name_heading(heading, words)
    if not m or subject is None or not ({"VERB", "AUX"} & pos(m[2].lower())):
        return None
    plural = " and " in heading
    if (m[1] == "They") != plural:
        return None
    rest = text[m.end(1):]
    if plural and PLURAL_PRONOUNS.search(rest):
        return None
    if not plural:
        country = is_country(heading.strip().rstrip(".:"))
        if country and m[1] == "She":
            rest = re.sub(r"\bshe\b", "it", rest)
        if GENDERED.search(rest):
            return None
    if m[1] != "They" and m[2].lower() in {"are", "were", "have"}:
        return None
    return subject[0].upper() + subject[1:] + rest


def flags(text: str) -> list[str]:
    """What the tidier cannot put right: a missing word, 'she' for a country."""
    out = []
    gap = missing_word(text)
    if gap:
        out.append(f"a word seems to be missing in {quote(gap)}; say it in full")
    return out


MAX_ROUNDS = 5


def tidy_tree(root: OutlineNode, report: Report, words: Words | None) -> OutlineNode:
    """Every node's wording tidied as above; each change reported, each doubt flagged.

    Two rounds: case and spelling first, then the rest, whose evidence (which nouns take an article) is
    read from the notes as the first round left them, so that tidying tidied notes changes nothing."""
    changes: dict[int, tuple[str, list[str]]] = {}
    for _ in range(MAX_ROUNDS):  # a lowered word is new evidence for the next: until nothing changes
        before = root
        root = _case_and_spelling(root, words, changes)
        if root == before:
            break
    countable = _evidence(root)

    def visit(node: OutlineNode, heading: str) -> OutlineNode:
        text = _tidy(node, heading, words, countable, changes, report)
        return node.with_text(text).with_children([visit(c, text) for c in node.children])
    return root.with_children([visit(c, "") for c in root.children])


def _counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised, inside a sentence."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for t in texts:
        for m in re.finditer(r"(?<=[a-z,;\-–] )([A-Za-z]+)", t):  # after a dash too: it may become a semicolon
            (capital if m[1][0].isupper() else lower)[m[1].lower()] += 1
    return lower, capital


def _texts(root: OutlineNode) -> list[str]:
    return [QUOTED.sub(" ", n.text) for n in root.walk() if n.line]


def _evidence(root: OutlineNode) -> frozenset[str]:
    texts = _texts(root)
    lower, capital = _counts(texts)
    return countable_phrases(texts, frozenset(w for w in capital if capital[w] > lower[w]))


def _case_and_spelling(root: OutlineNode, words: Words | None, changes: dict) -> OutlineNode:
    if words is None:
        return root
    nodes = [n for n in root.walk() if n.line]
    texts = _texts(root)
    spelled = frozenset(w.lower() for t in texts for w in WORD.findall(t))
    lower, capital = _counts(texts)
    small_runs = frozenset(_lower_ngrams(texts))
    small_terms = {_first_word(n.text) for n in nodes if n.marker == "row" and n.text[:1].islower()}
    rows = {n.text for n in nodes if n.marker == "row"}

    def visit(node: OutlineNode) -> OutlineNode:
        steps = []
        if node.marker == "row":
            steps.append(("capitals", lambda t: lower_term(t, small_terms, rows)))
        else:
            steps.append(("British spelling", lambda t: spell_british(t, words, spelled)))
        if not node.children and node.marker not in ("row", "heading", "table"):
            # a heading's capitals are its title case ('To Present Yourself')
            steps.append(("capitals", lambda t: lower_capitals(t, words, lower, capital, small_runs)))
        text = _apply(node, steps, changes)
        return node.with_text(text).with_children([visit(c) for c in node.children])
    return root.with_children([visit(c) for c in root.children])


def _apply(node: OutlineNode, steps, changes: dict) -> str:
    """Run the steps over the node's text, noting in ``changes`` (line -> original, names) what changed."""
    text = node.text
    for name, step in steps:
        new = step(text)
        if new != text:
            original, names = changes.setdefault(node.line, (text, []))
            names.append(name)
            text = new
    return text


def _lower_ngrams(texts: Iterable[str]) -> Iterable[str]:
    """Every run of two to four lower-case words in the notes ('short term memory')."""
    for text in texts:
        found = WORD.findall(text)
        for i in range(len(found)):
            for n in (2, 3, 4):
                run = found[i:i + n]
                if len(run) == n and all(w.islower() for w in run):
                    yield " ".join(run)


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
NUMBER_START = re.compile(r"(^|(?<=[.!?] ))(10|[0-9])(?= ([a-z]{3,})\b)")
UNITS = frozenset("mph kph kmh min mins sec secs hrs kpa atm mol per".split())


def number_start(text: str) -> str:
    """'2 identical daughter cells are formed.' -> 'Two identical daughter cells are formed.': a sentence
    never opens with a figure (blind review). A figure before a unit ('5 mph') is left as it is."""
    def fix(m: re.Match[str]) -> str:
        after = m[3]
        if after in UNITS or not pos(after):
            return m[0]
        return m[1] + NUMBER_WORDS[int(m[2])].capitalize()
    return _sub(NUMBER_START, fix, text)


def _tidy(node: OutlineNode, heading: str, words: Words | None, countable: frozenset[str], changes: dict,
          report: Report) -> str:
    steps = [("particle", particle_dash), ("clauses joined by a dash", clause_dash),
             ("label before a colon", label_colon), ("initials", initials),
             ("possessive", plural_possessive), ("subject 'there'", there_must), ("figure opening a sentence", number_start)]
    if not node.children and node.marker != "row":
        steps.append(("article", lambda t: add_article(t, countable)))
    if words is not None and heading and not node.children:
        steps.append(("subject named", lambda t: heading_subject(t, heading, words) or t))
    text = _apply(node, steps, changes)
    if node.line in changes:
        original, names = changes[node.line]
        before, after = changed_part(original, text)
        report.add(CLEANED, node.line, f"{', '.join(dict.fromkeys(names))}: {quote(before, 70)} -> {quote(after, 70)}")
    for message in flags(text):
        report.add(CHECK, node.line, message)
    if heading and _country_she(text, heading):
        report.add(CHECK, node.line, f"'she' or 'her' for a country ({quote(heading.strip(), 30)}): write 'it' or 'its', or name it")
    return text


TERM_WORD = re.compile(r"[^\W\d_][^\s(/|]*")


def _first_word(text: str) -> str:
    m = TERM_WORD.match(text)
    return m[0] if m else ""


def lower_term(text: str, small: set[str], rows: set[str] = frozenset()) -> str:
    """'Gentil' -> 'gentil' in a vocabulary table that writes 'gentil(le)' elsewhere: a table's sentence
    case, not a name. A term whose word the notes never write in lower case keeps its capital, and so does
    one that would then read exactly as another row."""
    word = _first_word(text)
    if not word[:1].isupper() or not word[1:].islower() or word.lower() not in small:
        return text
    new = text[0].lower() + text[1:]
    return text if new in rows else new  # the same term twice ('Bavard(e)', 'bavard(e)'): a capital tells them apart


def _country_she(text: str, heading: str) -> bool:
    """'she' or 'her' in a line under a heading that names a country ('Germany', 'Japan and Italy')."""
    names = [heading.strip().rstrip(".:"), *re.findall(r"[A-Z][A-Za-z]+", heading)]
    return bool(re.search(r"\b(she|her)\b", text, re.IGNORECASE)) and any(is_country(n) for n in names)
