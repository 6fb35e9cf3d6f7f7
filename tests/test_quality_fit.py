"""quality.fit: sub-headings, title echoes, doubt under 'arguments for', balanced splits, the rival margin."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from quizforge import quality
from quizforge.load.notes import parse_notes
from quizforge.quality.fit import (MIN_EACH, balanced, echoes_title, even_split, side, stance_clash,
                                   subheading)
from quizforge.strategies import get
from quizforge.strategies._pools import examples_by_cause
from quizforge.strategies.base import Options


def test_a_short_line_over_points_of_its_own_is_a_subheading():
    assert subheading("The USA never joined.", 3) and subheading("Britain and France dominate.", 2)
    assert subheading("Germany", 1)
    assert not subheading("The USA never joined.", 0)  # no points beneath: an example like any other
    assert not subheading("The landlord refused to repair the old boiler at the cafe.", 1)  # a long line


def test_an_item_that_repeats_its_title_word():
    assert echoes_title("If they had been members earlier, they might have helped.", "Membership", ["Organisation"])
    assert echoes_title("Its economic sanctions did little harm.", "Economics", ["Membership"])  # econom-
    assert not echoes_title("Any country on the council could veto a decision.", "Membership", ["Organisation"])
    # a word every title shares tells the groups apart no better than nothing
    assert not echoes_title("Arguments raged for years.", "Arguments for God", ["Arguments against God"])
    # the brief's trap: 'remove' is another cause's title word
    assert echoes_title("Executions were used to remove anyone who was not trusted by the state.",
                        "To remove old rivals within the Communist Party", ["To control peasants and workers"])


def test_sides_of_an_argument():
    assert side("Arguments for God") == "for" and side("Arguments against God") == "against"
    assert side("Strengths of the model") == "for" and side("Weaknesses of the model") == "against"
    assert side("Membership") == "" and side("Causes of the war") == ""


def test_doubt_under_arguments_for():
    titles = ("Arguments for God", ["Arguments against God"])
    assert stance_clash("Agnostics say we cannot know either way.", *titles)
    assert stance_clash("Some people are unsure whether God exists.", *titles)
    assert stance_clash("There is no proof that the universe needs a cause.", *titles)
    assert stance_clash("We can't be sure the design is real.", *titles)
    # an argument for that uses a negation is still an argument for
    assert not stance_clash("Must have been a first cause, world can't just have been a coincidence.", *titles)
    assert not stance_clash("Religion has been around for so many years, it can't just have been made up.", *titles)
    # no 'against' group: nothing to be confused with
    assert not stance_clash("Agnostics say we cannot know.", "Arguments for God", ["Key words"])
    assert not stance_clash("Agnostics say we cannot know.", "Arguments against God", ["Arguments for God"])


def test_balanced_splits():
    assert not balanced([3, 1]) and not balanced([1, 1]) and balanced([2, 2]) and balanced([3, 2])
    assert balanced([1, 2, 2]) and not balanced([5, 1, 1]) and not balanced([4]) and not balanced([2, 0])
    assert MIN_EACH == 2


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=2, max_value=9), min_size=2, max_size=5), st.integers(1, 12))
def test_even_split_is_balanced_when_the_piles_allow(sizes, count):
    piles = [[f"{g}.{i}" for i in range(n)] for g, n in enumerate(sizes)]
    most = 2 * min(sizes) + 1
    piles = [p[:most] for p in piles]
    count = max(count, len(piles) * MIN_EACH)
    taken = even_split(piles, count)
    counts = [sum(1 for _, i in taken if i == g) for g in range(len(piles))]
    assert len(taken) == min(count, sum(len(p) for p in piles))
    assert len({item for item, _ in taken}) == len(taken)  # nothing taken twice
    assert balanced(counts)


def test_rival_margin_catches_a_near_tie():
    groups = {
        "heat": quality.Group("Because of heat", ("Particles move faster when warm.", "Hot particles collide often.",
                                                   "Warm gas particles collide with more energy.")),
        "pressure": quality.Group("Because of pressure", ("Squeezing gas pushes particles together.",
                                                           "Crowded gas particles collide more often.")),
    }
    doubtful = quality.rivals(groups)
    assert ("pressure", 1) in doubtful or ("heat", 2) in doubtful


LEAGUE = """\
title: Why the League failed
subject: History
question: Why did the League of Nations fail?
causes:
  - title: Membership
    points:
      - text: The USA never joined.
        points:
          - Without the richest country the League had no money or political backing.
          - A country hit by League sanctions could just keep trading with the USA instead.
      - text: Britain and France dominate.
        points:
          - It made the League look like a winners' club that only helped the victors of 1918.
      - If the Soviet Union had been members earlier, they might have helped to stop Japan.
  - title: Organisation
    points:
      - Any country on the council could veto a decision so it was hard to decide anything.
      - It took a whole year to report on the Manchurian Crisis.
      - The Assembly met only once a year, so urgent problems waited for months.
"""


def test_subheadings_and_title_echoes_are_not_examples():
    topic = parse_notes(LEAGUE)
    pools = {topic.cause(cid).title: [p.text for p in ps] for cid, ps in examples_by_cause(topic, title_free=True).items()}
    texts = [t for ts in pools.values() for t in ts]
    assert "The USA never joined." not in texts and "Britain and France dominate." not in texts
    assert not any("members earlier" in t for t in texts)  # 'members' under 'Membership'
    assert any("richest country" in t for t in pools["Membership"])
    for seed in range(1, 15):
        q = get("match").generate(topic, random.Random(seed), Options(seed=seed)).questions[0]
        assert "The USA never joined." not in q.body.examples
        assert min(q.body.key.count(i) for i in range(len(q.body.causes))) >= MIN_EACH


GOD = """\
title: The existence of God
subject: Religious Studies
categories:
  - title: Arguments for God
    points:
      - The world is so well ordered that someone must have designed it.
      - Everything has a cause, so there must have been a first cause.
      - Agnostics say that nobody can honestly be sure either way.
      - Millions of people report religious experiences that changed their lives.
  - title: Arguments against God
    points:
      - If a loving creator existed, natural disasters would not kill innocent children.
      - Science explains the origin of the universe with the Big Bang.
      - There are so many religions that they cannot all be right.
"""


def test_sort_leaves_out_doubt_under_arguments_for():
    topic = parse_notes(GOD)
    for seed in range(1, 15):
        q = get("sort").generate(topic, random.Random(seed), Options(seed=seed)).questions[0]
        assert not any("Agnostics" in e for e in q.body.examples)
        assert min(q.body.key.count(i) for i in range(2)) >= MIN_EACH


def test_sort_of_two_groups_with_one_item_in_one_is_refused():
    lopsided = GOD.replace("      - Science explains the origin of the universe with the Big Bang.\n", "") \
                  .replace("      - There are so many religions that they cannot all be right.\n", "")
    import pytest
    from quizforge.errors import NotEnoughMaterial
    with pytest.raises(NotEnoughMaterial):
        get("sort").generate(parse_notes(lopsided), random.Random(1), Options())


STOPPING = """\
title: Stopping distances
subject: Physics
outcome: stopping distance
factors:
  - {title: Tiredness, affects: thinking distance, effect: slower reactions}
  - {title: Alcohol, affects: thinking distance, effect: slower reactions}
  - {title: Mass of car, affects: braking distance, effect: more to stop}
  - {title: Icy road, affects: braking distance, effect: less grip}
  - {title: Quality of brakes, affects: braking distance, effect: worn brakes slip}
"""


def test_sort_factors_leaves_out_a_factor_named_after_its_outcome():
    topic = parse_notes(STOPPING)
    for seed in range(1, 10):
        q = get("sort-factors").generate(topic, random.Random(seed), Options(seed=seed)).questions[0]
        assert "Quality of brakes" not in q.body.examples  # 'brakes' beside 'Braking distance'
        assert sorted(q.body.key.count(i) for i in range(2)) == [2, 2]
    lopsided = STOPPING.replace("  - {title: Alcohol, affects: thinking distance, effect: slower reactions}\n", "")
    import pytest
    from quizforge.errors import NotEnoughMaterial
    with pytest.raises(NotEnoughMaterial, match="two or more for each"):
        get("sort-factors").generate(parse_notes(lopsided), random.Random(1), Options())
