"""Science strategies: state-list, explain-point, sort-factors, complete-equation, and name-factors leaving
the factors to them. Cases from the patterns of real notes, written generically."""

from __future__ import annotations

import pytest

from quizforge.assemble import assemble
from quizforge.errors import NotEnoughMaterial
from quizforge.load import parse_notes
from quizforge.model import Match, ShortAnswer

from .conftest import make

PROCESS = """\
title: The Contact process
subject: Chemistry
outcome: the yield
lists:
  - title: Conditions for the Contact process
    items: [Pressure is 2 atm, Temperature is 450 °C, Vanadium oxide catalyst]
equations:
  - Sulfur dioxide + Oxygen ⇌ Sulfur trioxide
  - 2SO2 + O2 ⇌ 2SO3
factors:
  - title: Temperature
    points:
      - The forward reaction is exothermic, so a higher temperature lowers the yield.
      - However, a lower temperature makes the reaction too slow.
      - Sulfuric acid is diluted with water at the end of the plant.
  - title: Pressure
    points:
      - A higher pressure would favour the forward reaction only a little.
      - Therefore, a high pressure is not worth its cost.
  - title: Vanadium Oxide Catalyst
    points:
      - It speeds up the reaction.
      - Without the catalyst, a higher temperature would be needed, which lowers the yield.
"""

GROUPED = """\
title: Reaction and braking
subject: Physics
outcome: reaction time and braking force
factors:
  - title: Tiredness
    affects: reaction time
    points: [A tired driver takes longer to react.]
  - title: Alcohol
    affects: reaction time
  - title: Drugs
    affects: reaction time
  - title: Worn pads
    affects: braking force
    points: [Worn brake pads press less hard on the disc.]
  - title: Tyre grip
    affects: braking force
  - title: Tiredness
    affects: braking force
"""


@pytest.fixture(scope="module")
def process():
    return parse_notes(PROCESS)


@pytest.fixture(scope="module")
def grouped():
    return parse_notes(GROUPED)


# --- state-list ------------------------------------------------------------------------------

def test_state_list_asks_for_every_item_of_a_short_list_one_mark_each(process):
    (q,) = make(process, "state-list").questions
    assert q.prompt == "State the conditions for the Contact process."
    assert q.marks == 3 and q.body.points == ("Pressure is 2 atm", "Temperature is 450 °C", "Vanadium oxide catalyst")
    assert q.guidance[0] == "1 mark for each of the points above."


def test_state_list_asks_for_some_of_a_longer_list():
    topic = parse_notes("title: Germination\nlists:\n  - title: Conditions needed for germination\n"
                        "    items: [Water, Oxygen, Warmth, Light, Soil, Space]\n")
    (q,) = make(topic, "state-list").questions
    assert q.prompt == "State four of the conditions needed for germination." and q.marks == 4
    assert q.guidance[0] == "1 mark each for any four of the points above."


def test_causes_of_a_change_that_only_name_what_varies_are_asked_as_what_affects_it():
    """Blind review: 'Give two causes of less grip between road and tyres' credited 'Road surface', 'Weather
    conditions', 'Tyre quality': no causes by themselves, but what affects the grip."""
    topic = parse_notes("title: T\nlists:\n  - title: Causes of less grip between road and tyres\n"
                        "    items: [Road surface, Weather conditions, Tyre quality]\n")
    (q,) = make(topic, "state-list").questions
    assert (q.prompt, q.marks) == ("Name two things that affect the grip between road and tyres.", 2)
    stated = parse_notes("title: T\nlists:\n  - title: Causes of less grip between road and tyres\n"
                         "    items: [Wet roads, Worn tyres, Ice on the road]\n")
    assert make(stated, "state-list").questions[0].prompt == "Give two causes of less grip between road and tyres."


def test_causes_are_some_of_many_so_one_fewer_is_asked_for():
    topic = parse_notes("title: T\nlists:\n  - title: Causes of less grip\n    items: [Road surface, Wet weather, Worn tyres]\n")
    (q,) = make(topic, "state-list").questions
    assert (q.prompt, q.marks) == ("Give two causes of less grip.", 2)
    assert q.guidance[0] == "1 mark each for any two of the points above."


def test_state_list_needs_two_different_items():
    topic = parse_notes("title: T\nlists:\n  - title: Conditions for it\n    items: [Heat]\n")
    with pytest.raises(NotEnoughMaterial):
        make(topic, "state-list")


# --- explain-point ---------------------------------------------------------------------------

def by_factor(section):
    return {q.cause_id: q for q in section.questions}


def test_a_condition_is_asked_why_it_is_used_with_its_value(process):
    qs = by_factor(make(process, "explain-point", count=3))
    assert qs["f1"].prompt == "Explain why a temperature of 450 °C is used in the Contact process."
    assert qs["f2"].prompt == "Explain why a pressure of 2 atm is used in the Contact process."
    # one creditworthy point ('It speeds up the reaction.' leans on the heading): one mark, one reason
    assert qs["f3"].prompt == "Give one reason why a vanadium oxide catalyst is used in the Contact process."
    assert qs["f3"].body.points == ("Without the catalyst, a higher temperature would be needed, which lowers the yield.",)


def test_the_tariff_is_the_number_of_points_that_belong_to_the_factor(process):
    qs = by_factor(make(process, "explain-point", count=3))
    # the aside about diluting the acid shares no word with temperature or its other points: not credited
    assert qs["f1"].body.points == ("The forward reaction is exothermic, so a higher temperature lowers the yield.",
                                    "A lower temperature makes the reaction too slow.")
    assert qs["f1"].marks == 2 and qs["f1"].guidance[0] == "1 mark for each of the points above."
    assert qs["f2"].body.points[1] == "A high pressure is not worth its cost."  # 'Therefore,' leaned on the point before


def test_when_the_conditions_are_asked_for_the_value_is_not_printed(process):
    paper = assemble(process, 1, ("state-list", "explain-point"), required=False).paper
    prompts = [q.prompt for q in paper.questions]
    assert "State the conditions for the Contact process." in prompts
    assert "Explain the choice of temperature used in the Contact process." in prompts
    assert not any("450" in p or "2 atm" in p or "vanadium" in p.lower() for p in prompts[1:])


def test_seed_two_asks_the_values_of_the_conditions_and_leaves_the_catalyst_to_explain(process):
    """Blind review: Haber seed 2 was seed 1 but for the blank of the word equation. After a seed that asked the
    whole list of conditions, the next asks only those with a value, and the catalyst is free to be explained."""
    from quizforge.assemble.paper import asked

    names = ("state-list", "explain-point")
    first = assemble(process, 1, names, required=False).paper
    second = assemble(process, 2, names, required=False, previous=asked(first)).paper
    prompts = [q.prompt for q in second.questions]
    assert prompts[0] == "State the pressure and temperature used in the Contact process."
    assert second.questions[0].body.points == ("Pressure is 2 atm", "Temperature is 450 °C")
    assert any(p.endswith("why a vanadium oxide catalyst is used in the Contact process.") for p in prompts)
    assert not any("catalyst" in q.prompt.lower() for q in first.questions)
    assert not any("450" in p or "2 atm" in p for p in prompts[1:])


def test_a_factor_with_an_outcome_is_asked_how_it_affects_it(grouped):
    qs = by_factor(make(grouped, "explain-point", count=5))
    assert qs["f1"].prompt == "State how tiredness affects reaction time."  # one point: one mark, 'State'
    assert qs["f1"].marks == 1
    assert qs["f4"].prompt == "State how the worn pads affect braking force."


def test_a_one_mark_state_how_needs_an_answer_that_says_which_way():
    topic = parse_notes("title: T\noutcome: CPU performance\nfactors:\n  - title: Clock speed\n"
                        "    points: [Clock speed directly affects how fast the computer is.]\n"
                        "  - title: Cache size\n    points: [A bigger cache means less waiting for instructions.]\n")
    section = make(topic, "explain-point", count=2)
    (q,) = section.questions
    assert q.prompt == "State how the cache size affects CPU performance."
    assert section.title == "Short answers", "no 'Explain' over a section that only asks to state"
    assert make(parse_notes(PROCESS), "explain-point", count=3).title == "Explain"


def test_a_factor_named_as_a_question_is_not_asked_about():
    topic = parse_notes("title: T\noutcome: thinking distance\nfactors:\n  - title: How fast you are going\n"
                        "    points: [The faster you go, the further you travel before reacting.]\n")
    with pytest.raises(NotEnoughMaterial):
        make(topic, "explain-point")


def test_explain_point_leaves_a_factor_another_question_names(process):
    with pytest.raises(NotEnoughMaterial):
        make(process, "explain-point", hidden=frozenset({"factor:f1", "factor:f2", "factor:f3"}))


# --- sort-factors ----------------------------------------------------------------------------

def test_sort_factors_groups_by_what_they_affect_and_leaves_out_a_factor_under_both(grouped):
    (q,) = make(grouped, "sort-factors").questions
    assert isinstance(q.body, Match)
    assert q.prompt.startswith("Sort these factors into those that affect reaction time and those that affect braking force.")
    assert q.body.causes == ("Reaction time", "Braking force")
    assert sorted(q.body.examples) == ["Alcohol", "Drugs", "Tyre grip", "Worn pads"]  # not 'Tiredness'
    answers = dict(zip(q.body.examples, q.body.key))
    assert answers["Alcohol"] == 0 and answers["Worn pads"] == 1
    # 'Worn brakes' beside 'Braking force' would sort itself by its word; two to one is no sort at all
    named = GROUPED.replace("title: Worn pads", "title: Worn brakes")
    with pytest.raises(NotEnoughMaterial, match="none repeating its outcome's own word"):
        make(parse_notes(named), "sort-factors")
    assert q.marks == 4


def test_sort_factors_needs_two_outcomes(process):
    with pytest.raises(NotEnoughMaterial):
        make(process, "sort-factors")


def test_name_factors_leaves_grouped_factors_to_the_sort(grouped):
    paper = assemble(grouped, 1, ("sort-factors", "name-factors"), required=False).paper
    # naming the sorted factors would answer the sort: only the one it leaves out (it affects both) is asked
    assert [s.strategy for s in paper.sections] == ["sort-factors", "name-factors"]
    (named,) = paper.sections[1].questions
    assert named.body.points == ("Tiredness",) and "both reaction time and braking force" in named.prompt


# --- complete-equation -----------------------------------------------------------------------

def test_complete_the_word_equation_blanks_one_substance_and_skips_symbol_equations(process):
    section = make(process, "complete-equation")
    (q,) = section.questions  # the symbol equation makes none
    assert isinstance(q.body, ShortAnswer) and q.marks == 1
    first, equation = q.prompt.split("\n")
    assert first == "Complete the word equation for the Contact process."
    assert equation.count(". . . .") and "⇌" in equation
    assert q.answer in ("sulfur dioxide", "oxygen", "sulfur trioxide")
    assert q.answer not in equation


def test_the_blank_is_a_substance_no_other_question_prints(process):
    q = make(process, "complete-equation", printed=("Sulfur dioxide is made by burning sulfur in oxygen.",)).questions[0]
    assert q.answer == "sulfur trioxide"


def test_seeds_take_the_substances_in_turn(process):
    answers = {assemble(process, s, ("complete-equation",)).paper.questions[0].answer for s in (1, 2, 3)}
    assert len(answers) == 3


STOPPING_EQUATION = """\
title: Stopping distances
subject: Physics
equations:
  - Stopping distance = thinking distance + braking distance
key_terms:
  - term: Stopping distance
    definition: Distance travelled from spotting a hazard until the car stops.
  - term: Thinking distance
    definition: How far the car goes from seeing a hazard to putting on the brakes.
"""


def test_an_equation_of_quantities_keeps_its_equals_sign_and_asks_for_a_quantity():
    topic = parse_notes(STOPPING_EQUATION, "stopping.yaml")
    answers = set()
    for seed in (1, 2, 3):
        (q,) = assemble(topic, seed, ("complete-equation",)).paper.questions
        first, equation = q.prompt.split("\n")
        # the left side names the equation: 'for stopping distances' would print the gap when it is asked
        assert first == "Complete the word equation." and " = " in equation and "→" not in equation
        assert q.guidance == ("1 mark for the missing quantity.",)
        answers.add(q.answer)
    assert answers == {"thinking distance", "braking distance"}  # the title, 'Stopping distances', names the third


def test_the_key_terms_do_not_print_the_quantity_the_equation_asks_for():
    topic = parse_notes(STOPPING_EQUATION, "stopping.yaml")
    for seed in (1, 2, 3):
        paper = assemble(topic, seed, ("complete-equation", "key-terms"), required=False).paper
        gap = next(q.answer for q in paper.questions if q.strategy == "complete-equation")
        others = [q for q in paper.questions if q.strategy != "complete-equation"]
        assert not any(gap in q.prompt.casefold() for q in others), seed


TWICE = """\
title: Stopping distances
subject: Physics
factors:
  - {title: How fast you're going, affects: thinking distance, points: [The faster you go the bigger the thinking distance.]}
  - {title: Slow reactions, affects: thinking distance, effect: affects the thinking distance}
  - {title: Tiredness, affects: thinking distance, effect: affects the thinking distance}
  - {title: How fast you're going, affects: braking distance, effect: affects the braking distance}
  - {title: Quality of brakes, affects: braking distance, effect: affects the braking distance}
  - {title: Less grip, affects: braking distance, effect: affects the braking distance}
"""


def test_match_factors_leaves_out_a_factor_the_notes_list_under_two_outcomes():
    topic = parse_notes(TWICE, "twice.yaml")
    for seed in (1, 2, 3):
        (q,) = make(topic, "match-factors", seed=seed).questions
        assert "How fast you're going" not in q.body.causes, seed


# --- stage-happens ---------------------------------------------------------------------------

STAGES = """\
title: Cell division
subject: Biology
process: cell division
stages:
  - title: Prophase
    points:
      - The nuclear membrane breaks down.
      - Spindle fibres form between the poles.
      - The poles move apart as the spindle fibres grow.
      - Chromosomes condense.
      - The chromosomes become visible under a microscope.
  - title: Anaphase
    points:
      - Spindle fibres contract and pull the chromatids apart.
      - A cell plate is formed.
  - title: Telophase
    points:
      - The nuclear membrane reforms around each set of chromosomes.
      - It is the last stage.
"""


@pytest.fixture(scope="module")
def stages():
    return parse_notes(STAGES)


def test_stage_happens_asks_what_happens_to_one_thing_in_one_stage(stages):
    questions = make(stages, "stage-happens", count=3).questions
    by_stage = {q.cause_id: q for q in questions}
    assert by_stage["s2"].prompt == "What happens to the spindle fibres during anaphase?"
    assert by_stage["s2"].body.points == ("Spindle fibres contract and pull the chromatids apart.",)
    assert by_stage["s3"].prompt == "What happens to the nuclear membrane during telophase?"


def test_every_point_of_the_stage_about_the_thing_is_credited_or_it_is_not_asked(stages):
    from quizforge.strategies.stage_happens import by_subject

    groups = by_subject(stages.stages[0], frozenset())
    # both points about the chromosomes make one 2-mark question
    assert [p.text for p in groups["chromosomes"]] == ["Chromosomes condense.", "The chromosomes become visible under a microscope."]
    assert [p.text for p in groups["nuclear membrane"]] == ["The nuclear membrane breaks down."]
    # the spindle fibres are the subject of one point and mentioned in another: more answers than one, not asked
    assert "spindle fibres" not in groups and "poles" not in groups


def test_made_things_and_pronouns_ask_nothing(stages):
    from quizforge.strategies.stage_happens import by_subject

    assert list(by_subject(stages.stages[1], frozenset())) == ["spindle fibres"]  # not 'a cell plate is formed'
    assert list(by_subject(stages.stages[2], frozenset())) == ["nuclear membrane"]  # not 'It is the last stage'


def test_stage_describe_leaves_a_stage_stage_happens_asks_about(stages):
    paper = assemble(stages, 1, ("stage-happens", "stage-describe"), required=False).paper
    asked = {q.cause_id for q in paper.questions if q.strategy == "stage-happens"}
    described = {q.cause_id for q in paper.questions if q.strategy == "stage-describe"}
    assert asked and not asked & described


STATIVE = """\
title: Cell division
subject: Biology
process: cell division
stages:
  - title: Interphase
    points:
      - The nuclear envelope is intact.
      - The cell grows and copies its DNA.
  - title: Prophase
    points:
      - The nuclear envelope is intact.
      - The nuclear envelope begins to break down.
      - The DNA remains tightly coiled.
      - Threads start forming between the poles to make a spindle.
      - The chromosomes condense.
  - title: Metaphase
    points:
      - The chromosomes line up across the middle of the cell.
      - The chromatids are still joined.
  - title: Anaphase
    points:
      - The spindle threads pull the chromatids apart.
"""


def test_a_line_that_describes_no_change_is_not_asked_credited_or_a_clue():
    """Blind review: 'Nuclear membrane and nucleolus are intact.' was a 'which stage' clue that fits interphase
    too, and a mark for 'what happens to the nuclear membrane'; stative lines (intact, remains, still) say
    nothing happens."""
    from quizforge.strategies._process import describes_no_change, sentence_points
    from quizforge.strategies.stage_happens import by_subject

    topic = parse_notes(STATIVE)
    assert describes_no_change("The nuclear envelope is intact.") and describes_no_change("The DNA remains coiled.")
    assert not describes_no_change("The chromosomes become visible.")
    assert not describes_no_change("The nucleus is intact while the chromosomes condense.")
    prophase = topic.stages[1]
    texts = [p.text for p in sentence_points(prophase)]
    assert "The nuclear envelope is intact." not in texts and "The DNA remains tightly coiled." not in texts
    groups = by_subject(prophase, frozenset())
    # the one thing that happens to the envelope is asked, the stative line neither credited nor a rival answer
    assert [p.text for p in groups["nuclear envelope"]] == ["The nuclear envelope begins to break down."]
    for seed in range(1, 12):
        for q in make(topic, "stage-name", seed, count=4).questions:
            assert "intact" not in q.prompt and "remains" not in q.prompt and "still" not in q.prompt
        for q in make(topic, "stage-describe", seed, count=4).questions:
            assert not any(describes_no_change(p) for p in q.body.points)


def test_a_thing_that_comes_into_being_in_the_stage_is_not_asked_about():
    """Blind review: 'What happens to the fibres during prophase?' from 'Fibres start forming between the
    centrioles to make a spindle': the fibres are not there before, and the notes name them as a spindle."""
    from quizforge.strategies.stage_happens import by_subject

    topic = parse_notes(STATIVE)
    assert "threads" not in by_subject(topic.stages[1], frozenset())
    for seed in range(1, 12):
        assert not any("threads during prophase" in q.prompt for q in make(topic, "stage-happens", seed, count=4).questions)


SECOND_VERSION = """\
title: Cell division
subject: Biology
process: cell division
stages:
  - title: Interphase
    points:
      - The cell grows and copies its DNA.
      - The number of organelles increases.
  - title: Prophase
    points:
      - The nuclear envelope breaks down.
      - Chromosomes condense and join to the spindle.
      - The centrosomes move to opposite poles.
  - title: Metaphase
    points:
      - Chromosomes line up across the middle of the cell.
      - The spindle attaches to each centromere.
  - title: Anaphase
    points:
      - The chromatids are pulled to opposite poles.
  - title: Telophase
    points:
      - The nuclear envelope reforms around each set of chromosomes.
      - The cytoplasm divides in two.
"""


def test_seed_two_describes_another_stage_and_asks_other_things():
    """Blind review: mitosis seed 2 repeated 5 of its 8 questions ('Describe what happens during metaphase'
    twice). A stage whose one thing seed 1 asked about gives way in seed 2, so it can be described whole; a
    'describe' or 'which stage' question takes what the seed before did not."""
    from quizforge.assemble.paper import asked

    topic = parse_notes(SECOND_VERSION)
    names = ("stage-name", "stage-happens", "stage-describe")
    first = assemble(topic, 1, names, required=False).paper
    second = assemble(topic, 2, names, required=False, previous=asked(first)).paper

    def by(paper, name):
        return {(q.cause_id, q.sources) for q in paper.questions if q.strategy == name}
    assert by(first, "stage-describe") and not by(first, "stage-describe") & by(second, "stage-describe")
    assert len(by(first, "stage-happens") & by(second, "stage-happens")) < len(by(first, "stage-happens"))
    named = [{q.sources for q in p.questions if q.strategy == "stage-name"} for p in (first, second)]
    assert len(named[0] & named[1]) < len(named[0])
    # seed 1 on its own is drawn as before: nothing before it to avoid
    assert assemble(topic, 1, names, required=False).paper == first


def test_word_equation_never_blanks_a_quantity_the_title_names():
    """'____ = thinking distance + braking distance' under 'Stopping, braking and thinking distances': the
    title names the answer (blind review)."""
    from quizforge.strategies.complete_equation import named_by

    assert named_by("stopping distance", "Stopping, braking and thinking distances")
    assert not named_by("thinking distance", "Stopping distances")
    assert not named_by("ammonia", "The Haber process")


def test_a_list_of_causes_credits_other_correct_causes_and_a_list_of_conditions_does_not():
    """Blind review: 'Give three causes of slow driver reactions' refused 'distractions', which the notes
    leave out but students give most often; the conditions of a process are the whole set."""
    topic = parse_notes("title: T\nlists:\n  - title: Causes of slow reactions\n"
                        "    items: [Tiredness, Drugs, Alcohol, Old age]\n")
    (q,) = make(topic, "state-list").questions
    assert q.guidance[-1] == "Also credit any other correct cause that is not one of these in other words."
    (q,) = make(parse_notes(PROCESS), "state-list").questions
    assert not any("any other correct" in g for g in q.guidance)
