"""The strategy contract and its registry.

A strategy turns a ``Topic`` into one ``Section`` of questions. It must:
- draw every random choice from the ``random.Random`` it is given;
- make questions answerable from the notes alone, with mark-scheme text that
  lets a colleague mark without the notes;
- raise ``NotEnoughMaterial`` rather than produce a weak question.

Built-in strategies register in ``strategies/__init__.py`` exactly as a third
party would through the ``quizforge.strategies`` entry point group.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Protocol

from ..errors import OptionError
from ..model import Section, Topic


@dataclass(frozen=True)
class Options:
    """Knobs a paper passes to every strategy; each reads what it needs."""

    count: int | None = None  # how many questions (items); None: the strategy's default
    word_bank: bool = True
    # Points other questions on the paper already print: avoid them where possible.
    exclude: frozenset[str] = frozenset()
    # Points another question prints with words blanked: never print them (they hold its answers).
    hidden: frozenset[str] = frozenset()
    choices: int = 4  # options per multiple-choice question
    starters: bool = False  # print sentence starters with written answers (support tier)
    tier: str = ""  # "support", "core" or "stretch"; empty: not tiered
    profile: str | None = None  # exam-style tariff and levels (a name in profiles/ or a YAML file)
    # Answers earlier questions on the paper ask for (blanked words, names, terms): never print them.
    secrets: frozenset[str] = frozenset()
    # Those of the secrets a word bank on the paper prints anyway: a wrong option may be one of them.
    banked: frozenset[str] = frozenset()
    # Texts earlier questions print: never ask for a word or sentence that one of them shows.
    printed: tuple[str, ...] = ()
    # The paper's seed: strategies take their material in turns (``_pools.take``), so that
    # another seed gives another paper wherever the notes hold enough.
    seed: int = 1
    # The strategies on the whole paper (set by the assembler), so one can leave material to another.
    paper: tuple[str, ...] = ()
    # What the earlier seed of the series asked about (its questions' sources): prefer other material,
    # so that seed 2 is a real second version wherever the notes hold enough (issue 16).
    previous: frozenset[str] = frozenset()


class Strategy(Protocol):
    name: str  # registry key, also picks templates questions/<name>.html.j2
    title: str  # section heading on the paper
    summary: str  # one line for `quizforge strategies`
    # Optional ``hides_text = True``: the strategy prints points with words hidden, so it is
    # drawn before the others, and they will not print the points it used. It may be a function of the
    # Topic instead, for a strategy that hides its material only in some subjects.

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section: ...


_REGISTRY: dict[str, Strategy] = {}
_PLUGINS_LOADED = False


def register(strategy: Strategy) -> Strategy:
    """Add a strategy under its name (a later registration replaces an earlier one)."""
    _REGISTRY[strategy.name] = strategy
    return strategy


def _load_plugins() -> None:
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    for ep in entry_points(group="quizforge.strategies"):
        register(ep.load())


def available() -> dict[str, Strategy]:
    _load_plugins()
    return dict(_REGISTRY)


def get(name: str) -> Strategy:
    strategies = available()
    try:
        return strategies[name]
    except KeyError:
        raise OptionError(f"unknown strategy '{name}'; choose from {', '.join(strategies)}") from None
