"""The 14 hand-written v2 fixtures in tests/fixtures/notes/ load as the notes say.

The expected values below were counted from the dev notes themselves
(/work/shared/notes/dev/), not read back from the loader: a change in the
loader that loses a branch, a quotation or a key term makes these fail.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizforge.load import load_notes

NOTES = Path(__file__).resolve().parent / "fixtures" / "notes"

FDE_STAGES = [
    "Copy the address to the MAR",
    "Increase the program counter",
    "Fetch",
    "Copy the instruction to the CIR",
    "Decode and execute",
    "Repeat",
]

# kinds: branch kind -> titles in file order; points: first-level points per branch, same order.
EXPECTED = {
    "01-league-of-nations.yaml": dict(
        shape="reasons", subject="History", level="GCSE", question="Why did the League of Nations fail?",
        kinds={"reason": ["Membership", "Organisation"]}, points=[5, 3],
        key_terms=0, dates=0, quotations=0),
    "02-elizabeth.yaml": dict(
        shape="timeline", subject="History", level="GCSE", question="",
        kinds={}, points=[], key_terms=0, dates=15, quotations=0),
    "03-macbeth.yaml": dict(
        shape="themes", subject="English Literature", level="GCSE", question="",
        kinds={"theme": ["The supernatural", "Guilt"]}, points=[2, 1],
        key_terms=0, dates=0, quotations=21),
    "04-of-mice-and-men.yaml": dict(
        shape="characters", subject="English Literature", level="GCSE", question="",
        kinds={"character": ["George", "Lennie", "Curley"]}, points=[3, 1, 4],
        key_terms=0, dates=0, quotations=12),
    "05-mitosis.yaml": dict(
        shape="process", subject="Biology", level="GCSE", question="", process="mitosis",
        kinds={"stage": ["Interphase", "Prophase", "Metaphase", "Anaphase", "Telophase"]},
        points=[2, 8, 2, 1, 7], key_terms=5, dates=0, quotations=0),
    "06-haber.yaml": dict(
        shape="factors", subject="Chemistry", level="GCSE", question="", outcome="the yield of ammonia",
        kinds={"factor": ["Pressure", "Temperature", "Iron catalyst"]}, points=[2, 4, 2],
        key_terms=1, dates=0, quotations=0),
    "07-stopping-distances.yaml": dict(
        shape="factors", subject="Physics", level="GCSE", question="", outcome="the stopping distance",
        kinds={"factor": ["Speed", "The driver's reactions", "The mass of the car",
                          "The quality of the brakes", "Grip between the road and the tyres"]},
        points=[1, 1, 1, 1, 1], key_terms=3, dates=0, quotations=0),
    "08-rivers.yaml": dict(
        shape="glossary", subject="Geography", level="GCSE", question="",
        kinds={}, points=[], key_terms=18, dates=0, quotations=0),
    "09-volcanoes.yaml": dict(
        shape="case-studies", subject="Geography", level="GCSE/AS", question="",
        kinds={"case": ["Montserrat, 1995–2010", "The Icelandic eruption, 2010", "Nyiragongo, 2002"]},
        points=[1, 1, 1], key_terms=0, dates=0, quotations=0),
    "10-existence-of-god.yaml": dict(
        shape="mixed", subject="Religious Studies", level="GCSE", question="",
        kinds={"category": ["Arguments for God", "Arguments against God"]}, points=[7, 7],
        key_terms=9, dates=0, quotations=0),
    "11-multi-store-model.yaml": dict(
        shape="mixed", subject="Psychology", level="A-level", question="",
        kinds={"case": ["Sensory store", "Short-term memory (STM)", "Long-term memory (LTM)"]},
        points=[0, 0, 0], key_terms=6, dates=0, quotations=0),
    "12-fetch-decode-execute.yaml": dict(
        shape="process", subject="Computer Science", level="GCSE", question="",
        process="the fetch-decode-execute cycle", outcome="the performance of the CPU",
        kinds={"stage": FDE_STAGES, "factor": ["Clock speed", "Cache size", "Number of cores"]},
        points=[1, 1, 1, 1, 4, 1, 2, 0, 0], key_terms=4, dates=0, quotations=0),
    "13-french-vocabulary.yaml": dict(
        shape="glossary", subject="French", level="Leaving Certificate", question="",
        kinds={}, points=[], key_terms=56, dates=0, quotations=0),
    "14-atomic-structure.yaml": dict(
        shape="timeline", subject="Chemistry", level="GCSE", question="",
        kinds={}, points=[], key_terms=0, dates=9, quotations=0),
}

# Case aspects: the headings of each case, in order.
ASPECTS = {
    "09-volcanoes.yaml": [["Nature", "Impacts", "Management"]] * 2 + [["Nature", "Impacts"]],
    "11-multi-store-model.yaml": [["Description", "Capacity", "Duration", "Encoding", "Transfer"]] * 2
    + [["Description", "Capacity", "Duration", "Encoding"]],
}

# Spellings and marks of the raw notes that a fixture must not carry over.
QUIRKS = ["breaking", "the breaks", "polls", "seperate", "Telephase", "yeild", "liquifies", "oximoron",
          "stopiing", "applyed", "Errupted", "differnet", "ocuured", "goverment", "desn't", "do n't",
          "Struture", "Thompson", "-->", "→", " ,", "  ", "L of N", "HideShow", "Created by", "Eg;"]


def groups(topic):
    """(kind, branch) for every branch, reasons first, as the model orders them."""
    return [(b.kind, b) for b in topic.groups]


def texts(obj):
    """Every piece of text a person could see, found by walking the model's dataclasses."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            yield from texts(item)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name not in ("id", "slug", "source", "branch_id", "kind", "shape", "language"):
                yield from texts(getattr(obj, f.name))


@pytest.fixture(scope="module")
def topics():
    return {name: load_notes(NOTES / name) for name in EXPECTED}


def test_every_fixture_is_checked():
    assert sorted(p.name for p in NOTES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_loads_with_its_shape_and_counts(name, topics):
    want, topic = EXPECTED[name], topics[name]
    assert (topic.shape, topic.subject, topic.level, topic.question) == (
        want["shape"], want["subject"], want["level"], want["question"])
    assert topic.process == want.get("process", "")
    assert topic.outcome == want.get("outcome", "")
    kinds: dict[str, list[str]] = {}
    for kind, branch in groups(topic):
        kinds.setdefault(kind, []).append(branch.title)
    assert kinds == want["kinds"]
    assert [len(b.points) for _, b in groups(topic)] == want["points"]
    assert len(topic.key_terms) == want["key_terms"]
    assert len(topic.dates) == want["dates"]
    assert len(topic.all_quotations()) == want["quotations"]


@pytest.mark.parametrize("name", sorted(ASPECTS))
def test_cases_have_the_table_headings(name, topics):
    assert [[a.heading for a in case.aspects] for case in topics[name].cases] == ASPECTS[name]
    assert all(a.points for case in topics[name].cases for a in case.aspects)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_text_has_no_raw_quirks(name, topics):
    found = [(q, text) for text in texts(topics[name]) for q in QUIRKS if q in text]
    assert not found


def test_macbeth_quotations_keep_their_speakers_and_themes(topics):
    topic = topics["03-macbeth.yaml"]
    supernatural, guilt = topic.themes
    # A heading that names whom the lines are about is not taken as their speaker where the play says otherwise.
    assert [q.speaker for q in supernatural.quotes] == (
        ["The witches", "", "", "Macbeth", "", "Lady Macbeth", "Lady Macbeth", "", ""])
    assert len(guilt.quotes) == 12
    assert [q.quote for q in guilt.quotes if not q.speaker] == [
        "We have scorched the snake not killed it", "What's done cannot be undone", "Macbeth doth murder sleep"]
    assert all(q.branch_id in (supernatural.id, guilt.id) for q in topic.all_quotations())
    fair = next(q for q in topic.all_quotations() if q.quote.startswith("Fair is foul"))
    assert "oxymoron" in fair.shows


def test_of_mice_and_men_quotation_by_another_speaker(topics):
    george = topics["04-of-mice-and-men.yaml"].themes[0]
    assert george.kind == "character" and george.title == "George"
    assert [q.speaker for q in george.quotes] == ["George", "George", "George", "Slim", "George"]


def test_factors_carry_change_effect_and_mechanism(topics):
    pressure, temperature, catalyst = topics["06-haber.yaml"].factors
    assert (pressure.change, pressure.effect) == ("Increasing the pressure", "increases the yield of ammonia")
    assert len(pressure.mechanism) == 2 and "4 moles" in pressure.mechanism[0]
    assert temperature.effect == "decreases the yield of ammonia" and len(temperature.mechanism) == 2
    assert catalyst.mechanism == ()
    brakes = topics["07-stopping-distances.yaml"].factors[3]
    assert (brakes.change, brakes.effect, brakes.mechanism) == ("", "", ())


def test_process_sub_steps_stay_nested_in_order(topics):
    execute = topics["12-fetch-decode-execute.yaml"].stages[4]
    assert [len(p.points) for p in execute.points] == [0, 0, 3, 2]


def test_timelines_keep_dates_as_written(topics):
    elizabeth = [d.date for d in topics["02-elizabeth.yaml"].dates]
    assert elizabeth[0] == "13 January 1559" and "1585-1604" in elizabeth and elizabeth[-1] == "24 March 1603"
    atoms = [d.date for d in topics["14-atomic-structure.yaml"].dates]
    assert atoms == ["442 BCE", "1800", "1897", "1903", "1911", "1914", "1922", "1932", "1940"]


def test_fixtures_match_the_json_schema():
    import json

    import jsonschema
    import yaml

    schema = json.loads((NOTES.parents[2] / "schema" / "notes.schema.json").read_text())
    for name in sorted(EXPECTED):
        jsonschema.validate(yaml.load((NOTES / name).read_text(), Loader=yaml.BaseLoader), schema)
