"""Complete the quotation: one distinctive word of a quotation blanked, with a word bank where asked for.

The blank is a content word (never a stop word, an old form such as 'thou' or 'doth', or a shortened
form such as "ain't"), one the rest of the quotation does not repeat or echo, in a quotation long
enough that the words left still have to be remembered.

With a word bank, every gap has a spare word (not another gap's answer) that could stand in it by its
grammar *as the words sit in their lines*: a verb for a verb with the same tense and person ('I ___ of
them': 'dreamt' is no choice when every other word of the bank is a noun). A gap the bank cannot give
such a rival is swapped for the next quotation's; with too few left, the paper has no bank.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..errors import NotEnoughMaterial
from ..matching import SPELLING_RULE
from ..quality.form import number, word_classes
from ..quality.words import DETERMINERS, PREPOSITIONS, distinctiveness, lemma, pos, tokens
from ..model import Gap, Question, Quotation, Section, Topic
from ._quotes import WEAK_WORDS, content_words, curly, glossed, is_name, mid_sentence, name_words, names_in, quote_source, speaker_source, usable, word_count
from ._text import STOP_WORDS, find_phrase
from ._timeline import staleness
from .base import Options

DEFAULT_COUNT = 4
MIN_WORDS = 5  # shorter quotations give too little to recall round the blank
MIN_LETTERS = 4
COMMON, RARE_CAP = 4.0, 6.0  # distinctiveness (8 - Zipf frequency) of an everyday word, and the most a blank gains
MIN_SCORE = 1.5  # five letters or more, or a word after 'the', 'my', 'so' ...: short verbs like 'keep' are guessed
WORD_BANK_EXTRAS = 3
# A word after one of these is usually the noun or adjective that carries the line's meaning.
BEFORE_KEY = frozenset("the a an my thy his her their our your this these those so much of such".split())
MIN_BEFORE_LAST = 2  # content words before a blank that ends the line ('I didn't want no ___': any noun fits)
MIN_PART = 4  # letters of a word of the line that, inside the blank, gives it away ('done' in 'undone')
SUBJECTS = frozenset("i he she we they".split())  # not 'you': 'Come, you spirits' calls someone
OLD_POSSESSIVES = frozenset("thy thine mine".split())  # 'thy knocking', 'mine eyes'
IRREGULAR_COMPARATIVES = frozenset("better worse lesser less more further farther elder".split())


@dataclass(frozen=True)
class Blank:
    quote: Quotation
    text: str  # the quotation as printed (curly apostrophes)
    start: int
    end: int
    score: float

    @property
    def answer(self) -> str:
        return self.text[self.start:self.end]


def _echoed(text: str, start: int, end: int) -> bool:
    """True when the rest of the quotation repeats the word, a word sharing its stem, or a word the blank
    holds whole ('What's done cannot be ___': 'undone'), or when the blank is a comparative set against
    another ('Lesser than Macbeth but ___': the antithesis asks for 'greater')."""
    word = text[start:end]
    rest = text[:start] + " " + text[end:]
    if find_phrase(rest, word):
        return True
    stem, low = word.lower()[:5], word.lower()
    others = [w.lower() for w in re.findall(r"\w+", rest) if len(w) >= MIN_LETTERS]
    if any(w.startswith(stem) or (len(w) >= 5 and low.startswith(w[:5])) for w in others):
        return True
    if any(len(w) >= MIN_PART and w != low and (low.startswith(w) or low.endswith(w)) for w in others):
        return True
    return _comparative(low) and any(_comparative(w) for w in others)


def _comparative(low: str) -> bool:
    """'greater', 'bigger', 'lesser': an adjective in its comparative form."""
    if low in IRREGULAR_COMPARATIVES:
        return True
    return low.endswith("er") and "ADJ" in pos(low) and lemma(low) != low


def _too_little_before(text: str, start: int, end: int) -> bool:
    """A blank that ends the line needs words before it to recall it by: 'I didn't want no ___' has none."""
    if re.search(r"[A-Za-z]", text[end:]):
        return False
    return len(content_words(re.sub(r"\[[^\]]*\]", " ", text[:start]))) < MIN_BEFORE_LAST


def blanks_in(quote: Quotation, topic: Topic) -> list[Blank]:
    """Every acceptable blank in a quotation, best first (never its first word: its capital would show in the bank)."""
    text = curly(glossed(quote.quote.strip()))
    if word_count(text) < MIN_WORDS:
        return []
    # A gloss in brackets is the note-taker's, not the writer's: never blanked.
    glosses = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]]*\]", text)]
    # Never the speaker's name, nor a word of a character's or theme's title ('the inspector' in a line,
    # beside the character 'Inspector Goole'): every question naming the character would print the answer.
    named = (name_words(quote.speaker) if quote.speaker else set()) | {w for b in topic.themes for w in name_words(b.title)}
    words = list(re.finditer(r"[A-Za-z]+(?:[’-][A-Za-z]+)*", text))
    found = []
    for i, m in enumerate(words):
        word = m.group(0)
        low = word.lower()
        if i == 0 or "’" in word or len(word) < MIN_LETTERS or low in STOP_WORDS or low in WEAK_WORDS or low in named:
            continue
        if _echoed(text, m.start(), m.end()) or any(a < m.start() < b for a, b in glosses):
            continue
        if re.match(r"\s*\[", text[m.end():]):  # 'get ___ [sacked]': the gloss explains the blanked word
            continue
        if _too_little_before(text, m.start(), m.end()):
            continue
        before = words[i - 1].group(0).lower() if i else ""
        score = min(len(word), 9) / 3 + (2 if before in BEFORE_KEY else 0)
        # a rarer word is the writer's choice, a common one an incidental ('His [arms]… hung loosely' beside
        # 'shapeless'; blind review: "blanks an incidental word that tells you nothing about Lennie"); capped,
        # as a word the frequency list does not know at all is as often an old title ('thane') as an image
        score += (min(distinctiveness(low), RARE_CAP) - COMMON) / 2
        score -= 2 if word[0].isupper() and is_name(word, topic) else 0
        score -= 1 if low.endswith("ly") else 0
        if score >= MIN_SCORE:
            found.append(Blank(quote, text, m.start(), m.end(), score))
    return sorted(found, key=lambda b: -b.score)


def best_blank(quote: Quotation, topic: Topic, rng: random.Random) -> Blank | None:
    found = blanks_in(quote, topic)
    if not found:
        return None
    top = [b for b in found if b.score == found[0].score]
    return rng.choice(top)


def _other_uses(quote: Quotation, topic: Topic) -> int:
    """How many other quotation questions could use it: blank first the ones they cannot.

    'Who says this' needs a speaker and a reading; matching needs words that name no character.
    """
    names = [b.title for b in topic.themes if b.kind == "character"] + [q.speaker for q in topic.all_quotations() if q.speaker]
    matchable = quote.branch_id and not any(names_in(quote.quote, n) for n in names)
    return bool(quote.speaker and quote.shows) + 2 * bool(matchable)  # matching has the fewest to choose from


def _kind(word: str) -> str:
    """A rough word class for picking spare words that look like the answers."""
    low = word.lower()
    for ending in ("ing", "ed", "ly"):
        if low.endswith(ending):
            return ending
    return "s" if low.endswith("s") and not low.endswith("ss") else "base"


def _question(blank: Blank) -> Question:
    quote = blank.quote
    speaker = mid_sentence(quote.speaker)
    gap = Gap(before="\u2018" + blank.text[:blank.start], after=blank.text[blank.end:] + "\u2019",
              answer=blank.answer, source_id=quote.id)
    return Question(
        id=f"complete-quote:{quote.id}", strategy="complete-quote",
        prompt=f"Complete this quotation from {speaker}." if speaker else "Complete this quotation.",
        marks=1, body=gap, answer=blank.answer,
        guidance=(f"1 mark for the missing word. {SPELLING_RULE} Do not accept a different word, even one with a "
                  "similar meaning.",),
        cause_id=quote.branch_id or None,
        sources=(quote_source(quote), *((speaker_source(quote),) if speaker else ())),
    )


def _slot(blank: Blank) -> frozenset[str]:
    """The word classes the gap takes as its line reads: after 'I', 'he', 'they' ... a verb; after 'the',
    'his', 'of' ... a noun or an adjective; elsewhere whatever the word itself can be."""
    own = word_classes(blank.answer)
    before = tokens(blank.text[:blank.start])
    prev = before[-1].lower() if before else ""
    if prev in SUBJECTS:
        return own & {"VERB"} or own
    if prev in DETERMINERS | PREPOSITIONS | OLD_POSSESSIVES:
        noun = own | {"NOUN"} if blank.answer.lower().endswith("ing") else own  # 'thy knocking': a noun
        return noun & {"NOUN", "ADJ"} or own
    return own


def _form(word: str) -> str:
    """'dreamt' -> 'past', 'hates' -> 's' (third person), 'knocking' -> 'ing', 'keep' -> 'base'."""
    low = word.lower()
    if lemma(low) == low:
        return "base"
    return "ing" if low.endswith("ing") else "s" if low.endswith("s") else "past"


def _fits(answer: Blank, spare: Blank) -> bool:
    """``spare`` could stand in ``answer``'s gap as both lines read: a word class in common; a noun of the
    same number; a verb of the same tense and person ('I ___ of them' takes 'dreamt', not 'clears')."""
    shared = _slot(answer) & _slot(spare)
    if shared == {"NOUN"}:
        numbers = {number(answer.answer), number(spare.answer)} - {""}
        return len(numbers) < 2
    if shared == {"VERB"}:
        return _form(answer.answer) == _form(spare.answer)
    return bool(shared)


def _bank(picked: list[Blank], extras: list[Blank]) -> tuple[str, ...]:
    """The answers and the spare words, in alphabetical order."""
    return tuple(sorted({*(b.answer for b in picked), *(b.answer for b in extras)}, key=str.lower))


def _extras(picked: list[Blank], spares: list[Blank], rng: random.Random) -> list[Blank]:
    """Up to three spares, each first one that could stand in a gap as its line reads, then one that looks like it."""
    answers = {b.answer.lower() for b in picked}
    pool: dict[str, Blank] = {}
    for b in spares:
        if b.answer.lower() not in answers:
            pool.setdefault(b.answer.lower(), b)
    words = sorted(pool.values(), key=lambda b: b.answer.lower())
    rng.shuffle(words)
    kinds = [_kind(b.answer) for b in picked]
    extras: list[Blank] = []
    for i in range(min(WORD_BANK_EXTRAS, len(words))):
        gap, wanted = picked[i % len(picked)], kinds[i % len(kinds)]
        left = [w for w in words if w not in extras]
        fitting = [w for w in left if _fits(gap, w)]
        same = [w for w in fitting if _kind(w.answer) == wanted] or fitting or [
            w for w in left if _kind(w.answer) == wanted]
        extras.append((same or left)[0])
    return extras


def _cued(picked: list[Blank], extras: list[Blank]) -> list[Blank]:
    """The gaps the bank answers by grammar alone: fewer than two other words of it fit the gap, or none
    of those is a spare (the rest are other gaps' answers, found by elimination)."""
    out = []
    for gap in picked:
        answers = [b for b in picked if b is not gap and _fits(gap, b)]
        spares = [b for b in extras if _fits(gap, b)]
        if not spares or len(answers) + len(spares) < 2:
            out.append(gap)
    return out


def _pick(blanks: list[Blank], count: int, left_out: set[str]) -> list[Blank]:
    """The first ``count`` blanks with different answers (one right word per gap in the bank)."""
    picked: list[Blank] = []
    for b in blanks:
        if len(picked) < count and b.answer.lower() not in left_out | {p.answer.lower() for p in picked}:
            picked.append(b)
    return picked


def _banked(blanks: list[Blank], picked: list[Blank], count: int, topic: Topic, rng: random.Random
            ) -> tuple[list[Blank], tuple[str, ...]]:
    """The gaps and a word bank that answers none of them by grammar: a gap the bank cannot give a rival
    is swapped for the next blank in line while there is one; with fewer than two gaps left, no bank."""
    left_out: set[str] = set()
    while True:
        spares = [s for b in blanks if b not in picked for s in blanks_in(b.quote, topic)]
        extras = _extras(picked, spares, rng)
        cued = _cued(picked, extras)
        if not cued:
            return picked, _bank(picked, extras)
        left_out |= {b.answer.lower() for b in cued}
        chosen = _pick(blanks, count, left_out)
        if len(chosen) < 2:
            return picked, ()  # no bank rather than one that answers a gap
        picked = chosen


class CompleteQuote:
    hides_text = True  # the blanked quotation must not be printed whole by another question
    name = "complete-quote"
    title = "Complete the quotation"
    summary = "A key word blanked in a quotation from the notes, with a word bank of answers and spare words."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        quotes = usable(topic, options.hidden, options.exclude)
        blanks = [b for b in (best_blank(q, topic, rng) for q in quotes) if b is not None]
        if len(blanks) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: 'complete the quotation' needs at least two quotations of {MIN_WORDS} or more "
                "words, each with a word that is not repeated in it")
        fresh = [b for b in blanks if quote_source(b.quote) not in options.exclude]
        rng.shuffle(blanks)
        # seed 2 blanks other quotations than seed 1 while the notes have them
        blanks.sort(key=lambda b: (b not in fresh, staleness(quote_source(b.quote), options.previous, self.name)[0],
                                   _other_uses(b.quote, topic)))
        count = options.count or DEFAULT_COUNT
        # Leave half the quotations to 'who says this' and matching, which cannot use a blanked one; with a
        # word bank, keep at least one back for spare words, or the last blank is found by elimination.
        count = min(count, max(2, -(-len(blanks) // 2)))
        if options.word_bank:
            count = min(count, max(2, len(blanks) - 1))
        picked = _pick(blanks, count, set())
        bank: tuple[str, ...] = ()
        if options.word_bank:
            picked, bank = _banked(blanks, picked, count, topic, rng)
        picked.sort(key=lambda b: quotes.index(b.quote))
        instructions = "Write the missing word to complete each quotation."
        if bank:
            instructions += " Choose from the word bank. Some words are not needed."
        return Section(self.name, self.title, instructions, tuple(_question(b) for b in picked), bank)


STRATEGY = CompleteQuote()
