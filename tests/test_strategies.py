"""Every strategy, on every notes file we have, over many seeds: the invariants hold."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.assemble import assemble, strategy_rng
from quizforge.errors import NotEnoughMaterial
from quizforge.load import load_notes, parse_notes
from quizforge.model import Extended, Gap, Match
from quizforge.strategies import DEFAULT_STRATEGIES, Options, available, get
from quizforge.strategies._text import STOP_WORDS, find_phrase, normalise

from .conftest import MINIMAL, all_sources

SEEDS = range(40)
TOPICS = [load_notes(p) for p in all_sources()]


def notes_texts(topic):
    return [p.text for c in topic.causes for p in c.walk()]


def check_gap(topic, q):
    gap: Gap = q.body
    sentence = gap.before + gap.answer + gap.after
    assert any(normalise(sentence) == normalise(t) for t in notes_texts(topic)), "the sentence comes from the notes"
    assert gap.answer.lower() not in STOP_WORDS
    rest = gap.before + " " + gap.after
    assert not find_phrase(rest, gap.answer), "the rest of the sentence must not give the answer away"
    assert q.marks == 1


def check_match(topic, q):
    m: Match = q.body
    assert len(m.examples) == len(m.key) and len(set(m.examples)) == len(m.examples)
    assert set(m.key) == set(range(len(m.causes))), "every cause is used at least once"
    titles = {c.title: c for c in topic.causes}
    for example, k in zip(m.examples, m.key):
        owners = [c for c in topic.causes if any(normalise(p.text) == normalise(example) for p in c.walk())]
        assert [c.title for c in owners] == [m.causes[k]], "each example belongs to exactly one cause: the keyed one"
    assert all(c in titles for c in m.causes)
    assert q.marks == len(m.examples)


def check_extended(topic, q):
    e: Extended = q.body
    cause = topic.cause(e.cause_id)
    assert e.indicative and all(any(normalise(i) == normalise(p.text) for p in cause.walk()) for i in e.indicative)
    assert e.levels[0].low == 1 and e.levels[-1].high == q.marks
    assert all(a.high + 1 == b.low for a, b in zip(e.levels, e.levels[1:]))
    assert e.lines >= q.marks
    assert q.prompt.endswith((".", "?"))


CHECKS = {Gap: check_gap, Match: check_match, Extended: check_extended}


@pytest.mark.parametrize("topic", TOPICS, ids=[t.slug for t in TOPICS])
@pytest.mark.parametrize("name", list(available()))
def test_sweep_seeds(topic, name):
    for seed in SEEDS:
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), Options())
        except NotEnoughMaterial:
            continue
        assert section.questions
        ids = [q.id for q in section.questions]
        assert len(ids) == len(set(ids)), "no question twice"
        for q in section.questions:
            assert q.strategy == name
            CHECKS[type(q.body)](topic, q)
        if section.word_bank:
            answers = {q.body.answer.lower() for q in section.questions}
            bank = [w.lower() for w in section.word_bank]
            assert answers <= set(bank) and len(bank) == len(set(bank))


def test_same_seed_same_paper_and_different_seed_differs(purges):
    a = assemble(purges, 7, DEFAULT_STRATEGIES).paper
    b = assemble(purges, 7, DEFAULT_STRATEGIES).paper
    c = assemble(purges, 8, DEFAULT_STRATEGIES).paper
    assert a == b
    assert a.questions != c.questions
    assert [q.number for q in a.questions] == list(range(1, len(a.questions) + 1))


def test_fill_blank_uses_teacher_blanks_and_accepts(purges):
    section = get("fill-blank").generate(purges, random.Random(1), Options(count=20))
    by_answer = {q.body.answer: q for q in section.questions}
    assert "Stakhanovites" in by_answer
    assert "Stakhanovite workers" in by_answer["Stakhanovites"].body.accept
    assert len(section.questions) >= 10


def test_fill_blank_without_word_bank(purges):
    section = get("fill-blank").generate(purges, random.Random(1), Options(word_bank=False))
    assert section.word_bank == () and "word bank" not in section.instructions


def test_fill_blank_never_blanks_a_word_that_stays_visible():
    topic = parse_notes(MINIMAL.replace("Heat makes particles move faster.", "Heat heats the heat sink.")
                        + "key_terms:\n  - term: heat\n    definition: Energy that flows.\n  - term: pressure\n    definition: Force per area.\n  - term: particles\n    definition: Tiny bits.\n")
    for seed in range(20):
        try:
            section = get("fill-blank").generate(topic, random.Random(seed), Options())
        except NotEnoughMaterial:
            continue
        for q in section.questions:
            assert not (q.body.answer.lower() == "heat" and "Heat heats" in q.body.before + q.body.answer + q.body.after)


def test_match_has_one_answer_even_when_a_point_repeats():
    text = MINIMAL.replace("      - Pressure pushes particles closer together.\n",
                           "      - Pressure pushes particles closer together.\n      - Faster particles collide more often.\n")
    topic = parse_notes(text)
    for seed in range(20):
        q = get("match").generate(topic, random.Random(seed), Options()).questions[0]
        assert "Faster particles collide more often." not in q.body.examples


def test_explain_prompt_uses_the_stem(purges):
    q = get("explain").generate(purges, random.Random(3), Options(count=5)).questions
    assert {x.prompt for x in q} >= {"Explain why Stalin used the Purges to cover up problems in the economy."}


def test_strategy_short_of_material_says_so():
    topic = parse_notes(MINIMAL)
    with pytest.raises(NotEnoughMaterial, match="fill-in-the-blank needs"):
        get("fill-blank").generate(topic, random.Random(1), Options())
    result = assemble(topic, 1, DEFAULT_STRATEGIES, required=False)
    assert "fill-blank" not in result.paper.strategies and result.skipped


words = st.text(alphabet="abcdefghij ", min_size=3, max_size=40).filter(lambda s: re.search(r"\w{3}", s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(words, min_size=1, max_size=4), min_size=2, max_size=5), st.integers(0, 10_000))
def test_strategies_on_generated_notes(causes, seed):
    import json
    lines = ["title: T", "subject: S", "question: Q?", "causes:"]
    for i, points in enumerate(causes):
        lines += [f"  - title: Cause {i}", "    points:"] + [f"      - {json.dumps(p)}" for p in points]
    lines += ["key_terms:", "  - term: abc", "    definition: d", "people:", "  - name: Bob Jig", "    role: r", "    known_as: [Jig]"]
    topic = parse_notes("\n".join(lines) + "\n")
    for name in available():
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), Options())
        except NotEnoughMaterial:
            continue
        for q in section.questions:
            CHECKS[type(q.body)](topic, q)


@pytest.mark.parametrize("topic", TOPICS, ids=[t.slug for t in TOPICS])
def test_no_question_shows_another_ones_answer(topic):
    """A point printed by one question (a match example) is never the sentence of a blank."""
    for seed in SEEDS:
        paper = assemble(topic, seed, DEFAULT_STRATEGIES, required=False).paper
        shown = [src for q in paper.questions for src in q.sources]
        assert len(shown) == len(set(shown)), f"seed {seed}: a point appears in two questions"
