"""Import rules for science notes: word equations kept, 'Conditions for ...' lists, factors grouped by
what they affect. Unit cases from the patterns, then properties over generated notes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.equations import read_equation, sum_under
from quizforge.importers import Source, import_source

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def topic_of(text: str, name: str = "notes.txt"):
    return import_source(Source(name, text.encode("utf-8"), "." + name.rsplit(".", 1)[-1])).topic


def test_reads_word_and_symbol_equations_but_not_chains_of_consequences():
    word = read_equation("Nitrogen + Hydrogen ⇌ Ammonia (+heat)")
    assert (word.left, word.right, word.note, word.reversible, word.words) == (
        ("Nitrogen", "Hydrogen"), ("Ammonia",), "+heat", True, True)
    assert read_equation("glucose -> ethanol + carbon dioxide").right == ("ethanol", "carbon dioxide")
    assert read_equation("N2 + 3H2 ⇌ 2NH3").words is False
    for chain in ("Overclocking -> damage", "higher pressure = higher yield", "more heat -> faster particles -> more collisions"):
        assert read_equation(chain) is None, chain


FLASHCARDS = """\
The Contact process
The Contact process makes sulfuric acid, which is used in batteries.
Sulfur dioxide + Oxygen ⇌ Sulfur trioxide
Conditions for the Contact process
Pressure = 150 atm
Temperature = 450C
Vanadium oxide catalyst
Temperature in the Contact process
450C
The forward reaction is exothermic, so a higher temperature lowers the yield.
However, a lower temperature makes the reaction too slow.
Pressure in the Contact process
150 atm
A higher pressure would favour the forward reaction a little.
However, the yield is already high, so a high pressure is not worth its cost.
"""


def test_a_word_equation_is_kept_with_its_arrow():
    topic = topic_of(FLASHCARDS)
    assert [e.text for e in topic.equations] == ["Sulfur dioxide + Oxygen ⇌ Sulfur trioxide"]


def test_conditions_over_short_lines_are_a_list_not_a_factor():
    topic = topic_of(FLASHCARDS)
    assert [(l.title, len(l.items)) for l in topic.lists] == [("Conditions for the Contact process", 3)]
    assert "Conditions for the Contact process" not in [f.title for f in topic.factors]


STOPPING = """\
Reaction time
  • the time between seeing a hazard and reacting
  • affected by:
      - tiredness
      - alcohol (it slows the brain)
Braking force
  • how hard the brakes push
  • affected by:
      - worn brakes
      - tyre grip
      - tiredness
"""


def test_factors_under_two_affected_by_headings_say_what_they_affect():
    topic = topic_of(STOPPING)
    assert [(f.title, f.affects) for f in topic.factors] == [
        ("Tiredness", "reaction time"), ("Alcohol", "reaction time"),
        ("Worn brakes", "braking force"), ("Tyre grip", "braking force"), ("Tiredness", "braking force")]


def test_a_factor_because_of_short_lines_gives_a_list_of_its_causes():
    topic = topic_of("Braking distance\n  • distance covered while braking\n  • affected by:\n      - mass of the car\n"
                     "      - less grip because of:\n          - road surface\n          - wet weather\n          - worn tyres\n"
                     "Thinking distance\n  • affected by:\n      - tiredness\n      - alcohol\n")
    assert [(l.title, [i.text for i in l.items]) for l in topic.lists] == [
        ("Causes of less grip", ["Road surface.", "Wet weather.", "Worn tyres."])]
    assert "Less grip" in [f.title for f in topic.factors]


def test_an_equation_of_quantities_is_read_with_its_equals_sign():
    reading = read_equation("Stopping distance = thinking distance + braking distance")
    assert (reading.left, reading.right, reading.quantities) == (
        ("Stopping distance",), ("thinking distance", "braking distance"), True)
    assert reading.text(blank=0, gap="...") == "... = thinking distance + braking distance"


def test_a_sum_under_its_heading_is_the_headings_equation():
    # getrevising, stopping distances: 'Stopping distance' over '• thinking distance + breaking distance'
    assert sum_under("Stopping distance", "thinking distance + braking distance") == \
        "Stopping distance = thinking distance + braking distance"
    assert sum_under("Total energy:", "kinetic energy + potential energy") == \
        "Total energy = kinetic energy + potential energy"
    # '+' for 'and': the terms are not quantities of the heading's kind, so no equation is made
    for heading, line in (("Causes", "poverty + unemployment"), ("Stopping distance", "thinking distance"),
                          ("Stopping distance", "thinking distance + tiredness"),
                          ("Braking distance", "mass of the car + speed of the car")):
        assert sum_under(heading, line) == "", (heading, line)


def test_a_heading_over_a_sum_imports_an_equation_not_a_definition():
    topic = topic_of("Stopping distance\n  • Distance travelled from spotting a hazard until the car stops\n"
                     "  • thinking distance + braking distance\nThinking distance\n  • how far the car goes from"
                     " seeing a hazard to putting on the brakes.\n  • affected by:\n      - speed\n      - tiredness\n")
    assert [e.text for e in topic.equations] == ["Stopping distance = thinking distance + braking distance"]
    (stopping,) = [k for k in topic.key_terms if k.term == "Stopping distance"]
    assert stopping.definition == "Distance travelled from spotting a hazard until the car stops."


def test_a_factor_named_as_a_change_with_its_causes_in_a_bracket_gives_a_list():
    # getrevising, stopping distances: '- slow drivers reactions (tiredness, drugs, alcohol, old age)'
    topic = topic_of("Thinking distance\n  • how far the car goes before braking\n  • affected by:\n"
                     "      - how fast you're going (the faster you go the bigger the thinking distance)\n"
                     "      - slow reactions (tiredness, drugs, alcohol, old age)\n"
                     "Braking distance\n  • distance covered while braking\n  • affected by:\n"
                     "      - mass of car (heavier cars take longer to stop)\n      - quality of brakes\n")
    assert [(l.title, [i.text.rstrip(".") for i in l.items]) for l in topic.lists] == [
        ("Causes of slow reactions", ["Tiredness", "Drugs", "Alcohol", "Old age"])]
    # a sentence in the bracket stays the factor's point
    fast = next(f for f in topic.factors if f.title == "How fast you're going")
    assert [p.text for p in fast.points] == ["The faster you go the bigger the thinking distance."]


# --- properties ------------------------------------------------------------------------------

SUBSTANCE = st.sampled_from(["nitrogen", "hydrogen", "ammonia", "oxygen", "carbon dioxide", "water", "glucose",
                             "sodium chloride", "copper oxide", "magnesium"])
ARROW = st.sampled_from(["->", "→", "⇌", "<=>"])


@SETTINGS
@given(st.lists(SUBSTANCE, min_size=3, max_size=5, unique=True), st.integers(1, 2), ARROW, st.booleans())
def test_any_equation_line_imports_as_an_equation_with_the_same_substances(substances, split, arrow, capitals):
    split = min(split, len(substances) - 1)
    left, right = substances[:split], substances[split:]
    terms = [t.capitalize() if capitals else t for t in left], [t.capitalize() if capitals else t for t in right]
    line = f"{' + '.join(terms[0])} {arrow} {' + '.join(terms[1])}"
    notes = f"Reactions\n{line}\n\nEnergy\n  - Burning fuels releases energy.\n  - Plants store energy in glucose.\n"
    topic = topic_of(notes)
    readings = [read_equation(e.text) for e in topic.equations]
    assert [(r.left, r.right) for r in readings] == [tuple(map(tuple, terms))]
    # and it is not read as a point of anything else
    assert all(arrow not in p.text and " + " not in p.text for p in topic.walk())


CONDITION = st.sampled_from(["Pressure = 200 atm", "Temperature = 450C", "Iron catalyst", "pH 7", "Water",
                             "Oxygen", "Warmth", "Light = bright"])
WHAT = st.sampled_from(["the Haber process", "germination", "photosynthesis", "rusting"])


@SETTINGS
@given(WHAT, st.lists(CONDITION, min_size=2, max_size=4, unique=True))
def test_a_conditions_heading_over_short_lines_is_one_list_with_every_line(what, items):
    body = "\n".join(f"  - {i}" for i in items)
    notes = f"Conditions for {what}\n{body}\nWhy it matters\n  - The conditions decide how fast the reaction goes.\n  - Cheaper conditions save money.\n"
    topic = topic_of(notes)
    assert [(l.title.lower(), len(l.items)) for l in topic.lists] == [(f"conditions for {what}".lower(), len(items))]
    assert not any(f.title.lower().startswith("conditions") for f in topic.groups)
