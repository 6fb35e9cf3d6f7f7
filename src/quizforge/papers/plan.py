"""From build options to what assembly needs: strategies, their Options, and the Presentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dataclasses

import math
from dataclasses import dataclass

from ..errors import OptionError
from ..model import Presentation
from ..strategies import Options
from ..strategies import explain_why, fill_blank, multiple_choice, odd_one_out, true_false
from .presets import SHIPPED, PresetItem, load_preset

if TYPE_CHECKING:
    from ..subjects import SubjectProfile
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
    limit: int | None = None  # at most this many sections, the first in order that have material


def plan_paper(strategies: tuple[str, ...] = (), options: dict[str, Options] | None = None, *,
               preset: str | None = None, tier: str | None = None,
               large_print: bool = False, dyslexia_friendly: bool = False, no_tint: bool = False,
               subject: SubjectProfile | None = None) -> PaperPlan:
    """The subject's default paper unless strategies, a preset, tier or print layer are asked for.

    Strategies named by the teacher are used as named. Otherwise the subject profile (``subject``; the
    general one when None) lists what to try for the default paper and for each shipped preset, and
    assembly keeps those the notes have material for, up to the profile's ``max_sections``.
    """
    if preset and strategies:
        raise OptionError("choose either --preset or --strategies, not both (a preset file lists its strategies)")
    if no_tint and not dyslexia_friendly:
        raise OptionError("--no-tint goes with --dyslexia-friendly (only that print is tinted)")
    if tier is not None and tier not in TIERS:
        raise OptionError(f"unknown tier '{tier}'; choose from {', '.join(TIERS)}")
    from ..subjects import profile_for  # the profiles read presets' item lists: import them when needed

    subject = subject or profile_for("")
    chosen = load_preset(preset) if preset else None
    limit = None  # strategies named by the teacher, or a teacher's own preset: exactly what they listed
    if strategies:
        items = tuple(PresetItem(s) for s in strategies)
    elif chosen and chosen.source.startswith(str(SHIPPED)) and chosen.name in subject.papers:
        # The subject's own kind of exam paper, worksheet or quiz; where the notes lack the material for
        # those questions, the default paper's kinds stand in, so every topic still gets a paper.
        items = subject.items(chosen.name)
        items += tuple(i for i in subject.items("default") if i.strategy not in {j.strategy for j in items})
        limit = subject.limit(chosen.name)
    elif chosen:
        items = chosen.items
    else:
        items = subject.items("default")
        limit = subject.limit("default")
    presentation = Presentation(
        preset=chosen.name if chosen else "", title=chosen.title if chosen else "",
        minutes=chosen.minutes if chosen else None, cover=chosen.cover if chosen else False,
        instructions=chosen.instructions if chosen else (), tier=tier or "",
        large_print=large_print, dyslexia_friendly=dyslexia_friendly, no_tint=no_tint and dyslexia_friendly,
    )
    if tier is None and chosen is None and all(i.count is None and i.profile is None for i in items):
        return PaperPlan(tuple(i.strategy for i in items), options, bool(strategies), presentation, limit)
    if tier:
        before = {i.strategy for i in items}
        suits = frozenset(i.strategy for paper in subject.papers.values() for i in paper)
        items = tiered(items, TIERS[tier], add=not strategies, suits=suits)
        if limit is not None:  # what a tier adds (a judgement question for stretch) is not cut by the limit
            limit += sum(1 for i in items if i.strategy not in before)
    opts = {i.strategy: _options(i, TIERS[tier] if tier else None) for i in items}
    for name, asked in (options or {}).items():  # the teacher's own --no-word-bank still holds
        if name in opts and not asked.word_bank:
            opts[name] = dataclasses.replace(opts[name], word_bank=False)
    return PaperPlan(tuple(i.strategy for i in items), opts, bool(strategies), presentation, limit)


def default_strategies(subject: SubjectProfile) -> tuple[tuple[str, ...], dict[str, Options] | None, int]:
    """What a paper with no strategies, preset or tier tries, with their options and the section limit."""
    plan = plan_paper(subject=subject)
    return plan.strategies, plan.options, plan.limit or subject.max_sections


def tiered(items: tuple[PresetItem, ...], tier: Tier, add: bool = True,
           suits: frozenset[str] | None = None) -> tuple[PresetItem, ...]:
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
    # A tier adds only kinds of question the subject uses (no History judgement essay on a science paper).
    out += [PresetItem(name) for name in tier.add if add and name not in present and (suits is None or name in suits)]
    return tuple(out)


def _options(item: PresetItem, tier: Tier | None) -> Options:
    if tier is None:
        return Options(count=item.count, profile=item.profile)
    return Options(count=item.count, profile=item.profile, word_bank=tier.word_bank, starters=tier.starters,
                   choices=tier.choices, tier=tier.name)
