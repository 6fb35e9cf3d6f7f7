"""'Complete the word equation for ...': one substance (or quantity) of a word equation left as a gap, 1 mark."""

from __future__ import annotations

import random

from ..equations import Reading, read_equation
from ..errors import NotEnoughMaterial
from ..model import Equation, Question, Section, ShortAnswer, Topic
from ..quality.words import lemma, tokens
from ._factors import lower_start
from ._gates import in_turns, reveals, shown_elsewhere
from .base import Options

# The dotted answer line of a printed paper, spaced so that a gap at the end does not read as a line cut off
# ('...'), and not underscores, which read as a placeholder left in.
GAP = " ".join("." * 14)


def substance(term: str) -> str:
    """A substance as a word equation writes it: 'Nitrogen' -> 'nitrogen'; 'DNA' stays."""
    return term[0].lower() + term[1:] if term[1:2].islower() or len(term) == 1 else term


def readable(topic: Topic) -> list[tuple[Equation, Reading]]:
    """The word equations (not symbol ones), each with three or more different substances."""
    out = []
    for eq in topic.equations:
        reading = read_equation(eq.text)
        if reading is None or not reading.words:
            continue
        terms = [substance(t) for t in (*reading.left, *reading.right)]
        if len(terms) >= 3 and len({t.casefold() for t in terms}) == len(terms):
            out.append((eq, Reading(tuple(terms[:len(reading.left)]), reading.arrow, tuple(terms[len(reading.left):]), reading.note)))
    return out


def named_by(term: str, heading: str) -> bool:
    """Every word of ``term`` is a word of the paper's heading, in some form: 'stopping distance' under
    'Stopping, braking and thinking distances' (blind review: "the paper title names the answer")."""
    words = {lemma(w.lower()) for w in tokens(heading)}
    own = [lemma(w.lower()) for w in tokens(term)]
    return bool(own) and all(w in words for w in own)


def blank_choice(reading: Reading, options: Options, salt: str, heading: str = "") -> int | None:
    """Which substance to ask for: one no other question prints or asks for, nor the paper's heading names,
    taken in turns by seed."""
    terms = [*reading.left, *reading.right]
    free = [i for i, t in enumerate(terms) if not shown_elsewhere(t, options) and not reveals(t, options.secrets)
            and not named_by(t, heading)]
    order = in_turns(free, 1, options.seed, salt, key=lambda i: terms[i])
    return order[0] if order else None


def question_for(eq: Equation, reading: Reading, index: int, topic: Topic) -> Question:
    terms = [*reading.left, *reading.right]
    named = topic.process or (lower_start(topic.title.strip()) if len(topic.title.split()) <= 5 else "")
    # an equation of quantities names itself on its left ('stopping distance = ...'), which may be the gap
    what = f" for {named}" if named and not reading.quantities else ""
    missing = "quantity" if reading.quantities else "substance"
    return Question(
        id=f"complete-equation:{eq.id}:{index}", strategy="complete-equation",
        prompt=f"Complete the word equation{what}.\n{reading.text(blank=index, gap=GAP)}", marks=1,
        body=ShortAnswer(answer=terms[index], lines=1), answer=terms[index],
        guidance=(f"1 mark for the missing {missing}.",),
        sources=(eq.id,),
    )


class CompleteEquation:
    hides_text = True  # the gap is the answer: drawn with the other blanks, before any question could print it
    name = "complete-equation"
    title = "Word equations"
    summary = "'Complete the word equation': one substance of a word equation in the notes left as a gap."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        questions = []
        for eq, reading in readable(topic):
            index = blank_choice(reading, options, eq.id, topic.title)
            if index is not None and eq.id not in options.hidden:
                questions.append(question_for(eq, reading, index, topic))
        if not questions:
            raise NotEnoughMaterial(
                f"{topic.source}: complete-equation needs 'equations' with a word equation of three or more different "
                "substances (e.g. 'nitrogen + hydrogen ⇌ ammonia'), one of which no other question prints")
        questions = questions[:options.count or len(questions)]
        return Section(self.name, self.title, "Write the missing word in the gap.", tuple(questions))


STRATEGY = CompleteEquation()
