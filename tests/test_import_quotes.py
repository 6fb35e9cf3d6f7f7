"""Import of quotations: a speaker only where the line says who speaks; a quote inside a sentence is commentary.

The cases are lines of real literature notes: a mind-map node named after a character files quotations
about or related to that character (Hecate's "Security is mortals chiefest enemy" under "Macbeth"), and
a name at the start of a long node does not carry over the commentary that follows it.
"""

from __future__ import annotations

from textwrap import dedent

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.importers import Source, import_source, quotes

PORTER = ("Macbeth 'Wake Duncan with thy knocking, I would thou couldst' Knocking symbolises guilt through "
          "'Bloody instructions' which 'plague the inventor' The Porter 'O, come in, Equivocator' ironic as he is "
          "talking to Macduff when really Macbeth is the equivocator 'We have scorched the snake not killed it' "
          "'Whats done cannot be un done'")


def by_words(text: str, character: str = "", person=None) -> dict[str, quotes.Found]:
    return {q.quote: q for q in quotes.find(text, character, person)}


@pytest.mark.parametrize("heading, line, words", [
    ("Macbeth", "'Security is mortals chiefest enemy'=Macbeth has no power to control what his destiny is",
     "Security is mortals chiefest enemy"),
    ("Banquo", "'Thou shalt get kings, though thou be none'=prophecy that Fleance will be king",
     "Thou shalt get kings, though thou be none"),
])
def test_a_heading_named_after_a_character_files_quotes_under_it_without_making_it_the_speaker(heading, line, words):
    found = by_words(line, heading)[words]
    assert (found.speaker, found.character) == ("", heading)


def test_a_name_is_not_carried_across_commentary():
    found = by_words(PORTER)
    assert (found["O, come in, Equivocator"].speaker, found["O, come in, Equivocator"].character) == ("", "The Porter")
    for words in ("We have scorched the snake not killed it", "Whats done cannot be un done"):
        assert (found[words].speaker, found[words].character) == ("", ""), words


def test_a_name_before_the_words_may_be_their_subject_not_their_speaker():
    found = quotes.find("Curley 'won't ever get canned (sacked) cause his old man's the boss'")
    assert [(q.speaker, q.character) for q in found] == [("", "Curley")]


def test_words_quoted_inside_a_running_sentence_belong_to_the_commentary():
    found = by_words(PORTER)
    assert "Bloody instructions" not in found and "plague the inventor" not in found
    assert found["Wake Duncan with thy knocking, I would thou couldst"].shows == (
        "Knocking symbolises guilt through 'Bloody instructions' which 'plague the inventor'")
    assert quotes.find("Knocking symbolises guilt through 'bloody instructions'") == []
    assert quotes.find("Macbeth is described as 'brave Macbeth' by the Captain") == []


@pytest.mark.parametrize("line, speaker, shows", [
    ("'Out, damned spot' - Lady Macbeth", "Lady Macbeth", ""),
    ("Lady Macbeth says 'Out, damned spot'", "Lady Macbeth", ""),
    ("'Out, damned spot', says Lady Macbeth, showing her guilt", "Lady Macbeth", "showing her guilt"),
    ("Macbeth: 'Is this a dagger which I see before me'", "Macbeth", ""),
    ("'Out, damned spot' (Lady Macbeth) shows her guilt", "Lady Macbeth", "shows her guilt"),
    ("Guilt is shown. Macbeth tells Banquo 'I think not of them'", "Macbeth", ""),
    ("In Act 5, Lady Macbeth tells him 'What's done cannot be undone'", "Lady Macbeth", ""),
])
def test_a_speaker_the_line_attaches_to_the_words_is_kept(line, speaker, shows):
    [found] = quotes.find(line, "Somebody else")
    assert (found.speaker, found.character, found.shows) == (speaker, "", shows)


def test_dialogue_labels_are_speakers():
    found = quotes.find("Slim: That ain't no good, George. George: I know I know")
    assert [(q.speaker, q.quote) for q in found] == [("Slim", "That ain't no good, George"), ("George", "I know I know")]


@pytest.mark.parametrize("line", ["'Fair is foul and foul is fair' - Oxymoron", "Quote: 'Fair is foul and foul is fair'",
                                  "'Fair is foul and foul is fair' - Metaphor, the witches"])
def test_a_label_or_a_device_is_not_a_speaker(line):
    assert all(q.speaker == "" for q in quotes.find(line))


def test_a_dash_or_label_name_the_notes_never_use_elsewhere_is_not_a_speaker():
    assert quotes.find("'Fair is foul and foul is fair' - Paradox", person=lambda name: False)[0].speaker == ""
    assert quotes.find("Lady Macbeth says 'Out, damned spot'", person=lambda name: False)[0].speaker == "Lady Macbeth"


def test_import_writes_the_character_and_asks_the_teacher_for_the_speaker():
    text = dedent("""\
        Macbeth
        1. Supernatural
        1.1. Macbeth
        1.1.1. 'Security is mortals chiefest enemy'=Macbeth has no power to control what his destiny is
        1.1.2. 'So foul and fair a day I have not seen'=echoes the witches so you see the link straight away
        1.2. The witches
        1.2.1. 'Fair is foul and foul is fair'=an oxymoron that shows nothing is what it seems
        2. Guilt
        2.1. Lady Macbeth 'Out, damned spot' shows her guilt 'What's done cannot be undone'
        2.2. 'A little water clears us of this deed' - Lady Macbeth
        2.3. Macbeth is haunted by his guilt and sees Banquo's ghost
        """)
    result = import_source(Source("macbeth.txt", text.encode(), ".txt"))
    quoted = {q.quote: q for q in result.topic.all_quotations()}
    assert quoted["Security is mortals chiefest enemy"].speaker == ""
    assert quoted["Security is mortals chiefest enemy"].character == "Macbeth"
    assert quoted["What's done cannot be undone"].character == "" and quoted["What's done cannot be undone"].speaker == ""
    assert quoted["A little water clears us of this deed"].speaker == "Lady Macbeth"
    assert "character: Macbeth" in result.yaml
    assert "if it is Macbeth, add 'speaker: Macbeth'" in result.yaml


# --- properties ---------------------------------------------------------------------------------------

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["Macbeth", "Lady Macbeth", "The Porter", "Banquo", "George", "Curley"])
WORD = st.sampled_from("guilt fear blood dark sleep snake king crown night witches power lonely dream ranch".split())
QUOTE = st.lists(WORD, min_size=2, max_size=6).map(" ".join)
COMMENT = st.lists(st.sampled_from("ironic shows his guilt because the audience know fear grows dramatic irony".split()),
                   min_size=1, max_size=8).map(" ".join).filter(lambda c: c.split()[-1] not in quotes.CONTINUES)


@SETTINGS
@given(NAMES, QUOTE, COMMENT, QUOTE)
def test_a_bare_name_never_becomes_a_speaker_nor_crosses_commentary(name, first, comment, second):
    found = quotes.find(f"{name} '{first}' {comment} '{second}'")
    assert [q.quote for q in found] == [first, second]
    assert all(q.speaker == "" for q in found)
    assert found[0].character == name and found[1].character == ""


@SETTINGS
@given(COMMENT, st.sampled_from(sorted(quotes.CONTINUES)), QUOTE)
def test_words_quoted_after_a_word_that_cannot_end_a_sentence_are_commentary(comment, joint, words):
    assert quotes.find(f"{comment} {joint} '{words}'") == []


PIECE = st.one_of(NAMES, QUOTE.map(lambda q: f"'{q}'"), COMMENT, st.sampled_from(["=", ".", ",", " "]))


@SETTINGS
@given(st.lists(PIECE, min_size=1, max_size=10).map(" ".join))
def test_without_a_label_a_dash_or_a_speech_verb_no_line_names_a_speaker(text):
    assert all(q.speaker == "" for q in quotes.find(text, "Heading"))
