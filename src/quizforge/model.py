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


# The kinds of branch a notes file can hold, by the key they are listed under.
BRANCH_KINDS = {
    "causes": "reason", "themes": "theme", "characters": "character", "factors": "factor",
    "stages": "stage", "categories": "category", "cases": "case",
}


@dataclass(frozen=True)
class Quotation:
    """A quotation: the words, who says them (or which text), and what they show.

    ``speaker`` is who says the words, as the notes state it; ``character`` is a character the notes
    file them under (about them, or said to or by them: the notes do not say which). Only ``speaker``
    may be asked for or printed as who says them.
    """

    id: str
    quote: str  # without quote marks
    line: int
    speaker: str = ""
    shows: str = ""
    branch_id: str = ""  # the theme or character it belongs to, if any
    accept: tuple[str, ...] = ()
    character: str = ""


@dataclass(frozen=True)
class Aspect:
    """One heading of a case study ("Effects") with its points."""

    heading: str
    points: tuple[Point, ...]
    line: int

    def walk(self) -> Iterator[Point]:
        for point in self.points:
            yield from point.walk()


@dataclass(frozen=True)
class Cause:
    """A first-level branch of the notes.

    ``kind`` says what it is: a reason answering the enquiry question (the original shape), a theme,
    a character, a factor, a stage of a process, a category or a case study. Fields that only one
    kind uses are empty for the others.
    """

    id: str
    title: str
    line: int
    points: tuple[Point, ...]
    explain: str | None = None  # full prompt overriding explain_stem
    kind: str = "reason"  # reason | theme | character | factor | stage | category | case
    quotes: tuple[Quotation, ...] = ()  # themes and characters
    change: str = ""  # factors: "Increasing the temperature"
    effect: str = ""  # factors: "increases the rate of reaction"
    mechanism: tuple[str, ...] = ()  # factors: the steps explaining the effect, in order
    aspects: tuple[Aspect, ...] = ()  # case studies: "Causes", "Effects", ...
    affects: str = ""  # factors grouped by what they affect: "braking distance"

    def walk(self) -> Iterator[Point]:
        """Every point under this branch (its aspects' too), depth first."""
        for point in self.points:
            yield from point.walk()
        for aspect in self.aspects:
            yield from aspect.walk()


Branch = Cause  # the general name; ``Cause`` stays for the original reasons shape


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
class ItemList:
    """A titled list of short items to recall, such as "Conditions for the Haber process" and its three conditions."""

    id: str
    title: str
    items: tuple[Point, ...]
    line: int


@dataclass(frozen=True)
class Equation:
    """A word or symbol equation as the notes write it ("Nitrogen + hydrogen ⇌ ammonia"); see equations.py."""

    id: str
    text: str
    line: int


@dataclass(frozen=True)
class Topic:
    """A whole notes file, validated.

    ``causes`` holds the reasons branches (the original shape); ``branches`` every other kind, in file
    order. Strategies look for the material they need (``stages``, ``factors``, ``all_quotations()``,
    ``key_terms``, ``dates`` ...), never at ``shape``.
    """

    slug: str  # file stem, names the output folder
    source: str  # path as given, for messages
    title: str
    subject: str  # "" when the notes do not say
    question: str  # the enquiry question; "" when the notes have none
    causes: tuple[Cause, ...]
    course: str | None = None
    level: str | None = None
    explain_stem: str | None = None
    language: str = "en"
    key_terms: tuple[KeyTerm, ...] = ()
    people: tuple[Person, ...] = ()
    dates: tuple[DatedEvent, ...] = ()
    shape: str = "reasons"  # as declared in the notes, or inferred from what they hold
    branches: tuple[Cause, ...] = ()  # themes, characters, factors, stages, categories, cases
    quotations: tuple[Quotation, ...] = ()  # the top-level list; see all_quotations()
    process: str = ""  # what the stages describe, in running text ("mitosis")
    outcome: str = ""  # what the factors affect, in running text ("the yield of ammonia")
    lists: tuple[ItemList, ...] = ()  # short lists to recall ("Conditions for ...")
    equations: tuple[Equation, ...] = ()

    def cause(self, cause_id: str) -> Cause:
        for cause in self.groups:
            if cause.id == cause_id:
                return cause
        raise KeyError(cause_id)

    @property
    def groups(self) -> tuple[Cause, ...]:
        """Every branch, of every kind: reasons first, then the others in file order."""
        return self.causes + self.branches

    def of_kind(self, *kinds: str) -> tuple[Cause, ...]:
        return tuple(b for b in self.groups if b.kind in kinds)

    @property
    def stages(self) -> tuple[Cause, ...]:
        return self.of_kind("stage")

    @property
    def factors(self) -> tuple[Cause, ...]:
        return self.of_kind("factor")

    @property
    def themes(self) -> tuple[Cause, ...]:
        """Themes and characters."""
        return self.of_kind("theme", "character")

    @property
    def cases(self) -> tuple[Cause, ...]:
        return self.of_kind("case")

    @property
    def categories(self) -> tuple[Cause, ...]:
        return self.of_kind("category")

    def all_quotations(self) -> tuple[Quotation, ...]:
        """Quotations nested under themes and characters, then the top-level ones."""
        return tuple(q for b in self.themes for q in b.quotes) + self.quotations

    def walk(self) -> Iterator[Point]:
        """Every point in every branch, depth first."""
        for branch in self.groups:
            yield from branch.walk()


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
    skills: tuple[str, ...] = ()  # what the subject rewards (its subject profile), printed apart from the content


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
    # Point-based marking (sciences, geography, ...): each creditworthy point, one mark each unless the
    # question's guidance says otherwise; answers not to accept. Empty: marked against ``answer``.
    points: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


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
    no_tint: bool = False  # dyslexia-friendly without the cream tint, for black-and-white copiers

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
    # For the teacher, printed on the mark scheme only: why the paper is short and what the notes would need.
    short_note: tuple[str, ...] = ()

    @property
    def total_marks(self) -> int:
        return sum(s.marks for s in self.sections)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)
