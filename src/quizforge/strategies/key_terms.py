"""Key terms: match each term to its definition, then "define X" with the definition as the mark scheme."""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import KeyTerm, Match, Question, Section, ShortAnswer, Topic
from ._pools import first_sentence, slug
from ._gates import in_turns, printable, reveals
from ._text import normalise
from .base import Options

MAX_MATCH = 6
DEFINE_COUNT = 2
MASK = "\u2026"  # the term's own name is hidden in its definition


def masked(term: KeyTerm) -> str:
    """The definition's first sentence, with the term itself hidden so it cannot give the match away."""
    text = first_sentence(term.definition)
    for form in sorted((term.term, *term.accept), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", MASK, text, flags=re.IGNORECASE)
    return text


def term_source(term: KeyTerm) -> str:
    """How a question records that it asks about a key term (point ids never contain ':')."""
    return f"term:{slug(term.term)}"


def match_question(terms: list[KeyTerm], rng: random.Random) -> Question:
    order = list(range(len(terms)))
    rng.shuffle(order)
    body = Match(causes=tuple(t.term for t in terms), examples=tuple(masked(terms[i]) for i in order),
                 key=tuple(order), example_ids=tuple(slug(terms[i].term) for i in order),
                 left_label="Term", right_label="Definition")
    letters = "ABCDEFGHIJ"
    return Question(
        id="key-terms:match:" + ",".join(body.example_ids), strategy="key-terms",
        prompt=f"Match each definition, A to {letters[len(terms) - 1]}, to the key term it describes. "
               "Write the number of the term in the box. Each term is used once.",
        marks=len(terms), body=body, answer=", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key)),
        guidance=(f"1 mark for each definition matched to the right term (up to {len(terms)}).",),
        sources=tuple(term_source(t) for t in terms),
    )


def define_question(term: KeyTerm) -> Question:
    body = ShortAnswer(answer=term.definition, lines=3)
    return Question(
        id=f"key-terms:define:{slug(term.term)}", strategy="key-terms", prompt=f"Define the term \u2018{term.term}\u2019.",
        marks=2, body=body, answer=term.definition,
        guidance=("2 marks for an accurate definition that shows what the term means in this topic; "
                  "1 mark for a partly correct or very general one.",),
        sources=(term_source(term),),
    )


class KeyTerms:
    hides_text = True  # the pairing of term and definition is the answer: no other question may print it
    name = "key-terms"
    title = "Key terms"
    summary = "Match key terms to their definitions, and 'define X' with the definition as the mark scheme."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        unique = {normalise(masked(t)): t for t in reversed(topic.key_terms)}
        terms = [t for t in topic.key_terms if unique.get(normalise(masked(t))) is t
                 and printable(t.term, "term") and printable(masked(t), "option")
                 and not reveals(t.term, options.secrets) and not reveals(masked(t), options.secrets)]
        if len(terms) < 3:
            raise NotEnoughMaterial(f"{topic.source}: key terms needs at least three key_terms with different "
                                    "definitions, each a clear phrase or sentence")
        terms = in_turns(terms, options.count or MAX_MATCH, options.seed, "key-terms", key=lambda t: t.term)
        n_define = DEFINE_COUNT if options.tier != "support" else 1
        n_define = n_define if len(terms) - n_define >= 3 else 0  # a defined term never also appears in the match
        n_match = min(options.count or MAX_MATCH, MAX_MATCH, len(terms) - n_define)
        matched = sorted(terms[:n_match], key=topic.key_terms.index)
        defines = terms[n_match:n_match + n_define]
        questions = (match_question(matched, rng), *(define_question(t) for t in defines))
        instructions = "Show that you know what the key words of this topic mean."
        return Section(self.name, self.title, instructions, questions)


STRATEGY = KeyTerms()
