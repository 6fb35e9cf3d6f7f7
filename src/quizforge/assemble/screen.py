"""The last pass over every question the strategies made, whichever strategy made it.

Each text a student sees (stems, gap sentences, matching items, options, statements, stimulus
bullets) must pass the quality check for its role, and so must the indicative content of a mark
scheme. No question may print what another question asks for. A question that fails is left out
(indicative lines that fail are dropped from the mark scheme), and a warning says why, with the
rule codes, so ``quizforge review`` and ``build`` can tell the teacher.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import quality
from ..strategies._gates import stem_echo
from ..model import Choice, Extended, Gap, Match, Question, Section, Sequence, ShortAnswer, TrueFalse

MIN_INDICATIVE = 2
NAME_WORDS = 4  # a sequence item this short is a name (a stage), not a sentence
DEFINITION_GAP = re.compile(r"^\s*[\u2014\u2013-]\s+(.+)$")
SECRET_WORDS = 4
ENGLISH_ONLY = frozenset({"Q401"})  # spelling: a French word is no English misspelling  # a correct option this short (a name, a term) is an answer no other question may print


def printed(question: Question) -> Iterator[tuple[str, str]]:
    """(role, text) for everything the student sees in ``question``.

    A question built on quotations (its sources name ``quote:`` ids) prints them as quotations: its
    gap sentence, matching items and the lines of its prompt after the first.
    """
    quoted = any(s.startswith("quote:") for s in question.sources)
    first, *rest = question.prompt.split("\n") if quoted else [question.prompt]
    yield "stem", first
    yield from (("quotation", line) for line in rest)
    body = question.body
    if isinstance(body, Gap):
        definition = DEFINITION_GAP.match(body.after)
        if definition and not body.before.strip():  # "_____ — When water sinks into the soil." (a term's gap)
            yield "term", body.answer
            yield "option", definition.group(1)
        else:
            yield "quotation" if quoted else "statement", body.before + body.answer + body.after
    elif isinstance(body, Match):
        left, right = body.left_label.lower(), body.right_label.lower()
        if left == "term" or left.endswith(" word"):  # key terms ('French word'): definitions may be phrases
            yield from (("term", c) for c in body.causes)
            yield from (("option", e) for e in body.examples)
        elif left == "cause":  # reasons: titles read as options, examples as sentences
            yield from (("option", c) for c in body.causes)
            yield from (("statement", e) for e in body.examples)
        else:  # named groups (case studies, categories, effects): names; the items are sentences, or changes
            yield from (("term", c) for c in body.causes)
            item = "quotation" if quoted else "option" if right in ("change", "factor") else "statement"
            yield from ((item, e) for e in body.examples)
    elif isinstance(body, Choice):
        yield from (("option", o) for o in body.options)
    elif isinstance(body, TrueFalse):
        yield "statement", body.statement
    elif isinstance(body, Sequence):  # events are sentences; stage names ("Anaphase") are names
        yield from (("term" if len(quality.words.tokens(i)) <= NAME_WORDS else "statement", i) for i in body.items)
    elif isinstance(body, Extended):
        yield from (("option", s) for s in body.stimulus)


def shown_text(question: Question) -> list[str]:
    """What the student reads, with blanks left blank (a gap's answer is not shown)."""
    body = question.body
    out = [question.prompt]
    if isinstance(body, Gap):
        return out + [body.before + " " + body.after]
    out += [text for role, text in printed(question) if role != "stem"]
    return out


def secrets(question: Question) -> tuple[str, ...]:
    """Words the question asks for: printed anywhere else on the paper, they give it away."""
    body = question.body
    if isinstance(body, Gap):
        return (body.answer, *body.accept)
    if isinstance(body, Choice):
        if question.cause_id:  # the answer is a reason's title, which other questions print by design
            return ()
        if question.strategy == "which-first":  # an event printed elsewhere tells no order: ordered_items checks that
            return ()
        right = body.options[body.correct]
        return (right,) if len(quality.words.tokens(right)) <= SECRET_WORDS else ()
    if isinstance(body, ShortAnswer):
        return (body.answer,) if len(quality.words.tokens(body.answer)) <= SECRET_WORDS else ()
    return ()


def sentences(question: Question) -> tuple[str, ...]:
    """Whole sentences the question asks a student to judge or recall: printed elsewhere, they give it away."""
    body = question.body
    if isinstance(body, TrueFalse):
        return (body.correction or body.statement,)
    if isinstance(body, ShortAnswer) and len(quality.words.tokens(body.answer)) > SECRET_WORDS:
        return (body.answer,)
    return ()


def pairs(question: Question) -> tuple[tuple[str, str], ...]:
    """(left, right) pairs a matching question asks for: printed together elsewhere, they give it away
    ('1914: H.G. Moseley showed ...' beside a question matching events to their dates)."""
    body = question.body
    # Quotation questions print a quotation with its theme by design (who-says asks about it): left to them.
    if not isinstance(body, Match) or any(s.startswith("quote:") for s in question.sources):
        return ()
    return tuple((body.causes[k], body.examples[j]) for j, k in enumerate(body.key)
                 if body.causes[k].strip() and len(quality.words.tokens(body.examples[j])) >= 2)


def mark_points(question: Question) -> tuple[str, ...]:
    """The creditworthy points of a point-marked answer, each a mark: printed elsewhere ('Name the factor that
    affects both thinking distance and braking distance' beside a definition credited 'Thinking distance and
    braking distance'), that mark is given away. A one-word point is left to ``secrets``."""
    body = question.body
    if not isinstance(body, ShortAnswer):
        return ()
    return tuple(p for p in body.points if len(quality.words.tokens(p)) >= 2)


def ordered_items(question: Question) -> frozenset[str]:
    """The events whose order a question asks: a sequence's items, a 'which came first' question's options,
    the events a question matches to their dates. Two questions that share two of them give each other away
    (the order of the one answers the other; the dates of two events tell which came first)."""
    body = question.body
    # Known by their dated events where the question names them (people put in the order of their work are
    # their events), by their printed text otherwise.
    dated = frozenset(s for s in question.sources if s.startswith("date:"))
    if isinstance(body, Sequence):
        return dated or frozenset(" ".join(i.lower().split()) for i in body.items)
    if isinstance(body, Match) and body.left_label.lower() == "date":  # the spare date's event is not printed
        return frozenset(body.example_ids) or frozenset(" ".join(e.lower().split()) for e in body.examples)
    if isinstance(body, Choice) and question.strategy == "which-first":
        return dated or frozenset(" ".join(o.lower().split()) for o in body.options)
    return frozenset()


def first_sentences(question: Question) -> tuple[str, ...]:
    """The first sentence of the meaning a key-term question asks for ("Define ...", "What does ... mean?"): printed anywhere
    else (as a wrong option, a clue), it tells the student what to write or which option is right."""
    body = question.body
    if not any(s.startswith("term:") for s in question.sources):  # meanings are asked about key terms
        return ()
    if isinstance(body, ShortAnswer):
        found = _first_sentence(body.answer)
    elif isinstance(body, Choice) and not question.cause_id:
        found = _first_sentence(body.options[body.correct])
    else:
        return ()
    return (found,) if len(quality.words.tokens(found)) > SECRET_WORDS else ()


def _first_sentence(text: str) -> str:
    found = re.match(r"(.+?[.!?])(\s+[A-Z]|$)", " ".join(text.split()))
    return found.group(1) if found else text


def echoes_stem(question: Question) -> str:
    """A choice whose right option alone shares a distinctive word with the stem: the word picks the answer."""
    body = question.body
    if not isinstance(body, Choice) or question.cause_id:
        return ""
    word = stem_echo(question.prompt, body.options, body.correct)
    return f"only the right option shares '{word}' with the stem" if word else ""


def _norm(text: str) -> str:
    # Words keep trailing + and # ("C++", "C#"): they are what tells such answers apart.
    return " " + " ".join(re.findall(r"\w[\w+#]*", text.lower())) + " "


def _contains(text: str, phrase: str) -> bool:
    phrase = _norm(phrase)
    return phrase.strip() != "" and phrase in _norm(text)


def _beyond_options(question: Question) -> list[str]:
    """What the student reads other than a multiple choice's options."""
    options = set(question.body.options) if isinstance(question.body, Choice) else set()
    return [t for t in shown_text(question) if t not in options]


def _wrong_options(question: Question) -> set[str]:
    """A multiple choice's wrong options."""
    body = question.body
    if not isinstance(body, Choice):
        return set()
    return {o for i, o in enumerate(body.options) if i != body.correct} - {body.options[body.correct]}


@dataclass
class Ledger:
    """What the questions kept so far print and ask for.

    Multiple-choice questions may offer the same options ("Which case study does this describe?"
    with the case studies every time): an option printed among options gives no answer away, so a
    choice's right answer is only checked against what other questions print outside their options.
    """

    shown: list[str] = dataclasses.field(default_factory=list)
    asked: list[str] = dataclasses.field(default_factory=list)
    recalled: list[str] = dataclasses.field(default_factory=list)
    shown_beyond_options: list[str] = dataclasses.field(default_factory=list)
    asked_by_choice: list[str] = dataclasses.field(default_factory=list)
    paired: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    # Words a word bank prints: a blank's answer there is on the page already, so a multiple choice may
    # offer it as a wrong option ('Groundwater storage' beside 'Surface storage'), though not as its answer.
    banked: list[str] = dataclasses.field(default_factory=list)
    defined: list[str] = dataclasses.field(default_factory=list)
    ordered: list[frozenset[str]] = dataclasses.field(default_factory=list)
    points: list[str] = dataclasses.field(default_factory=list)
    # The notes' branch titles (causes, case studies, groups) are printed as options and headings by
    # design; a question whose answer is one tests which branch a fact belongs to, which no title gives away.
    titles: frozenset[str] = frozenset()

    def secrets_of(self, question: Question) -> tuple[str, ...]:
        return tuple(s for s in secrets(question) if s.strip() and s not in self.titles)

    def conflict(self, question: Question) -> str:
        mine = shown_text(question)
        plain = _beyond_options(question)
        offered_wrong = _wrong_options(question)
        for secret in self.asked:
            if secret in self.asked_by_choice:
                looked = plain
            elif secret in self.banked:
                looked = [t for t in mine if t not in offered_wrong]
            else:
                looked = mine
            if any(_contains(t, secret) for t in looked):
                return f"prints '{secret}', the answer to another question"
        for secret in self.secrets_of(question):
            looked = self.shown_beyond_options if isinstance(question.body, Choice) else self.shown
            if any(_contains(t, secret) for t in looked):
                return f"its answer '{secret}' is printed in another question"
        for sentence in self.recalled:
            if any(_contains(t, sentence) for t in mine):
                return "prints a sentence another question asks about"
        for sentence in sentences(question):
            if any(_contains(t, sentence) for t in self.shown):
                return "another question prints the sentence it asks about"
        for point in self.points:
            if any(_contains(t, point) for t in mine):
                return f"prints '{_short(point, 30)}', a mark point of another question"
        for point in mark_points(question):
            if point not in self.titles and any(_contains(t, point) for t in self.shown):
                return f"another question prints its mark point '{_short(point, 30)}'"
        mine_ordered = ordered_items(question)
        if any(len(mine_ordered & theirs) >= 2 for theirs in self.ordered):
            return "asks the order of events another question puts in order"
        return self._pair_conflict(question, mine)

    def _pair_conflict(self, question: Question, mine: list[str]) -> str:
        """Pairs a matching question asks for, and the definitions a question asks for, printed elsewhere."""
        for left, right in self.paired:
            if any(_contains(t, left) and _contains(t, right) for t in mine):
                return f"prints '{_short(left, 20)}' with what another question matches it to"
        for left, right in pairs(question):
            if any(_contains(t, left) and _contains(t, right) for t in self.shown):
                return f"another question prints '{_short(left, 20)}' with what this one matches it to"
        # Even as a wrong option: the student who sees it offered for another term can rule that term out.
        for sentence in self.defined:
            if any(_contains(t, sentence) for t in mine):
                return "prints the meaning another question asks for"
        for sentence in first_sentences(question):
            if any(_contains(t, sentence) for t in self.shown):
                return "another question prints the meaning it asks for"
        return ""

    def add(self, question: Question) -> None:
        self.shown += shown_text(question)
        self.shown_beyond_options += _beyond_options(question)
        self.asked += list(self.secrets_of(question))
        if isinstance(question.body, Choice):
            self.asked_by_choice += list(self.secrets_of(question))
        self.recalled += [s for s in sentences(question) if s.strip()]
        self.points += [p for p in mark_points(question) if p not in self.titles]
        self.paired += list(pairs(question))
        self.defined += [s for s in first_sentences(question) if s.strip()]
        if ordered_items(question):
            self.ordered.append(ordered_items(question))


def _quality(question: Question, foreign: frozenset[str] = frozenset()) -> tuple[Question | None, str]:
    """The question with failing mark-scheme lines dropped, or None and why it cannot be printed.

    Words of the language a paper teaches (``foreign``: 'gentil(le)', 'J'ai hâte') are checked as
    terms are, but not for English spelling."""
    for role, text in printed(question):
        if text.strip() in foreign:
            found = tuple(f for f in quality.check(text, "term") if f.code not in ENGLISH_ONLY)
        else:
            found = quality.check(text, role)
        if found:
            codes = ",".join(f.code for f in found)
            return None, f"{codes} in '{_short(text)}'"
    body = question.body
    if isinstance(body, ShortAnswer) and body.points:  # creditworthy points: phrases, but no scraps
        keep = tuple(t for t in body.points if quality.creditable(_unquoted(t), phrase=True))
        # A mark a point: the tariff must stay reachable. Marked by developed reasons ('Explain two ...',
        # fewer points than marks by design): two points must stay.
        one_each = len(body.points) >= question.marks
        if not keep or len(keep) < (question.marks if one_each else min(2, len(body.points))):
            return None, "its mark scheme has too few creditworthy points left for its marks"
        if keep != body.points:
            question = dataclasses.replace(question, body=dataclasses.replace(body, points=keep))
    if isinstance(body, Extended) and body.indicative:
        keep = tuple(t for t in body.indicative if quality.creditable(_unquoted(t)))
        own = tuple(t for t in body.indicative_own if quality.creditable(_unquoted(t)))
        against = tuple(t for t in body.indicative_against if quality.creditable(_unquoted(t)))
        if len(keep) < min(MIN_INDICATIVE, len(body.indicative)):
            return None, "its mark scheme has too few points that are full sentences"
        if (keep, own, against) != (body.indicative, body.indicative_own, body.indicative_against):
            body = dataclasses.replace(body, indicative=keep, indicative_own=own, indicative_against=against)
            question = dataclasses.replace(question, body=body)
    return question, ""


def _unquoted(text: str) -> str:
    """A mark-scheme line with the quotations in it ('‘Out, out damned spot’ shows ...') stood in for:
    a writer's words are not checked for grammar or spelling."""
    return re.sub(r"\u2018[^\u2018]*?\u2019(?=[\s,.;:)]|$)", "The line", text)


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "\u2026"


RANGE_OF_TWO = re.compile(r"\b(A to B|1 to 2)\b")


def tidy_ranges(question: Question) -> Question:
    """'Match each definition, A to B, ...' reads 'A and B' (and 'numbered 1 to 2', '1 and 2'): a range of two."""
    prompt = RANGE_OF_TWO.sub(lambda m: m[1].replace(" to ", " and "), question.prompt)
    return question if prompt == question.prompt else dataclasses.replace(question, prompt=prompt)


def screen_section(section: Section, ledger: Ledger,
                   foreign: frozenset[str] = frozenset()) -> tuple[Section, list[str]]:
    """The section with every question that fails a gate left out, and a warning for each."""
    kept, warnings = [], []
    for question in section.questions:
        checked, why = _quality(question, foreign)
        if checked is None:
            warnings.append(f"{section.strategy}: left out a question: {why}")
            continue
        clash = echoes_stem(checked) or ledger.conflict(checked)
        if clash:
            warnings.append(f"{section.strategy}: left out a question that would give another away: {clash}")
            continue
        checked = tidy_ranges(checked)
        ledger.add(checked)
        kept.append(checked)
    if kept and section.word_bank:
        ledger.banked += list(section.word_bank)
    return dataclasses.replace(section, questions=tuple(kept)), warnings
