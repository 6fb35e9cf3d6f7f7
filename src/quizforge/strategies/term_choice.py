"""'Which term means ...?' (or 'What is the French for ...?'): a definition, the notes' terms as options.

Wrong options are other terms of the notes that do not share the meaning and do not appear in the
definition; the definition never holds the term or an obvious form of it.
"""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..quality.form import agrees, cue, same_grammar
from ..model import KeyTerm, Question, Section, Topic
from ._glossary import askable, clue, confusable, forms, language
from ._pools import make_choice, slug
from ._text import find_phrase
from ._gates import fresh_first, reveals
from .base import Options
from .key_terms import mid_sentence, term_source

DEFAULT_COUNT = 4
LETTERS = "ABCDEFGH"


def distractors(term: KeyTerm, topic: Topic, shown: str) -> list[KeyTerm]:
    return [t for t in topic.key_terms
            if t is not term and not confusable(t, term) and not any(find_phrase(shown, f) for f in forms(t))]


def alike(term: KeyTerm, wrong: list[KeyTerm], rng: random.Random, n: int, lang: str = "") -> list[str] | None:
    """Wrong options about as long as the answer and of its form (neither must single it out), no two of the
    same meaning (two that mean the same would both be ruled out together); None when no such set exists.

    In a language the form is judged by the English meanings: for 'Mean' no verb ('to get on') and no
    sentence ('I am _ cm tall'), which a student rules out by their grammar alone, and only those."""
    size = len(term.term.split())
    close = [w for w in wrong if abs(len(w.term.split()) - size) <= 1]
    if lang:
        same = [w for w in close if same_grammar(clue(term), clue(w))]
        pools = (same, [w for w in wrong if same_grammar(clue(term), clue(w))])
    else:
        same = [w for w in close if agrees(term.term, w.term)]  # and of its form: not the one plural or name
        pools = (same, close, wrong)
    for pool in pools:
        pool = kin_first(term, pool, rng)
        chosen: list[KeyTerm] = []
        for w in pool:
            if not any(confusable(w, c) for c in chosen):
                chosen.append(w)
            if len(chosen) == n:
                if cue([term.term, *(c.term for c in chosen)], 0):
                    break
                return [c.term for c in chosen]
    return None


def kin(term: KeyTerm, pool: list[KeyTerm]) -> list[KeyTerm]:
    """The terms of ``pool`` that share a word with ``term`` ('Groundwater storage' for 'Surface storage')."""
    own = {w.lower().strip("()") for w in term.term.split() if len(w) > 3}
    return [w for w in pool if own & {x.lower().strip("()") for x in w.term.split()}]


def kin_first(term: KeyTerm, pool: list[KeyTerm], rng: random.Random) -> list[KeyTerm]:
    """``pool`` shuffled, the terms that share a word with the answer first: 'Groundwater storage' beside
    'Surface storage' is a wrong option a student must know to rule out; 'Mouth' beside it is ruled out for
    not being a store (blind review: "Surface storage is the only option that is a store")."""
    near = kin(term, pool)
    rest = [w for w in pool if w not in near]
    rng.shuffle(near)
    rng.shuffle(rest)
    return near + rest


def prompt_for(term: KeyTerm, lang: str) -> tuple[str, str]:
    """(prompt, what is shown) in the wording of the subject."""
    if lang:
        meaning = " ".join(re.sub(r"\([^)]*\)", "", clue(term)).split()).rstrip(".")
        return f"What is the {lang} for \u2018{mid_sentence(meaning)}\u2019?", meaning  # 'weak', not 'Weak'
    shown = clue(term)
    return f"Which key term means this?\n\u201c{shown}\u201d", shown


class TermChoice:
    name = "term-choice"
    title = "Which term?"
    summary = "Multiple choice: which key term a definition describes ('What is the French for ...' in languages)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        lang = language(topic)
        avoid = options.hidden | options.exclude
        pool = askable(topic, avoid) or askable(topic, options.hidden)
        size = max(3, options.choices)
        made = []
        for term in pool:
            prompt, shown = prompt_for(term, lang)
            # a wrong option that is another question's answer (a blanked term) would print that answer,
            # unless a word bank on the paper prints it anyway
            wrong = [w for w in distractors(term, topic, shown) if not reveals(w.term, options.secrets - options.banked)]
            if len(wrong) >= size - 1:
                made.append((term, prompt, wrong))
        if not made:
            raise NotEnoughMaterial(f"{topic.source}: 'which term means' needs at least {size} key_terms with "
                                    "different meanings, whose definitions do not contain the term")
        rng.shuffle(made)
        made = fresh_first(made, options.previous, lambda m: term_source(m[0]), self.name)  # seed 2 asks other terms
        questions = []
        for term, prompt, wrong in made:
            if len(questions) == (options.count or DEFAULT_COUNT):
                break
            answered = {q.body.options[q.body.correct] for q in questions}
            unused = [w for w in wrong if w.term not in answered]  # an earlier answer as a wrong option: a hint
            # and wrong options that no other question on the paper asks about, where there are enough
            quiet = [w for w in unused if term_source(w) not in avoid]
            # ... unless only the terms asked elsewhere share a word with the answer: 'Groundwater storage',
            # defined in another question, is a fair wrong option beside 'Surface storage', where 'Mouth'
            # and 'Watershed' are ruled out for not being stores (blind review)
            pools = (unused, quiet) if kin(term, unused) and not kin(term, quiet) else (quiet, unused)
            others = (alike(term, pools[0], rng, size - 1, lang) or alike(term, pools[1], rng, size - 1, lang)
                      or alike(term, wrong, rng, size - 1, lang))
            if others is None:
                continue
            body = make_choice(term.term, others, rng, f"{term.term}: {clue(term)}")
            questions.append(Question(
                id=f"term-choice:{slug(term.term)}", strategy=self.name, prompt=prompt, marks=1, body=body,
                answer=f"{LETTERS[body.correct]} {term.term}", guidance=("1 mark for the correct letter only.",),
                sources=(term_source(term),),
            ))
        title = f"Which {lang} word?" if lang else self.title
        return Section(self.name, title, "For each question, circle the letter of the one correct answer.",
                       tuple(questions))


STRATEGY = TermChoice()
