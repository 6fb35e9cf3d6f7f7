"""Closed questions over every notes fixture and many seeds: no option or bank word stands out by its form,
no two-group sort or match is lopsided, and no sub-heading is sorted as an example."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from quizforge.errors import NotEnoughMaterial
from quizforge.load.notes import load_notes
from quizforge.model import Choice, Gap, Match
from quizforge.quality.fit import balanced, subheading
from quizforge.quality.form import bank_cues, cue
from quizforge.strategies._glossary import language

from quizforge.assemble import strategy_rng
from quizforge.strategies import Options, get

ROOT = Path(__file__).resolve().parent
NOTES = sorted([*ROOT.glob("fixtures/notes/*.yaml"), *ROOT.glob("fixtures/*.yaml"), *ROOT.parent.glob("sources/*.yaml")])
CHOICES = ("multiple-choice", "term-choice", "odd-one-out")
BANKS = ("fill-blank", "term-blank")
SORTS = ("match", "sort", "match-quotes", "sort-factors")


@lru_cache(maxsize=None)
def topic(path: Path):
    return load_notes(path)


def section(path: Path, name: str, seed: int):
    try:
        return get(name).generate(topic(path), strategy_rng(seed, name), Options(seed=seed))
    except NotEnoughMaterial:
        return None


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=1, max_value=500))
def test_closed_items_have_no_form_cue_and_even_splits(path, seed):
    t = topic(path)
    for name in CHOICES:
        found = section(path, name, seed)
        for q in (found.questions if found else ()):
            if isinstance(q.body, Choice):
                assert not cue(q.body.options, q.body.correct), (q.prompt, q.body.options)
    for name in BANKS:
        found = section(path, name, seed)
        if found and found.word_bank and not language(t):
            answers = [q.body.answer for q in found.questions if isinstance(q.body, Gap)]
            assert not bank_cues(found.word_bank, answers), (answers, found.word_bank)
    points = {p.id: p for g in t.groups for p in g.walk()}
    for name in SORTS:
        found = section(path, name, seed)
        for q in (found.questions if found else ()):
            assert isinstance(q.body, Match)
            counts = [q.body.key.count(i) for i in range(len(q.body.causes))]
            if name == "match" and len(counts) == 2:  # a cause with one example: at most one ahead of it
                assert min(counts) >= 1 and max(counts) - min(counts) <= 1, (counts, q.body.causes)
            else:
                assert balanced(counts), (counts, q.body.causes)
            for pid in q.body.example_ids:
                p = points.get(pid)
                assert p is None or not subheading(p.text, len(p.points)), p.text


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
@settings(max_examples=8, deadline=None)
@given(seed=st.integers(min_value=1, max_value=500))
def test_key_term_matches_have_three_definitions_and_no_misleading_word(path, seed):
    from quizforge.quality.fit import echoes_title
    found = section(path, "key-terms", seed)
    t = topic(path)
    for q in (found.questions if found else ()):
        if isinstance(q.body, Match):
            assert len(q.body.examples) >= 3, q.body.examples
            if language(t):
                continue
            terms = q.body.causes
            for definition, k in zip(q.body.examples, q.body.key):
                for j, term in enumerate(terms):
                    others = [o.term for o in t.key_terms if o.term != term]
                    assert not (j != k and echoes_title(definition, term, others)), (definition, term)
