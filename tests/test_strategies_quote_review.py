"""Quotation questions against the blind review of the Macbeth and Of Mice and Men papers (rev4, report A):
blanks the line or the bank gives away, readings that judge someone else, the essay's wording and content.
The notes here are made up; the reviewer's examples are quoted in the docstrings."""

from __future__ import annotations

import random

from quizforge.load import parse_notes
from quizforge.strategies import get
from quizforge.strategies.base import Options
from quizforge.strategies.complete_quote import blanks_in

LANTERN = """\
title: The Lantern
subject: English Literature
themes:
  - id: light
    title: Light
    quotes:
      - quote: She whispered of them at dawn
      - quote: A lantern burns within the tower tonight
      - quote: The crown sits heavy upon the sleeping king
      - quote: Bring me the silver candle from the chapel
      - quote: Her mirror shows a stranger every morning
      - quote: The river carries his letters to the harbour
      - quote: The knot once tied cannot be untied
      - quote: Smaller than the sea, and wider
      - quote: We didn't want no quarrel
"""


def topic():
    return parse_notes(LANTERN, "n.yaml")


def answers_of(text: str) -> set[str]:
    t = topic()
    quote = next(q for q in t.all_quotations() if q.quote == text)
    return {b.answer for b in blanks_in(quote, t)}


def test_a_blank_that_holds_another_word_of_its_line_is_not_made():
    """Blind review: "What's done cannot be ___" ('done' gives 'undone')."""
    assert "untied" not in answers_of("The knot once tied cannot be untied")
    assert "knot" in answers_of("The knot once tied cannot be untied")


def test_a_comparative_set_against_another_is_not_blanked():
    """Blind review: "Lesser than Macbeth but ___" points straight to 'greater'."""
    assert "wider" not in answers_of("Smaller than the sea, and wider")


def test_a_blank_ending_a_line_needs_words_before_it_to_recall_it_by():
    """Blind review: "I didn't want no ___": almost any noun fits."""
    assert answers_of("We didn't want no quarrel") == set()
    assert "harbour" in answers_of("The river carries his letters to the harbour")


def test_a_verb_gap_is_left_out_when_no_spare_of_the_bank_is_a_verb_of_its_form():
    """Blind review: "I ___ of them last night" and "He ___ big guys": the answer was the only verb in the
    bank (the spares 'snake', 'ranches' can be verbs in a dictionary, but not where they sit in their lines)."""
    banked = 0
    for seed in range(1, 16):
        section = get("complete-quote").generate(topic(), random.Random(seed), Options(seed=seed))
        if section.word_bank:
            banked += 1
            assert "whispered" not in {q.answer for q in section.questions}, seed
            assert len(section.questions) == 4, "a gap the bank would answer is swapped for another, not just dropped"
    assert banked


def test_the_word_a_gloss_explains_is_never_blanked():
    """Blind review (04): "won't ever get ___ [sacked] cause his old man's the boss" printed the answer's meaning."""
    t = parse_notes(LANTERN.replace("      - quote: We didn't", "      - quote: The boy gets canned (sacked) by his uncle every summer\n      - quote: We didn't"))
    quote = next(q for q in t.all_quotations() if "canned" in q.quote)
    found = {b.answer for b in blanks_in(quote, t)}
    assert "canned" not in found and "uncle" in found


FARM = """\
title: The Long Field
subject: English Literature
characters:
  - id: tom
    title: Tom
    points:
      - Tom keeps the farm running after his father dies.
    quotes:
      - quote: There ain't no use crying over the barn
        speaker: Ruth
        shows: Ruth means Tom should stop grieving for the fire. By selling the land, Tom is a coward.
"""


def test_what_a_quotation_shows_is_its_readings_first_sentence_only():
    """Blind review (04): "What it shows: that Slim means Lennie would never survive being locked up. By
    killing a man he loves, George is a hero." The second sentence judges another character's act."""
    t = parse_notes(FARM, "n.yaml")
    section = get("who-says").generate(t, random.Random(1), Options())
    shows = section.questions[0].body.points[1]
    assert shows == "What it shows (2 marks): that Ruth means Tom should stop grieving for the fire."


def test_the_essay_names_the_author_as_exam_papers_do():
    """Blind review: "How does the writer present George in Of Mice and Men?": AQA and Edexcel name the author."""
    from quizforge.strategies.present import text_name, writer

    notes = FARM.replace("      - Tom keeps", "      - Tom sees the dream fail when Ruth sells the horses.\n"
                         "      - Tom tells Ruth the barn burned because of a careless lamp.\n      - Tom keeps")
    listed = parse_notes(notes.replace("The Long Field", "An Inspector Calls"), "n.yaml")
    named = parse_notes(notes.replace("The Long Field", "The Long Field by Ada Merrow"), "n.yaml")
    unknown = parse_notes(notes, "n.yaml")
    assert writer(listed) == "Priestley"  # from the English Literature profile's set texts
    assert (writer(named), text_name(named)) == ("Merrow", "The Long Field")
    assert writer(unknown) == "the writer"
    question = get("present").generate(named, random.Random(1), Options()).questions[0]
    assert question.prompt.startswith("How does Merrow present Tom in The Long Field?")
    assert "the methods Merrow uses to present Tom" in question.body.stimulus


CROWN = """\
title: The Iron Crown
subject: English Literature
themes:
  - id: ambition
    title: Ambition
    points:
      - The duke plots against the king from the first act.
      - Ambition makes the duke turn on his own brother.
    quotes:
      - quote: I will have the crown though all the world should burn
        shows: Shocks the audience because the duke would kill for the crown.
      - quote: Vaulting towers fall the hardest
        shows: foreshadows how the duke will downfall
  - id: loyalty
    title: Loyalty
    points:
      - The steward stays loyal to the king until the end.
      - The soldiers desert the duke when he loses the battle.
      - Loyalty is rewarded when the steward is made an earl.
  - id: context
    title: Context
    points:
      - Audiences at the time believed that ambition against a king was a sin against God.
      - People then believed that witches could raise storms.
"""


def test_the_essay_credits_context_that_names_its_focus_and_no_fragment():
    """Blind review (03): no AO3 point though the notes say "people then believed in witches", and
    "foreshadows how Macbeth will downfall" was credited."""
    t = parse_notes(CROWN, "n.yaml")
    essays = {}
    for seed in range(1, 5):
        q = get("present").generate(t, random.Random(seed), Options(seed=seed)).questions[0]
        essays[q.cause_id] = q.body.indicative
    assert set(essays) == {"ambition", "loyalty"}  # a context branch is never the focus
    ambition, loyalty = " ".join(essays["ambition"]), " ".join(essays["loyalty"])
    assert "ambition against a king was a sin against God. (AO3)" in ambition
    assert "shocks the audience because the duke would kill for the crown" in ambition
    assert "witches" not in ambition + loyalty and "sin against God" not in loyalty
    assert "downfall" not in ambition
    # blind review: "the obvious points are missing: ... 'murder sleep'" (a quotation with no reading)
    assert essays["ambition"][-1] == "Another apt quotation is ‘Vaulting towers fall the hardest’. (AO1)"


def test_gates_catch_the_note_writers_slips():
    """Blind review (03, 04): "foreshadows how Macbeth will downfall", "knowing its kinder than him being
    lynched", "George has sense of justice", "Lennies size"."""
    from quizforge import quality
    from quizforge.strategies._quotes import predicate

    assert "Q207" in quality.codes("The omen foreshadows how the duke will downfall.")
    assert "Q206" in quality.codes("Tom sells the horse, knowing its kinder than letting it starve.")
    assert "Q204" in quality.codes("The line shows that Tom has sense of duty.")
    for fine in ("The will of the people is ignored.", "The castle and its walls fall in the end.",
                 "Tom has a sense of duty.", "Ruth may well leave the farm.", "Its own walls fell.", "Ruth will go."):
        assert not {"Q204", "Q206", "Q207"} & set(quality.codes(fine)), fine
    t = parse_notes(FARM, "n.yaml")
    assert predicate("Shows Toms size and strength", t) == ""
    assert predicate("Shows Tom's size and strength", t) == "shows Tom’s size and strength"


def test_seed_two_asks_about_other_quotations_while_the_notes_have_them():
    """Blind review (04): seed 2 repeated seed 1's "That ain't no good, George" and its blanks."""
    from quizforge.assemble.paper import asked, assemble

    lines = ["The rain keeps falling on the empty barn", "Nobody listens to an old man in winter",
             "I seen the horses run wild across the valley", "My brother sold the farm for a handful of silver",
             "We ploughed the north field until the moon rose", "She sings to the cattle every single morning",
             "The well went dry the summer father left", "Tomorrow we ride to town with the wagon"]
    speakers = ["Ruth", "Tom", "Ruth", "Tom", "Ruth", "Tom", "Ruth", "Tom"]
    quotes = "".join(f"      - quote: {line}\n        speaker: {who}\n        shows: that {who} misses the old days\n"
                     for line, who in zip(lines, speakers))
    notes = FARM.split("    quotes:")[0] + "    quotes:\n" + quotes
    t = parse_notes(notes, "n.yaml")
    names = ("who-says", "complete-quote")
    options = {"complete-quote": Options(word_bank=False)}  # no gap swapped for the bank's sake
    first = assemble(t, 1, names, required=False, options=options).paper
    second = assemble(t, 2, names, required=False, options=options, previous=asked(first)).paper
    for name in names:
        one = {s for q in first.questions if q.strategy == name for s in q.sources if s.startswith("quote:")}
        two = {s for q in second.questions if q.strategy == name for s in q.sources if s.startswith("quote:")}
        assert one and two and not one & two, name


def test_a_teachers_profile_can_list_its_own_set_texts(tmp_path):
    from quizforge.errors import SourceError
    from quizforge.subjects import profile_for
    import pytest

    mine = tmp_path / "mine.yaml"
    mine.write_text("title: Mine\nmarking: levels\npapers:\n  default:\n    - strategy: present\n"
                    "authors:\n  The Long Field: Merrow\n")
    assert profile_for("English Literature", str(mine)).author_of("Long Field") == "Merrow"
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("title: Mine\nmarking: levels\npapers:\n  default:\n    - strategy: present\n"
                     "authors:\n  - The Long Field\n")
    with pytest.raises(SourceError) as info:
        profile_for("English Literature", str(wrong))
    assert "authors" in str(info.value.problems[0])


def test_sweep_every_banked_gap_has_a_spare_that_fits_it_as_its_line_reads():
    from pathlib import Path

    from quizforge.load import load_notes
    from quizforge.strategies import complete_quote as cq

    fixtures = Path(__file__).parent / "fixtures" / "notes"
    for t in [load_notes(fixtures / "03-macbeth.yaml"), load_notes(fixtures / "04-of-mice-and-men.yaml"), topic()]:
        blanks = {b.answer: b for q in t.all_quotations() for b in cq.blanks_in(q, t)}
        for seed in range(1, 11):
            section = get("complete-quote").generate(t, random.Random(seed), Options(seed=seed))
            if not section.word_bank:
                continue
            gaps = {q.answer for q in section.questions}
            for q in section.questions:
                gap = next(b for b in cq.blanks_in(next(x for x in t.all_quotations() if x.id == q.body.source_id), t)
                           if b.answer == q.answer)
                spares = [blanks[w] for w in section.word_bank if w not in gaps and w in blanks]
                assert any(cq._fits(gap, s) for s in spares), (seed, q.answer, section.word_bank)
