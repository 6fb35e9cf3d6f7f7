"""Open and cause questions on reasons and arguments notes: explain why, exam explain, how far, match,
explain two and evaluate. Cases are the patterns a blind review found (issue 16)."""

from __future__ import annotations

import pytest

from quizforge.errors import NotEnoughMaterial
from quizforge.load import parse_notes
from quizforge.model import Extended, Match, ShortAnswer
from quizforge.strategies import _enquiry, _reasons
from quizforge.strategies._marking import credit_count, marking_points, standalone, subjectless
from quizforge.strategies.how_far import statement_for

from .conftest import make
from .notes_samples import SIDES

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
    ("Why did Hitler gain support?", "why Hitler gained support"),
    ("Why did Lenin win power?", "why Lenin won power"),
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
    assert "The council was run by the permanent members who went by their own decisions." in points
    membership = marking_points(topic(LEAGUE).causes[0])
    assert not any("she was only allowed" in p for p in membership)  # 'she' for a country (Q205)
    assert any(p.startswith("USSR: ") and "if they had been members earlier" in p for p in membership)
    assert not any(p.startswith(("She ", "If they", "Looks like")) for p in membership)


def test_explain_why_is_worded_from_the_enquiry_question():
    notes = topic(LEAGUE)
    prompts = {q.prompt for seed in (1, 2, 3) for q in get_explain(notes, seed).questions}
    assert "Explain why the League of Nations failed. In your answer, write about its membership." in prompts
    assert not any(p.endswith(("write about membership.", "write about organisation.")) for p in prompts)
    assert not any("helps to answer" in p or "\u2018" in p for p in prompts)


def test_explain_why_keeps_the_notes_own_stem(purges):
    prompts = {q.prompt for q in make(purges, "explain").questions}
    assert all(p.startswith("Explain why Stalin used the Purges to ") for p in prompts)


def test_the_tariff_fits_the_material():
    notes = topic(LEAGUE)
    for seed in range(1, 6):
        for q in make(notes, "explain", seed).questions:
            body: Extended = q.body
            cause = next(c for c in notes.causes if c.id == q.cause_id)
            assert q.marks <= 6 and (q.marks < 6 or credit_count(cause) >= 3) and len(body.indicative) >= 2
            assert q.marks == body.levels[-1].high


def test_exam_explain_makes_its_question_from_the_enquiry():
    q = make(topic(LEAGUE), "exam-explain").questions[0]
    assert q.prompt == "Explain why the League of Nations failed."
    assert not any(i.endswith("Slow to make decisions.") for i in q.body.indicative + q.body.indicative_own)


@pytest.mark.parametrize("heading, bodies, expected", [
    ("Britain and France dominate.", ["Makes the League look like a club for the winners of the war."],
     "Britain and France dominate, which makes the League look like a club for the winners of the war."),
    ("Japan and Italy", ["They went against the League and left it.", "Shows that even council members did not back it."],
     "Japan and Italy: they went against the League and left it; this shows that even council members did not back it."),
    ("Veto", ["Any country on the council could veto a decision."], "Veto: any country on the council could veto a decision."),
    # blind review: 'Council: run by the permanent members ...' read as a scrap
    ("Council", ["Run by the permanent members."], "The council was run by the permanent members."),
    ("Permanent members", ["Led by Britain and France.", "They looked after their own interests."],
     "The permanent members were led by Britain and France; they looked after their own interests."),
    ("USSR", ["Run by the communists."], "USSR: run by the communists."),
])
def test_a_line_saying_what_the_fact_before_it_shows_gets_that_fact_as_its_subject(heading, bodies, expected):
    """Blind review: "Japan and Italy: shows that not even a permanent council member backed the League" has no subject."""
    from quizforge.strategies._marking import merged
    assert merged(heading, bodies) == expected


def test_a_line_saying_what_shows_it_is_not_credited_when_its_fact_is_left_out():
    notes = topic("title: T\nsubject: History\ncauses:\n  - title: Membership\n    points:\n"
                  "      - text: Japan and Italy\n        points:\n"
                  "          - Shows that not even a permanent council member backed the League.\n"
                  "      - The USA never joined the League of Nations after the war.\n")
    assert not any("Shows" in p or "shows" in p for p in marking_points(notes.causes[0]))


def test_own_knowledge_credits_a_causes_fullest_point_not_its_context_line():
    """Blind review: "To blame others for the assassination of Kirov: Kirov was the Communist Party boss in
    Leningrad" was credited, a line of context that explains nothing."""
    from quizforge.strategies._exam import summary_of
    cause = topic(
        "title: T\nsubject: History\nquestion: Why?\ncauses:\n  - title: To blame others for the murder of Smith\n"
        "    points:\n      - Smith was the party boss in the city.\n"
        "      - Smith was later shot, and many historians think that the leader was responsible for the murder.\n"
    ).causes[0]
    assert summary_of(cause).endswith("many historians think that the leader was responsible for the murder.")


@pytest.mark.parametrize("title, enquiry, tense, statement", [
    ("To cover up problems in the economy", "why Stalin carried out the Purges", "past",
     "The main reason why Stalin carried out the Purges was to cover up problems in the economy."),
    ("Membership", "why the League of Nations failed", "past",
     "The main reason why the League of Nations failed was its membership."),
    ("Leadership", "why the Liberal reforms happened", "past",
     "The main reason why the Liberal reforms happened was their leadership."),
    ("Organisation", "why Stalin carried out the Purges", "past",  # a person owns no organisation
     "Organisation was the main reason why Stalin carried out the Purges."),
    ("Propaganda", "why the Nazi Party gained support", "past",  # not a category heading
     "Propaganda was the main reason why the Nazi Party gained support."),
    ("Because antibiotics are used in farming", "why resistant bacteria are becoming more common", "present",
     "The main reason why resistant bacteria are becoming more common is that antibiotics are used in farming."),
    ("To remove old rivals", None, "past", "The main reason was to remove old rivals."),
])
def test_how_far_states_the_main_reason_as_a_sentence(title, enquiry, tense, statement):
    owners = {"why the League of Nations failed": "the League of Nations", "why Stalin carried out the Purges": "Stalin",
              "why the Liberal reforms happened": "the Liberal reforms", "why the Nazi Party gained support": "the Nazi Party"}
    assert statement_for(title, enquiry, tense, owners.get(enquiry)) == statement


@pytest.mark.parametrize("question, owner", [
    ("Why did the League of Nations fail?", "the League of Nations"), ("Why did the Liberal reforms happen?",
     "the Liberal reforms"), ("Why did Hitler gain support?", "Hitler"), ("Why was the Treaty so unpopular?", "the Treaty"),
    ("What happened in 1066?", None),
])
def test_the_enquiry_names_who_or_what_it_is_about(question, owner):
    assert _enquiry.subject(question) == owner


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
    # one argument on two lines of the notes ('suffering', 'evil') is one reason to a colleague marking
    assert all(any("must be different arguments" in g for g in q.guidance) for q in two)
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


HEADED = """\
title: Made-up notes
subject: {subject}
question: Why did the {thing} fail?
causes:
  - title: Money
    points:
      - text: {heading}
        points:
          - {first}
          - {second}
      - Prices rose every year after the war.
"""


@pytest.mark.parametrize("subject, thing, heading, first, second", [
    ("History", "Weimar Republic", "The army never backed it.", "Generals refused to put down the Kapp Putsch.",
     "Many Germans saw the government as weak."),
    ("History", "Schlieffen Plan", "Belgium resisted.", "The Belgian army held up the German advance for days.",
     "Britain joined the war to defend Belgium."),
    ("History", "blockade", "Supplies ran short", "A ship could slip through at night.",
     "I think the navy was too small."),
    ("Business", "shop", "Rents went up", "The landlord doubled the rent in 2019.",
     "Shows that costs rose faster than sales."),
])
def test_a_heading_and_its_explanations_are_one_point_never_repeated(subject, thing, heading, first, second):
    cause = topic(HEADED.format(subject=subject, thing=thing, heading=heading, first=first, second=second)).causes[0]
    points = marking_points(cause)
    head = heading.rstrip(".")
    with_head = [p for p in points if p.startswith(head)]
    assert len(with_head) == 1, points  # never 'X.' and then 'X: detail'
    assert first.rstrip(".")[1:] in with_head[0] and second.rstrip(".")[1:] in with_head[0]
    after = with_head[0].split(": ", 1)[1]
    assert after[0] == (first[0] if first.split()[0] in ("I", "Britain", "Belgium") else first[0].lower())
    assert not any(p in (f"{head}.", end) for p in points for end in (first, second))
    assert "Prices rose every year after the war." in points
    assert credit_count(cause) == 3  # the tariff still counts each line of the notes credited




@pytest.mark.parametrize("title, extra, subject, expected", [
    ("Looking for meaning", "causes:\n  - title: Existence of God\n    points:\n      - Theists believe in God.\n"
     "      - Atheists do not believe in God.", "God", "arguments for the existence of God"),
    ("The existence of Allah", "", "Allah", "arguments for the existence of Allah"),
    ("Beliefs about the afterlife", "question: Is there an afterlife?", "life after death",
     "arguments for life after death"),  # no wording to borrow: the title stays
    ("The nature of God", "", "God", "arguments for God"),  # 'for the nature of God' is no claim
    ("Ethics and the death penalty", "question: Should the use of the death penalty return?", "death penalty",
     "arguments for the use of the death penalty"),
])
def test_explain_two_names_what_is_argued_as_the_notes_word_it(title, extra, subject, expected):
    notes = topic(SIDES.format(title=title, extra=extra, subject="Religious Studies", thing=subject))
    prompts = [q.prompt for q in make(notes, "explain-two").questions]
    assert f"Explain two {expected}." in prompts
    assert f"Explain two {expected.replace('for', 'against', 1)}." in prompts
    statement = make(notes, "evaluate").questions[0].prompt.splitlines()[0]
    assert statement == f"\u2018The {expected} are stronger than the {expected.replace('for', 'against', 1)}.\u2019"


CATEGORY = """\
title: Made-up notes
subject: History
question: {question}
causes:
  - title: {heading}
    points:
{children}
  - title: Money ran out
    points:
      - Taxes fell every year after the war.
      - The government borrowed more than it could repay.
"""


def _children(*names: str) -> str:
    return "".join(f"      - text: {n}\n        points:\n          - The {n.lower()} was a problem for the government.\n"
                   for n in names)


@pytest.mark.parametrize("question, heading, children, expected", [
    ("Why did the Weimar Republic collapse?", "Leadership", ("President", "Chancellor"),
     "Explain why the Weimar Republic collapsed. In your answer, write about its leadership, such as the "
     "president and the chancellor."),
    ("Why did the Liberal reforms happen?", "Legislation", ("Pensions", "Insurance"),
     "Explain why the Liberal reforms happened. In your answer, write about their legislation, such as the "
     "pensions and the insurance."),
    ("Why did Hitler gain support?", "Organisation", ("Rallies", "Posters"),  # a person: no 'its'
     "Explain why Hitler gained support. In your answer, write about organisation, such as the rallies and "
     "the posters."),
    ("Why did the empire decline?", "Propaganda", ("Posters", "Films"),  # not a category: as it was
     "Explain why the empire declined. In your answer, write about propaganda."),
])
def test_a_bare_category_heading_is_named_with_whose_it_is_and_two_things_under_it(question, heading, children,
                                                                                      expected):
    notes = topic(CATEGORY.format(question=question, heading=heading, children=_children(*children)))
    prompts = {q.prompt for q in make(notes, "explain", 1).questions}
    assert expected in prompts


def test_another_seed_names_another_pair_where_the_notes_have_one():
    notes = topic(CATEGORY.format(question="Why did the treaty fail?", heading="Enforcement",
                                  children=_children("Army", "Navy", "Courts")))
    prompts = {q.prompt for seed in (1, 2, 3) for q in get_explain(notes, seed).questions
               if "enforcement" in q.prompt}
    assert len(prompts) == 3 and all(p.startswith("Explain why the treaty failed. In your answer, write about "
                                                  "its enforcement, such as the ") for p in prompts)


def get_explain(notes, seed):
    """The explain section as a paper with this seed draws it (the seed also turns the focus pair)."""
    from quizforge.assemble import strategy_rng
    from quizforge.strategies import Options, get

    return get("explain").generate(notes, strategy_rng(seed, "explain"), Options(seed=seed))


@pytest.mark.parametrize("text, subject, expected", [
    ("Must be a creator, the world is too ordered to be chance.", "God", "There must be a creator, the world is too ordered to be chance."),
    ("Must have been a first cause of the universe.", "Allah", "There must have been a first cause of the universe."),
    ("Can't be a coincidence that the universe supports life.", "God", "There can't be a coincidence that the universe supports life."),
    ("If he is all-loving why does he allow suffering?", "God", "If God is all-loving why does he allow suffering?"),
    ("Although it is cheap, it produces waste that lasts for centuries.", "nuclear power",  # not a name: kept
     "Although it is cheap, it produces waste that lasts for centuries."),
    ("Many people report religious experiences.", "God", "Many people report religious experiences."),
])
def test_a_sides_shorthand_is_written_out_for_the_mark_scheme(text, subject, expected):
    from quizforge.strategies._sides import written_out
    assert written_out(text, subject) == expected


def test_evaluate_credits_the_arguments_the_shorthand_used_to_lose():
    notes = topic(SIDES.format(title="Looking for meaning", extra="", subject="Religious Studies", thing="God").replace(
        "      - Evil and suffering are hard to explain if a loving creator exists.",
        "      - If he is so powerful why does he let there be evil in the world?").replace(
        "      - The universe must have had a first cause.", "      - Must have been a first cause."))
    body = make(notes, "evaluate").questions[0].body
    assert "There must have been a first cause." in body.indicative
    assert "If God is so powerful why does he let there be evil in the world?" in body.indicative_against


def test_a_line_of_doubt_under_arguments_for_is_credited_as_no_argument_for():
    """Blind review: "Can't prove there is a God, can't prove there isn't either" was credited as an argument for God."""
    notes = topic(SIDES.format(title="Looking for meaning", extra="", subject="Religious Studies", thing="God").replace(
        "      - Many people say they have experienced something beyond themselves.",
        "      - Many people say they have experienced something beyond themselves.\n"
        "      - Can't prove there is a God, can't prove there isn't either."))
    for strategy in ("explain-two", "evaluate"):
        printed = str([(q.body.points if strategy == "explain-two" else q.body.indicative)
                       for q in make(notes, strategy).questions])
        assert "prove" not in printed and "first cause" in printed


def test_a_focus_never_names_a_heading_whose_lines_are_all_left_out():
    # 'such as the USSR and Germany' with no Germany point in the mark scheme (blind review): Germany's
    # only line calls the country 'she' (Q205), so the mark scheme credits nothing under it
    children = ("      - text: Council\n        points:\n          - The council was run by a few great powers.\n"
                "      - text: Veto\n        points:\n          - Any member could block a decision.\n"
                "      - text: Germany\n        points:\n          - She was only let in in 1926.\n")
    notes = topic(CATEGORY.format(question="Why did the League fail?", heading="Organisation", children=children))
    prompts = {q.prompt for seed in range(1, 7) for q in get_explain(notes, seed).questions
               if "organisation" in q.prompt}
    assert prompts and not any("Germany" in p for p in prompts), prompts
    assert any("the council and the veto" in p for p in prompts), prompts
