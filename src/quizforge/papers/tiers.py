"""Differentiation tiers: one table, read by the planner. Add a tier by adding a row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    name: str
    count_scale: float  # fewer short questions for support
    word_bank: bool
    starters: bool  # sentence starters on written answers
    choices: int  # options per multiple-choice question
    more_written: int  # extra explanation questions (stretch)
    add: tuple[str, ...] = ()  # strategies added when the paper lacks them (e.g. a judgement question)
    drop: tuple[str, ...] = ()  # strategies left out


WRITTEN = ("explain",)  # strategies whose count grows with ``more_written``

TIERS = {
    "support": Tier("support", count_scale=0.6, word_bank=True, starters=True, choices=3, more_written=0,
                    drop=("odd-one-out",)),
    "core": Tier("core", count_scale=1.0, word_bank=True, starters=False, choices=4, more_written=0),
    "stretch": Tier("stretch", count_scale=1.0, word_bank=False, starters=False, choices=4, more_written=1,
                    add=("how-far",)),
}
