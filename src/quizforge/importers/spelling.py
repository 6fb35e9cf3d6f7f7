"""Correct spelling: unambiguous misspellings of common words only; names and rare words are flagged, never changed.

A word is left alone when the British dictionary or the frequency list knows it,
when it is a name (capitalised inside a sentence, or in capitals), when it sits
inside quotation marks (a quotation is kept as the author wrote it), when it is
used twice or more in the notes (the notes' own vocabulary), or in a line that
is mostly not English (a French vocabulary list). Otherwise it is corrected to
the one real word a typing slip away when no other known word is one edit away
("Telephase" -> "Telophase"); else its candidates are the dictionary words one
edit away (a letter added, dropped, changed or two swapped), else two edits away,
and it is corrected when the best is a common word and clearly ahead of the next,
and flagged when it is not.

Before that, missing apostrophes and split prefixes are mended (``contractions``), and words typed
in two are joined ('Air ports' -> 'Airports', ``splitwords``), outside quotations and glossary terms, and
never with a word of the notes' foreign language; after it, sound-alikes the notes give evidence for (``confusables``). Two more checks
change nothing: a name used once beside a near-identical one used more often
("Kamanev" / "Kamenev"), and two words one letter apart before the same word
("casual link" / "causal link").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from . import confusables, contractions, guess, splitwords
from .tree import CHECK, CORRECTED, OutlineNode, Report
from .words import Words
from ..quality.words import zipf

LETTERS = "abcdefghijklmnopqrstuvwxyz'"
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
QUOTED = re.compile(r"(?:^|(?<=[\s(=]))['‘\"“][^'’\"”]*(?:['’\"”]|$)")
MAX_SEARCHED = 12  # unknown words searched two edits deep per import (~0.1 s each): enough for real notes, bounded for hostile ones
TWO_EDITS_FROM = 7  # two slips in a shorter word change too much of it to be sure of ("anpau" is not "anal")
MIN_CORRECTED = 5  # shorter unknown words ("goto", "wen") are too often a real word the lists lack: flagged only
CLEAR_LEAD = 20  # the best candidate must be this many times as common as the next


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return deletes | swaps | replaces | inserts


class Speller:
    """Decides about one word at a time, knowing the notes' own vocabulary."""

    def __init__(self, words: Words, vocabulary: Counter[str], capitalised: frozenset[str] = frozenset(), deep: bool = True):
        self.words = words
        self.vocabulary = vocabulary
        self.capitalised = capitalised  # lower-case forms of the names the notes use (capitalised inside a sentence)
        self.searched = 0 if deep else MAX_SEARCHED  # --keep-spelling: flags from one edit away are enough

    def candidates(self, low: str) -> list[str]:
        """Dictionary words near ``low``, most common first."""
        near = {w for w in edits1(low) if w in self.words.british}
        if not near and TWO_EDITS_FROM <= len(low) <= 14 and self.searched < MAX_SEARCHED:
            self.searched += 1
            near = {w2 for w1 in edits1(low) for w2 in edits1(w1) if w2 in self.words.british}
            # Two edits away, a slip keeps the first letter and about the length ("ocuured" -> "occurred", not "cured").
            alike = {w for w in near if w[:1] == low[:1] and abs(len(w) - len(low)) <= 1}
            near = alike or near
        return sorted(near, key=lambda w: (-self.words.frequency(w), w))

    def suggestion(self, low: str) -> str | None:
        """A known word one edit away worth a flag (never applied): a common word, or one a vowel apart
        (telephase / telophase); a rare word one consonant away (snowmelt / snowbelt) is no evidence."""
        near = [w for w in edits1(low) if self.words.known(w)
                and (self.words.is_common_word(w) or _vowel_apart(w, low) or _swapped(w, low))]
        return max(near, key=lambda w: (self.words.frequency(w), w)) if near else None

    def single_slip(self, low: str) -> str | None:
        """The one real word a typing slip away, however rare, when no other known word is one edit away:
        'telephase' -> 'telophase' (a vowel), 'oximoron' -> 'oxymoron'. A real word is one the British
        dictionary, the frequency lists or the notes themselves spell so; a name (a capitalised entry only)
        is never the answer, and a British/American pair ('-metres'/'-meters') is a spelling, not a slip."""
        near = {w for w in edits1(low) - {low}
                if self.words.known(w) or self.vocabulary[w] >= 1 or zipf(w) > 0}
        if len(near) != 1:
            return None
        (only,) = near
        if not (self.words.known(only) or zipf(only) > 0) and self.vocabulary[only] <= self.vocabulary[low]:
            return None  # two spellings the notes use as often: which is the slip is not clear
        proper_only = only in self.words.proper and only not in self.words.british and not self.vocabulary[only]
        slip = _vowel_apart(only, low) or _swapped(only, low) or _doubled(only, low)
        if proper_only or only in self.capitalised or not slip or _variant(only, low):
            return None
        return only

    def decide(self, word: str) -> tuple[str | None, str | None]:
        """(correction, flag): at most one of them."""
        low = word.lower()
        if not low.isascii():
            return None, None  # not an English word (the word lists are ASCII)
        if word[:1].isupper() and any(n in self.capitalised for n in edits1(low) - {low}):
            return None, None  # 'Kirow' beside 'Kirov': a name's near-duplicate, flagged by the name check
        if len(low) < 4 or self.words.known(low) or self.vocabulary[low] >= 2 or self.words.abbreviates(low):
            return None, None
        found = self.candidates(low)
        if word[:1].isupper():
            found = [f for f in found if f in edits1(low)]  # a capitalised word is corrected one slip away at most
        if len(low) < MIN_CORRECTED:
            return None, (found[0] if found else self.suggestion(low))
        slip = self.single_slip(low)
        if slip:
            return _same_case(word, slip), None
        nearer = self.suggestion(low)
        if found and nearer and nearer not in found:
            return None, nearer  # a closer real word, however rare (telephase -> telophase, not telephone): not unambiguous
        if found and self.words.is_common_word(found[0]):
            second = self.words.frequency(found[1]) if len(found) > 1 else 0
            if self.words.frequency(found[0]) >= CLEAR_LEAD * second:
                return _same_case(word, found[0]), None
        if found and (self.words.is_common_word(found[0]) or found[0] == self.suggestion(low)):
            return None, found[0]
        return None, self.suggestion(low)


def _vowel_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1 and all(
        x in "aeiouy" and y in "aeiouy" for x, y in zip(a, b) if x != y)


def _doubled(a: str, b: str) -> bool:
    """One of a doubled letter dropped or one letter doubled: 'ocasion' / 'occasion', 'untill' / 'until'."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return long_[:i] + long_[i + 1:] == short and i > 0 and long_[i] == long_[i - 1]


def _variant(a: str, b: str) -> bool:
    """A British and an American spelling of one word (metre/meter, colour/color, organise/organize)."""
    return any(a.replace(x, y) == b or b.replace(x, y) == a for x, y in (("re", "er"), ("our", "or"), ("s", "z")))


def _swapped(a: str, b: str) -> bool:
    """Two letters side by side swapped (spectrometres / spectrometers): the commonest slip of all."""
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _same_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def correct_tree(root: OutlineNode, report: Report, words: Words | None, keep: bool = False) -> OutlineNode:
    """The tree with unambiguous misspellings corrected (unless ``keep``); all else flagged."""
    if words is None:
        report.add(CHECK, 0, "spelling was not checked: the word lists are missing; install Debian's wbritish and pyspellchecker")
        return root
    nodes = [n for n in root.walk() if n.line]
    vocabulary = Counter(w.lower() for n in nodes for w in WORD.findall(_unquoted(n.text)))
    names = frozenset(m[0].lower() for n in nodes for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{2,}", _unquoted(n.text)))
    speller = Speller(words, vocabulary, names, deep=not keep)
    joiner = splitwords.Joiner(words, _foreign_words(nodes))
    fixed = root.with_children(_correct(root.children, speller, joiner, report, keep))
    fixed = confusables.correct_tree(fixed, report, keep)
    _flag_confusions([n for n in fixed.walk() if n.line], words, report)
    return fixed


def _foreign_words(nodes: list[OutlineNode]) -> frozenset[str]:
    """The dictionary of the language a glossary's terms are in (a table's first column, 'term - meaning'
    lines), so that no word of it is joined: 'air', 'place', 'son' are French words too. Empty for English."""
    from ..strategies._vocabulary import DICTIONARIES, _dictionary

    terms = [n.text for n in nodes if n.marker == "row"] + [t[0] for n in nodes if (t := guess.term_line(n.text))]
    lang = guess.guess_language(terms) if terms else None
    return (_dictionary(DICTIONARIES[lang]) or frozenset()) if lang in DICTIONARIES else frozenset()


def _correct(children, speller: Speller, joiner: splitwords.Joiner, report: Report, keep: bool,
             top: bool = True) -> list[OutlineNode]:
    out = []
    for i, child in enumerate(children):
        text = _correct_text(child, speller, joiner, report, keep, first=top and i == 0)
        out.append(child.with_text(text).with_children(_correct(child.children, speller, joiner, report, keep, False)))
    return out


def _correct_text(node: OutlineNode, speller: Speller, joiner: splitwords.Joiner, report: Report, keep: bool,
                  first: bool = False) -> str:
    text = node.text
    if node.marker == "row":
        return text  # a table's first column: the terms (names, foreign words)
    tokens = list(WORD.finditer(text))
    if len(tokens) >= 3 and sum(not speller.words.known(t[0]) for t in tokens) * 2 > len(tokens):
        return text  # mostly not English: leave the line as it is
    text = _mend(node, text, speller.words, report, keep)
    text = _join(node, text, joiner, report, keep)
    spans = _protected(text)
    tokens = list(WORD.finditer(text))
    pieces, last = [], 0
    heading = bool(node.children) or node.marker == "heading" or first
    title_case = heading and _title_case(tokens, speller.words)
    for i, token in enumerate(tokens):
        word = token[0]
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if any(a <= token.start() < b for a, b in spans) or word.isupper() or any(c.isupper() for c in word[1:]):
            continue  # an acronym or a mixed-case name ('DfE', 'iPad', 'McCarthy'): never a typo of a common word
        particle = following.lower() in NAME_PARTICLES  # 'Marinus van der Lubbe', 'Charles de Gaulle'
        if not title_case and (_is_name(word, text, token.start(), i)
                               or (word[:1].isupper() and (following[:1].isupper() or particle))):
            continue  # a name: "Hantaro Nagaoka", "Kirov"; never changed here (near-duplicates are flagged elsewhere)
        fix, flag = speller.decide(word)
        if fix and not keep:
            report.add(CORRECTED, node.line, f"'{word}' -> '{fix}'")
            pieces += [text[last:token.start()], fix]
            last = token.end()
        elif fix:
            report.add(CHECK, node.line, f"possible typo: '{word}' (perhaps '{fix}'); kept as typed (--keep-spelling)")
        elif flag:
            report.add(CHECK, node.line, f"possible typo: '{word}' (perhaps '{flag}'); kept as written")
    return "".join(pieces) + text[last:]


NAME_PARTICLES = frozenset({"van", "von", "der", "de", "da", "di", "du", "le", "la", "bin", "ibn", "al"})


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans never corrected: quotations (kept as the author wrote them) and a glossary line's term."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    term = guess.term_line(text)
    if term:
        spans.append((0, len(term[0])))  # a glossary term is a name, a rare or a foreign word by nature
    return spans


def _mend(node: OutlineNode, text: str, words: Words, report: Report, keep: bool) -> str:
    """Contractions and split prefixes mended, quotations included: a typing slip, not the author's word."""
    mended, changes = contractions.restore(text, words)
    _report_changes(node, changes, report, keep)
    return text if keep else mended


def _join(node: OutlineNode, text: str, joiner: splitwords.Joiner, report: Report, keep: bool) -> str:
    """Words typed in two joined ('sea ports' -> 'seaports'), outside quotations and a glossary term."""
    joined, changes = splitwords.join(text, joiner, _protected(text))
    _report_changes(node, changes, report, keep)
    return text if keep else joined


def _report_changes(node: OutlineNode, changes: list[tuple[str, str]], report: Report, keep: bool) -> None:
    """Each change as a correction, or with ``keep`` as a CHECK that says it was kept as typed."""
    for before, after in changes:
        if keep:
            report.add(CHECK, node.line, f"possible typo: '{before}' (perhaps '{after}'); kept as typed (--keep-spelling)")
        else:
            report.add(CORRECTED, node.line, f"'{before}' -> '{after}'")


def _title_case(tokens, words: Words) -> bool:
    """'Timeline of the development of Atomic Struture': capitals that mark a heading, not names."""
    later = [t[0] for t in tokens[1:] if t[0][:1].isupper() and not t[0].isupper()]
    verb = any(t[0].lower() in ("is", "are", "was", "were", "has", "have", "had", "did", "does") for t in tokens)
    return not verb and sum(1 for w in later if w.lower() in words.british) >= 1 and len(later) >= 2 and len(tokens) <= 12


def _is_name(word: str, text: str, start: int, index: int) -> bool:
    """Capitalised inside a sentence: a name, never changed."""
    if not word[:1].isupper():
        return False
    before = text[:start].rstrip()
    return index > 0 and bool(before) and before[-1] not in ".!?:(\"'-"


def _unquoted(text: str) -> str:
    return QUOTED.sub(" ", text)


EVERYDAY = 200_000  # "that"/"than", "just"/"must": both so common that one beside the other is no sign of a slip
FUNCTION_WORDS = frozenset("have been that this with from they them there their were what when which would could should "
                           "about into than then also just only very".split())


def _affix(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def _flag_confusions(nodes, words: Words, report: Report) -> None:
    """'breaking distance' beside 'braking distance': one of them is probably a typo of the other."""
    seen: dict[str, dict[str, int]] = defaultdict(dict)  # next word -> {word: first line}
    counts: Counter[tuple[str, str]] = Counter()
    for node in nodes:
        tokens = [w.lower() for w in WORD.findall(_unquoted(node.text))]
        for a, b in zip(tokens, tokens[1:]):
            if len(a) >= 4 and len(b) >= 4 and b not in FUNCTION_WORDS:
                seen[b].setdefault(a, node.line)
                counts[a, b] += 1
    flagged = set()
    for after, before in sorted(seen.items()):
        names = sorted(before)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                rare = min(counts[a, after], counts[b, after]) == 1
                everyday = min(words.frequency(a), words.frequency(b)) >= EVERYDAY
                if rare and not everyday and (a, b) not in flagged and b in edits1(a) and not _affix(a, b):
                    flagged.add((a, b))
                    report.add(CHECK, before[a], f"'{a} {after}' (line {before[a]}) beside '{b} {after}' (line {before[b]}): "
                                                 "one is probably a typo of the other; kept as written")
