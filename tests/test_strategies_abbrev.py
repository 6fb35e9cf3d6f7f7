"""Abbreviated and bare-adjective branch titles written out as the notes spell them (``_abbrev``)."""

from __future__ import annotations

import pytest

from quizforge.load import parse_notes
from quizforge.strategies import _abbrev

from .conftest import make

CASES = """\
title: {title}
subject: {subject}
cases:
  - title: {first}
    aspects:
      - heading: Duration
        points:
          - {d1}
      - heading: Cost
        points:
          - {c1}
  - title: {second}
    aspects:
      - heading: Duration
        points:
          - {d2}
      - heading: Cost
        points:
          - {c2}
key_terms:
  - term: Extra
    definition: {definition}
"""


def notes(**fields):
    return parse_notes(CASES.format(**fields), "notes.yaml")


@pytest.mark.parametrize("fields, expected", [
    (dict(title="Memory stores", subject="Psychology", first="Sensory", second="STM", d1="Under a second",
          d2="About 18 seconds", c1="None", c2="None", definition="Focus that moves information into short term memory."),
     ("sensory memory", "short-term memory (STM)")),
    (dict(title="Energy", subject="Physics", first="Solar", second="CHP", d1="Daytime only", d2="All day",
          c1="Cheap to run", c2="Costly to build", definition="A plant giving combined heat and power (CHP) to a town."),
     ("solar power", "combined heat and power (CHP)")),
    (dict(title="Memory stores", subject="Psychology", first="Episodic", second="LTM", d1="Years", d2="A lifetime",
          c1="None", c2="None", definition="Memories kept in long-term memory (LTM) for years."),
     ("episodic memory", "long-term memory (LTM)")),
])
def test_titles_are_written_out_where_the_notes_spell_them_out(fields, expected):
    topic = notes(**fields)
    assert _abbrev.pair(fields["first"], fields["second"], topic) == expected
    prompt = make(topic, "compare-cases").questions[0].prompt
    assert prompt.startswith(f"Compare {expected[0]} and {expected[1]} in terms of ")


@pytest.mark.parametrize("abbreviation, text", [
    ("USA", "Under sanctions alone the League could do little."),  # capitals or stop words: no definition
    ("NHS", "New hospitals started to open."),  # ends in a verb, not a noun
    ("EU", "Every union needs members."),  # sentence-initial capital
])
def test_a_chance_run_of_initials_is_not_taken_for_a_definition(abbreviation, text):
    topic = notes(title="Notes", subject="History", first=abbreviation, second="Britain", d1="Long", d2="Short",
                  c1="High", c2="Low", definition=text)
    assert _abbrev.spelled_out(abbreviation, topic) == ""


def test_titles_that_need_nothing_keep_their_own_wording():
    topic = notes(title="Volcanoes", subject="Geography", first="Montserrat", second="Iceland", d1="Years",
                  d2="Weeks", c1="High", c2="Low", definition="Lava that flows from a vent.")
    assert _abbrev.pair("Montserrat", "Iceland", topic) is None
    # a bare adjective with no written-out title to borrow a noun from is left as it was
    assert _abbrev.pair("Sensory", "Iceland", topic) is None


def test_the_mark_scheme_labels_the_bare_adjective_as_the_question_names_it():
    topic = notes(title="Memory stores", subject="Psychology", first="Sensory", second="STM", d1="Under a second",
                  d2="About 18 seconds", c1="None", c2="None", definition="Moves information into short term memory.")
    points = make(topic, "compare-cases").questions[0].body.points
    assert "Sensory memory \u2013 duration: under a second." in points
    assert "STM \u2013 duration: about 18 seconds." in points


def test_one_title_is_written_out_where_the_notes_define_it():
    topic = notes(title="Memory stores", subject="Psychology", first="STM", second="LTM", d1="About 18 seconds",
                  d2="A lifetime", c1="None", c2="None", definition="Repeating keeps it in short-term memory (STM).")
    assert _abbrev.written("STM", topic) == "short-term memory (STM)"
    assert _abbrev.written("LTM", topic) == ""


@pytest.mark.parametrize("first, second, definition, expected", [
    ("STM", "LTM", "Repeating keeps it in short term memory.", ("short-term memory (STM)", "long-term memory (LTM)")),
    ("HIC", "LIC", "A high income country (HIC) has a GNI above $12,000.",
     ("high income country (HIC)", "low income country (LIC)")),
    ("STM", "XTM", "Repeating keeps it in short term memory.", ("short-term memory (STM)", "XTM")),  # no partner
])
def test_the_partner_of_a_spelled_out_abbreviation_is_written_out_by_analogy(first, second, definition, expected):
    topic = notes(title="Notes", subject="Psychology", first=first, second=second, d1="Long", d2="Short",
                  c1="High", c2="Low", definition=definition)
    assert _abbrev.pair(first, second, topic) == expected
