"""The timeline, process and glossary strategies on all 14 hand-written dev notes, over many seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizforge.assemble import strategy_rng
from quizforge.errors import NotEnoughMaterial
from quizforge.load import load_notes
from quizforge.strategies import Options, get

from .shape_checks import CHECKS

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "notes").glob("*.yaml"))
NAMES = sorted({name for name, _ in CHECKS})
# Which dev notes each strategy must make questions from (the others must say what they lack).
EXPECTED = {
    "date-match": {"02-elizabeth", "14-atomic-structure"},
    "which-first": {"02-elizabeth", "14-atomic-structure"},
    "what-year": {"02-elizabeth"},  # not in Chemistry: the order of discoveries is the point there
    "stage-order": {"05-mitosis", "12-fetch-decode-execute"},
    "stage-describe": {"05-mitosis", "12-fetch-decode-execute"},
    "stage-next": {"05-mitosis", "12-fetch-decode-execute"},
    "stage-name": {"05-mitosis", "12-fetch-decode-execute"},
}


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_dev_note_over_seeds(path):
    topic = load_notes(path)
    made = set()
    for name in NAMES:
        for seed in range(12):
            try:
                section = get(name).generate(topic, strategy_rng(seed, name), Options())
            except NotEnoughMaterial as exc:
                assert str(exc).startswith(topic.source) and "needs" in str(exc)
                continue
            made.add(name)
            assert len({q.id for q in section.questions}) == len(section.questions)
            for q in section.questions:
                CHECKS[(q.strategy, type(q.body))](topic, q)
    for name, stems in EXPECTED.items():
        assert (name in made) == (path.stem in stems), name
    if path.stem in {"08-rivers", "13-french-vocabulary"}:
        assert {"term-choice", "term-blank"} <= made


@pytest.mark.parametrize("opts", [Options(choices=3, tier="support", word_bank=False), Options(choices=5, count=20),
                                  Options(tier="stretch", count=1)], ids=["support", "many", "one"])
def test_options_on_the_dev_notes(opts):
    made = set()
    for path in FIXTURES:
        topic = load_notes(path)
        for name in NAMES:
            for seed in range(4):
                try:
                    section = get(name).generate(topic, strategy_rng(seed, name), opts)
                except NotEnoughMaterial:
                    continue
                made.add(name)
                if opts.count == 1:
                    assert len(section.questions) == 1
                for q in section.questions:
                    CHECKS[(q.strategy, type(q.body))](topic, q)
                    if hasattr(q.body, "options") and name != "which-first":
                        assert len(q.body.options) <= max(3, opts.choices)
                if not opts.word_bank:
                    assert section.word_bank == ()
    assert made == set(NAMES) - ({"term-blank"} if opts.count == 1 else set())  # one gap is no word bank
