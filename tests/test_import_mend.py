"""The import's mending rules: contractions and split words, the one real word a slip away, sound-alikes
with evidence, clauses glued by a hyphen; each reported with its line, from -> to; --keep-spelling keeps all."""

from __future__ import annotations

import textwrap
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.importers import Source, confusables, contractions, import_source, spelling, text, words
from quizforge.importers.tree import OutlineNode, Report

LISTS = words.load()
needs_words = pytest.mark.skipif(LISTS is None, reason="wbritish and pyspellchecker are not installed")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spelt(lines: str, keep: bool = False) -> tuple[list[str], str]:
    report = Report("n.txt")
    root = OutlineNode("", 0, tuple(OutlineNode(t, i + 1) for i, t in enumerate(lines.splitlines())))
    fixed = spelling.correct_tree(root, report, LISTS, keep)
    return [n.text for n in fixed.walk() if n.line], "\n".join(report.lines())


def tree(*nodes: OutlineNode) -> OutlineNode:
    return OutlineNode("", 0, tuple(nodes))


# --- contractions and split words ------------------------------------------------------------------

@needs_words
@pytest.mark.parametrize("before, after", [
    ("Whats done cannot be un done", "What's done cannot be undone"),
    ("The USA doesnt join and Germany isnt allowed in", "The USA doesn't join and Germany isn't allowed in"),
    ("Theyre sure theres no proof", "They're sure there's no proof"),
    ("they cant afford an army", "they can't afford an army"),  # 'cant' before a verb's base form
    ("it wont work without the USA", "it won't work without the USA"),
    ("I dont believe in miracles", "I don't believe in miracles"),
    ("DOESNT matter", "DOESN'T matter"),
])
def test_missing_apostrophes_and_split_prefixes_are_mended(before, after):
    assert contractions.restore(before, LISTS)[0] == after


@needs_words
@pytest.mark.parametrize("line", [
    "its shell was well made and the soldiers were ill",  # both readings are common words: never touched
    "as was his wont",  # 'wont' the noun
    "they were wont to wander",  # not before a verb's base form
    "the cant of the politicians",  # 'cant' the noun
    "les mots dont je parle",  # French 'dont'
    "lets go home",
    "the designer Jony Ive drew it",  # a name
    "HES figures rose",  # an acronym
])
def test_words_that_are_words_keep_their_spelling(line):
    assert contractions.restore(line, LISTS) == (line, [])


@pytest.mark.parametrize("before, after", [
    ("Lots of people do n't believe", "Lots of people don't believe"),
    ("they ca n\u2019t go", "they can\u2019t go"),
    ("it 's true and I 'm sure", "it's true and I'm sure"),
    ("the 's' sound", "the 's' sound"),  # a quotation mark opening a word stays
])
def test_tokenised_contractions_are_joined(before, after):
    assert text.clean_text(before, "", None)[0] == after


@needs_words
def test_mended_contractions_are_reported_with_the_line_inside_quotations_too():
    texts, report = spelt("Themes\n'Whats done cannot be un done' says Lady Macbeth")
    assert texts[1] == "'What's done cannot be undone' says Lady Macbeth"
    assert "n.txt:2: corrected: 'Whats' -> 'What's'" in report
    assert "n.txt:2: corrected: 'un done' -> 'undone'" in report


# --- the one real word a slip away ----------------------------------------------------------------

@needs_words
@pytest.mark.parametrize("typo, fixed", [
    ("Telephase", "Telophase"),  # a vowel: the only known word one edit away
    ("oximoron", "oxymoron"),
    ("untill", "until"),  # a doubled letter
])
def test_the_only_real_word_a_slip_away_is_the_correction(typo, fixed):
    texts, report = spelt(f"Stages\n{typo} comes at the end of the cycle")
    assert texts[1] == f"{fixed} comes at the end of the cycle"
    assert f"n.txt:2: corrected: '{typo}' -> '{fixed}'" in report


@needs_words
def test_the_notes_own_spelling_elsewhere_counts_as_a_real_word():
    texts, report = spelt("Zorbitose breaks down the sugar\nthe zorbitase works fast in warm water\nzorbitose is an enzyme")
    assert texts[1] == "the zorbitase works fast in warm water".replace("zorbitase", "zorbitose")
    assert "n.txt:2: corrected: 'zorbitase' -> 'zorbitose'" in report
    texts, report = spelt("Zorbitose breaks down the sugar\nthe zorbitase works fast in warm water")
    assert "corrected" not in report  # each spelling once: which is the slip is not clear


@needs_words
@pytest.mark.parametrize("line, word", [
    ("Kirov was popular. Later Kamanev and Kamenev were tried and Kamenev was shot", "Kamanev"),  # a name
    ("mass spectrometres measure the mass of atoms", "spectrometres"),  # a British/American pair, not a slip
    ("snowmelt feeds the river in spring", "snowmelt"),  # the only near word is a name (Snowbelt)
])
def test_names_variants_and_rare_words_are_not_corrected(line, word):
    texts, report = spelt(line)
    assert word in texts[0] and "corrected" not in report


# --- sound-alikes ---------------------------------------------------------------------------------

def mended(root: OutlineNode, keep: bool = False) -> tuple[list[str], str]:
    report = Report("n.txt")
    fixed = confusables.correct_tree(root, report, keep)
    return [n.text for n in fixed.walk() if n.line], "\n".join(report.lines())


def test_a_sound_alike_is_mended_when_the_notes_spell_the_word_and_the_context_says_which():
    root = tree(OutlineNode("Thinking distance", 1, (OutlineNode("how far the car goes before the breaks are on", 2),)),
                OutlineNode("Braking distance", 3, (OutlineNode("affected by", 4, (OutlineNode("quality of breaks", 5),)),)))
    texts, report = mended(root)
    assert texts == ["Thinking distance", "how far the car goes before the brakes are on", "Braking distance",
                     "affected by", "quality of brakes"]
    assert "n.txt:2: corrected: 'breaks' -> 'brakes' (sounds alike; the notes spell 'braking' on line 3, and 'car'" in report
    assert "n.txt:5: corrected: 'breaks' -> 'brakes'" in report  # the heading above says 'braking'


def test_a_sound_alike_without_the_right_spelling_anywhere_is_only_flagged():
    texts, report = mended(tree(OutlineNode("the car goes until the breaks are on", 1)))
    assert texts == ["the car goes until the breaks are on"]
    assert "n.txt:1: check: possible sound-alike slip: 'breaks' (perhaps 'brakes', beside 'car'); kept as written" in report


@pytest.mark.parametrize("line", [
    "the process then immediately breaks and returns to step 1",  # no context: the other meaning
    "the old car breaks down on the motorway",  # a particle after it: its own meaning
    "breaking the speed limit doubles the braking distance",  # an article after it
])
def test_a_sound_alike_in_its_own_meaning_is_left_alone(line):
    texts, report = mended(tree(OutlineNode("Braking", 1), OutlineNode(line, 2)))
    assert texts[1] == line and "corrected" not in report


# --- clauses glued by a hyphen ----------------------------------------------------------------------

@needs_words
@pytest.mark.parametrize("before, after", [
    ("the League had no money or political backing-weakens the League's power.",
     "the League had no money or political backing; this weakens the League's power."),
    ("a self-contained unit", "a self-contained unit"),
    ("a well-known fact", "a well-known fact"),
    ("the x-rays show the bone", "the x-rays show the bone"),
    ("a long-lasting effect", "a long-lasting effect"),
    ("The Estates-General meets", "The Estates-General meets"),
])
def test_two_clauses_glued_by_a_hyphen_are_split_and_compounds_kept(before, after):
    assert text.clean_text(before, "", LISTS)[0] == after


# --- the report, the YAML and --keep-spelling -------------------------------------------------------

MESSY = textwrap.dedent("""\
    Stopping distances
      Thinking distance
        how far the car goes from seeing a hazard to putting on the breaks.
        Telephase is not a stage here, it is a test
      Braking distance
        Whats more, it doesnt stop at once
    """)


@needs_words
def test_every_correction_is_in_the_report_and_the_yaml_with_its_line():
    result = import_source(Source("n.txt", MESSY.encode(), ".txt"))
    report = "\n".join(result.report)
    for line, change in ((3, "'breaks' -> 'brakes'"), (4, "'Telephase' -> 'Telophase'"), (6, "'Whats' -> 'What's'"),
                         (6, "'doesnt' -> 'doesn't'")):
        assert f"n.txt:{line}: corrected: {change}" in report
        assert f"#   line {line}: {change}" in result.yaml
    assert "putting on the brakes" in result.yaml


@needs_words
def test_keep_spelling_keeps_everything_and_flags_it():
    result = import_source(Source("n.txt", MESSY.encode(), ".txt"), keep_spelling=True)
    for typed in ("the breaks.", "Telephase is", "Whats more", "doesnt stop"):
        assert typed in result.yaml
    report = "\n".join(result.report)
    assert "corrected" not in report
    assert "possible typo: 'Whats' (perhaps 'What's'); kept as typed (--keep-spelling)" in report
    assert "possible sound-alike slip: 'breaks' (perhaps 'brakes', beside 'car'); kept as typed" in report


# --- properties: no crash, linear time on long lines, the same output for the same input -------------

PIECES = st.sampled_from(["whats", "dont ", "cant ", "wont ", "un ", "done", "breaks ", "car ", "braking ", " ",
                          "-", "backing-weakens ", "it 's", "n't", "Telephase ", "a", "'", ",", ".", "the ", "x"])
LINE = st.lists(PIECES, max_size=300).map("".join)


@needs_words
@SETTINGS
@given(LINE)
def test_contractions_property(line):
    first = contractions.restore(line, LISTS)
    assert first == contractions.restore(line, LISTS)
    assert len(first[0]) <= len(line) + 2 * len(first[1])


@needs_words
@SETTINGS
@given(st.lists(LINE, min_size=1, max_size=6))
def test_sound_alike_property(lines):
    root = tree(*(OutlineNode(t, i + 1) for i, t in enumerate(lines)))
    assert mended(root) == mended(root)


@needs_words
@SETTINGS
@given(LINE)
def test_glued_clause_and_spelling_property(line):
    assert text.clean_text(line, "", LISTS) == text.clean_text(line, "", LISTS)
    assert spelt(line) == spelt(line)


@needs_words
def test_long_hostile_lines_take_linear_time():
    for line in ("a-" * 20_000, "whats " * 10_000, "breaks car " * 5_000, "x-weakens " * 5_000, "un " * 10_000,
                 "\u201c" * 20_000):
        start = time.perf_counter()
        contractions.restore(line, LISTS)
        text.clean_text(line, "", LISTS)
        mended(tree(OutlineNode("braking", 1), OutlineNode(line, 2)))
        assert time.perf_counter() - start < 5, line[:20]


def test_single_slip_needs_one_known_word_only():
    if LISTS is None:
        pytest.skip("no word lists")
    speller = spelling.Speller(LISTS, Counter())
    assert speller.single_slip("telephase") == "telophase"
    assert speller.single_slip("spectrometres") is None  # two known words one edit away


def test_the_report_shows_the_part_of_a_long_line_that_changed():
    before = "Without the richest and strongest country the League had no money or political backing-weakens its power"
    after = before.replace("backing-weakens", "backing; this weakens")
    shown = text.changed_part(before, after)
    assert "backing-weakens" in shown[0] and "backing; this weakens" in shown[1]
    assert text.changed_part("short", "Short.") == ("short", "Short.")


def test_a_point_whose_subject_is_a_pronoun_with_no_referent_is_marked_for_the_teacher():
    notes = textwrap.dedent("""\
        Why the League failed
          Membership
            The USA never joined the League.
            If they had been members earlier, they might have helped stop the crisis.
          Organisation
            Decisions had to be unanimous.
            The League had no army of its own.
        """)
    result = import_source(Source("n.txt", notes.encode(), ".txt"))
    assert "n.txt:4: check: \"If they had been members earlier, they" in "\n".join(result.report)
    assert "# CHECK (line 4):" in result.yaml


@pytest.mark.parametrize("before, after", [
    ("Where two rivers meet/join.", "Where two rivers meet or join."),
    ("The CPU gets the data/instruction held in the MAR.", "The CPU gets the data or instruction held in the MAR."),
    ("Speed in km/h.", "Speed in km/h."),  # a unit
    ("Answer and/or explain.", "Answer and/or explain."),
    ("Gentil/gentille means kind.", "Gentil/gentille means kind."),  # not English words
])
def test_two_words_either_side_of_a_slash_are_alternatives(before, after):
    from quizforge.importers.text import clean_text
    assert clean_text(before)[0] == after
