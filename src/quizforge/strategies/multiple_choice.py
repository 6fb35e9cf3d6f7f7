"""Multiple choice: which reason an example supports, who someone was, what a term means.

Distractors come from the notes' own structure (other causes, other people,
other terms) and are filtered so that none is also correct.
"""

from __future__ import annotations

import random
from typing import Callable

from ..errors import NotEnoughMaterial
from ..quality.form import agrees, cue
from ..model import Question, Section, Topic
from ._pools import distinct, elaborations, examples_by_cause, first_sentence, make_choice, slug
from ._text import end_sentence, find_phrase, normalise
from .base import Options
from ._gates import few_repeats, fresh_first, in_turns, printable, reveals, shown_elsewhere, stem_echo
from ._glossary import gives_away, language
from .key_terms import capitalised_names, masked, mid_sentence, term_source

DEFAULT_COUNT = 6
MIN_OPTIONS = 3

Maker = Callable[[random.Random, int], Question]


def letter(i: int) -> str:
    return "ABCDEFGH"[i]


def _question(qid: str, prompt: str, right: str, wrong: list[str], rng: random.Random, n: int,
              explanation: str, cause_id: str | None = None, sources: tuple[str, ...] = ()) -> Question:
    wrong = alike_first(right, wrong, n - 1, rng)
    body = make_choice(right, wrong, rng, explanation)
    return Question(
        id=f"multiple-choice:{qid}", strategy="multiple-choice", prompt=prompt, marks=1, body=body,
        answer=f"{letter(body.correct)} {right}", guidance=("1 mark for the correct letter only.",), cause_id=cause_id,
        sources=sources,
    )


def alike_first(right: str, wrong: list[str], k: int, rng: random.Random) -> list[str]:
    """``k`` wrong options; where a plain draw would leave the answer the one plural, the one name or the one
    long option, drawn from those of the right one's form first (``quality.form.agrees``)."""
    chosen = rng.sample(wrong, min(k, len(wrong)))
    if not cue([right, *chosen], 0):
        return chosen  # the plain draw gives nothing away: kept, so papers without a cue stay as they were
    same = [w for w in wrong if agrees(right, w)]
    other = [w for w in wrong if w not in same]
    chosen = rng.sample(same, min(k, len(same)))
    return chosen + rng.sample(other, min(k - len(chosen), len(other)))


def cause_makers(topic: Topic, exclude: frozenset[str] = frozenset()) -> list[Maker]:
    """'Which reason does this example support?' The example belongs to exactly one cause.

    Examples already printed elsewhere on the paper (``exclude``) are not asked about.
    """
    makers: list[Maker] = []
    # title_free: an example repeating its cause's key words ("... wanted his rivals dead") gives the option away.
    for cause_id, points in examples_by_cause(topic, title_free=True).items():
        cause = topic.cause(cause_id)
        leaning = elaborations(cause)
        # printed elsewhere, or blanked elsewhere; or a line that says more about the point over it, whose
        # link to the reason runs through that point ('People were shot as a warning to others' under
        # 'Experts were blamed for problems in the mines, and shot'): alone it fits other reasons too
        points = [p for p in points if p.id not in exclude and p.id not in leaning]
        others = distinct([c.title for c in topic.causes if c.id != cause_id and normalise(c.title) != normalise(cause.title)])
        if len(others) + 1 < MIN_OPTIONS:
            continue
        for point in points:
            def make(rng, n, point=point, cause=cause, others=others):
                prompt = f"Which reason does this example support?\n\u201c{end_sentence(point.text)}\u201d"
                return _question(f"cause:{point.id}", prompt, cause.title, others, rng, n,
                                 f"The example is evidence for: {cause.title}.", cause.id, (point.id,))
            make.qid, make.source = f"cause:{point.id}", point.id
            makers.append(make)
    return makers


def person_makers(topic: Topic, avoid: frozenset[str] = frozenset()) -> list[Maker]:
    """'Who is described here?' Only roles that fit one person; no distractor shares the role.

    A person named in a point another question prints (or blanks) is not asked about: that
    point could give the answer away ("Kirov was the party boss in Leningrad").
    """
    roles = [normalise(p.role) for p in topic.people]
    printed = [p.text for c in topic.causes for p in c.walk() if p.id in avoid]
    makers: list[Maker] = []
    for person in topic.people:
        role = normalise(person.role)
        if roles.count(role) > 1 or any(find_phrase(person.role, name) for name in person.names):
            continue
        if any(find_phrase(text, name) for text in printed for name in person.names):
            continue
        others = distinct([p.name for p in topic.people if normalise(p.role) != role and p.name != person.name])
        if len(others) + 1 < MIN_OPTIONS:
            continue
        def make(rng, n, person=person, others=others):
            prompt = f"Who is described here?\n\u201c{end_sentence(person.role)}\u201d"
            return _question(f"who:{slug(person.name)}", prompt, person.name, others, rng, n,
                             f"{person.name}: {end_sentence(person.role)}", sources=(f"person:{slug(person.name)}",))
        make.qid, make.source = f"who:{slug(person.name)}", f"person:{slug(person.name)}"
        makers.append(make)
    return makers


def term_makers(topic: Topic, avoid: frozenset[str] = frozenset()) -> list[Maker]:
    """'What does X mean?' A distractor definition that mentions X could be argued right, so it is left out.

    Terms that another question asks about (key-terms matching or "define") are neither asked
    nor used as distractors, so this question never prints their answers.
    """
    makers: list[Maker] = []
    free = [t for t in topic.key_terms if term_source(t) not in avoid]
    lang = bool(language(topic))
    names = capitalised_names(topic)
    for term in free:
        if lang and gives_away(term, term.definition, True):  # 'sérieux': Serious picks itself
            continue
        forms = (term.term, *term.accept)
        others = distinct([
            masked(t) for t in free
            if t is not term and not any(find_phrase(t.definition, f) for f in forms) and printable(masked(t), "option")
        ])
        right = masked(term)  # the term's own name in its definition would give it away
        if not printable(right, "option"):
            continue
        others = [o for o in others if normalise(o) != normalise(right)]
        if len(others) + 1 < MIN_OPTIONS:
            continue
        def make(rng, n, term=term, right=right, others=others):
            asked = term.term if lang else mid_sentence(term.term, names)  # 'collectivisation', 'Politburo'
            return _question(f"term:{slug(term.term)}", f"What does \u2018{asked}\u2019 mean?", right, others, rng, n,
                             f"{term.term}: {term.definition}", sources=(term_source(term),))
        make.qid, make.source = f"term:{slug(term.term)}", term_source(term)
        makers.append(make)
    return makers


def interleave(groups: list[list[Maker]], rng: random.Random) -> list[Maker]:
    """Shuffle each kind, then take them in turn so a paper mixes the kinds."""
    groups = [g[:] for g in groups if g]
    for group in groups:
        rng.shuffle(group)
    out = []
    while groups:
        for group in groups:
            out.append(group.pop())
        groups = [g for g in groups if g]
    return out


class MultipleChoice:
    name = "multiple-choice"
    title = "Multiple choice"
    summary = "Which reason an example supports, who someone was, what a term means; distractors from the notes."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        avoid = options.exclude | options.hidden
        makers = interleave([cause_makers(topic, avoid), person_makers(topic, avoid), term_makers(topic, avoid)], rng)
        count = options.count or DEFAULT_COUNT
        makers = in_turns(makers, count, options.seed, "multiple-choice", key=lambda m: m.qid)
        makers = fresh_first(makers, options.previous, lambda m: m.source, self.name)  # seed 2 asks what seed 1 did not
        if len(makers) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: multiple choice needs at least three causes, three people with different roles "
                "or three key terms to make the wrong options from"
            )
        questions: list[Question] = []
        for make in makers:
            if len(questions) == count:
                break
            question = _apart(make, rng, options.choices, questions)
            if question is not None and _fair(question, options):
                questions.append(question)
        questions = few_repeats(questions, options.previous, lambda q: q.sources, self.name)
        if not questions:
            raise NotEnoughMaterial(f"{topic.source}: every multiple-choice question the notes allow would print "
                                    "or ask for an answer that another question on this paper holds")
        instructions = "For each question, circle the letter of the one correct answer."
        return Section(self.name, self.title, instructions, tuple(questions))


TRIES = 4


def _apart(make: Maker, rng: random.Random, n: int, made: list[Question]) -> Question | None:
    """The maker's question with no option that is another meaning question's answer, and no answer offered
    as another's wrong option (seeing a definition offered for one term rules it out for another)."""
    meanings = [q for q in made if q.id.startswith("multiple-choice:term:")]
    answers = {q.body.options[q.body.correct] for q in meanings}
    offered = {o for q in meanings for o in q.body.options}
    for _ in range(TRIES):
        question = make(rng, n)
        if not question.id.startswith("multiple-choice:term:"):
            return question
        right = question.body.options[question.body.correct]
        if right not in offered and not answers & set(question.body.options):
            return question
    return None


def _fair(question: Question, options: Options) -> bool:
    """Printable stem and options; none prints another question's answer; the right one is not shown elsewhere."""
    body = question.body
    if not printable(question.prompt, "stem") or not all(printable(o, "option") for o in body.options):
        return False
    if reveals(question.prompt, options.secrets) or any(reveals(o, options.secrets) for o in body.options):
        return False
    if not question.cause_id and stem_echo(question.prompt, body.options, body.correct):
        return False
    if cue(body.options, body.correct):  # the answer picked by its look: the only plural, name, long one
        return False
    right = body.options[body.correct]
    return not (len(right.split()) <= 4 and shown_elsewhere(right, options))


STRATEGY = MultipleChoice()
