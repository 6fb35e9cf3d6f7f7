"""Category and case-study strategies: sort, describe-case, compare-cases, which-case."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge.assemble import assemble
from quizforge.errors import NotEnoughMaterial, OptionError
from quizforge.load import parse_notes
from quizforge.model import Choice, Extended, Match, ShortAnswer
from quizforge.profiles import load_profile
from quizforge.strategies import Options, get
from quizforge.strategies._text import normalise

from .conftest import MINIMAL

VOLCANOES = """\
title: Volcano case studies
subject: Geography
cases:
  - title: Montserrat, 1995–2010
    aspects:
      - heading: Nature
        points:
          - The volcano erupted in different phases from 1995 to 2010.
          - A large pyroclastic flow occurred.
      - heading: Impacts
        points:
          - Ash that settled in the sea damaged and destroyed coral reef.
          - Airports and sea ports shut, disrupting tourism and the economy.
          - The population of about 12,000 fell to 4,500.
      - heading: Management
        points:
          - The UK government gave $350 million.
          - The USA and the UK set up four research stations to watch the volcano.
  - title: Iceland, 2010
    aspects:
      - heading: Nature
        points:
          - Steam plumes pushed the ash higher.
          - Ash got into the jet stream and became a global problem.
      - heading: Impacts
        points:
          - It caused the worst flight disruption since 9/11.
          - Car hire and ferry companies did very well out of it.
          - 500 Icelandic farmers were evacuated.
      - heading: Management
        points:
          - Aviation guidelines for flying through volcanic ash were lowered.
          - Farmers were told to move livestock inside to protect them from ash fall.
  - title: Nyiragongo, 2002
    aspects:
      - heading: Nature
        points:
          - Lava flowed through the city of Goma at the foot of the volcano.
          - The lava lake on the volcano gives off sulphur dioxide, causing acid rain.
      - heading: Impacts
        points:
          - 14,000 homes were destroyed.
          - Many people of Goma fled across the border into Rwanda.
"""

GOD = """\
title: The existence of God
subject: Religious Studies
categories:
  - title: Arguments for the existence of God
    points:
      - There must have been a first cause; the world cannot just have been a coincidence.
      - The world is perfect, so someone must have designed it.
      - So many people believe in God.
      - There must be meaning and purpose to our life.
      - Arguments against God ignore the design of the world.
  - title: Arguments against the existence of God
    points:
      - If God exists, why does he let there be suffering in the world?
      - If there is one God, why are there so many religions?
      - If God is so powerful, why does he let there be evil in the world?
      - So many people believe in God.
  - title: Neither
    points:
      - Arguments against God are sometimes answered by the free will defence.
"""

MEMORY = """\
title: The multi-store model
subject: Psychology
cases:
  - title: Sensory register
    aspects:
      - heading: Capacity
        points: [Very limited]
      - heading: Duration
        points: [Fractions of a second]
  - title: Short-term memory
    aspects:
      - heading: Capacity
        points: [7 plus or minus 2 items]
      - heading: Duration
        points: [About 18 seconds]
  - title: Long-term memory
    aspects:
      - heading: Capacity
        points: [Potentially limitless]
      - heading: Duration
        points: [Up to a lifetime]
"""


def topic(text):
    return parse_notes(text, "n.yaml")


def gen(name, text, seed=1, **options):
    return get(name).generate(topic(text), random.Random(seed), Options(**options))


def owner(t, point_id):
    return next(b for b in t.groups for p in b.walk() if p.id == point_id)


def test_sort_puts_each_statement_with_its_own_group_only():
    t = topic(GOD)
    q = gen("sort", GOD).questions[0]
    body: Match = q.body
    assert body.causes == ("Arguments for the existence of God", "Arguments against the existence of God")
    assert q.prompt.startswith("Each statement, A to ") and "groups numbered 1 and 2" in q.prompt
    for pid, k in zip(body.example_ids, body.key):
        assert owner(t, pid).title == body.causes[k]
    printed = {normalise(e) for e in body.examples}
    assert normalise("So many people believe in God.") not in printed  # under both groups
    assert not any("against" in e.lower() for e in body.examples)  # names a group
    assert "Neither" not in body.causes  # its only item names another group: nothing belongs to it alone
    assert q.marks == len(body.examples)


def test_sort_of_case_studies_says_case_study_and_leaves_out_bare_figures():
    q = gen("sort", VOLCANOES).questions[0]
    assert q.body.left_label == "Case study"
    assert "case studies numbered 1 to 3" in q.prompt
    assert not any(e.startswith(("14,000", "500")) for e in q.body.examples)
    assert not any("Iceland" in e for e in q.body.examples)  # 'Icelandic' would give the answer away


def test_sort_never_sorts_reasons():
    with pytest.raises(NotEnoughMaterial, match="sort needs"):
        gen("sort", MINIMAL)


def test_describe_case_asks_for_one_heading_and_marks_its_points():
    t = topic(VOLCANOES)
    section = gen("describe-case", VOLCANOES, count=1)
    q = section.questions[0]
    assert q.prompt.startswith("Using the case study of ") and q.prompt.endswith(", describe the impacts.")
    case = t.cause(q.cause_id)
    impacts = next(a for a in case.aspects if a.heading == "Impacts")
    assert [normalise(p) for p in q.body.points] == [normalise(p.text) for p in impacts.points]
    assert q.marks == min(len(impacts.points), 4)
    assert any("management" in r or "what happened" in r for r in q.body.reject)
    assert set(q.sources) == {p.id for p in impacts.walk()}
    assert get("describe-case").hides_text


def test_describe_case_elsewhere_names_the_heading_and_needs_two_points():
    text = MEMORY.replace("points: [About 18 seconds]", "points: [It lasts about 18 seconds., It is lost without rehearsal.]")
    q = gen("describe-case", text).questions[0]
    assert q.prompt == "Describe the duration of short-term memory."
    assert q.marks == 2
    with pytest.raises(NotEnoughMaterial, match="at least 2"):
        gen("describe-case", MEMORY)


def test_compare_cases_in_geography_is_levelled_with_spag_from_the_profile():
    q = gen("compare-cases", VOLCANOES).questions[0]
    assert isinstance(q.body, Extended)
    profile = load_profile("geography-assess-9")
    assert q.marks == 9 + 3 == profile.marks + profile.spag_marks
    assert q.body.levels == profile.levels and q.body.spag == profile.spag
    assert q.prompt.startswith("Using the case studies of ")
    assert q.prompt.endswith(("assess which had the more serious impacts.", "evaluate how effective the management was in each."))
    named = {i.split(":")[0] for i in q.body.indicative}
    assert len(named) == 2, "indicative content from both case studies"


def test_compare_cases_on_nature_is_a_six_mark_compare():
    montserrat, rest = VOLCANOES.split("  - title: Iceland, 2010")
    iceland = "  - title: Iceland, 2010" + rest
    text = montserrat.split("      - heading: Impacts")[0] + iceland.split("      - heading: Impacts")[0]
    q = gen("compare-cases", text).questions[0]
    assert q.marks == 6 and not q.body.spag
    assert q.prompt == "Compare what happened in the case studies of Montserrat, 1995–2010 and Iceland, 2010."
    # a comparison asks for no judgement, so its skills do not reward one (blind review: a compare question
    # whose scheme spoke of "an 'assess' or 'evaluate' question")
    assert q.body.skills and not any("judgement" in s or "assess" in s for s in q.body.skills)
    judged = gen("compare-cases", VOLCANOES).questions[0]
    assert any("judgement" in s for s in judged.body.skills)



def test_a_comparison_of_responses_credits_no_effects():
    # blind review: 'Compare the management ...' whose indicative content listed the impacts; only an
    # 'evaluate how effective' needs the effects to judge by
    text = """\
title: Volcano case studies
subject: Geography
cases:
  - title: Montserrat, 1995–2010
    aspects:
      - heading: Impacts
        points:
          - Airports and sea ports shut, disrupting tourism and the economy.
      - heading: Management
        points:
          - The UK government gave $350 million.
          - The USA and the UK set up four research stations to watch the volcano.
  - title: Iceland, 2010
    aspects:
      - heading: Impacts
        points:
          - It caused the worst flight disruption since 9/11.
      - heading: Management
        points:
          - Flights were grounded across northern Europe for six days.
          - Farmers near the volcano were moved away from the ash.
"""
    q = gen("compare-cases", text).questions[0]
    assert q.prompt.startswith("Compare the management"), q.prompt
    assert not any("(impacts)" in p for p in q.body.indicative), q.body.indicative


def test_compare_cases_elsewhere_is_point_marked_heading_by_heading():
    q = gen("compare-cases", MEMORY, seed=2).questions[0]
    assert isinstance(q.body, ShortAnswer)
    assert q.prompt.startswith("Compare ") and q.prompt.endswith(" in terms of capacity and duration.")
    assert q.marks == 4 == len(q.body.points)
    assert all("(the two swapped)" in r for r in q.body.reject)
    with pytest.raises(OptionError, match="assess"):
        gen("compare-cases", VOLCANOES, profile="explain-12")


def test_which_case_asks_only_distinctive_facts():
    t = topic(VOLCANOES)
    section = gen("which-case", VOLCANOES, count=10)
    for q in section.questions:
        body: Choice = q.body
        case = owner(t, q.sources[0])
        assert body.options[body.correct] == case.title
        quoted = q.prompt.split("\n")[1]
        assert not quoted.strip("\u201c").startswith(("14,000", "500", "The population")), "no bare figures"
        assert "Goma" not in quoted or case.title.startswith("Nyiragongo")
    assert q.prompt.startswith("Which case study does this describe?")


def test_which_case_uses_heading_values_once_each():
    section = gen("which-case", MEMORY, count=10)
    stems = [q.prompt.split("\n")[0] for q in section.questions]
    headings = [s.split(" is the ")[1].split(" \u2018")[0] for s in stems]
    assert len(headings) == len(set(headings)) == 2  # 'For which of these is the capacity ...' once, never twice
    assert all(s.startswith("For which of these is the ") and s.endswith("\u2019?") for s in stems)
    assert all(":" not in q.prompt for q in section.questions)  # a value, not a 'Capacity: 7' table cell
    with pytest.raises(NotEnoughMaterial, match="at least 3 cases"):
        gen("which-case", MEMORY.split("  - title: Long-term memory")[0])


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 10_000), notes=st.sampled_from([VOLCANOES, GOD, MEMORY]))
def test_group_strategies_over_seeds(seed, notes):
    t = topic(notes)
    names = ("describe-case", "compare-cases", "which-case", "sort")
    for name in names:
        try:
            a = get(name).generate(t, random.Random(seed), Options())
        except NotEnoughMaterial:
            continue
        assert a == get(name).generate(t, random.Random(seed), Options())
        for q in a.questions:
            if isinstance(q.body, Match):
                assert [owner(t, pid).title for pid in q.body.example_ids] == [q.body.causes[k] for k in q.body.key]
            if isinstance(q.body, Choice):
                assert q.body.options.count(owner(t, q.sources[0]).title) == 1
                assert q.body.options[q.body.correct] == owner(t, q.sources[0]).title
    paper = assemble(t, seed, names, required=False).paper
    hidden = {s for q in paper.questions if getattr(get(q.strategy), "hides_text", False) for s in q.sources}
    shown = [s for q in paper.questions if not getattr(get(q.strategy), "hides_text", False) for s in q.sources]
    assert not hidden & set(shown), "nothing printed that another question asks for"
    assert len(shown) == len(set(shown)), "no statement printed twice"


def test_cli_builds_a_case_study_paper(run, write_notes):
    path = write_notes(VOLCANOES, "volcanoes.yaml")
    result = run("build", path, "--format", "html", "--strategies", "which-case,describe-case,compare-cases")
    assert result.exit_code == 0, result.output
    sheet = next(Path("out").rglob("worksheet.html")).read_text()
    scheme = next(Path("out").rglob("markscheme.html")).read_text()
    assert "Using the case study of" in sheet and "Which case study does this describe?" in sheet
    # describe-case asks the impacts; two management points a case are too few to judge: a 6-mark comparison
    assert "Creditworthy points" in scheme and "Compare the management in the case studies of" in sheet
    assert "Spelling, punctuation and grammar" not in scheme
    too_many = run("build", path, "--format", "html", "--strategies", "which-case,sort,describe-case,compare-cases")
    assert too_many.exit_code == 2 and "sort needs" in too_many.output  # says why, rather than repeat statements


def test_a_nine_mark_judgement_only_where_both_cases_give_three_points():
    q = gen("compare-cases", VOLCANOES).questions[0]  # impacts: three points in Montserrat and in Iceland
    assert q.prompt.startswith("Using the case studies of") and "assess which had the more serious" in q.prompt
    assert q.body.spag and q.marks == 12
    thin = VOLCANOES.replace("          - The population of about 12,000 fell to 4,500.\n", "")
    q = gen("compare-cases", thin).questions[0]
    assert q.prompt.startswith("Compare ") and not q.body.spag and q.marks == 6


def test_point_marked_answers_are_self_marked_on_screen_and_in_practice():
    from quizforge.practice.askers import ask_short
    from quizforge.selftest.bodies import encode_question

    q = gen("describe-case", VOLCANOES, count=1).questions[0]
    encoded = encode_question(q)
    assert encoded["body"]["type"] == "extended" and encoded["body"]["points"] == list(q.body.points)

    class Term:
        def __init__(self, replies):
            self.replies, self.said = list(replies), []

        def ask(self, prompt):
            return self.replies.pop(0)

        def say(self, text):
            self.said.append(text)

    term = Term(["ash, airports, islanders", "1 2 3"])
    outcome = ask_short(q, term, {})
    assert outcome.right == (3 >= q.marks)
    assert any(q.body.points[0] in line for line in term.said)
    assert not ask_short(q, Term(["", ""]), {}).right


def test_screen_prompt_for_matching_uses_the_labels_and_exports_keep_branch_questions():
    from quizforge.export.text import groups
    from quizforge.onscreen import online_prompt

    q = gen("sort", GOD).questions[0]
    assert online_prompt(q) == "Match each statement to its group. A group may be used more than once."
    paper = assemble(topic(VOLCANOES), 1, ("describe-case", "which-case")).paper
    exported = [x for g in groups(paper) for x in g.questions]
    assert len(exported) == len(paper.questions), "questions on a case study are not lost from exports"


@pytest.mark.parametrize("name, style, marks, spag", [("geography-assess-9", "assess", 9, 3),
                                                       ("geography-compare-6", "assess", 6, 0),
                                                       ("science-6", "science", 6, 0)])
def test_shipped_profiles_for_the_new_questions(name, style, marks, spag):
    profile = load_profile(name)
    assert (profile.style, profile.marks, profile.spag_marks) == (style, marks, spag)
    assert profile.levels[-1].high == marks and profile.rules


@pytest.mark.parametrize("title, running", [
    ("Icelandic Eruption 2010", "the Icelandic eruption, 2010"),
    ("Haitian Earthquake", "the Haitian earthquake"),
    ("Montserrat, 1995–2010", "Montserrat, 1995–2010"),
    ("Nyiragongo 2002", "Nyiragongo 2002"),
    ("The Icelandic eruption, 2010", "the Icelandic eruption, 2010"),
])
def test_case_titles_read_as_they_would_mid_sentence(title, running):
    from quizforge.strategies._groups import in_running_text
    assert in_running_text(title, topic(VOLCANOES)) == running


UNEMPLOYMENT = """\
title: Types of unemployment
subject: Economics
cases:
  - title: Seasonal
    points:
      - Jobs are lost each year when the seasons change.
  - title: Structural
    points:
      - Coal miners lost their jobs when the pits closed for good.
      - Shipyard welders were not needed once the yards shut down.
  - title: Cyclical
    points:
      - Firms lay off workers during a recession.
      - Builders find work again when a boom returns.
"""

STORAGE = """\
title: Storage devices
subject: Computer Science
cases:
  - title: HDD
    points:
      - Data is kept on a spinning disk inside the case.
      - Large backups of a school network are often kept on one.
  - title: SSD
    points:
      - There are no moving parts inside it at all.
  - title: RAM
    points:
      - Any address can be accessed in the same short time.
      - Everything in it is lost when the power goes off.
key_terms:
  - term: Drive
    definition: A hard disk drive (HDD) or a solid state drive (SSD) keeps files when the power is off.
  - term: Main memory
    definition: The random access memory (RAM) that holds the programs running now.
"""


def test_which_case_leaves_out_a_statement_sharing_a_root_with_its_case():
    """Blind review: "Information coming in from the different senses" had the option "Sensory"; "Memories
    you can recall from a long time ago" had "LTM" (long-term memory). A word of the case's family, or of
    what its abbreviation stands for in the notes, picks the option: such a statement is not asked."""
    quoted = [q.prompt.split("\n")[1] for q in gen("which-case", UNEMPLOYMENT, count=10).questions]
    assert not any("seasons" in q for q in quoted)
    quoted = [q.prompt.split("\n")[1] for q in gen("which-case", STORAGE, count=10).questions]
    assert not any("disk" in q or "accessed" in q for q in quoted)  # hard disk drive, random access memory
    assert any("backups" in q for q in quoted) and any("power goes off" in q for q in quoted)


def test_which_case_spreads_over_the_cases_that_have_facts_left():
    """A case with nothing left to ask does not hold back the others: two questions each from the two
    cases that have facts (before, the spread stopped at one each, waiting for the empty case)."""
    section = gen("which-case", UNEMPLOYMENT, count=4)
    assert len(section.questions) == 4


def test_compare_cases_leaves_out_a_heading_whose_short_value_another_question_prints():
    """Blind review, topic 11: the transfer of sensory memory ('Attention') was printed, with its definition,
    by the matching question under the comparison that asked for it."""
    printed = ("Match each definition to the key term.", "About 18 seconds")
    for seed in range(1, 6):
        for q in gen("compare-cases", MEMORY, seed=seed, printed=printed).questions:
            assert "short-term" not in q.prompt.lower() or "duration" not in q.prompt, q.prompt


def test_which_case_never_asks_a_move_between_two_of_them():
    """'For which of these is the transfer ‘rehearsal’?' fits the store it leaves and the one it reaches
    (blind review: "could be STM or LTM, depending on whether 'transfer' means out of or into")."""
    text = MEMORY.replace("        points: [About 18 seconds]\n",
                          "        points: [About 18 seconds]\n      - heading: Transfer\n        points: [Rehearsal]\n")
    text = text.replace("        points: [Up to a lifetime]\n",
                        "        points: [Up to a lifetime]\n      - heading: Leads to\n        points: [Retrieval]\n")
    for seed in range(1, 6):
        stems = [q.prompt for q in gen("which-case", text, seed=seed, count=10).questions]
        assert stems and not any("transfer" in s.lower() or "leads to" in s.lower() for s in stems), stems
