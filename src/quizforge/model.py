"""Plain, frozen data passed between the pipeline's stages.

load  -> Topic
strategies -> Section (of Question)
assemble -> Paper
render -> bytes
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


# --- notes ---------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One statement in the notes, with nested supporting points."""

    id: str
    text: str
    line: int
    points: tuple["Point", ...] = ()
    blanks: tuple[str, ...] = ()  # phrases the teacher marked as blankable
    accept: tuple[str, ...] = ()  # alternative answers for a single blank

    def walk(self) -> Iterator["Point"]:
        """This point and every point beneath it, depth first."""
        yield self
        for child in self.points:
            yield from child.walk()


@dataclass(frozen=True)
class Cause:
    """A first-level branch: one reason answering the enquiry question."""

    id: str
    title: str
    line: int
    points: tuple[Point, ...]
    explain: str | None = None  # full prompt overriding explain_stem

    def walk(self) -> Iterator[Point]:
        """Every point under this cause, depth first."""
        for point in self.points:
            yield from point.walk()


@dataclass(frozen=True)
class KeyTerm:
    term: str
    definition: str
    line: int
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    line: int
    known_as: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.known_as)


@dataclass(frozen=True)
class DatedEvent:
    date: str
    event: str
    line: int


@dataclass(frozen=True)
class Topic:
    """A whole notes file, validated."""

    slug: str  # file stem, names the output folder
    source: str  # path as given, for messages
    title: str
    subject: str
    question: str
    causes: tuple[Cause, ...]
    course: str | None = None
    level: str | None = None
    explain_stem: str | None = None
    language: str = "en"
    key_terms: tuple[KeyTerm, ...] = ()
    people: tuple[Person, ...] = ()
    dates: tuple[DatedEvent, ...] = ()

    def cause(self, cause_id: str) -> Cause:
        for cause in self.causes:
            if cause.id == cause_id:
                return cause
        raise KeyError(cause_id)


# --- questions -----------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """Fill in the blank: ``before ____ after``."""

    before: str
    after: str
    answer: str
    accept: tuple[str, ...] = ()
    source_id: str = ""


@dataclass(frozen=True)
class Match:
    """Match each lettered example to one numbered cause.

    ``key[i]`` is the index into ``causes`` of the cause that example ``i``
    belongs to.
    """

    causes: tuple[str, ...]
    examples: tuple[str, ...]
    key: tuple[int, ...]
    example_ids: tuple[str, ...] = ()
    left_label: str = "Cause"  # e.g. "Term" when matching terms to definitions
    right_label: str = "Example"  # e.g. "Definition"


@dataclass(frozen=True)
class Level:
    """One band of a levels-of-response mark scheme."""

    name: str
    low: int
    high: int
    descriptor: str


@dataclass(frozen=True)
class Extended:
    """A written answer marked against indicative content and levels."""

    lines: int  # ruled lines of answer space
    indicative: tuple[str, ...]
    levels: tuple[Level, ...]
    cause_id: str = ""
    stimulus: tuple[str, ...] = ()  # bullet points offered to the student
    indicative_against: tuple[str, ...] = ()  # "how far do you agree": the other side
    spag: tuple[Level, ...] = ()  # spelling, punctuation and grammar bands, if marked
    rules: tuple[str, ...] = ()  # marking rules, e.g. "stimulus only cannot reach Level 4"
    indicative_own: tuple[str, ...] = ()  # own knowledge beyond the stimulus (exam "explain why")
    starters: tuple[str, ...] = ()  # sentence starters printed for a support-tier student


@dataclass(frozen=True)
class Choice:
    """Multiple choice (also odd one out): exactly one option is right."""

    options: tuple[str, ...]
    correct: int  # index into options
    explanation: str = ""  # why the answer is right (mark scheme, self-test feedback)


@dataclass(frozen=True)
class TrueFalse:
    statement: str
    true: bool
    correction: str = ""  # for a false statement: the true version


@dataclass(frozen=True)
class ShortAnswer:
    """A short written answer with a model answer, e.g. "Define NKVD"."""

    answer: str
    accept: tuple[str, ...] = ()
    lines: int = 2


@dataclass(frozen=True)
class Sequence:
    """Put items in order: ``items`` as printed; ``order`` lists their indices in the right order."""

    items: tuple[str, ...]
    order: tuple[int, ...]


Body = Union[Gap, Match, Extended, Choice, TrueFalse, ShortAnswer, Sequence]


@dataclass(frozen=True)
class Question:
    """A question with everything needed to print, mark and export it."""

    id: str  # stable: strategy name + ids of the notes it came from
    strategy: str
    prompt: str
    marks: int
    body: Body
    answer: str  # the answer in one line, plain text
    guidance: tuple[str, ...] = ()  # how to award the marks
    cause_id: str | None = None
    number: int = 0  # set when the paper is assembled
    sources: tuple[str, ...] = ()  # ids of the points whose text the question shows


@dataclass(frozen=True)
class Section:
    """What one strategy produced: a titled group of questions."""

    strategy: str
    title: str
    instructions: str
    questions: tuple[Question, ...]
    word_bank: tuple[str, ...] = ()

    @property
    def marks(self) -> int:
        return sum(q.marks for q in self.questions)


@dataclass(frozen=True)
class Presentation:
    """How a paper is printed: its preset, tier and accessibility layers.

    The default is the plain worksheet, so a paper built without options
    renders exactly as before.
    """

    preset: str = ""  # e.g. "exam"; empty: no preset
    title: str = ""  # e.g. "Exam practice", printed on the paper
    minutes: int | None = None  # time allowance
    cover: bool = False  # a cover page with instructions and a marks grid
    instructions: tuple[str, ...] = ()  # replace the standard instructions when given
    tier: str = ""  # "support", "core" or "stretch"; empty: not tiered
    large_print: bool = False
    dyslexia_friendly: bool = False

    @property
    def is_default(self) -> bool:
        return self == Presentation()


@dataclass(frozen=True)
class Paper:
    """An assembled paper: the single source for worksheet and mark scheme."""

    topic: Topic
    seed: int
    sections: tuple[Section, ...]
    paper_size: str = "a4"
    strategies: tuple[str, ...] = field(default=())
    presentation: Presentation = field(default_factory=Presentation)

    @property
    def total_marks(self) -> int:
        return sum(s.marks for s in self.sections)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)
