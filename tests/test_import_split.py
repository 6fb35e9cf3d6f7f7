"""The spelling pass joins words typed in two ('Air ports' -> 'Airports'), conservatively: a false join is
worse than a missed one. Each join is reported as a correction is, and --keep-spelling keeps them as typed.

The figures behind the rule (Zipf, wordfreq's large list; the rarer word of the two in brackets):
  joined:  airports 3.93 (ports 4.07), seaport 2.91 (ports 4.07), classroom 4.15 (class 5.36),
           sunlight 3.86 (sun 4.97), workplace 4.04 (place 5.71), bathroom 4.54 (bath 4.44), childlike 2.94
  kept:    icecream, headteacher, sealevel, carbondioxide, watercycle, bloodvessel, powerstation: not in wbritish;
           dateline 2.69 (lines 4.95: more than 2.0 below); oxbow 2.17 (under 2.5);
           darkroom, greenhouse, blackbird: the first word is an adjective.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.importers import Source, contractions, import_source, read_source, spelling, splitwords, words
from quizforge.importers.tree import OutlineNode, Report

LISTS = words.load()
pytestmark = pytest.mark.skipif(LISTS is None, reason="wbritish and pyspellchecker are not installed")
JOINER = splitwords.Joiner(LISTS) if LISTS else None
DEV = Path(__file__).resolve().parent / "fixtures" / "dev"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def joined(text: str) -> str:
    return splitwords.join(text, JOINER)[0]


def spelt(*lines: str, keep: bool = False) -> tuple[list[str], list[str]]:
    """The lines after the whole spelling pass, and its report."""
    report = Report("n.txt")
    root = OutlineNode("", 0, tuple(OutlineNode(t, i + 1) for i, t in enumerate(lines)))
    fixed = spelling.correct_tree(root, report, LISTS, keep)
    return [n.text for n in fixed.walk() if n.line], report.lines()


@pytest.mark.parametrize("before, after", [
    ("Air ports and sea ports shut, disrupting tourism", "Airports and seaports shut, disrupting tourism"),
    ("— child like", "— childlike"),
    ("Child like", "Childlike"),  # the first letter's case is kept
    ("how child like and simple Lennie is", "how childlike and simple Lennie is"),
    ("Pupils work in the class room", "Pupils work in the classroom"),
    ("Plants need sun light to photosynthesise", "Plants need sunlight to photosynthesise"),
    ("Stress in the work place", "Stress in the workplace"),
    ("A bath room upstairs", "A bathroom upstairs"),  # 'bathroom' (4.54) is commoner than 'bath' (4.44)
    ("sea ports were closed", "seaports were closed"),  # a plural noun: a verb of its own follows
])
def test_words_typed_in_two_are_joined(before, after):
    assert joined(before) == after


@pytest.mark.parametrize("line", [
    # function words: both spellings are words with other meanings
    "go in to the room", "it may be true", "every day counts", "no one came", "break down the food",
    "set up a league",
    # compounds normally written as two words: the joined form is no dictionary word
    "ice cream", "the head teacher", "sea level rises", "carbon dioxide", "the water cycle", "a blood vessel",
    "a power station",
    # an adjective first: a phrase as written
    "a dark room", "a green house", "a black bird",
    "Key words", "key words: omnipotent",  # 'key' as an adjective; 'keywords' are a search's
    "name, class and date lines",  # 'dateline' is far rarer than 'lines'
    "a child like Lennie",  # 'like' a preposition
    "the sun set behind the hills",  # a verb in the past
    "the water falls as rain", "the clock works.",  # a verb in -s
    "Check list.", "Make shift well-defined",  # an instruction
    "fix the transfer ring",  # 'transferring' is a verb
    "'sun light' in a quotation", "the Sun Light company", "Air Ports", "sea-ports", "sun light-weight",
    "sun  light",  # two spaces: not a slip of one space
])
def test_words_that_are_two_words_stay_two(line):
    assert joined(line) == line


def test_quotations_and_a_glossary_term_are_not_joined_but_the_rest_of_the_line_is():
    lines, _ = spelt("\u2018sun light\u2019 in the class room", "sun light - energy from the sun in the work place")
    assert lines == ["\u2018sun light\u2019 in the classroom", "sun light - energy from the sun in the workplace"]


FRENCH = textwrap.dedent("""\
    | French | English |
    |-|-|
    | le physique | physique |
    | la taille | the height |
    | gamin(e) | child like |
    | la place du marché | the market place |
    | le son net | a clear sound |
    | je mesure | I measure |
    | les poids | weight |
    """)


def test_a_french_glossary_joins_no_french_word():
    result = import_source(Source("fr.md", FRENCH.encode(), ".md"))
    terms = {t.term: t.definition for t in result.topic.key_terms}
    assert terms["gamin(e)"] == "Childlike"
    assert terms["la place du marché"] == "The market place"  # 'place' is a French word too: not joined
    assert "le son net" in terms  # a French term is never joined ('sonnet')
    assert [r.message for r in result.remarks if r.kind == "corrected"] == ["'child like' -> 'childlike'"]


def test_a_french_line_in_english_notes_is_left_alone():
    line = "le son net de la cloche"
    assert spelt(line)[0] == [line]


def test_joins_are_reported_as_corrections_and_kept_with_keep_spelling():
    notes = "Volcano impacts\n  Economic\n    Air ports and sea ports shut\n  Social\n    Pupils kept in the class room\n"
    result = import_source(Source("n.txt", notes.encode(), ".txt"))
    report = "\n".join(result.report)
    for line, change in ((3, "'Air ports' -> 'Airports'"), (3, "'sea ports' -> 'seaports'"),
                         (5, "'class room' -> 'classroom'")):
        assert f"n.txt:{line}: corrected: {change}" in report
        assert f"#   line {line}: {change}" in result.yaml
    assert "Airports and seaports shut" in result.yaml

    kept = import_source(Source("n.txt", notes.encode(), ".txt"), keep_spelling=True)
    assert "Air ports and sea ports shut" in kept.yaml and "class room" in kept.yaml
    report = "\n".join(kept.report)
    assert "corrected" not in report
    assert "possible typo: 'Air ports' (perhaps 'Airports'); kept as typed (--keep-spelling)" in report


# --- properties ---------------------------------------------------------------------------------------

PIECES = st.sampled_from(["air ", "ports ", "sea ", "child ", "like ", "class ", "room ", "sun ", "light ", "work ",
                          "place ", "Air ", "the ", "and ", "in ", "to ", "set ", "up ", "ice ", "cream ", "key ",
                          "words ", "bath ", "shut ", "were ", ", ", ". ", "'", "-", " ", "x", "s "])
LINE = st.lists(PIECES, max_size=40).map("".join)


def has_candidate(text: str) -> bool:
    """Two words one space apart whose joined form is a dictionary word: the only thing the repair looks at."""
    tokens = list(re.finditer(r"[A-Za-z]+", text))
    return any(text[a.end():b.start()] == " " and (a[0] + b[0]).lower() in LISTS.british
               for a, b in zip(tokens, tokens[1:]))


@SETTINGS
@given(st.one_of(LINE, st.text(max_size=60)))
def test_text_with_no_candidate_pair_is_never_changed(line):
    if not has_candidate(line):
        assert splitwords.join(line, JOINER) == (line, [])


@SETTINGS
@given(st.one_of(LINE, st.text(max_size=60)))
def test_the_repair_is_idempotent_and_only_removes_spaces(line):
    once, changes = splitwords.join(line, JOINER)
    assert splitwords.join(once, JOINER) == (once, [])
    assert once.replace(" ", "") == line.replace(" ", "") and len(once) == len(line) - len(changes)


# --- the real dev notes: every join the rule makes, each checked by hand --------------------------------

DEV_JOINS = [
    ("09", 20, "'Air ports' -> 'Airports'"),  # 'ECONOMIC- Air ports and sea ports shut, disrupting tourism'
    ("09", 20, "'sea ports' -> 'seaports'"),
    ("13", 70, "'child like' -> 'childlike'"),  # '| gamin(e) | child like |': the English meaning
]


def joins(result) -> list[tuple[int, str]]:
    """The corrections that join two words ('un done' is a split prefix, mended by ``contractions``)."""
    out = []
    for remark in result.remarks:
        found = re.fullmatch(r"'(\w+) (\w+)' -> '(\w+)'", remark.message)
        if remark.kind == "corrected" and found and found[1] + found[2] == found[3] \
                and found[1].lower() not in contractions.PREFIXES:
            out.append((remark.line, remark.message))
    return out


def test_every_join_on_the_dev_notes_is_one_checked_by_hand():
    made = [(path.name[:2], line, message) for path in sorted(DEV.iterdir())
            for line, message in joins(import_source(read_source(path)))]
    assert made == DEV_JOINS
