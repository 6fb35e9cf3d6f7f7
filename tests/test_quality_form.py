"""quality.form: the right option must not stand out by its look (number, kind, grammar, length)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings, strategies as st

from quizforge.quality.form import agrees, bank_cues, cue, fits_gap, form, frame_cues, long_ones, number, same_grammar


def test_number_of_a_noun_phrase_and_of_a_definition():
    assert number("Sanctions") == "plural" and number("Sanction") == "singular"
    assert number("Britain and France") == "plural"
    assert number("The Treaty of Versailles") == "singular"  # the head is 'Treaty', not 'Versailles'
    assert number("Better-off peasants who owned more land than most.") == "plural"
    assert number("A communist who had joined before 1917.") == "singular"
    assert number("Cattle farmers in the north") == "plural"
    # a clause, an infinitive, a gerund or a 'when' definition has no number to judge
    assert number("To remove old rivals within the Party") == ""
    assert number("Repeating information in your head.") == ""
    assert number("When water sinks into the soil.") == ""


def test_kind_ignores_a_capital_that_only_starts_the_option():
    assert form("Membership").kind == "term" and form("Organisation").kind == "term"
    assert form("Stalin").kind == "name" and form("Joseph Stalin").kind == "name"
    assert form("1934").kind == "date"
    assert form("Throughflow").kind == ""  # unknown word: neither a name nor a term can be told
    # a long definition that mentions a year is a sentence, not a date
    assert form("A communist who had been a member of the party before the revolution of 1917.").kind == "term"


def test_the_only_plural_is_a_cue():
    options = ["Sanctions", "Membership", "Organisation", "Lack of an army"]
    assert cue(options, 0) == "number"
    assert cue(["Better-off peasants who owned more land.", "The small committee of senior leaders.",
                "A communist who joined before the revolution.", "A larger body elected at congresses."], 0) == "number"
    assert cue(["Sanctions", "Vetoes", "Organisation", "Lack of an army"], 0) == ""  # another plural: no cue


def test_the_only_person_or_date_or_sentence_is_a_cue():
    assert cue(["Stalin", "Collectivisation", "Industrialisation", "Membership"], 0) in ("kind", "")  # unknown words
    assert cue(["Joseph Stalin", "The economy", "The army", "The peasants"], 0) == "kind"
    assert cue(["1929", "The economy", "The army", "The peasants"], 0) == "kind"
    assert cue(["The USA never joined.", "Membership", "Organisation", "Power"], 0) == "shape"


def test_the_one_long_option_is_a_cue():
    long = "Without the richest and strongest country the League had no money or political backing at all."
    assert cue([long, "Slow decisions.", "No army.", "The veto."], 0) in ("shape", "length")
    shorter = "The League had no army of its own to enforce its decisions."
    assert cue([long, shorter, "It was slow to decide anything about Manchuria.", "Any member could veto."], 0) == ""
    assert cue(["The League had no army, so it could not stop Japan in Manchuria or Italy in Abyssinia at all.",
                "Any member could veto a decision.", "It took a year to decide on Manchuria.",
                "The USA never joined the League."], 0) == "length"
    assert cue(["No army.", long, "Slow decisions.", "The veto."], 0) == ""  # a long wrong one is no cue
    assert cue(["War.", "Peace.", "Treaty."], 0) == ""


def test_two_options_cannot_cue():
    assert cue(["Sanctions", "Membership"], 0) == ""


def test_agrees_by_form():
    assert agrees("Membership", "Organisation") and not agrees("Sanctions", "Membership")
    assert not agrees("Joseph Stalin", "The economy")
    assert agrees("To remove old rivals", "To control the peasants")


def test_a_bank_with_one_word_that_fits_the_gap():
    assert bank_cues(["erupted", "magma", "ash", "lava"], ["erupted"]) == ["erupted"]  # the only verb
    assert bank_cues(["erupted", "exploded", "collapsed", "lava"], ["erupted"]) == []
    assert bank_cues(["kulaks", "purge", "famine", "treaty"], ["kulaks"]) == ["kulaks"]  # the only plural noun
    assert bank_cues(["kulaks", "purges", "famine", "treaties"], ["kulaks"]) == []
    assert bank_cues(["Infiltration", "Percolation", "Watershed", "Mouth"], ["Infiltration", "Mouth"]) == []
    assert fits_gap("Infiltration", "Channel flow") and not fits_gap("erupted", "magma")


WORDS = ["Membership", "Organisation", "Sanctions", "Stalin", "1934", "The economy", "Old rivals", "Vetoes",
         "The USA never joined.", "Lack of an army", "Britain and France", "Tributary", "Confluence"]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_cue_is_a_property_of_the_set_not_the_order(seed):
    """Shuffling the wrong options never changes whether the right one stands out."""
    rng = random.Random(seed)
    options = rng.sample(WORDS, 4)
    right = options[0]
    shuffled = options[:]
    rng.shuffle(shuffled)
    assert bool(cue(options, 0)) == bool(cue(shuffled, shuffled.index(right)))
    # an option that agrees with every other one by form never stands out
    if all(agrees(right, w) for w in options[1:]):
        assert cue(options, 0) in ("", "length")


def test_one_long_item_in_a_matching_list():
    items = ["The USA never joined the League.", "Any member could veto a decision.",
             "The League had no army of its own.",
             "Without the richest and strongest country in the world the League had no money, no trade weapon "
             "and no political backing, and this weakened its power to act against aggressors."]
    assert long_ones(items) == [3]
    assert long_ones(items[:3]) == []
    assert long_ones(["Short.", "Also short."]) == []  # two items: no 'rest' to compare with


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=3, max_value=12), min_size=3, max_size=8))
def test_items_of_like_length_never_stand_out(sizes):
    """Lengths within a factor of two and six words of each other: no item is flagged."""
    base = min(sizes)
    sizes = [min(n, 2 * base, base + 5) for n in sizes]
    assert long_ones([" ".join(["word"] * n) for n in sizes]) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Mean", "Funny", True),            # adjectives, as a student reads them
    ("Funny", "a defect", False),       # an adjective and a noun with its article
    ("Mean", "To get on", False),       # a word and a verb
    ("To be easy going", "To be right", True),
    ("They are right", "We are right", False),    # two sentences, but the one 'they' among 'we' is picked by it
    ("I am _ cm tall", "I weigh _ kilograms", True),
    ("I am _ cm tall", "I am tired", False),       # the blank to fill is seen (blind review: '— I am _ cm tall')
    ("I will celebrate", "I am tired", True),
    ("Spoilt", "Excited/delighted", True),         # one word is no clause, even a verb form
    ("Hard-working", "Weight", False),             # a compound adjective (blind review: 'les poids' offered for it)
    ("Hard-working", "Lazy", True),
    ("They are right", "To be right", False),
    ("a defect (a flaw)", "a quality", True),     # what a bracket adds is not judged
])
def test_meanings_of_one_grammar(a, b, same):
    assert same_grammar(a, b) is same


def test_the_one_option_with_a_slot_or_another_person_is_a_cue():
    """Blind review: 'They are right' answered by 'ils ont raison', the one third-person option beside
    'Je pèse _ kilos'; '— I am _ cm tall' by 'Je mesure _ cm', the one bank entry with a blank."""
    assert cue(["Je mesure _ cm", "faible", "venir", "heureux"], 0) == "frame"
    assert cue(["They are right", "I am tired", "I will celebrate", "I weigh _ kilos"], 0) == ""
    assert cue(["They are right", "I am tired", "I will celebrate", "I like it"], 0) == "frame"
    assert frame_cues(["I am _ cm tall", "Happy", "Clumsy", "Rude"], ["I am _ cm tall", "Happy"]) == ["I am _ cm tall"]
    assert frame_cues(["I am _ cm tall", "I weigh _ kg", "I owe _ euros", "Rude"], ["I am _ cm tall"]) == []
