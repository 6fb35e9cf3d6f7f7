"""Factor strategies: explain-factor, explain-factors, name-factors, match-factors."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge.assemble import assemble
from quizforge.errors import NotEnoughMaterial, OptionError
from quizforge.load import parse_notes
from quizforge.model import Extended, Match, ShortAnswer
from quizforge.strategies import Options, get
from quizforge.strategies._text import normalise

HABER = """\
title: The Haber process
subject: Chemistry
outcome: the yield of ammonia
factors:
  - title: Pressure
    change: Increasing the pressure
    effect: increases the yield of ammonia
    mechanism:
      - There are 4 moles of gas on the left of the equation but only 2 on the right.
      - Higher pressure favours the forward reaction, which makes fewer moles of gas.
    points:
      - A high pressure is expensive to produce.
  - title: Temperature
    change: Increasing the temperature
    effect: decreases the yield of ammonia
    mechanism:
      - The forward reaction is exothermic.
      - Raising the temperature shifts the equilibrium towards nitrogen and hydrogen.
  - title: Iron catalyst
    effect: makes the reaction faster
"""

# Effects a student could put against two changes, and effects that name their own factor.
STOPPING = """\
title: Stopping distances
subject: Physics
outcome: the stopping distance of a car
factors:
  - title: Speed
    change: Increasing the speed
    effect: increases both the thinking distance and the braking distance
  - title: Mass of the car
    change: Increasing the mass of the car
    effect: increases the braking distance
  - title: Grip
    effect: less grip increases the braking distance
  - title: Tiredness
    change: Being tired
    effect: slows the driver's reactions
  - title: Alcohol
    change: Drinking alcohol
    effect: makes the driver less able to concentrate
"""

# "Improves the performance" fits every change here: it must not be matched.
CPU = """\
title: CPU performance
subject: Computer Science
outcome: the performance of a CPU
factors:
  - title: Clock speed
    change: Increasing the clock speed
    effect: makes the CPU process instructions faster
    mechanism:
      - More pulses each second means more instructions are executed each second.
  - title: Cache size
    change: Increasing the cache size
    effect: improves the performance of the CPU
    mechanism:
      - The CPU spends less time waiting for instructions to be fetched.
  - title: Number of cores
    change: Increasing the number of cores
    effect: lets more instructions be dealt with at once
    mechanism:
      - Every core can fetch, decode and execute its own instructions.
"""


def topic(text=HABER):
    return parse_notes(text, "n.yaml")


def gen(name, text=HABER, seed=1, **options):
    return get(name).generate(topic(text), random.Random(seed), Options(**options))


def test_explain_factor_is_point_marked_from_change_effect_and_mechanism():
    section = gen("explain-factor", count=5)
    assert [q.prompt for q in section.questions] == [
        "Explain how increasing the pressure affects the yield of ammonia.",
        "Explain how increasing the temperature affects the yield of ammonia.",
    ]  # the catalyst has no change or mechanism: not asked
    q = section.questions[0]
    assert isinstance(q.body, ShortAnswer)
    assert q.body.points == (
        "Increasing the pressure increases the yield of ammonia.",
        "There are 4 moles of gas on the left of the equation but only 2 on the right.",
        "Higher pressure favours the forward reaction, which makes fewer moles of gas.",
    )
    assert q.marks == 3
    assert q.body.reject == ("Increasing the pressure decreases the yield of ammonia (the wrong direction)",)
    assert q.guidance[0] == "1 mark for each of the points above, up to 3 marks."
    assert "A high pressure is expensive to produce." not in q.body.points
    assert q.sources == ("factor:f1",)


def test_explain_factor_without_outcome_states_the_effect_and_credits_the_why():
    text = HABER.replace("outcome: the yield of ammonia\n", "")
    q = gen("explain-factor", text).questions[0]
    assert q.prompt == "Increasing the pressure increases the yield of ammonia. Explain why."
    assert q.body.points[0].startswith("There are 4 moles")
    assert q.marks == 2


def test_explain_factor_caps_long_chains_at_four_marks():
    steps = "".join(f"      - Step number {i} happens to the particles.\n" for i in range(6))
    text = f"""\
title: Rates
outcome: the rate of reaction
factors:
  - title: Temperature
    change: Increasing the temperature
    effect: increases the rate of reaction
    mechanism:
{steps}"""
    q = gen("explain-factor", text).questions[0]
    assert q.marks == 4 and len(q.body.points) == 7
    assert q.guidance[0] == "1 mark each for any 4 of the points above."


def test_explain_factor_needs_a_mechanism():
    with pytest.raises(NotEnoughMaterial, match="mechanism"):
        gen("explain-factor", STOPPING)


def test_name_factors_credits_any_two_titles_and_hides_them():
    section = gen("name-factors")
    q = section.questions[0]
    assert q.prompt == "Name two factors that affect the yield of ammonia."
    assert q.marks == 2 and q.body.points == ("Pressure", "Temperature", "Iron catalyst")
    assert q.guidance[0] == "1 mark each for any two of the factors above."
    assert "increasing the pressure (for pressure)" in q.body.accept
    assert get("name-factors").hides_text
    with pytest.raises(NotEnoughMaterial, match="outcome"):
        gen("name-factors", HABER.replace("outcome: the yield of ammonia\n", ""))


def test_name_factors_keeps_the_other_factor_questions_off_the_paper():
    result = assemble(topic(), 1, ("name-factors", "match-factors"), required=False)
    assert [s.strategy for s in result.paper.sections] == ["name-factors"]
    assert any("match-factors" in s for s in result.skipped)


def test_name_factors_leaves_the_factors_to_an_explanation_on_the_paper():
    # naming the factors would keep every explanation of them off the paper (a 2-mark paper of one question)
    result = assemble(topic(), 1, ("name-factors", "match-factors", "explain-factor"), required=False)
    assert [s.strategy for s in result.paper.sections] == ["match-factors", "explain-factor"]
    assert any("name-factors: left the factors to explain-factor" in s for s in result.skipped)


def test_match_factors_pairs_each_change_with_its_own_effect():
    t = topic()
    q = gen("match-factors").questions[0]
    body: Match = q.body
    assert body.left_label == "Factor" and body.right_label == "Effect"  # 'Iron catalyst' is no change
    assert "factor" in q.prompt and "change" not in q.prompt
    assert body.causes == ("Increasing the pressure", "Increasing the temperature", "Iron catalyst")
    for example, k in zip(body.examples, body.key):
        factor = t.factors[k]
        assert normalise(example) == normalise(factor.effect)
    assert list(body.key) != sorted(body.key), "effects are not printed in the changes' order"
    assert q.marks == 2  # three one-to-one pairs: one mistake always makes two wrong


def test_match_factors_leaves_out_effects_that_fit_two_changes_or_name_their_factor():
    body = gen("match-factors", STOPPING).questions[0].body
    assert set(body.causes) == {"Increasing the speed", "Being tired", "Drinking alcohol"}
    effects = {normalise(e) for e in body.examples}
    assert normalise("increases the braking distance") not in effects  # inside the speed effect
    assert normalise("less grip increases the braking distance") not in effects  # names its factor
    two_left = STOPPING.split("  - title: Alcohol")[0]
    with pytest.raises(NotEnoughMaterial, match="at least 3 factors"):
        gen("match-factors", two_left)


def test_match_factors_drops_an_effect_that_only_says_the_outcome_improves():
    with pytest.raises(NotEnoughMaterial):
        gen("match-factors", CPU)


def test_explain_factors_is_a_levelled_six_marker_and_leaves_a_factor_for_explain_factor():
    q = gen("explain-factors", CPU, seed=3).questions[0]
    assert isinstance(q.body, Extended) and q.marks == 6
    assert [lv.high for lv in q.body.levels] == [2, 4, 6]
    assert q.prompt.startswith("Explain how the ") and q.prompt.endswith(" affect the performance of a CPU.")
    assert not q.body.spag
    paper = assemble(topic(CPU), 3, ("explain-factor", "explain-factors")).paper
    extended_ids = set(paper.sections[1].questions[0].sources)
    for short in paper.sections[0].questions:
        assert f"mechanism:{short.cause_id}" not in extended_ids


def test_explain_factors_rejects_a_profile_of_another_style():
    with pytest.raises(OptionError, match="science"):
        gen("explain-factors", CPU, profile="explain-12")


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), notes=st.sampled_from([HABER, CPU, STOPPING]))
def test_factor_strategies_over_seeds(seed, notes):
    t = topic(notes)
    for name in ("explain-factor", "explain-factors", "name-factors", "match-factors"):
        try:
            a = get(name).generate(t, random.Random(seed), Options())
        except NotEnoughMaterial:
            continue
        assert a == get(name).generate(t, random.Random(seed), Options()), "same seed, same section"
        for q in a.questions:
            if isinstance(q.body, Match):
                by_change = {f.change or f.title: f for f in t.factors}
                effects = [normalise(by_change[q.body.causes[k]].effect) for k in q.body.key]
                assert [normalise(e) for e in q.body.examples] == effects
                assert len(set(effects)) == len(effects) == len(q.body.causes)
            if isinstance(q.body, ShortAnswer):
                everything = " ".join([f.title for f in t.factors] + [f.change + " " + f.effect for f in t.factors]
                                      + [m for f in t.factors for m in f.mechanism])
                for point in q.body.points:
                    assert all(w in normalise(everything) for w in normalise(point).split()), point
    paper = assemble(t, seed, ("explain-factors", "explain-factor", "name-factors", "match-factors"),
                     required=False).paper
    hiders = [q for q in paper.questions if getattr(get(q.strategy), "hides_text", False)]
    hidden = {s for q in hiders for s in q.sources}
    for q in paper.questions:
        if q not in hiders:
            assert not hidden & set(q.sources), f"{q.id} prints what another question asks for"


def test_explain_factor_credits_only_the_why_when_a_match_prints_the_effect():
    paper = assemble(topic(), 1, ("match-factors", "explain-factor")).paper
    explains = [q for q in paper.questions if q.strategy == "explain-factor"]
    assert explains and all(q.marks == 2 for q in explains)
    assert all(not p.startswith("Increasing") for q in explains for p in q.body.points)
    alone = gen("explain-factor").questions[0]
    assert alone.body.points[0] == "Increasing the pressure increases the yield of ammonia."


def test_point_marked_answers_export_as_essays_with_their_points():
    from quizforge.export.text import auto_markable, mark_scheme_lines

    name = gen("name-factors").questions[0]
    assert not auto_markable(name.body), "'any two of' cannot be marked by comparing one string"
    explain = gen("explain-factor").questions[0]
    lines = mark_scheme_lines(explain)
    assert "Creditworthy points:" in lines and f"• {explain.body.points[1]}" in lines
    assert "Do not accept:" in lines and any("wrong direction" in line for line in lines)


REACTION = """\
title: Conditions in industry
subject: Chemistry
outcome: the rate and the yield
factors:
  - title: Temperature
    affects: the rate of reaction
  - title: Temperature
    affects: the yield
  - title: Catalyst
    affects: the rate of reaction
  - title: Surface area
    affects: the rate of reaction
  - title: Pressure
    affects: the yield
  - title: Removing the product
    affects: the yield
"""


def test_name_factors_asks_for_the_factor_a_sort_leaves_out_when_it_affects_both_outcomes():
    t = parse_notes(REACTION)
    result = assemble(t, 1, ("sort-factors", "name-factors"), required=False)
    assert [s.strategy for s in result.paper.sections] == ["sort-factors", "name-factors"]
    q = result.paper.sections[1].questions[0]
    assert q.prompt == "Name the factor that affects both the rate of reaction and the yield."
    assert (q.marks, q.body.points, q.answer) == (1, ("Temperature",), "Temperature.")
    sorted_items = " ".join(result.paper.sections[0].questions[0].body.examples)
    assert "Temperature" not in sorted_items  # the sort leaves it out: it fits both piles
    # two such factors: name two of them
    two = parse_notes(REACTION + "  - title: Concentration\n    affects: the rate of reaction\n"
                      "  - title: Concentration\n    affects: the yield\n")
    q = assemble(two, 1, ("sort-factors", "name-factors"), required=False).paper.sections[1].questions[0]
    assert q.prompt.startswith("Name two factors that affect both") and q.marks == 2
    assert set(q.body.points) == {"Temperature", "Concentration"}


def test_name_factors_without_a_factor_in_both_leaves_the_factors_to_the_sort():
    t = parse_notes(REACTION.replace("  - title: Temperature\n    affects: the yield\n", ""))
    result = assemble(t, 1, ("sort-factors", "name-factors"), required=False)
    assert [s.strategy for s in result.paper.sections] == ["sort-factors"]
    assert any("left the factors to sort-factors" in s for s in result.skipped)
    three = parse_notes(REACTION + "  - title: Temperature\n    affects: the cost\n")  # three outcomes: no 'both'
    assert all(s.strategy != "name-factors" for s in assemble(three, 1, ("sort-factors", "name-factors"),
                                                              required=False).paper.sections)


@pytest.mark.parametrize("name, expected", [
    ("mass of car", "the mass of the car"),  # blind review: 'State how the mass of car affects braking distance'
    ("surface area of catalyst", "the surface area of the catalyst"),
    ("number of cores", "the number of cores"),
    ("rate of reaction", "the rate of reaction"),
    ("iron catalyst", "the iron catalyst"),
    ("temperature", "temperature"),
])
def test_a_factor_named_in_a_question_takes_its_articles(name, expected):
    from quizforge.strategies.explain_point import subject_of
    assert subject_of(name) == expected


def test_match_factors_sorts_two_effects_only_with_two_factors_each():
    """Three factors under two effects, 1:2, is a guess once one is known: as every two-group sort, none."""
    lopsided = parse_notes("""\
title: Stopping distances
subject: Physics
factors:
  - {title: Slow reactions, affects: thinking distance, effect: affects the thinking distance}
  - {title: Quality of brakes, affects: braking distance, effect: affects the braking distance}
  - {title: Less grip, affects: braking distance, effect: affects the braking distance}
""", "lopsided.yaml")
    with pytest.raises(NotEnoughMaterial):
        get("match-factors").generate(lopsided, random.Random(1), Options())
