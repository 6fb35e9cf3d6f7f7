"""Exam-style "How far do you agree?": a statement about one cause, judged against the others."""

from __future__ import annotations

import random

from ..model import Extended, Question, Section, Topic
from . import _enquiry, _reasons
from ._exam import bullet_source, points_of, profile_for, stimulus, subject_skills, summary_of, usable_causes
from ._gates import in_turns
from ._text import lower_first
from .base import Options

DEFAULT_PROFILE = "how-far-16"


def statement_for(title: str, enquiry: str | None = None, tense: str = "past", owner: str | None = None) -> str:
    """The statement to judge, with the enquiry as a clause where the notes' question can be read:
    'The main reason why Stalin carried out the Purges was to cover up problems in the economy.',
    'Membership was the main reason why the League of Nations failed.'; without it,
    'The main reason was to remove old rivals ...'."""
    title = _reasons.named_thing(title.strip().rstrip("."))
    if enquiry is None:
        return f"The main reason was {lower_first(title)}."
    was = "was" if tense == "past" else "is"
    if _reasons.is_category(title) and _reasons.can_own(owner):  # 'Membership' -> '... failed was its membership.'
        return f"The main reason {enquiry} {was} {_reasons.whose(title, owner, named=True)}."
    if _reasons.kind(title) == "topic":
        topic = _reasons.noun_phrase(title)
        return f"{topic[0].upper()}{topic[1:]} {was} the main reason {enquiry}."
    return f"The main reason {enquiry} {was} {_reasons.phrase(title)}."


def enquiry_clause(topic: Topic) -> str | None:
    """'why Stalin carried out the Purges', from the question or else the explain_stem."""
    found = _enquiry.clause(topic.question) if topic.question else None
    stem = (topic.explain_stem or "").strip().rstrip(" .")
    if found is None and stem.lower().startswith(("explain why ", "explain how ")):
        found = stem[len("explain "):]
    return found


def prompt_for(topic: Topic, title: str) -> str:
    enquiry = enquiry_clause(topic)
    tense = _enquiry.tense_of(topic.question) if _enquiry.clause(topic.question or "") else "past"
    statement = statement_for(title, enquiry, tense, _enquiry.subject(topic.question or ""))
    if enquiry is None:
        return f"\u201c{topic.question}\u201d\n\u2018{statement}\u2019\nHow far do you agree? Explain your answer."
    return f"\u2018{statement}\u2019\nHow far do you agree? Explain your answer."


class HowFar:
    name = "how-far"
    title = "How far do you agree? (exam style)"
    summary = "A 16-mark 'How far do you agree?' (+4 SPaG) on one cause as the main reason, with a levels mark scheme."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        profile = profile_for(options, DEFAULT_PROFILE, "judgement")
        causes = usable_causes(topic, profile, "'how far do you agree'")
        # the statement's reason is not one another question's bullets already give, where the notes allow
        unused = [c for c in causes if bullet_source(c) not in options.exclude]
        main = in_turns(unused if len(unused) > profile.stimulus else causes, 1, options.seed, "how-far",
                        key=lambda c: c.id)[0]
        others = [c for c in causes if c is not main]
        # The statement names the main reason already: the bullets offer others to weigh against it, and
        # where the notes allow, not the ones another question's bullets give (the same two under both
        # essays let a student write one answer twice).
        fresh = [c for c in others if bullet_source(c) not in options.exclude]
        pool = fresh if len(fresh) >= profile.stimulus else others
        bullets = rng.sample(pool, min(profile.stimulus, len(pool))) if profile.stimulus else []
        body = Extended(
            lines=profile.lines,
            indicative=points_of(main),
            indicative_against=tuple(summary_of(c) for c in others),
            levels=profile.levels,
            stimulus=tuple(stimulus(c) for c in sorted(bullets, key=causes.index)),
            spag=profile.spag,
            rules=profile.rules, skills=subject_skills(topic, "judgement"),
            starters=profile.starters if options.starters else (),
        )
        question = Question(
            id=f"how-far:{profile.name}:{main.id}", strategy=self.name,
            prompt=prompt_for(topic, main.title),
            marks=profile.marks + profile.spag_marks, body=body,
            answer=f"A justified judgement on whether '{main.title}' was the main reason, weighed against the others.",
            guidance=profile.guidance, cause_id=main.id, sources=tuple(bullet_source(c) for c in bullets),
        )
        instructions = "Answer in full sentences. Plan your answer before you start; leave time to check your writing."
        return Section(self.name, self.title, instructions, (question,))


STRATEGY = HowFar()
