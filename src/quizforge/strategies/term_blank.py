"""A key term blanked in a sentence of the notes that uses it, or beside its own definition, with a word bank.

The word bank holds every answer and at least three spare terms, none of which fits another gap.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..errors import NotEnoughMaterial
from ..quality.form import bank_cues, fits_gap, frame_cues
from ..model import Gap, KeyTerm, Question, Section, Topic
from ._glossary import askable, clue, confusable, forms, language, opposites
from ._pools import slug
from ._text import end_sentence, find_phrase
from ._gates import fresh_first
from .base import Options
from .key_terms import term_source

DEFAULT_COUNT = 6
SPARE = 3
DASH = " \u2014 "


@dataclass(frozen=True)
class Blank:
    term: KeyTerm
    gap: Gap
    sources: tuple[str, ...]


def in_sentence(term: KeyTerm, topic: Topic, avoid: frozenset[str]) -> Blank | None:
    """The first point of the notes that uses the term exactly once and nowhere else gives it away."""
    for point in topic.walk():
        if point.id in avoid:
            continue
        text = end_sentence(" ".join(point.text.split()))
        for form in forms(term):
            found = find_phrase(text, form)
            if len(found) != 1:
                continue
            m = found[0]
            before, after = text[:m.start()], text[m.end():]
            if any(find_phrase(before + " " + after, f) for f in forms(term)) or not before.strip():
                continue
            answer = m.group(0)
            accept = tuple(f for f in forms(term) if f.lower() != answer.lower())
            return Blank(term, Gap(before, after, answer, accept, point.id), (point.id, term_source(term)))
    return None


def names(term: KeyTerm, other: KeyTerm) -> bool:
    """Does the other term's definition name this term?"""
    return any(find_phrase(other.definition, f) for f in forms(term))


def beside_definition(term: KeyTerm, lang: str) -> Blank:
    shown = clue(term)
    answer = term.term
    accept = tuple(f for f in forms(term) if f.lower() != answer.lower())
    return Blank(term, Gap("", DASH + shown, answer, accept), (term_source(term),))


class TermBlank:
    hides_text = True  # the blanked sentence holds the answer: no other question may print it
    name = "term-blank"
    title = "Key terms: fill the gaps"
    summary = "A key term blanked in a sentence of the notes or beside its definition, with a word bank of terms."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        lang = language(topic)
        terms = askable(topic, options.hidden | options.exclude) or askable(topic, options.hidden)
        rng.shuffle(terms)
        terms = fresh_first(terms, options.previous, term_source, self.name)  # seed 2 asks the terms seed 1 did not
        want = min(options.count or DEFAULT_COUNT, max(0, len(topic.key_terms) - SPARE))
        chosen: list[KeyTerm] = []
        for term in terms:  # no clue names another answer: it would help to rule that one out
            if len(chosen) < want and not any(names(a, term) or names(term, a) or confusable(a, term) or opposites(a, term)
                                               for a in chosen):
                chosen.append(term)
        spare = [t for t in topic.key_terms if not any(confusable(t, a) for a in chosen)]
        if len(chosen) < 2 or len(spare) < SPARE:
            raise NotEnoughMaterial(
                f"{topic.source}: filling in key terms needs at least {2 + SPARE} key_terms with different meanings "
                f"(two to ask about and {SPARE} spare for the word bank), whose definitions do not contain the term")
        rng.shuffle(spare)
        # Spares no other question prints or asks about first (the same term as a 'define' question, a
        # matching item and a spare reads as a hint), then those the seed before did not use.
        spare = fresh_first(fresh_first(spare, options.previous, term_source),
                            options.hidden | options.exclude, term_source)
        # spares that could fill an answer's gap by grammar first: a bank with one plural, one verb or one
        # name gives that gap away (quality.form)
        spare = sorted(spare, key=lambda t: not any(fits_gap(a.term, t.term) for a in chosen))[:SPARE]
        cued = set() if lang or not options.word_bank else \
            set(bank_cues([t.term for t in (*chosen, *spare)], [a.term for a in chosen]))  # English grammar only
        if options.word_bank:  # 'Je mesure _ cm' the one entry with a slot, for '— I am _ cm tall': any language
            meaning = {clue(t): t.term for t in (*chosen, *spare)}
            cued |= {meaning[m] for m in frame_cues(list(meaning), [clue(a) for a in chosen])}
        if cued and len(kept := [a for a in chosen if a.term not in cued]) >= 2:
            chosen = kept
        elif cued:
            raise NotEnoughMaterial(f"{topic.source}: filling in key terms needs terms of the same kind (all nouns, "
                                    "say) for the word bank: a word that alone fits its gap gives the answer away")
        shown = [*chosen, *spare]
        blanks = []
        for term in chosen:
            blank = None if lang else in_sentence(term, topic, options.hidden)
            # a sentence that names another word of the bank would help to rule that word out
            if blank and any(find_phrase(blank.gap.before + blank.gap.after, f)
                             for t in shown if t is not term for f in forms(t)):
                blank = None
            blanks.append(blank or beside_definition(term, lang))
        order = sorted(blanks, key=lambda b: topic.key_terms.index(b.term))
        questions = tuple(self._question(b, lang) for b in order)
        bank = sorted({b.gap.answer for b in order} | {t.term for t in spare}, key=lambda w: w.lower())
        if options.word_bank:
            how = "Choose from the word bank; some words are not needed."
        else:
            bank = []
            how = "Write one word or phrase in each gap."
        what = f"Write the {lang} for each word or phrase in the gap." if lang else "Write the missing key term in each gap."
        return Section(self.name, "Vocabulary: fill the gaps" if lang else self.title, f"{what} {how}",
                       questions, word_bank=tuple(bank))

    @staticmethod
    def _question(blank: Blank, lang: str) -> Question:
        gap = blank.gap
        allow = f" Also accept {', '.join(gap.accept)}." if gap.accept else ""
        return Question(
            id=f"term-blank:{slug(blank.term.term)}", strategy="term-blank",
            prompt=f"Write the {lang} for the word or phrase." if lang else "Write the missing key term.", marks=1, body=gap,
            answer=gap.answer, guidance=(f"1 mark for {gap.answer}.{allow}",), sources=blank.sources,
        )


STRATEGY = TermBlank()
