"""Quotation items as a head of English would check them: an asked speaker is one the notes state,
no item is built on mistyped words, a gloss is the note-taker's, and a reading is printed only as a sentence."""

from __future__ import annotations

import pytest

from quizforge.errors import NotEnoughMaterial
from quizforge.load import parse_notes
from quizforge.quoteslips import slips
from quizforge.strategies._quotes import focus_phrase, glossed, predicate, printed, usable

from .conftest import make

NOTES = """\
title: Macbeth
subject: English Literature
themes:
  - id: supernatural
    title: Supernatural
    quotes:
      - quote: Security is mortals' chiefest enemy
        character: Macbeth
        shows: that overconfidence will destroy Macbeth
      - quote: Thou shalt get kings, though thou be none
        character: Banquo
        shows: the prophecy that Banquo's sons will be kings
      - quote: I dreamt of the three weird sisters (the witches) last night
        speaker: Banquo
        shows: that Banquo cannot stop thinking about the prophecies
  - id: guilt
    title: Guilt
    quotes:
      - quote: Whats done cannot be un done
        speaker: Lady Macbeth
        shows: that Lady Macbeth knows the murder cannot be reversed
      - quote: Come you spirits. unsex me here
        speaker: Lady Macbeth
        shows: that Lady Macbeth calls on evil spirits
      - quote: Will all great Neptune's ocean wash this blood clean from my hand
        speaker: Macbeth
        shows: that Macbeth feels his guilt can never be washed away
      - quote: The thane of Fife had a wife, where is she now
        speaker: Lady Macbeth
        shows: ironic and dramatic irony because the audience knows
"""


@pytest.fixture
def topic():
    return parse_notes(NOTES)


@pytest.mark.parametrize("words, slip", [
    ("Whats done cannot be un done", "'Whats' has lost its apostrophe"),
    ("Whats done cannot be un done", "'un' stands apart from its word"),
    ("Come you spirits. unsex me here", "a full stop before 'unsex'"),
    ("Security is mortals chiefest enemy", "'mortals chiefest' may have lost an apostrophe"),
    ("Sure he's jes'like a kid", "no space after the apostrophe in 'jes'like'"),
])
def test_slips_in_a_quotation_are_named(words, slip):
    assert slip in slips(words)


@pytest.mark.parametrize("words", ["What's done cannot be undone", "Out, damned spot! out, I say!",
                                   "A huge man, shapeless of face... and he walked", "Get 'im, Lennie",
                                   "It is a tale told by an idiot", "Security is mortals' chiefest enemy",
                                   "Sure he's jes' like a kid", "I'll be there at ten o'clock", "he was honest"])
def test_words_as_the_writer_printed_them_have_no_slip(words):
    assert slips(words) == []


def test_mistyped_quotations_make_no_item(topic):
    kept = {q.quote for q in usable(topic, frozenset())}
    assert "Whats done cannot be un done" not in kept and "Come you spirits. unsex me here" not in kept
    for name in ("complete-quote", "who-says", "match-quotes", "present"):
        try:
            section = make(topic, name, count=20)
        except NotEnoughMaterial:
            continue
        text = " ".join(f"{q.prompt} {q.answer} {q.body}" for q in section.questions)
        assert "Whats" not in text and "unsex" not in text, name


def test_who_says_asks_only_for_a_speaker_the_notes_state(topic):
    section = make(topic, "who-says", count=20)
    asked = {q.prompt.split("\n")[1] for q in section.questions}
    assert "‘Security is mortals’ chiefest enemy’" not in asked  # filed under Macbeth: Hecate's words
    assert "‘Thou shalt get kings, though thou be none’" not in asked  # filed under Banquo: said to him
    assert all(q.body.points[0] in ("The speaker (1 mark): Banquo.", "The speaker (1 mark): Macbeth.")
               for q in section.questions)


def test_a_gloss_in_brackets_is_printed_as_an_editors_and_never_blanked(topic):
    assert glossed("I dreamt of them (the witches) last night") == "I dreamt of them [the witches] last night"
    quote = next(q for q in topic.all_quotations() if "weird sisters" in q.quote)
    assert printed(quote) == "‘I dreamt of the three weird sisters [the witches] last night’"
    for seed in range(1, 8):
        for q in make(topic, "complete-quote", seed=seed, count=10).questions:
            assert q.answer.lower() != "witches"


@pytest.mark.parametrize("shows, reading", [
    ("that Banquo feels guilty", "shows that Banquo feels guilty"),
    ("Banquo feels guilty about dreaming of the witches.", "shows that Banquo feels guilty about dreaming of the witches"),
    ("Knocking symbolises guilt", "shows that knocking symbolises guilt"),
    ("Stresses how childlike and simple Lennie is", "stresses how childlike and simple Lennie is"),
    ("the prophecy that Fleance will be king", "shows the prophecy that Fleance will be king"),
    ("irony, because the Porter is talking to Macduff", "shows irony, because the Porter is talking to Macduff"),
    ("Ironic and dramatic irony because the audience knows", ""),
    ("ironic as he is talking to Macduff", ""),
    ("means no harm", ""),
    ("He has a sense of justice", ""),  # no character to say who 'he' is
    ("Means no harm, just has no idea of his own strength", ""),
    ("Inviting the spirits.", ""),
    ("Prophecy that Fleance will be king.", ""),
])
def test_a_reading_is_printed_only_where_it_makes_a_sentence(topic, shows, reading):
    assert predicate(shows, parse_notes(NOTES.replace("character: Macbeth", "speaker: Banquo"))) == reading


def test_present_leaves_out_a_reading_that_makes_no_sentence(topic):
    section = make(topic, "present")
    text = " ".join(section.questions[0].body.indicative)
    assert "ironic and dramatic" not in text.lower() and "Whats" not in text


def test_an_adjective_naming_a_theme_reads_with_the(topic):
    assert focus_phrase(topic.themes[0], topic) == "the supernatural"
    assert focus_phrase(topic.themes[1], topic) == "guilt"


def test_who_says_tells_the_teacher_that_a_character_is_not_a_speaker():
    topic = parse_notes(NOTES.replace("speaker: Banquo", "character: Banquo").replace("speaker: Macbeth", "character: Macbeth")
                        .replace("speaker: Lady Macbeth", "character: Lady Macbeth"))
    with pytest.raises(NotEnoughMaterial, match="add speaker: where you know it"):
        make(topic, "who-says")


def test_he_in_a_reading_is_the_character_the_quotation_is_filed_under():
    from quizforge.strategies._quotes import reading
    topic = parse_notes("""\
title: Of Mice and Men
subject: English Literature
characters:
  - title: George
    quotes:
      - quote: Get 'im, Lennie
        shows: He has a sense of justice
""")
    assert reading(topic.all_quotations()[0], topic) == "shows that George has a sense of justice"


def test_a_modal_or_a_colloquial_filler_is_never_the_blank():
    from quizforge.strategies.complete_quote import blanks_in
    topic = parse_notes(NOTES)
    for words in ("What's done cannot be undone", "I seen the guys that go around ranches on their own",
                  "He hates big guys cause he ain't a big guy", "After a long time they get mean"):
        quote = parse_notes(NOTES.replace("Whats done cannot be un done", words)).themes[1].quotes[0]
        assert not {b.answer.lower() for b in blanks_in(quote, topic)} & {"cannot", "guys", "cause", "long"}, words


@pytest.mark.parametrize("shows, reading", [
    ("Means no harm, just has no idea of his own strength", "shows that Lennie means no harm, just has no idea of his own strength"),
    ("Reads people well, can tell when there's danger", "shows that Lennie reads people well, can tell when there’s danger"),
    ("Can't control himself", "shows that Lennie can’t control himself"),
    ("Stresses how childlike and simple Lennie is", "stresses how childlike and simple Lennie is"),
    ("Contrasts with George's care", ""),  # the line contrasts, not Lennie
    # what the character is like: 'is' makes it a sentence about them
    ("Caring, but also scared of ending up lonely", "shows that Lennie is caring, but also scared of ending up lonely"),
    ("Lonely and bitter", "shows that Lennie is lonely and bitter"),
    ("Ironic and dramatic irony because the audience knows", ""),  # a line is ironic, not a person
    ("Kind to George", ""),  # no second trait to show it is one
])
def test_a_reading_of_a_character_that_opens_with_a_verb_has_the_character_for_subject(shows, reading):
    topic = parse_notes("title: Of Mice and Men\nsubject: English Literature\nshape: characters\ncharacters:\n"
                        "  - title: Lennie\n    points: [Lennie depends on George.]\n")
    assert predicate(shows, topic, "Lennie", character=True) == reading
    assert predicate(shows, topic, "Lennie") == ("" if shows[0] in "MRCL" else reading)
