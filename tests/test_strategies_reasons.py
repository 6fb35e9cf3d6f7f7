"""Open and cause questions on reasons and arguments notes: explain why, exam explain, how far, match,
explain two and evaluate. Cases are the patterns a blind review found (issue 16)."""

from __future__ import annotations

import pytest

from quizforge.errors import NotEnoughMaterial
from quizforge.load import parse_notes
from quizforge.model import Extended, Match, ShortAnswer
from quizforge.strategies import _enquiry, _reasons
from quizforge.strategies._marking import marking_points, standalone, subjectless
from quizforge.strategies.how_far import statement_for

from .conftest import make

LEAGUE = """\
title: Why the League of Nations failed
subject: History
question: Why did the League of Nations fail?
causes:
  - title: Membership
    points:
      - text: The USA never joined.
        points:
          - Without the richest country the League had no money or political backing.
          - Looks like the USA gave up on her own idea, so people think the League is doomed.
          - A country hit by League sanctions could just keep trading with the USA.
      - text: USSR
        points:
          - She was only allowed to join in 1934.
          - If they had been members earlier, they might have helped stop the Manchurian Crisis.
  - title: Organisation
    points:
      - text: Veto
        points:
          - Any country on the council could veto a decision so it was hard to ever decide anything.
      - text: Council
        points:
          - Run by the permanent members who went by their own decisions.
      - text: Slow to make decisions.
        points:
          - One year to look into the Manchurian Crisis and 8 months for the Abyssinian.
  - title: Weak sanctions
    points:
      - Economic sanctions did not work because members kept trading with aggressors.
      - The League had no army of its own to enforce its decisions.
"""

GOD = """\
title: Looking for meaning
subject: Religious Studies
categories:
  - title: Arguments for God
    points:
      - The world is so ordered that someone must have designed it.
      - Everything has a cause, so the universe must have a first cause.
      - Many people say they have experienced God in their lives.
  - title: Arguments against God
    points:
      - There is a great deal of suffering in the world.
      - Science can explain how the universe began without a creator.
      - Nobody has ever been able to prove that God exists.
"""


def topic(text: str):
    return parse_notes(text, "notes.yaml")


@pytest.mark.parametrize("question, expected", [
    ("Why did the League of Nations fail?", "why the League of Nations failed"),
    ("Why did Stalin carry out the Purges?", "why Stalin carried out the Purges"),
    ("Why did the Nazi party gain support?", "why the Nazi party gained support"),
    ("Why did the USA not join the League?", "why the USA did not join the League"),
    ("Why was the Treaty of Versailles so unpopular?", "why the Treaty of Versailles was so unpopular"),
    ("Why does the rate of reaction increase?", "why the rate of reaction increases"),
    ("How did Hitler become Chancellor?", "how Hitler became Chancellor"),
    ("Why has the population grown?", "why the population has grown"),
    ("Why the League of Nations failed", "why the League of Nations failed"),
])
def test_the_enquiry_question_becomes_a_clause(question, expected):
    assert _enquiry.clause(question) == expected


@pytest.mark.parametrize("question", ["What were the causes of WW1?", "Causes of WW1", "Why?", ""])
def test_a_question_the_rules_cannot_read_gives_none_not_a_broken_sentence(question):
    assert _enquiry.clause(question) is None


def test_the_tense_comes_from_the_question():
    assert _enquiry.tense_of("Why did the League of Nations fail?") == "past"
    assert _enquiry.tense_of("Why are resistant bacteria becoming more common?") == "present"
    assert _enquiry.tense_of("Why the League of Nations failed") == "past"


def test_verbs_are_inflected_from_the_table():
    assert [_enquiry.past(v) for v in ("fail", "carry", "win", "be", "stop")] == ["failed", "carried", "won", "was", "stopped"]
    assert [_enquiry.third_person(v) for v in ("increase", "carry", "go")] == ["increases", "carries", "goes"]


@pytest.mark.parametrize("title, focus", [
    ("Membership", "In your answer, write about membership."),
    ("USSR", "In your answer, write about the USSR."),
    ("Treaty of Versailles", "In your answer, write about the Treaty of Versailles."),
    ("Because of the Depression", "In your answer, write about the Depression."),
    ("The USA never joined", "In your answer, explain this reason: the USA never joined."),
])
def test_a_heading_is_a_topic_to_write_about_never_a_quoted_reason(title, focus):
    assert _reasons.focus(title) == focus


@pytest.mark.parametrize("text", [
    "Slow to make decisions.",
    "Looks like the USA gave up on her own idea.",
    "Makes the League of Nations look like a winners club.",
    "Run by the permanent members who went by their own decisions.",
    "Must be a creator, World is perfect so someone must have designed it.",
])
def test_lines_with_no_subject_do_not_stand_alone(text):
    assert subjectless(text) and not standalone(text)


@pytest.mark.parametrize("text", [
    "If they had been members earlier, they might have helped stop the Manchurian and Abyssinian Crisis.",
    "She was only allowed to join in 1934.",
    "They went against the League in the Manchurian Crisis.",
])
def test_lines_that_lean_on_a_pronoun_do_not_stand_alone(text):
    assert not standalone(text)


@pytest.mark.parametrize("text", [
    "Any country on the council could veto a decision so it was hard to ever decide anything.",
    "Experts and others were blamed for deliberately causing problems in the mines and factories.",
    "Factory managers often resented super-keen workers called Stakhanovites.",
    "People were shot as a warning to others and to show how important it was to meet targets.",
    "Kulaks released from prison fled to the growing cities to try to start a new life.",
])
def test_full_sentences_stand_alone(text):
    assert standalone(text)


def test_mark_schemes_credit_explained_points_never_headings_or_scraps():
    organisation = topic(LEAGUE).causes[1]
    points = marking_points(organisation)
    assert "Slow to make decisions." not in points and "Veto." not in points
    assert "Slow to make decisions: one year to look into the Manchurian Crisis and 8 months for the Abyssinian." in points
    assert "Council: run by the permanent members who went by their own decisions." in points
    membership = marking_points(topic(LEAGUE).causes[0])
    assert "USSR: if they had been members earlier, they might have helped stop the Manchurian Crisis." in membership
    assert "USSR: she was only allowed to join in 1934." not in membership  # 'she' for a country (Q205)
    assert not any(p.startswith(("She ", "If they", "Looks like")) for p in membership)


def test_explain_why_is_worded_from_the_enquiry_question():
    notes = topic(LEAGUE)
    prompts = {q.prompt for seed in (1, 2, 3) for q in make(notes, "explain", seed).questions}
    assert "Explain why the League of Nations failed. In your answer, write about membership." in prompts
    assert not any("helps to answer" in p or "\u2018" in p for p in prompts)


def test_explain_why_keeps_the_notes_own_stem(purges):
    prompts = {q.prompt for q in make(purges, "explain").questions}
    assert all(p.startswith("Explain why Stalin used the Purges to ") for p in prompts)


def test_the_tariff_fits_the_material():
    notes = topic(LEAGUE)
    for seed in range(1, 6):
        for q in make(notes, "explain", seed).questions:
            body: Extended = q.body
            assert q.marks <= 6 and (q.marks < 6 or len(body.indicative) >= 3)
            assert q.marks == body.levels[-1].high


def test_exam_explain_makes_its_question_from_the_enquiry():
    q = make(topic(LEAGUE), "exam-explain").questions[0]
    assert q.prompt == "Explain why the League of Nations failed."
    assert not any(i.endswith("Slow to make decisions.") for i in q.body.indicative + q.body.indicative_own)


@pytest.mark.parametrize("title, enquiry, tense, statement", [
    ("To cover up problems in the economy", "why Stalin carried out the Purges", "past",
     "The main reason why Stalin carried out the Purges was to cover up problems in the economy."),
    ("Membership", "why the League of Nations failed", "past",
     "Membership was the main reason why the League of Nations failed."),
    ("Because antibiotics are used in farming", "why resistant bacteria are becoming more common", "present",
     "The main reason why resistant bacteria are becoming more common is that antibiotics are used in farming."),
    ("To remove old rivals", None, "past", "The main reason was to remove old rivals."),
])
def test_how_far_states_the_main_reason_as_a_sentence(title, enquiry, tense, statement):
    assert statement_for(title, enquiry, tense) == statement


def test_how_far_prompt_on_the_default_notes(purges):
    q = make(purges, "how-far").questions[0]
    assert q.prompt.startswith("\u2018The main reason why Stalin carried out the Purges was ")
    assert q.prompt.endswith("How far do you agree? Explain your answer.")


def test_match_examples_stand_alone_and_fit_only_their_cause():
    notes = topic(LEAGUE)
    for seed in range(1, 8):
        for q in make(notes, "match", seed).questions:
            body: Match = q.body
            assert "Slow to make decisions." not in body.examples
            assert not any(e.startswith(("If they", "She ", "Looks like", "Run by")) for e in body.examples)
            assert all(standalone(e) for e in body.examples)


def test_arguments_for_and_against_get_explain_two_and_evaluate():
    notes = topic(GOD)
    two = make(notes, "explain-two").questions
    assert [q.prompt for q in two] == ["Explain two arguments for God.", "Explain two arguments against God."]
    assert all(isinstance(q.body, ShortAnswer) and q.marks == 4 and len(q.body.points) >= 3 for q in two)
    assert all(any("2 marks for a developed explanation" in g for g in q.guidance) for q in two)
    evaluate = make(notes, "evaluate").questions[0]
    assert evaluate.prompt.startswith("\u2018The arguments for God are stronger than the arguments against God.\u2019\n"
                                      "Evaluate this statement.")
    body: Extended = evaluate.body
    assert evaluate.marks == 12 and body.indicative and body.indicative_against and body.rules
    assert set(evaluate.sources) == {p.id for g in notes.groups for p in g.walk()}


def test_explain_two_needs_two_sides():
    with pytest.raises(NotEnoughMaterial, match="two sides"):
        make(topic(LEAGUE), "explain-two")
    with pytest.raises(NotEnoughMaterial, match="two sides"):
        make(topic(LEAGUE), "evaluate")


def test_an_rs_exam_asks_explain_two_and_evaluate_and_does_not_sort_the_same_arguments(tmp_path):
    from quizforge.assemble import assemble
    from quizforge.papers.plan import plan_paper
    from quizforge.subjects import profile_for

    notes = topic(GOD)
    plan = plan_paper(preset="exam", subject=profile_for(notes.subject))
    paper = assemble(notes, 1, plan.strategies, options=plan.options, required=plan.required, limit=plan.limit).paper
    kinds = [s.strategy for s in paper.sections]
    assert "explain-two" in kinds and "evaluate" in kinds and "sort" not in kinds
