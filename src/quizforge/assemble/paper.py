"""Draw each strategy's section from its own seeded generator and number the questions."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

from ..errors import NotEnoughMaterial, OptionError
from ..model import Paper, Section, Topic
from ..strategies import Options, get
from .screen import Ledger, screen_section

PAPER_SIZES = ("a4", "letter")


def strategy_rng(seed: int, strategy: str) -> random.Random:
    """A generator per (paper seed, strategy): adding a strategy leaves the others' draws alone."""
    return random.Random(f"quizforge:{seed}:{strategy}")


@dataclass(frozen=True)
class AssembleResult:
    paper: Paper
    skipped: tuple[str, ...]  # why a strategy made no section (only when not asked for by name)


def assemble(
    topic: Topic,
    seed: int,
    strategies: tuple[str, ...],
    *,
    paper_size: str = "a4",
    options: dict[str, Options] | None = None,
    required: bool = True,
) -> AssembleResult:
    """Build a paper. With ``required`` False, a strategy short of material is skipped, not fatal."""
    if paper_size not in PAPER_SIZES:
        raise OptionError(f"unknown paper size '{paper_size}'; choose {' or '.join(PAPER_SIZES)}")
    if not strategies:
        raise OptionError("no strategies chosen; see `quizforge strategies`")
    options = options or {}
    skipped: list[str] = []
    shown: set[str] = set()
    made: dict[str, Section] = {}
    hidden: set[str] = set()
    ledger = Ledger()
    short: list[str] = []
    # Strategies that hide part of a point (blanks) draw first; no later question may print those points.
    for name in sorted(strategies, key=lambda n: not getattr(get(n), "hides_text", False)):
        opts = options.get(name, Options())
        opts = dataclasses.replace(opts, exclude=opts.exclude | shown, hidden=opts.hidden | hidden,
                                   secrets=opts.secrets | frozenset(ledger.asked),
                                   printed=(*opts.printed, *ledger.shown), seed=seed)
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), opts)
        except NotEnoughMaterial as exc:
            if required:
                raise
            skipped.append(f"skipped {name}: {exc}")
            continue
        section, warnings = screen_section(section, ledger)
        skipped += warnings
        if not section.questions:
            if required and not warnings:
                raise NotEnoughMaterial(f"{topic.source}: {name} made no questions")
            skipped.append(f"skipped {name}: every question it made failed a quality gate; the notes need more "
                           "full-sentence points that stand on their own")
            continue
        wanted = opts.count
        if wanted and len(section.questions) < wanted:
            short.append(f"{name} made {len(section.questions)} of the {wanted} questions asked for")
        made[name] = section
        used = {src for q in section.questions for src in q.sources}
        shown.update(used)
        if getattr(get(name), "hides_text", False):
            hidden.update(used)
    sections = [made[name] for name in strategies if name in made]
    if not sections:
        raise NotEnoughMaterial(f"{topic.source}: no strategy could make questions:\n" + "\n".join(skipped))
    missing = [n for n in strategies if n not in made]
    if short or missing:
        what = "; ".join([*short, *(f"{n} made none" for n in missing)])
        skipped.append(f"this paper is short: {what} (each note above says what the notes would need)")
    paper = Paper(topic=topic, seed=seed, sections=tuple(_number(sections)), paper_size=paper_size,
                  strategies=tuple(s.strategy for s in sections))
    return AssembleResult(paper, tuple(skipped))


def _number(sections: list[Section]) -> list[Section]:
    numbered, n = [], 0
    for section in sections:
        questions = []
        for q in section.questions:
            n += 1
            questions.append(dataclasses.replace(q, number=n))
        numbered.append(dataclasses.replace(section, questions=tuple(questions)))
    return numbered
