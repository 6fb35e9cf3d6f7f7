"""Hand-built papers for the export tests: one question of every body type, full of awkward text."""

from __future__ import annotations

import dataclasses

from quizforge.model import (Cause, Choice, Extended, Gap, Level, Match, Paper, Point, Question, Section, Sequence,
                             ShortAnswer, Topic, TrueFalse)

# Accents, apostrophes, quotes, & < >, every GIFT special, a backslash, an HTML-looking tag, emoji.
NASTY = "Zoë's café & \"bar\" <b>1 < 2 > 0</b> ~ = # { } : \\ 🎉"

TOPIC = Topic(
    slug="nasty", source="nasty.yaml", title="Café & <Co>: 1930s/40s 🎉", subject="History",
    question=f"Why? {NASTY}",
    causes=(Cause("money", f"Money :: {NASTY}", 3, (Point("money.1", "Heat cost £300.", 4),)),
            Cause("staff", "Staff — «quit» / left", 5, (Point("staff.1", "Nobody applied.", 6),))),
)

GAP = Gap(before=f"Before {NASTY} ", after=f" after {NASTY}.", answer="Café ~= {x}: 🎉 *", accept=("cafe",),
          source_id="money.1")
MATCH = Match(causes=(f"Cause one {NASTY}", "Cause two — ünïcödé", "Unused cause & <spare>"),
              examples=(f"Example A {NASTY}", "Example B 'quoted'", "=SUM(A1) example C"), key=(0, 1, 0),
              example_ids=("money.1", "staff.1", "money.2"))
EXTENDED = Extended(lines=12, indicative=(f"Point one {NASTY}", "Point two"), cause_id="staff",
                    levels=(Level("Level 1", 1, 3, f"Simple {NASTY}"), Level("Level 2", 4, 6, "Developed")),
                    stimulus=(f"Stimulus {NASTY}",), rules=("Stimulus only cannot reach Level 2.",))
CHOICE = Choice(options=(f"Option A {NASTY}", "+Option B", "Option C — right", "@Option D"), correct=2,
                explanation=f"Because {NASTY}")
TRUEFALSE = TrueFalse(statement=f"The statement {NASTY}", true=False, correction=f"Really: {NASTY}")
SHORT = ShortAnswer(answer="N.K.V.D. & co", accept=("NKVD", "the NKVD"))
LONG = ShortAnswer(answer=f"The Soviet secret police, who arrested and interrogated suspects {NASTY}", lines=3)
SEQUENCE = Sequence(items=(f"Third {NASTY}", "First", "Fourth 🎉", "Second"), order=(1, 3, 0, 2))

BODIES = {"gap": GAP, "match": MATCH, "extended": EXTENDED, "choice": CHOICE, "truefalse": TRUEFALSE,
          "short": SHORT, "long": LONG, "sequence": SEQUENCE}


def question(name: str, number: int) -> Question:
    body = BODIES[name]
    cause = {"gap": "money", "choice": "money", "truefalse": "staff", "extended": "staff"}.get(name)
    return Question(id=f"{name}:{number}", strategy=name, prompt=f"Prompt for {name}: {NASTY}", marks=3 if name != "gap" else 1,
                    body=body, answer=f"one-line answer {NASTY}", guidance=(f"Guidance {NASTY}",), cause_id=cause,
                    number=number)


def nasty_paper(names: tuple[str, ...] = tuple(BODIES)) -> Paper:
    questions = tuple(question(name, n) for n, name in enumerate(names, 1))
    section = Section("mixed", f"Mixed {NASTY}", f"Instructions {NASTY}", questions)
    return Paper(topic=TOPIC, seed=7, sections=(section,), strategies=("mixed",))


def with_body(paper: Paper, body) -> Paper:
    """The paper with its first question's body replaced (e.g. by an unknown type)."""
    section = paper.sections[0]
    first = dataclasses.replace(section.questions[0], body=body)
    return dataclasses.replace(paper, sections=(dataclasses.replace(section, questions=(first, *section.questions[1:])),))
