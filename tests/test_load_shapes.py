"""Notes of every shape: glossaries, timelines, themes with quotations, factors, processes, categories, cases."""

from __future__ import annotations

import pytest

from quizforge.errors import SourceError
from quizforge.load import parse_notes


def load(text: str):
    return parse_notes(text, "n.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(SourceError) as info:
        parse_notes(text, "n.yaml")
    return [str(p) for p in info.value.problems]


GLOSSARY = """\
title: Rivers key terms
key_terms:
  - term: Infiltration
    definition: When water sinks into the soil.
"""

TIMELINE = """\
title: Elizabeth I key dates
subject: History
dates:
  - date: 13 January 1559
    event: Elizabeth is crowned Queen of England.
  - date: "1588"
    event: The English fleet defeats the Spanish Armada.
"""

THEMES = """\
title: Macbeth
subject: English Literature
themes:
  - id: supernatural
    title: The supernatural
    points:
      - Lady Macbeth talks in rhyme like the witches.
    quotes:
      - quote: "'Fair is foul, and foul is fair'"
        speaker: The witches
        shows: that in the play nothing is what it seems
characters:
  - title: Lady Macbeth
    quotes:
      - Come, you spirits, unsex me here
quotations:
  - quote: Out, damned spot!
    speaker: Lady Macbeth
    character: lady macbeth
  - quote: Thou shalt get kings, though thou be none
    speaker: The witches
    theme: supernatural
"""

FACTORS = """\
title: The Haber process
subject: Chemistry
outcome: the yield of ammonia
factors:
  - title: Pressure
    change: Increasing the pressure
    effect: increases the yield of ammonia
    mechanism:
      - There are 4 moles of gas on the left and only 2 on the right.
      - Higher pressure favours the side with fewer moles of gas.
  - title: Catalyst
    points:
      - An iron catalyst makes the reaction faster.
"""

PROCESS = """\
title: Mitosis
subject: Biology
process: mitosis
stages:
  - title: Interphase
    points:
      - The cell carries out its normal activities.
  - title: Prophase
    points:
      - The chromosomes thicken.
"""

CASES = """\
title: Volcano case studies
subject: Geography
cases:
  - title: Montserrat
    aspects:
      - heading: Effects
        points:
          - Ash damaged the coral reef.
      - heading: Management
        points:
          - The UK government gave $350 million.
  - title: Iceland 2010
    aspects:
      - heading: Effects
        points:
          - Flights across Europe were cancelled.
categories:
  - title: Renewable
    points:
      - Wind power
"""


def test_a_glossary_alone_is_notes():
    topic = load(GLOSSARY)
    assert topic.shape == "glossary"
    assert topic.causes == () and topic.groups == ()
    assert topic.question == "" and topic.subject == ""
    assert topic.key_terms[0].term == "Infiltration"


def test_a_timeline_alone_is_notes():
    topic = load(TIMELINE)
    assert topic.shape == "timeline"
    assert [d.date for d in topic.dates] == ["13 January 1559", "1588"]


def test_themes_characters_and_quotations():
    topic = load(THEMES)
    assert topic.shape == "mixed"  # themes and characters both
    supernatural, lady = topic.themes
    assert (supernatural.kind, lady.kind) == ("theme", "character")
    assert lady.id == "ch1"
    quote = supernatural.quotes[0]
    assert quote.quote == "Fair is foul, and foul is fair"  # quote marks taken off
    assert (quote.speaker, quote.branch_id) == ("The witches", "supernatural")
    assert quote.shows.startswith("that in the play")
    assert lady.quotes[0].branch_id == "ch1" and lady.quotes[0].speaker == ""
    top = {q.quote: q.branch_id for q in topic.quotations}
    assert top == {"Out, damned spot!": "ch1", "Thou shalt get kings, though thou be none": "supernatural"}
    assert len(topic.all_quotations()) == 4


def test_a_quotation_must_name_a_real_theme():
    text = THEMES.replace("theme: supernatural", "theme: supernaturel")
    found = problems(text)
    assert any(p.startswith("n.yaml:") and "quotations[1].theme: 'supernaturel' is not the id or title" in p
               for p in found), found


def test_factors_keep_change_effect_and_mechanism():
    topic = load(FACTORS)
    assert topic.shape == "factors" and topic.outcome == "the yield of ammonia"
    pressure, catalyst = topic.factors
    assert pressure.change == "Increasing the pressure"
    assert pressure.effect == "increases the yield of ammonia"
    assert len(pressure.mechanism) == 2 and pressure.points == ()
    assert catalyst.effect == "" and catalyst.points[0].id == "f2.1"


def test_a_factor_needs_an_effect_or_points():
    found = problems("title: T\nfactors:\n  - title: Light\n")
    assert found == ["n.yaml:3: factors[0]: 'Light' needs an effect or points"]


def test_stages_keep_their_order():
    topic = load(PROCESS)
    assert topic.shape == "process" and topic.process == "mitosis"
    assert [s.title for s in topic.stages] == ["Interphase", "Prophase"]
    assert [s.id for s in topic.stages] == ["s1", "s2"]


def test_cases_have_aspects_and_branches_keep_file_order():
    topic = load(CASES)
    assert topic.shape == "mixed"
    assert [b.title for b in topic.groups] == ["Montserrat", "Iceland 2010", "Renewable"]
    montserrat = topic.cases[0]
    assert [a.heading for a in montserrat.aspects] == ["Effects", "Management"]
    assert [p.text for p in montserrat.walk()][-1] == "The UK government gave $350 million."
    assert montserrat.aspects[1].points[0].id == "k1.a2.1"
    assert topic.categories[0].points[0].text == "Wind power"


def test_one_branch_is_enough():
    topic = load("title: T\ncauses:\n  - title: Heat\n    points: [Heat makes particles move faster.]\n")
    assert topic.shape == "reasons" and len(topic.causes) == 1


def test_notes_with_no_material_are_refused_clearly():
    found = problems("title: Just a title\nsubject: History\n")
    assert len(found) == 1 and found[0].startswith("n.yaml:1: the notes hold nothing to ask about")


def test_declared_shape_is_checked():
    assert load(GLOSSARY + "shape: glossary\n").shape == "glossary"
    found = problems(GLOSSARY + "shape: glosary\n")
    assert found == ["n.yaml:5: shape: unknown shape 'glosary'; did you mean 'glossary'?"]


def test_kind_specific_keys_are_refused_on_other_kinds():
    found = problems("title: T\nstages:\n  - title: A\n    effect: faster\n    points: [x]\n")
    assert any("stages[0]: unknown key 'effect'" in p for p in found), found


def test_ids_are_unique_across_kinds():
    text = "title: T\nthemes:\n  - id: x\n    title: A\n    points: [p]\nstages:\n  - id: x\n    title: B\n    points: [q]\n"
    found = problems(text)
    assert found == ["n.yaml:7: stages[0].id: id 'x' is already used on line 3; ids must be unique"]


def test_the_json_schema_accepts_every_shape_and_the_loader_agrees():
    import json
    from pathlib import Path

    import jsonschema
    import yaml

    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "notes.schema.json").read_text())
    for text in (GLOSSARY, TIMELINE, THEMES, FACTORS, PROCESS, CASES):
        load(text)
        jsonschema.validate(yaml.load(text, Loader=yaml.BaseLoader), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "Nothing to ask"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "T", "stages": [{"title": "A", "effect": "x", "points": ["p"]}]}, schema)
