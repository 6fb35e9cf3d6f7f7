"""Odd one out: three examples that support one reason and one that supports another."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..quality.form import cue
from ..model import Question, Section, Topic
from ._gates import in_turns, reveals
from ._pools import examples_by_cause, make_choice
from ._text import end_sentence
from .base import Options

DEFAULT_COUNT = 3
SAME = 3  # examples from the shared reason


class OddOneOut:
    name = "odd-one-out"
    title = "Odd one out"
    summary = "Three examples of one reason and one of another: pick the odd one out and say why."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        pools = {cid: [p for p in points if p.id not in options.hidden  # never print a blanked point
                       and not reveals(p.text, options.secrets)]
                 for cid, points in examples_by_cause(topic).items()}
        fresh = {cid: [p for p in points if p.id not in options.exclude] for cid, points in pools.items()}
        if any(len(v) >= SAME for v in fresh.values()) and sum(1 for v in fresh.values() if v) >= 2:
            pools = {cid: v for cid, v in fresh.items() if v}  # leave out examples printed elsewhere on the paper
        groups = [cid for cid, points in pools.items() if len(points) >= SAME]
        if not groups or len(pools) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: odd one out needs a cause with at least {SAME} points that read on their own, "
                "and a second cause to take the odd one from"
            )
        odd_pool = in_turns([(cid, p) for cid, points in pools.items() for p in points], options.count or DEFAULT_COUNT,
                            options.seed, "odd-one-out", key=lambda cp: cp[1].id)
        odd_pool.sort(key=lambda cp: cp[1].id in options.previous)  # seed 2 picks other odd ones out
        count = min(options.count or DEFAULT_COUNT, len(odd_pool))
        rng.shuffle(groups)
        questions, used = [], set()  # no example is printed in two questions
        for i in range(len(odd_pool)):
            if len(questions) == count:
                break
            shared = groups[i % len(groups)]  # a different shared reason each time, while there are any
            same = [p for p in pools[shared] if p.id not in used]
            if len(same) < SAME:
                continue
            same = rng.sample(same, SAME)
            # the odd one must not stand out by its look (twice as long, the only plural) as well
            odd = next(((c, p) for c, p in odd_pool if c != shared and p.id not in used and
                        not cue([end_sentence(p.text), *(end_sentence(q.text) for q in same)], 0)), None)
            if odd is None:
                continue
            used.update(p.id for p in (*same, odd[1]))
            questions.append(self._question(topic, shared, same, odd, rng))
        if not questions:
            raise NotEnoughMaterial(f"{topic.source}: odd one out found no set of {SAME + 1} examples "
                                    "not already printed elsewhere on this paper")
        return Section(self.name, self.title, "In each question, three examples support the same reason. "
                       "Circle the letter of the odd one out and name the reason the other three support.",
                       tuple(questions))

    def _question(self, topic: Topic, shared: str, same, odd, rng: random.Random) -> Question:
        odd_cause, odd_point = odd
        right = end_sentence(odd_point.text)
        body = make_choice(right, [end_sentence(p.text) for p in same], rng,
                           f"The other three support \u2018{topic.cause(shared).title}\u2019; this one supports "
                           f"\u2018{topic.cause(odd_cause).title}\u2019.")
        letter = "ABCD"[body.correct]
        return Question(
            id=f"odd-one-out:{odd_point.id}", strategy=self.name,
            prompt="Which example is the odd one out? Name the reason that the other three support.",
            marks=2, body=body, answer=f"{letter}; the others support: {topic.cause(shared).title}",
            guidance=("1 mark for the right letter.", "1 mark for naming the reason the other three share "
                      "(accept a clear paraphrase)."),
            cause_id=shared,
            sources=tuple(p.id for p in (*same, odd_point)),
        )


STRATEGY = OddOneOut()
