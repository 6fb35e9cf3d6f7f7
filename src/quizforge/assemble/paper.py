"""Draw each strategy's section from its own seeded generator and number the questions."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

from ..errors import NotEnoughMaterial, OptionError
from ..model import Paper, Section, Topic
from ..strategies import Options, get

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
    limit: int | None = None,
) -> AssembleResult:
    """Build a paper. With ``required`` False, a strategy short of material is skipped, not fatal.

    With ``limit``, only the first ``limit`` strategies (in the order given) that have material make sections.
    """
    if paper_size not in PAPER_SIZES:
        raise OptionError(f"unknown paper size '{paper_size}'; choose {' or '.join(PAPER_SIZES)}")
    if not strategies:
        raise OptionError("no strategies chosen; see `quizforge strategies`")
    made, skipped = _draw(topic, seed, strategies, options or {}, required)
    if limit is not None and len(made) > limit:
        # Draw again with only the first sections kept, so what the others showed no longer counts.
        kept = tuple(name for name in strategies if name in made)[:limit]
        made = _draw(topic, seed, kept, options or {}, required)[0]
    sections = [made[name] for name in strategies if name in made]
    if not sections:
        raise NotEnoughMaterial(f"{topic.source}: no strategy could make questions:\n" + "\n".join(skipped))
    paper = Paper(topic=topic, seed=seed, sections=tuple(_number(sections)), paper_size=paper_size,
                  strategies=tuple(s.strategy for s in sections))
    return AssembleResult(paper, tuple(skipped))


def _draw(topic: Topic, seed: int, strategies: tuple[str, ...], options: dict[str, Options],
          required: bool) -> tuple[dict[str, Section], list[str]]:
    """Each strategy's section, and why the others made none."""
    skipped: list[str] = []
    shown: set[str] = set()
    made: dict[str, Section] = {}
    hidden: set[str] = set()
    # Strategies that hide part of a point (blanks) draw first; no later question may print those points.
    for name in sorted(strategies, key=lambda n: not getattr(get(n), "hides_text", False)):
        opts = options.get(name, Options())
        opts = dataclasses.replace(opts, exclude=opts.exclude | shown, hidden=opts.hidden | hidden)
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), opts)
        except NotEnoughMaterial as exc:
            if required:
                raise
            skipped.append(f"{name}: {exc}")
            continue
        made[name] = section
        used = {src for q in section.questions for src in q.sources}
        shown.update(used)
        if getattr(get(name), "hides_text", False):
            hidden.update(used)
    return made, skipped


def _number(sections: list[Section]) -> list[Section]:
    numbered, n = [], 0
    for section in sections:
        questions = []
        for q in section.questions:
            n += 1
            questions.append(dataclasses.replace(q, number=n))
        numbered.append(dataclasses.replace(section, questions=tuple(questions)))
    return numbered
