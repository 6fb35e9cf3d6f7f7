"""Words: tokens, parts of speech, frequency and kind, from two kept libraries.

Parts of speech come from lemminflect's lexicon (PyPI, pure Python, its tables ship inside the
wheel: nothing is downloaded at run time). It says which parts of speech a word form can be
("ended": VERB; "effects": NOUN or VERB); ``has_verb`` settles the ambiguous ones from the
neighbouring words. Frequencies come from wordfreq's small English list (also inside its wheel),
read once: a rarer word is more distinctive, so better worth blanking.
Both load on first use, so commands that never check an item do not pay for them.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import QuizforgeError

TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*|\d[\d,.:/]*\d|\d")
YEAR_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})s?$")
MONTHS = frozenset("january february march april may june july august september october november december".split())
NUMBER_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds
thousand thousands million millions dozen dozens half quarter
""".split())

CURRENCY = frozenset("£$€¥")
PLURAL_PEOPLE = frozenset("people men women children troops police staff".split())
DETERMINERS = frozenset("""
a an the this that these those each every some any no many much several few all both either neither
his her its their our my your whose which what another other such
""".split())
PREPOSITIONS = frozenset("""
of in on at by for with from to into onto over under about against between among through during before
after without within across towards toward upon around near beside behind beyond since until than via per
""".split())
CONJUNCTIONS = frozenset("and or but nor yet so because although though while whereas if unless as when".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they who which that there this these those".split())
AUXILIARIES = frozenset("""
is are was were be been being am has have had do does did can could will would shall should may might must
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't couldn't won't wouldn't
shouldn't mustn't it's he's she's that's there's
""".split())
STOP = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | SUBJECT_PRONOUNS | AUXILIARIES | frozenset(
    "him them us me not also too very more most less least only just then there here how why where what who".split())


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def _package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise QuizforgeError(f"the quality gates need the '{package}' package: pip install {package}")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """lemminflect's lemma table: word -> its raw entries ('noun,effect;verb,effect;'), parsed on lookup.

    Read straight from the table in its wheel: importing lemminflect itself pulls in numpy for its
    inflection model, which this never uses (0.3 s of a 1.5 s build), and parsing all 80,000
    entries up front would cost another 0.1 s. tests/test_quality.py checks ``_lemmas`` against
    ``lemminflect.getAllLemmas``, so a change of format in a new release fails the tests.
    """
    text = gzip.decompress(_package_file("lemminflect", "resources", "lemma_lu.csv.gz").read_bytes()).decode("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        word, _, entry = line.partition(",")
        table[word] = table.get(word, "") + entry + ";"
    return table


def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """{UPOS: lemmas} for a lower-case word form, as lemminflect.getAllLemmas gives it."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in _lexicon().get(word, "").split(";"):
        if entry:
            category, _, forms = entry.partition(",")
            found["AUX" if category == "modal" else category.upper()] = tuple(forms.split("/"))
    return found


@lru_cache(maxsize=1)
def _verb_table() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """lemminflect's inflection table (rows 'lemma,verb,VBD,VBN,VBG,VBZ'), read once from its wheel like
    the lemma table: lemma -> (past, third person), and every conjugated form."""
    text = gzip.decompress(_package_file("lemminflect", "resources", "infl_lu.csv.gz").read_bytes()).decode("utf-8")
    table: dict[str, tuple[str, str]] = {}
    forms: set[str] = set()
    for line in text.splitlines():
        cells = line.split(",")
        if len(cells) >= 6 and cells[1] == "verb":
            table[cells[0]] = (cells[2].split("/")[0], cells[5].split("/")[0])
            forms.update(f.lower() for f in cells[2].split("/") + cells[5].split("/") if f)
    return table, frozenset(forms)


def verb_forms() -> dict[str, tuple[str, str]]:
    """verb lemma -> (past tense, third person singular), the first spelling of each: 'win' -> ('won', 'wins')."""
    return _verb_table()[0]


def _finite_forms() -> frozenset[str]:
    """Every conjugated form (past 'erupted', third person 'increases') of every verb in the table."""
    return _verb_table()[1]


def is_finite_form(word: str) -> bool:
    """'erupted', 'increases': a verb form that is conjugated (past or third person), not a base form."""
    return word.lower() in _finite_forms()


@lru_cache(maxsize=1 << 15)
def pos(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can be (universal tags), from the lexicon; empty if unknown."""
    low = word.lower().replace("\u2019", "'")
    if low in AUXILIARIES:
        return frozenset({"AUX"})
    return frozenset(_lemmas(low))


@lru_cache(maxsize=1 << 15)
def lemma(word: str) -> str:
    """The dictionary form of ``word`` ('purges' -> 'purge'), lower case; the word itself if unknown."""
    low = word.lower().replace("\u2019", "'")
    if low.endswith("'s"):
        low = low[:-2]
    found = _lemmas(low)
    for tag in ("NOUN", "VERB", "ADJ", "ADV", "AUX"):
        if tag in found:
            return found[tag][0]
    return low


@lru_cache(maxsize=2)
def _frequencies(wordlist: str = "small") -> dict[str, float]:
    """wordfreq's English list ``wordlist`` ('small' or 'large'), word -> Zipf, as
    ``wordfreq.zipf_frequency(w, "en", wordlist)`` gives it.

    Read straight from its cBpack file (a gzipped msgpack list of centibel buckets, documented in
    wordfreq.read_cBpack): importing wordfreq loads langcodes, ftfy and its tokenizers, which this
    never needs. tests/test_quality.py checks the figures against wordfreq's own.
    """
    import msgpack  # a wordfreq dependency

    with gzip.open(_package_file("wordfreq", "data", f"{wordlist}_en.msgpack.gz"), "rb") as f:
        data = msgpack.load(f, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise QuizforgeError(f"unexpected wordfreq data format {header!r}; pin wordfreq 3")
    return {word: 9.0 - index / 100 for index, bucket in enumerate(data[1:]) for word in bucket}


@lru_cache(maxsize=1 << 15)
def zipf(word: str) -> float:
    """Zipf frequency (0 = unknown, 7+ = 'the') of one word, in wordfreq's small English list."""
    value = _frequencies().get(word.lower().replace("\u2019", "'"), 0.0)
    return round(value, 2) if value > 0 else 0.0


@lru_cache(maxsize=1 << 12)
def zipf_large(word: str) -> float:
    """Zipf frequency in wordfreq's large English list, which goes on below the small list's floor
    (about 3: 'childlike' 2.94, 'seaport' 2.91 are 0 there). 0.25 s to read, so only for the few words
    that need it."""
    value = _frequencies("large").get(word.lower().replace("\u2019", "'"), 0.0)
    return round(value, 2) if value > 0 else 0.0


def known(word: str) -> bool:
    return bool(pos(word)) or zipf(word) > 0


def distinctiveness(phrase: str) -> float:
    """How distinctive a phrase is: 8 minus the Zipf frequency of its rarest content word."""
    words = [w for w in tokens(phrase) if w.lower() not in STOP and not w[0].isdigit()]
    if not words:
        return 0.0
    return round(8.0 - min(zipf(w) for w in words), 2)


def is_year(text: str) -> bool:
    return bool(YEAR_RE.match(text.strip()))


def word_kind(phrase: str) -> str:
    """'date', 'number', 'name' or 'term': word banks mix answers only with spares of the same kind."""
    words = tokens(phrase)
    if not words:
        return "term"
    lowered = [w.lower() for w in words]
    if any(is_year(w) for w in words) or any(w in MONTHS for w in lowered) or "century" in lowered:
        return "date"
    if all(w[0].isdigit() or w in NUMBER_WORDS for w in lowered):
        return "number"
    content = [w for w in words if w.lower() not in STOP]
    if content and all(w[0].isupper() for w in content):
        return "name"
    return "term"


def is_headcount(sentence: str, start: int, end: int) -> bool:
    """True when sentence[start:end] is a count of things (never worth a blank): '2000 SA members'."""
    answer = sentence[start:end].strip()
    if answer[:1] in CURRENCY or sentence[max(start - 1, 0):start] in CURRENCY or answer.endswith("%"):
        return False  # an amount of money or a share, not a count
    words = [w.lower() for w in tokens(answer)]
    if not words or not all(w[0].isdigit() or w in NUMBER_WORDS for w in words):
        return False
    if len(words) == 1 and is_year(words[0]):
        # '1500 people' and '2000 SA members' count people; 'in 1934 Kirov was murdered' is a year.
        for word in tokens(sentence[end:])[:2]:
            if word.islower():
                return word in PLURAL_PEOPLE or (word.endswith("s") and "NOUN" in pos(word))
        return False
    return True


def content_words(text: str) -> frozenset[str]:
    """Lemmas of the words that carry the meaning (no function words, no numbers)."""
    return frozenset(lemma(w) for w in tokens(text)
                     if w.lower() not in STOP and not w[0].isdigit() and len(w) > 2)


ROOT = 4  # letters a shared root needs: 'sens' (senses, sensory); 'art' beside 'artist' is too short to judge
# Suffixes that make one word of another ('sens|ory', 'memor|ise', 'member|ship'): a root followed by
# anything else ('plan|et', 'heart' after 'hear') is a different word.
SUFFIXES = frozenset("""
s es ed ing er or ers ory ive ion ions ation ations al ial ual ic ical ous ious y ly ity ment ments ness ship ist
ism ise ize ised ized ance ence ant ent able ible ful less ary
""".split())


def root(word: str) -> str:
    """The lemma less a final 'e' or 'y' when longer than ``ROOT``: 'senses' -> 'sens', 'memories' -> 'memor'."""
    base = lemma(word)
    return base[:-1] if len(base) > ROOT and base[-1] in "ey" else base


@lru_cache(maxsize=1 << 14)
def same_root(a: str, b: str) -> bool:
    """Two words of one family: the same lemma, or one's root (``ROOT`` letters or more) followed in the
    other by a suffix that derives words ('senses'/'sensory', 'members'/'membership', 'long'/'long')."""
    la, lb = lemma(a), lemma(b)
    if la == lb:
        return True
    for short, long_ in ((root(a), lb), (root(b), la)):
        if len(short) >= ROOT and long_.startswith(short) and long_[len(short):] in SUFFIXES:
            return True
    return False


def key_overlap(a: str, b: str, *, min_distinct: float = 3.0) -> frozenset[str]:
    """Content lemmas the two texts share that are distinctive enough to give an answer away."""
    shared = content_words(a) & content_words(b)
    return frozenset(w for w in shared if distinctiveness(w) >= min_distinct)


def family_overlap(a: str, b: str, *, min_distinct: float = 3.0) -> frozenset[str]:
    """Content lemmas of ``a`` with a word of the same family in ``b`` ('senses' in a, 'Sensory' in b),
    the rarer of the two distinctive enough to give an answer away: ``key_overlap`` by word family."""
    theirs = content_words(b)
    return frozenset(w for w in content_words(a) for o in theirs
                     if same_root(w, o) and max(distinctiveness(w), distinctiveness(o)) >= min_distinct)


@lru_cache(maxsize=16384)
def has_verb(text: str) -> bool:
    """True when the text has a finite or imperative verb, judged from the lexicon and the neighbours."""
    return next(verbs(tokens(text)), None) is not None


def verbs(words: list[str]) -> Iterator[tuple[int, bool]]:
    """(index, imperative) of each word that reads as a finite or imperative verb, in order.

    ``imperative`` is True for a sentence-initial verb taken as a command ('Explain why ...'), which has
    no subject of its own.
    """
    for i, word in enumerate(words):
        low = word.lower()
        if low in AUXILIARIES:
            yield i, i == 0
            continue
        if word[0].isdigit() or (i > 0 and word[0].isupper() and low not in SUBJECT_PRONOUNS):
            continue
        if low.endswith("ing") or (i and words[i - 1].lower() == "to"):
            continue  # a participle or an infinitive is not the sentence's verb
        tags = pos(low)
        if "VERB" not in tags and "AUX" not in tags:
            continue
        prev = words[i - 1].lower() if i else ""
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if tags <= {"VERB", "AUX"}:
            if prev not in DETERMINERS or prev in SUBJECT_PRONOUNS:
                yield i, i == 0
            continue
        if low.endswith("ed") and prev in SUBJECT_PRONOUNS:
            yield i, False  # 'this raised ...', 'that led ...'
            continue
        if prev in DETERMINERS or prev in PREPOSITIONS:
            continue
        if i == 0:
            if nxt in DETERMINERS or nxt in {"how", "why", "what", "which", "who", "whether", "to"}:
                yield i, True  # an imperative: 'Explain why ...', 'Match each ...'
            continue
        if low.endswith("ed") or prev in SUBJECT_PRONOUNS or prev in {"not", "also", "only"}:
            yield i, False
            continue
        proper_subject = words[i - 1][0].isupper() and not pos(words[i - 1])  # 'Stalin purges ...'
        noun_phrase = i >= 2 and words[i - 2].lower() in DETERMINERS and "NOUN" in pos(prev)  # 'the army supports'
        if proper_subject or noun_phrase or nxt in DETERMINERS or nxt in {"him", "her", "them", "it"}:
            yield i, False
            continue
        # 'Heat makes particles ...', 'bread cost 200 billion marks': a noun, then a verb-or-noun
        # with an object after it (but 'Show trials and confessions' has only a conjunction after it).
        if "NOUN" in pos(prev) and nxt and nxt not in PREPOSITIONS | CONJUNCTIONS:
            yield i, False


# Names for countries that ISO 3166 does not list as such: the short forms notes use.
COUNTRY_EXTRAS = ("UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Soviet Union",
                  "America", "Russia", "Prussia", "Austria-Hungary", "Czechoslovakia", "Yugoslavia")


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names, lower case, from pycountry's ISO 3166 tables (current and former countries, names,
    common and official names, three-letter codes: 'germany', 'usa', 'ussr', 'united kingdom'), plus a
    few short forms ISO leaves out. pycountry ships its data in its wheel; nothing is downloaded."""
    try:
        import pycountry
    except ImportError as exc:
        raise QuizforgeError("the quality gates need the 'pycountry' package: pip install pycountry") from exc
    names = {n.lower() for n in COUNTRY_EXTRAS}
    for table in (pycountry.countries, pycountry.historic_countries):
        for country in table:
            for field in ("name", "common_name", "official_name", "alpha_3"):
                value = getattr(country, field, None)
                if value:
                    names.add(value.lower())
                    names.update(part.strip().lower() for part in value.split(",") if part.strip())
    return frozenset(names)


def is_country(name: str) -> bool:
    """'Germany', 'USSR', 'the United Kingdom': a country's name (case as written: 'chad' is a word)."""
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    if not name[:1].isupper():
        return False
    return name.lower() in countries()


# A relative pronoun straight after a determiner or 'very' has lost the noun between them.
MISSING_NOUN = re.compile(r"\b(?:the|a|an|very|my|your|his|its|our|their|every|each)\s+(?:who|whom|which)\b", re.I)


# A noun that takes 'a' before 'of' after 'has' ('has a sense of justice', 'had a habit of lying').
MISSING_ARTICLE = re.compile(r"\b(?:has|have|had|having)\s+(?:sense|feeling|habit|tendency|reputation|lot|couple|bit)\s+of\b",
                             re.I)


def missing_word(text: str) -> str | None:
    """'not wanted even by the very who thought of it' -> 'very who'; 'George has sense of justice' ->
    'has sense of' ('a' is missing): a word is missing there."""
    m = MISSING_NOUN.search(text) or MISSING_ARTICLE.search(text)
    return m[0] if m else None
