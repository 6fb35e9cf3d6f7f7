"""Factors: "Name two factors that affect <outcome>", 1 mark each for any two of the factors in the notes."""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Cause, Question, Section, ShortAnswer, Topic
from ._factors import change_of, factor_source, mechanism_source
from . import explain_point, sort_factors
from ._text import normalise, points_rule
from .base import Options

ASK_FOR = 2


class NameFactors:
    # The factors' names are the answers: drawn first, and no other question on the paper may print them.
    hides_text = True
    name = "name-factors"
    title = "Name the factors"
    summary = "'Name two factors that affect <outcome>': 1 mark each for any two of the factors in the notes."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        factors = list(topic.factors)
        if not topic.outcome or len(factors) < ASK_FOR:
            raise NotEnoughMaterial(
                f"{topic.source}: name-factors needs 'outcome' (what the factors affect) and at least "
                f"{ASK_FOR} factors"
            )
        both = shared_factors(topic, options)
        if both and "sort-factors" in options.paper and _has_material("sort-factors", topic):
            return self._both(both)  # the sort leaves out the factors that affect both outcomes: ask for those
        for other, why in (("sort-factors", "sorts the factors"), ("explain-point", "asks about the factors one by one"),
                           ("explain-factor", "asks how each factor works"), ("explain-factors", "asks how the factors work")):
            if other in options.paper and _has_material(other, topic):
                raise NotEnoughMaterial(f"{topic.source}: name-factors: left the factors to {other}, which {why} "
                                        "(naming them here would give its answers away)")
        if any({factor_source(f), mechanism_source(f)} & options.exclude for f in factors):
            raise NotEnoughMaterial(f"{topic.source}: name-factors: another question on the paper already names the factors")
        outcome = topic.outcome.strip().rstrip(".")
        titles = tuple(f.title.strip().rstrip(".") for f in factors)
        allow = tuple(f"{change_of(f).lower()} (for {f.title.strip().rstrip('.').lower()})" for f in factors if f.change)
        many = len(titles) > ASK_FOR
        body = ShortAnswer(answer="; ".join(titles), accept=allow, lines=3, points=titles)
        question = Question(
            id="name-factors:" + ",".join(f.id for f in factors), strategy=self.name,
            prompt=f"Name two factors that affect {outcome}.", marks=ASK_FOR, body=body,
            answer=("Any two of: " if many else "") + "; ".join(titles) + ".",
            guidance=(points_rule(ASK_FOR, len(titles), "factor"),
                      *(("Allow a factor named as the change made to it (see 'also accept').",) if allow else ())),
            sources=tuple(factor_source(f) for f in factors),
        )
        return Section(self.name, self.title, "Answer in a word or a short phrase.", (question,))

    def _both(self, found: tuple[tuple[str, str], list[list[Cause]]]) -> Section:
        """'Name the factor that affects both thinking distance and braking distance.' (two, when two do)."""
        (first, second), both = found
        titles = tuple(entries[0].title.strip().rstrip(".") for entries in both)
        n = min(len(titles), ASK_FOR)
        many = len(titles) > n
        what = "the factor that affects" if n == 1 else "two factors that affect"
        body = ShortAnswer(answer="; ".join(titles), lines=n, points=titles)
        question = Question(
            id="name-factors:both:" + ",".join(e.id for entries in both for e in entries), strategy=self.name,
            prompt=f"Name {what} both {first} and {second}.", marks=n, body=body,
            answer=("Any two of: " if many else "") + "; ".join(titles) + ".",
            guidance=(points_rule(n, len(titles), "factor") if n > 1 else "1 mark for the factor.",
                      "Allow the same factor in the student's own words."),
            sources=tuple(factor_source(e) for entries in both for e in entries),
        )
        return Section(self.name, self.title, "Answer in a word or a short phrase.", (question,))


def shared_factors(topic: Topic, options: Options) -> tuple[tuple[str, str], list[list[Cause]]] | None:
    """The two outcomes the notes' factors affect ('affects') and the factors (each name with its entries)
    that affect both, or None when the notes name other than two outcomes or no factor affects both."""
    outcomes: dict[str, str] = {}
    named: dict[str, list[Cause]] = {}
    for f in topic.factors:
        if f.affects.strip():
            outcomes.setdefault(normalise(f.affects), f.affects.strip().rstrip("."))
            named.setdefault(normalise(f.title), []).append(f)
    if len(outcomes) != 2:
        return None
    both = [entries for entries in named.values() if len({normalise(e.affects) for e in entries}) == 2
            and not any(factor_source(e) in options.hidden | options.exclude for e in entries)]
    return (tuple(outcomes.values()), both) if both else None


def _has_material(strategy: str, topic: Topic) -> bool:
    """Whether another factor strategy on the paper can make a question from these notes."""
    if strategy == "explain-point":
        return bool(explain_point.explainable(topic, Options()))
    if strategy in ("explain-factor", "explain-factors"):
        explained = [f for f in topic.factors if f.change and f.effect and f.mechanism]
        return len(explained) >= (1 if strategy == "explain-factor" else 2) and bool(topic.outcome)
    found = sort_factors.groups_of(topic, Options())
    return len(found) >= 2 and sum(len(v) for v in found.values()) >= sort_factors.MIN_ITEMS


STRATEGY = NameFactors()
