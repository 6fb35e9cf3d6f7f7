"""Match cause to example: lettered examples, numbered causes, one right answer."""

from __future__ import annotations

import random
import string

from ..errors import NotEnoughMaterial
from ..model import Match, Point, Question, Section, Topic
from ._gates import in_turns, reveals
from ._marking import standalone
from ._pools import examples_by_cause
from ..quality.fit import MIN_EACH, echoes_title, even_split
from ..quality.form import long_ones
from ._text import end_sentence
from .base import Options

MAX_CAUSES = 6
MAX_EXAMPLES = 8
MIN_EXAMPLES = 3


def _examples_by_cause(topic: Topic, options: Options) -> dict[str, list[Point]]:
    """Examples that belong to exactly one cause and do not repeat its title's key words (``_pools``),
    each a sentence that stands alone: no heading, no line that leans on one ('Slow to make decisions.',
    'If they had been members earlier, ...'; ``_marking.standalone``).

    Points blanked elsewhere (``hidden``) and points printing another question's answer
    (``secrets``) are never used. Points shown elsewhere (``exclude``) are left out, and so is
    a cause with nothing else to show, unless that leaves fewer than two causes.
    """
    shown = {}
    for cause_id, points in examples_by_cause(topic, title_free=True).items():
        top = topic.cause(cause_id).points
        shown[cause_id] = sorted((p for p in points if p.id not in options.hidden and standalone(p.text)
                                  and not reveals(p.text, options.secrets)), key=lambda p: p not in top)
    usable = {cid: [p for p in pool if p.id not in options.exclude] for cid, pool in shown.items()}
    if sum(1 for v in usable.values() if v) < 2:
        usable = shown
    return {k: v for k, v in usable.items() if v}


def without_long(piles: list[list[Point]]) -> list[list[Point]]:
    """The piles without examples much longer than the rest (``quality.form.long_ones``), where every pile
    keeps at least one; else as they were."""
    every = [p for pile in piles for p in pile]
    long = {every[i].id for i in long_ones([p.text for p in every])}
    trimmed = [[p for p in pile if p.id not in long] for pile in piles]
    return trimmed if all(trimmed) else piles


class MatchCauses:
    name = "match"
    title = "Match the cause to the example"
    summary = "A lettered list of examples to match to the numbered causes; each example fits exactly one cause."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        pools = _examples_by_cause(topic, options)
        cause_ids = [c.id for c in topic.causes if c.id in pools]
        if len(cause_ids) < 2 or sum(len(pools[c]) for c in cause_ids) < MIN_EXAMPLES:
            raise NotEnoughMaterial(
                f"{topic.source}: matching needs at least two causes and {MIN_EXAMPLES} examples in all, each a "
                "full sentence that stands on its own, fits no other cause and does not repeat a cause's key words"
            )
        if len(cause_ids) > MAX_CAUSES:
            cause_ids = sorted(rng.sample(cause_ids, MAX_CAUSES), key=cause_ids.index)
        # each cause's examples in this seed's turn, no cause with more than twice another's share (plus one),
        # and none repeating a word that only its own cause's title has among the titles printed
        # ('Communist Party' under one of two causes, when a third that shares it is not printed)
        printed = {cid: topic.cause(cid).title for cid in cause_ids}
        plain = {cid: [p for p in pools[cid] if not echoes_title(p.text, printed[cid],
                                                                 [t for c, t in printed.items() if c != cid])]
                 for cid in cause_ids}
        if all(plain.values()):  # where every cause keeps one, nothing repeats its own title word
            pools = plain
        piles = [in_turns(pools[cid], 1, options.seed, f"match:{cid}", key=lambda p: p.id) for cid in cause_ids]
        piles = without_long(piles)
        # no cause more than one example ahead of the one with fewest when there are two (3:1 is a guess at
        # the odd one), nor more than twice another's share plus one when there are more
        least = min(len(p) for p in piles)
        if len(piles) == 2 and least < MIN_EACH:  # 2:1 is a coin toss once one example is known
            raise NotEnoughMaterial(
                f"{topic.source}: matching with two causes needs {MIN_EACH} examples for each, each a full sentence "
                "that stands on its own and fits no other cause; one of them has fewer"
            )
        most = least + 1 if len(piles) == 2 else 2 * least + 1
        piles = [p[:most] for p in piles]
        total = sum(len(p) for p in piles)
        count = min(options.count or len(cause_ids) + 2, MAX_EXAMPLES, total)
        count = max(count, len(cause_ids))
        turn = list(range(len(piles)))
        rng.shuffle(turn)  # which causes get a second example when not all can
        chosen = [(p, turn[i]) for p, i in even_split([piles[j] for j in turn], count)]  # one from each, then ...
        count = len(chosen)
        rng.shuffle(chosen)
        causes = tuple(topic.cause(cid).title for cid in cause_ids)
        body = Match(
            causes=causes,
            examples=tuple(end_sentence(p.text) for p, _ in chosen),
            key=tuple(i for _, i in chosen),
            example_ids=tuple(p.id for p, _ in chosen),
        )
        letters = string.ascii_uppercase
        answer = ", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key))
        question = Question(
            id="match:" + ",".join(body.example_ids),
            strategy=self.name,
            prompt=f"Each example, A to {letters[count - 1]}, supports one of the causes numbered 1 to {len(causes)}. "
                   "Write the number of the cause in the box next to each example. A cause may be used more than once.",
            marks=count,
            body=body,
            answer=answer,
            guidance=(f"1 mark for each example matched to the right cause (up to {count}).",),
            sources=body.example_ids,
        )
        return Section(self.name, self.title, "Match each example to the cause it supports.", (question,))


STRATEGY = MatchCauses()
