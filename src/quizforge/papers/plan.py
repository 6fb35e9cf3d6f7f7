"""From build options to what assembly needs: strategies, their Options, and the Presentation."""

from __future__ import annotations

import dataclasses

import math
from dataclasses import dataclass

from ..errors import OptionError
from ..model import Presentation
from ..strategies import DEFAULT_STRATEGIES, Options
from ..strategies import explain_why, fill_blank, multiple_choice, odd_one_out, true_false
from .presets import PresetItem, load_preset
from .tiers import TIERS, WRITTEN, Tier

# Strategies' own defaults, so a tier can scale a count the paper did not set.
DEFAULT_COUNTS = {"fill-blank": fill_blank.DEFAULT_COUNT, "explain": explain_why.DEFAULT_COUNT,
                  "multiple-choice": multiple_choice.DEFAULT_COUNT, "true-false": true_false.DEFAULT_COUNT,
                  "odd-one-out": odd_one_out.DEFAULT_COUNT}


@dataclass(frozen=True)
class PaperPlan:
    strategies: tuple[str, ...]
    options: dict[str, Options] | None
    required: bool  # False: a strategy short of material is skipped with a note
    presentation: Presentation


def plan_paper(strategies: tuple[str, ...] = (), options: dict[str, Options] | None = None, *,
               preset: str | None = None, tier: str | None = None,
               large_print: bool = False, dyslexia_friendly: bool = False) -> PaperPlan:
    """The plain default paper unless a preset, tier or print layer is asked for."""
    if preset and strategies:
        raise OptionError("choose either --preset or --strategies, not both (a preset file lists its strategies)")
    if tier is not None and tier not in TIERS:
        raise OptionError(f"unknown tier '{tier}'; choose from {', '.join(TIERS)}")
    chosen = load_preset(preset) if preset else None
    items = chosen.items if chosen else tuple(PresetItem(s) for s in (strategies or DEFAULT_STRATEGIES))
    presentation = Presentation(
        preset=chosen.name if chosen else "", title=chosen.title if chosen else "",
        minutes=chosen.minutes if chosen else None, cover=chosen.cover if chosen else False,
        instructions=chosen.instructions if chosen else (), tier=tier or "",
        large_print=large_print, dyslexia_friendly=dyslexia_friendly,
    )
    if tier is None and chosen is None:
        return PaperPlan(strategies or DEFAULT_STRATEGIES, options, bool(strategies), presentation)
    items = tiered(items, TIERS[tier], add=not strategies) if tier else items
    opts = {i.strategy: _options(i, TIERS[tier] if tier else None) for i in items}
    for name, asked in (options or {}).items():  # the teacher's own --no-word-bank still holds
        if name in opts and not asked.word_bank:
            opts[name] = dataclasses.replace(opts[name], word_bank=False)
    return PaperPlan(tuple(i.strategy for i in items), opts, bool(strategies), presentation)


def tiered(items: tuple[PresetItem, ...], tier: Tier, add: bool = True) -> tuple[PresetItem, ...]:
    """Scale counts, add written questions, drop and add strategies for a tier.

    Strategies the teacher named with --strategies are kept as named: nothing is added or dropped.
    """
    out = []
    for item in items:
        if add and item.strategy in tier.drop:
            continue
        count = item.count or DEFAULT_COUNTS.get(item.strategy)
        if count is not None and item.strategy not in WRITTEN:
            count = max(1, math.ceil(count * tier.count_scale))
        if count is not None and item.strategy in WRITTEN:
            count = max(1, count + tier.more_written - (1 if tier.count_scale < 1 else 0))
        out.append(PresetItem(item.strategy, count, item.profile, item.line))
    present = {i.strategy for i in out}
    out += [PresetItem(name) for name in tier.add if add and name not in present]
    return tuple(out)


def _options(item: PresetItem, tier: Tier | None) -> Options:
    if tier is None:
        return Options(count=item.count, profile=item.profile)
    return Options(count=item.count, profile=item.profile, word_bank=tier.word_bank, starters=tier.starters,
                   choices=tier.choices, tier=tier.name)
