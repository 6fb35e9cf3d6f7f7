"""Draw each strategy's section from its own seeded generator, screen it, and number the questions."""

from __future__ import annotations

import copy
import dataclasses
import random
from dataclasses import dataclass, field

from ..errors import NotEnoughMaterial, OptionError, QuizforgeError
from ..model import Extended, Paper, Section, ShortAnswer, Topic
from ..strategies import Options, get
from ..strategies._vocabulary import prepared
from .screen import Ledger, screen_section

PAPER_SIZES = ("a4", "letter")
SHORT_MARKS = 10  # fewer marks than this, the default paper says it is short and what the notes lack


def strategy_rng(seed: int, strategy: str) -> random.Random:
    """A generator per (paper seed, strategy): adding a strategy leaves the others' draws alone."""
    return random.Random(f"quizforge:{seed}:{strategy}")


@dataclass(frozen=True)
class AssembleResult:
    paper: Paper
    skipped: tuple[str, ...]  # why a strategy made no section (only when not asked for by name)


@dataclass
class _Draw:
    made: dict[str, Section] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)


def assemble(
    topic: Topic,
    seed: int,
    strategies: tuple[str, ...],
    *,
    paper_size: str = "a4",
    options: dict[str, Options] | None = None,
    required: bool = True,
    limit: int | None = None,
    previous: frozenset[str] = frozenset(),
) -> AssembleResult:
    """Build a paper. With ``required`` False, a strategy short of material is skipped, not fatal.

    With ``limit`` (the planner's choice, not the teacher's), only the first ``limit`` strategies in the
    order given that have material make sections; the others are not missed.

    ``previous`` holds what the earlier seed of a series asked about (``asked``): strategies prefer
    other material, so that the next seed is a real second version where the notes allow.
    """
    if paper_size not in PAPER_SIZES:
        raise OptionError(f"unknown paper size '{paper_size}'; choose {' or '.join(PAPER_SIZES)}")
    if not strategies:
        raise OptionError("no strategies chosen; see `quizforge strategies`")
    topic, vocabulary_notes = prepared(topic)  # a language glossary in its own case, no misspelt word
    drawn = _draw(topic, seed, strategies, options or {}, required, previous)
    wanted = strategies
    if limit is not None:
        drawn, wanted = _within_limit(topic, seed, strategies, drawn, limit, options or {}, required, previous)
    sections = printing_order([drawn.made[name] for name in strategies if name in drawn.made])
    if not sections:
        raise NotEnoughMaterial(f"{topic.source}: no strategy could make questions:\n" + "\n".join(drawn.skipped))
    skipped = [*vocabulary_notes, *drawn.skipped]
    missing = [n for n in wanted if n not in drawn.made]
    paper = Paper(topic=topic, seed=seed, sections=tuple(_number(sections)), paper_size=paper_size,
                  strategies=tuple(s.strategy for s in sections))
    thin = limit is not None and paper.total_marks < SHORT_MARKS  # the planner's paper, too few marks to print
    if drawn.short or missing or (limit is not None and len(sections) < min(2, limit)) or thin:
        what = "; ".join([*drawn.short, *(f"{n} made none" for n in missing)]) or f"only {len(sections)} section"
        if thin:
            what = (f"{paper.total_marks} marks from {len(paper.questions)} questions, where a paper worth printing "
                    f"has {SHORT_MARKS} or more; " + ("; ".join([*drawn.short, *(f"{n} made none" for n in missing)])
                                                     or f"the notes have material for {len(sections)} kinds of question"))
        few = not (missing or thin or (limit is not None and len(sections) < min(2, limit)))
        if few and paper.total_marks >= SHORT_MARKS:  # a section a little under its count, on a full paper
            skipped.append(f"fewer questions than asked for: {what} (the notes have no more that are fair, or "
                           "seed 2 would repeat seed 1's)")
        else:
            skipped.append(f"this paper is short: {what} (each note above says what the notes would need)")
        if thin:
            paper = dataclasses.replace(paper, short_note=short_note(paper))
    return AssembleResult(paper, tuple(skipped))


def short_note(paper: Paper) -> tuple[str, ...]:
    """What the mark scheme tells a colleague about a paper under SHORT_MARKS, in plain words: its size, and
    how to use it. The strategies' own notes name fields and kinds of question ('State-list needs lists ...'),
    and what the notes would need is said at the command line and by ``quizforge review``: a printed page
    speaks to the colleague holding it, not to the tool's user (blind review: the box "tells the teacher to
    run 'quizforge review'")."""
    n = len(paper.questions)
    return (f"This paper is short: {paper.total_marks} marks from {n} question{'s' if n != 1 else ''}; "
            "the notes had too little for more questions that could be marked fairly.",
            "It suits a starter or a homework; for a full lesson, add questions of your own.")


def _within_limit(topic: Topic, seed: int, strategies: tuple[str, ...], drawn: _Draw, limit: int,
                  options: dict[str, Options], required: bool, previous: frozenset[str]) -> tuple[_Draw, tuple[str, ...]]:
    """The first ``limit`` strategies that have material, drawn again on their own (what the others showed no
    longer counts), and the names kept. A limit keeps a paper from sprawling, not from being printable: while
    the kept sections come to fewer than SHORT_MARKS, the next strategy with material joins them."""
    have = tuple(name for name in strategies if name in drawn.made)
    n = limit
    while True:
        kept = have[:n]
        again = drawn if len(kept) == len(drawn.made) else _draw(topic, seed, kept, options, required, previous)
        marks = sum(q.marks for section in again.made.values() for q in section.questions)
        if marks >= SHORT_MARKS or n >= len(have):
            return again, kept
        n += 1


def _draw(topic: Topic, seed: int, strategies: tuple[str, ...], options: dict[str, Options], required: bool,
          previous: frozenset[str] = frozenset()) -> _Draw:
    """Each strategy's screened section, why the others made none, and which made fewer than asked."""
    out = _Draw()
    shown: set[str] = set()
    hidden: set[str] = set()
    ledger = Ledger(titles=frozenset(b.title for b in topic.groups))
    foreign = foreign_words(topic)
    # Strategies that hide part of a point (blanks) draw first; no later question may print those points.
    for name in sorted(strategies, key=lambda n: not hides_text(get(n), topic)):
        opts = options.get(name, Options())
        opts = dataclasses.replace(opts, exclude=opts.exclude | shown, hidden=opts.hidden | hidden,
                                   secrets=opts.secrets | frozenset(ledger.asked),
                                   banked=opts.banked | frozenset(ledger.banked),
                                   printed=(*opts.printed, *ledger.shown), seed=seed, paper=strategies,
                                   previous=opts.previous | previous)
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), opts)
        except NotEnoughMaterial as exc:
            if required:
                raise
            out.skipped.append(f"skipped {name}: {exc}")
            continue
        section, warnings, ledger = _screen_or_swap(name, topic, seed, opts, section, ledger, foreign)
        out.skipped += warnings
        if not section.questions:
            if required and not warnings:
                raise NotEnoughMaterial(f"{topic.source}: {name} made no questions")
            out.skipped.append(f"skipped {name}: every question it made failed a quality gate; the notes need more "
                               "full-sentence points that stand on their own")
            continue
        if opts.count and len(section.questions) < opts.count:
            out.short.append(f"{name} made {len(section.questions)} of the {opts.count} questions asked for")
        out.made[name] = section
        used = {src for q in section.questions for src in q.sources}
        shown.update(used)
        if hides_text(get(name), topic):
            hidden.update(used)
    return out


def _screen_or_swap(name: str, topic: Topic, seed: int, opts: Options, section: Section, ledger: Ledger,
                    foreign: frozenset[str]) -> tuple[Section, list[str], Ledger]:
    """The section screened; where a question was left out because another one gives it away, the section is
    drawn once more without that question's material, and the draw that keeps more questions is taken (a
    definition whose mark point another stem prints gives way to another term's definition)."""
    before = copy.deepcopy(ledger)
    screened, warnings = screen_section(section, ledger, foreign)
    kept = {q.id for q in screened.questions}
    clashed = [q for q in section.questions if q.id not in kept]
    if not clashed or not any("would give another away" in w for w in warnings):
        return screened, warnings, ledger
    again = dataclasses.replace(opts, exclude=opts.exclude | {s for q in clashed for s in q.sources})
    try:
        other = get(name).generate(topic, strategy_rng(seed, name), again)
    except NotEnoughMaterial:
        return screened, warnings, ledger
    trial = copy.deepcopy(before)
    swapped, swap_warnings = screen_section(other, trial, foreign)
    if len(swapped.questions) > len(screened.questions):
        return swapped, swap_warnings, trial
    return screened, warnings, ledger


def foreign_words(topic: Topic) -> frozenset[str]:
    """The words of the language a languages paper teaches, in every form they print."""
    from ..strategies._glossary import forms, language

    if not language(topic):
        return frozenset()
    return frozenset(f.strip() for t in topic.key_terms for f in forms(t))


def hides_text(strategy: object, topic: Topic) -> bool:
    """A strategy's ``hides_text``: True, or a function of the topic (a strategy that hides only in some subjects)."""
    hides = getattr(strategy, "hides_text", False)
    return bool(hides(topic)) if callable(hides) else bool(hides)


def asked(paper: Paper) -> frozenset[str]:
    """Everything ``paper`` asks about (its questions' sources), for the next seed of a series to avoid.

    Each source is there twice: alone, and as 'strategy@source' (see ``asked_by``), so that a strategy can
    tell what it asked itself from what another kind of question asked about."""
    return frozenset(x for q in paper.questions for s in q.sources for x in (s, asked_by(q.strategy, s)))


def series_before(make, seed: int) -> frozenset[str]:
    """What the paper of the seed before ``seed`` asks about (nothing before seed 1, or if it has no paper);
    ``make(seed)`` gives an ``AssembleResult``. ``build --seed`` and class sets both use it, so a class set's
    paper for a seed is the one ``build`` gives for it."""
    if seed <= 1:
        return frozenset()
    try:
        return asked(make(seed - 1).paper)
    except QuizforgeError:  # that seed's paper would fail as this one is about to: say so there
        return frozenset()


def asked_by(strategy: str, source: str) -> str:
    """How ``asked`` records that ``strategy`` asked about ``source``."""
    return f"{strategy}@{source}"


def printing_order(sections: list[Section]) -> list[Section]:
    """Closed questions first, then short written answers, then extended writing from the smallest tariff up,
    each kind otherwise in the order the preset gives: as an exam paper runs, and so the short questions fill the page the word bank starts
    rather than a page of their own after the essays (blind review: a lone 1-mark 'Which term?' after the
    12-mark question "belongs with Section A")."""
    def weight(section: Section) -> tuple[int, int]:
        bodies = [q.body for q in section.questions]
        if any(isinstance(b, Extended) for b in bodies):
            return 2, max(q.marks for q in section.questions)  # essays rise in tariff, as a paper's do
        return (1 if any(isinstance(b, ShortAnswer) for b in bodies) else 0), 0
    return sorted(sections, key=weight)


def _number(sections: list[Section]) -> list[Section]:
    numbered, n = [], 0
    for section in sections:
        questions = []
        for q in section.questions:
            n += 1
            questions.append(dataclasses.replace(q, number=n))
        numbered.append(dataclasses.replace(section, questions=tuple(questions)))
    return numbered
