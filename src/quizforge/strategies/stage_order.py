"""Put the stages of a process in order: the stages' names, or one description of each when they have no names."""

from __future__ import annotations

import random
import re

from ..model import Cause, Question, Section, Sequence, Topic
from ..errors import NotEnoughMaterial
from ._process import (MIN_STAGES, is_name, of_process, printed, sentence_points, stages, tells_its_place,
                       without_order_words)
from ..quality.words import lemma
from ._text import STOP_WORDS
from .base import Options

MAX_ITEMS = 7
LETTERS = "ABCDEFGH"


def _items(found: tuple[Cause, ...], avoid: frozenset[str]) -> tuple[list[str], list[str], str]:
    """(items, sources, what they are) in the right order.

    Stage names when every title is a name ("Prophase"); otherwise one description of each stage, or
    the titles themselves when another question already uses a stage's points ("Increase the program counter").
    """
    titles = ([s.title.strip() for s in found], [f"stage:{s.id}" for s in found])
    if all(is_name(s.title) for s in found):
        return (*titles, "stages")
    firsts = [sentence_points(s, avoid)[:1] for s in found]
    if not all(firsts):
        return (*titles, "steps")
    return [without_order_words(printed(p[0].text)) for p in firsts], [p[0].id for p in firsts], "steps"


def _handoffs(items: list[str]) -> list[set[str]]:
    """Each step's words that exactly one other step shares: what passes from one step to another
    ('MAR' from 'copied to the MAR' to 'held in the MAR'), where words most steps use ('data') pass nothing."""
    words = [{lemma(w) for w in re.findall(r"[\w’']+", text) if w.lower() not in STOP_WORDS and len(w) >= 2}
             for text in items]
    return [{w for w in mine if sum(w in other for other in words) == 2} for mine in words]


def side_steps(items: list[str]) -> set[int]:
    """Steps whose place the notes' own chain does not fix: step i is one when the step before it hands
    something straight on to the step after it, and step i hands nothing on to any later step. 'The program
    counter is increased by one' sits between 'the PC is copied to the MAR' and 'the CPU gets what is held in
    the MAR'; textbooks put it in either place, so it is no item to order."""
    hands = _handoffs(items)
    return {i for i in range(1, len(items) - 1)
            if hands[i - 1] & hands[i + 1] and not any(hands[i] & hands[j] for j in range(i + 1, len(items)))}


def _runs(items: list[str]) -> list[tuple[int, int]]:
    """(start, length) of each stretch of steps in a row with no step that names its own place."""
    runs, start = [], 0
    for i, text in enumerate([*items, "step 0"]):  # a sentinel closes the last stretch
        if tells_its_place(text):
            if i - start >= MIN_STAGES:
                runs.append((start, i - start))
            start = i + 1
    return runs


class StageOrder:
    name = "stage-order"
    title = "Put the stages in order"
    summary = "The stages of a process (their names, or one description of each) to put in order."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = stages(topic, MIN_STAGES, "putting the stages in order", named=False)  # numbered: by description
        items, sources, what = _items(found, options.hidden)
        if what == "steps":  # a named stage is its own anchor; a described step may sit loose in the chain
            loose = side_steps(items)
            items = [t for i, t in enumerate(items) if i not in loose]
            sources = [t for i, t in enumerate(sources) if i not in loose]
        runs = _runs(items)
        if not runs:
            raise NotEnoughMaterial(f"{topic.source}: putting the steps in order needs {MIN_STAGES} steps in a row "
                                    "none of which says where it comes ('step 1', 'finally', 'repeats')")
        first, length = max(runs, key=lambda r: r[1])  # the longest stretch, the notes' first where two tie
        limit = min(max(options.count or MAX_ITEMS, MIN_STAGES), MAX_ITEMS, length)  # fewer than 3 is no order
        # The seed before ordered this whole run: a run one step shorter is another question (seed 2 is a
        # second version, not the same steps reshuffled), where that still leaves three or more to order.
        if limit == length > MIN_STAGES and all(f"{self.name}@{sources[i]}" in options.previous
                                                 for i in range(first, first + length)):
            limit -= 1
        start = first + rng.randrange(length - limit + 1)  # a run of stages in a row: the order must be the notes' own
        right = list(range(start, start + limit))
        shown = right[:]
        while shown == right:
            rng.shuffle(shown)
        body = Sequence(items=tuple(items[i] for i in shown), order=tuple(shown.index(i) for i in right))
        first = "stage" if what == "stages" else "step"
        answer = ", ".join(LETTERS[i] for i in body.order)
        # Three steps have one order to know and little to be half right about (blind review: "2 marks for
        # ordering three steps is generous"); four or more earn a mark for an order one swap away.
        marks, guidance = ((1, ("1 mark for the whole order right.",)) if limit == MIN_STAGES else
                           (2, ("2 marks for the whole order right.", "1 mark if only one pair of neighbouring items is swapped.")))
        question = Question(
            id=f"stage-order:{start}-{start + limit - 1}", strategy=self.name,
            prompt=f"Put these {what}{of_process(topic, first)} in the right order. Write 1 next to the {first} that comes first.",
            marks=marks, body=body, answer=answer, guidance=guidance,
            sources=tuple(sources[i] for i in right),
        )
        return Section(self.name, f"Put the {what} in order", f"Show that you know the order of the {what}.",
                       (question,))


STRATEGY = StageOrder()
