"""The factor, category and case-study strategies on the hand-written fixtures of the real dev notes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizforge.assemble import assemble
from quizforge.errors import NotEnoughMaterial
from quizforge.load import load_notes, parse_notes
from quizforge.model import Choice, Extended, Match, ShortAnswer
from quizforge.strategies import Options, get

NOTES = Path(__file__).resolve().parent / "fixtures" / "notes"
MINE = ("name-factors", "match-factors", "explain-factor", "explain-factors", "sort", "describe-case",
        "compare-cases", "which-case")


def fixture(name):
    return load_notes(NOTES / f"{name}.yaml")


def gen(name, notes, seed=1, **options):
    return get(name).generate(fixture(notes), random.Random(seed), Options(**options))


def printed(section):
    """Everything a student reads in a section."""
    out = []
    for q in section.questions:
        out.append(q.prompt)
        body = q.body
        if isinstance(body, Match):
            out += [*body.causes, *body.examples]
        if isinstance(body, Choice):
            out += body.options
    return "\n".join(out)


def test_haber_explain_and_match():
    qs = gen("explain-factor", "06-haber").questions
    assert [q.prompt for q in qs] == ["Explain how increasing the pressure affects the yield of ammonia.",
                                      "Explain how increasing the temperature affects the yield of ammonia."]
    assert qs[0].body.points[0] == "Increasing the pressure increases the yield of ammonia."
    assert "4 moles of gas on the left" in qs[0].body.points[1] and qs[0].marks == 3
    body = gen("match-factors", "06-haber").questions[0].body
    assert set(body.causes) == {"Increasing the pressure", "Increasing the temperature", "Using an iron catalyst"}
    assert set(body.examples) == {"Increases the yield of ammonia.", "Decreases the yield of ammonia.",
                                  "Makes the reaction faster."}
    six = gen("explain-factors", "06-haber").questions[0]
    assert six.prompt == "Explain how the pressure and the temperature affect the yield of ammonia."
    assert isinstance(six.body, Extended) and six.marks == 6 and not six.body.spag


def with_tiredness(text: str) -> str:
    """The fixture's factors with a second one for the thinking distance: two under each distance to sort."""
    return text.replace("  - id: mass\n", "  - id: tired\n    title: Tiredness\n    change: A tired driver\n"
                        "    effect: increases the thinking distance\n  - id: mass\n", 1)


def test_stopping_distances_sorts_changes_under_the_distance_they_increase():
    # as the notes stand, one change under the thinking distance and two under the braking: a guess, none
    with pytest.raises(NotEnoughMaterial):
        gen("match-factors", "07-stopping-distances")
    topic = parse_notes(with_tiredness((NOTES / "07-stopping-distances.yaml").read_text()), "07.yaml")
    q = get("match-factors").generate(topic, random.Random(1), Options()).questions[0]
    body = q.body
    assert body.causes == ("Increases the thinking distance.", "Increases the braking distance.")
    pairs = {example: body.causes[k] for example, k in zip(body.examples, body.key)}
    assert pairs == {"A driver reacting more slowly": "Increases the thinking distance.",
                     "A tired driver": "Increases the thinking distance.",
                     "A heavier car": "Increases the braking distance.",
                     "Less grip between the road and the tyres": "Increases the braking distance."}
    # speed's notes say it affects the braking distance too: it would fit both, so it is left out
    assert "Going faster" not in body.examples and q.marks == 4
    name = gen("name-factors", "07-stopping-distances").questions[0]
    assert name.prompt == "Name two factors that affect the stopping distance."
    with pytest.raises(NotEnoughMaterial):
        gen("explain-factor", "07-stopping-distances")  # no mechanism in these notes


def test_fetch_decode_execute_factors():
    q = gen("explain-factor", "12-fetch-decode-execute").questions[0]
    assert q.prompt == "Explain how the number of cores affects the performance of the CPU."
    body = gen("match-factors", "12-fetch-decode-execute").questions[0].body
    assert "The CPU spends less time waiting for instructions to be fetched." in body.examples


def test_volcanoes_case_study_questions():
    describe = gen("describe-case", "09-volcanoes", count=3).questions
    assert describe[0].prompt == "Using the case study of Montserrat, 1995–2010, describe the impacts."
    assert all(isinstance(q.body, ShortAnswer) and q.body.points for q in describe)
    assert any(q.prompt.startswith("Using the case study of the Icelandic eruption, 2010,") for q in describe)
    compare = gen("compare-cases", "09-volcanoes").questions[0]
    assert compare.marks == 12 and compare.body.spag and "Using the case studies of" in compare.prompt
    which = gen("which-case", "09-volcanoes", count=8)
    text = printed(which)
    assert "1997" not in text and "12,000" not in text and "500 Icelandic" not in text


def test_existence_of_god_sort_leaves_out_statements_that_fit_both_sides():
    section = gen("sort", "10-existence-of-god", count=8)
    body = section.questions[0].body
    assert body.causes == ("Arguments for God", "Arguments against God")
    assert set(body.key) == {0, 1}
    assert not any("cannot prove" in e for e in body.examples)  # under both sides of the notes
    assert section.instructions == "Sort each statement into the group it belongs to."


def test_multi_store_model_hides_the_store_in_its_own_statements():
    sort = gen("sort", "11-multi-store-model").questions[0]
    assert sort.body.causes == ("Sensory store", "Short-term memory (STM)", "Long-term memory (LTM)")
    assert all("memory" not in e.lower() or "\u2026" in e for e in sort.body.examples)
    assert "one of the three numbered 1 to 3" in sort.prompt
    which = gen("which-case", "11-multi-store-model")
    assert all("\u2026" in q.prompt for q in which.questions)
    compare = gen("compare-cases", "11-multi-store-model", seed=6).questions[0]
    assert isinstance(compare.body, ShortAnswer) and "description" not in compare.prompt
    assert compare.marks == 4


@pytest.mark.parametrize("notes", ["06-haber", "07-stopping-distances", "09-volcanoes", "10-existence-of-god",
                                   "11-multi-store-model", "12-fetch-decode-execute"])
@pytest.mark.parametrize("seed", range(6))
def test_papers_from_the_fixtures_never_print_what_another_question_asks(notes, seed):
    result = assemble(fixture(notes), seed, MINE, required=False)
    paper = result.paper
    hiders = [q for q in paper.questions if getattr(get(q.strategy), "hides_text", False)]
    hidden = {s for q in hiders for s in q.sources}
    shown = [s for q in paper.questions if q not in hiders for s in q.sources]
    assert not hidden & set(shown)
    points = [s for s in shown if ":" not in s]
    assert len(points) == len(set(points)), "no statement printed twice"
    assert all(": " in reason for reason in result.skipped), "every strategy left out says why"


def test_sort_does_not_ask_which_factor_a_detail_was_filed_under():
    with pytest.raises(NotEnoughMaterial, match="sort needs"):
        gen("sort", "06-haber")


def test_the_paper_screen_keeps_case_study_questions_that_share_their_options():
    paper = assemble(fixture("09-volcanoes"), 1, ("which-case", "describe-case", "compare-cases")).paper
    assert [q.strategy for q in paper.questions].count("which-case") == 4
    sorted_up = assemble(fixture("10-existence-of-god"), 1, ("key-terms", "sort")).paper
    assert "sort" in sorted_up.strategies, "a group's title is a name, not a heading printed as an item"
    changes = assemble(parse_notes(with_tiredness((NOTES / "07-stopping-distances.yaml").read_text()), "07.yaml"), 1,
                       ("key-terms", "match-factors")).paper
    assert "match-factors" in changes.strategies, "a change ('A heavier car') is printed as a change"


def test_the_ledger_still_stops_a_choice_printing_a_blanked_answer():
    from quizforge.assemble.screen import Ledger
    from quizforge.model import Choice, Gap, Question

    gap = Question(id="g", strategy="fill-blank", prompt="Fill in the gap.", marks=1,
                   body=Gap(before="The lava flowed through ", after=".", answer="Goma"), answer="Goma")
    choice = Question(id="c", strategy="multiple-choice", prompt="Which city lies at the foot of Nyiragongo?",
                      marks=1, body=Choice(options=("Goma", "Reykjavik", "Plymouth"), correct=0), answer="A Goma")
    other = Question(id="d", strategy="multiple-choice", prompt="Which city was evacuated?",
                     marks=1, body=Choice(options=("Goma", "Reykjavik", "Plymouth"), correct=1), answer="B")
    ledger = Ledger()
    ledger.add(gap)
    assert ledger.conflict(choice), "an option may not print a gap's answer"
    shared = Ledger()
    shared.add(choice)
    assert shared.conflict(other) == "", "two choices may offer the same options"
    titled = Ledger(titles=frozenset({"Goma"}))
    titled.add(Question(id="p", strategy="describe-case", prompt="Using the case study of Goma, describe it.",
                        marks=2, body=Gap(before="", after="", answer="x"), answer="x"))
    assert titled.conflict(choice) == "", "a branch title printed in a prompt gives no answer away"
