"""Quotation strategies (who-says, complete-quote, match-quotes, present): themes, characters and quotations."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.assemble import assemble
from quizforge.cli import main
from quizforge.errors import NotEnoughMaterial, OptionError
from quizforge.export import available as exporters
from quizforge.export.base import ExportContext
from quizforge.load import load_notes, parse_notes
from quizforge.quality.form import bank_cues
from quizforge.model import Extended, Gap, Match, ShortAnswer
from quizforge.practice.askers import ask_gap, ask_short
from quizforge.practice.checking import accepted
from quizforge.selftest.bodies import encode_body
from quizforge.strategies import Options, get
from quizforge.strategies._quotes import curly, names_in, printed, word_count
from quizforge.strategies._text import STOP_WORDS, normalise
from quizforge.strategies.complete_quote import WEAK_WORDS
from quizforge.strategies.present import _items as present_items, text_name

LIT = ("complete-quote", "match-quotes", "who-says", "present")

# Speakers as in the play; readings written for these tests.
MACBETH = """\
title: "Macbeth: themes and quotations"
subject: English Literature
themes:
  - id: supernatural
    title: The supernatural
    points:
      - Lady Macbeth talks in rhyme like the witches, and in iambic pentameter.
      - An audience at the time believed that witches were real and dangerous.
    quotes:
      - quote: Fair is foul, and foul is fair
        speaker: The witches
        shows: that in the play nothing is what it seems
      - quote: The instruments of darkness tell us truths
        speaker: Banquo
        shows: that Banquo distrusts the witches even when they tell the truth
      - quote: Come, you spirits that tend on mortal thoughts, unsex me here
        speaker: Lady Macbeth
        shows: that Lady Macbeth calls on evil spirits to take away her softness
      - quote: Is this a dagger which I see before me
        speaker: Macbeth
        shows: that Macbeth's mind is troubled by what he is about to do
      - quote: Thou shalt get kings, though thou be none
        speaker: The witches
        shows: the prophecy that Banquo's children will be kings
  - id: guilt
    title: Guilt
    points:
      - The knocking at the gate symbolises Macbeth's guilt.
    quotes:
      - quote: Out, damned spot! out, I say!
        speaker: Lady Macbeth
        shows: that Lady Macbeth cannot wash away her guilt
      - quote: Will all great Neptune's ocean wash this blood clean from my hand?
        speaker: Macbeth
        shows: that Macbeth feels his guilt can never be washed away
      - quote: Macbeth does murder sleep
        speaker: Macbeth
        shows: that guilt will rob Macbeth of rest
      - quote: What's done cannot be undone
        speaker: Lady Macbeth
        shows: that Lady Macbeth knows the murder cannot be taken back
      - quote: I know, I know
        speaker: Macbeth
        shows: nothing
      - quote: A little water clears us of this deed
        speaker: Lady Macbeth
        shows: that Lady Macbeth thinks the murder can be washed off as easily as the blood
"""

MICE = """\
title: Of Mice and Men
subject: English Literature
characters:
  - id: george
    title: George
    points:
      - George keeps feeding Lennie the dream of a ranch of their own.
    quotes:
      - quote: Guys like us, that work on ranches, are the loneliest guys in the world
        speaker: George
        shows: that George knows how lonely the life of a ranch worker is
      - quote: You keep away from Curley, Lennie
        speaker: George
        shows: that George reads people well
      - quote: That ain't no good, George.
        speaker: Slim
        shows: that Lennie would never survive being locked up
  - id: lennie
    title: Lennie
    points:
      - Lennie depends on George and always does what he is told.
    quotes:
      - quote: A huge man, shapeless of face, with large, pale eyes
        shows: Lennie's size and strength
      - quote: I didn't want no trouble
        speaker: Lennie
        shows: that Lennie means no harm
  - id: curley
    title: Curley
    points:
      - Curley starts a fight with Lennie, which ends with Curley's hand getting crushed.
    quotes:
      - quote: He hates big guys... Kind of like he's mad at 'em cause he ain't a big guy
        shows: that Curley is set on proving he is a big man
      - quote: won't ever get canned cause his old man's the boss
        shows: that Curley stands for injustice
"""

RS = """\
title: The existence of God
subject: Religious Studies
themes:
  - title: Design
    points:
      - Some people believe the world is so ordered that someone must have designed it.
      - The argument compares the world to a watch that needs a watchmaker.
      - Atheists reply that evolution explains the order in nature.
"""


def topic_of(text=MACBETH):
    return parse_notes(text, "n.yaml")


def run(name, topic, seed=1, **options):
    return get(name).generate(topic, random.Random(seed), Options(**options))


# --- printing quotations ----------------------------------------------------------------


def test_quotes_print_with_curly_marks_and_keep_elisions():
    assert curly("comes through 'bloody instructions', which 'plague'.") == "comes through ‘bloody instructions’, which ‘plague’."
    assert curly("Get 'im, Lennie") == "Get ’im, Lennie"
    assert curly("mad at 'em cause he ain't") == "mad at ’em cause he ain’t"
    assert curly("mortals' chiefest enemy") == "mortals’ chiefest enemy"


def test_names_in_finds_a_name_in_its_forms():
    assert names_in("Macbeth does murder sleep", "Macbeth")
    assert names_in("George'll be mad", "George")
    assert names_in("the witches' cauldron", "The witches")
    assert not names_in("Out, damned spot", "Lady Macbeth")


def test_text_name_drops_what_the_notes_are():
    assert text_name(topic_of()) == "Macbeth"
    assert text_name(topic_of(MICE)) == "Of Mice and Men"


# --- who says this -------------------------------------------------------------------------


def test_who_says_marks_speaker_and_reading():
    topic = topic_of()
    section = run("who-says", topic, count=9)
    assert section.questions
    by_quote = {q.quote: q for q in topic.all_quotations()}
    for q in section.questions:
        body: ShortAnswer = q.body
        words = q.prompt.split("\n")[1]
        quote = by_quote[words.strip("‘’").replace("’", "'")]
        # a short line ('Out, damned spot') has no phrase to pick out and explain: 1 mark for what it shows
        assert q.marks == (3 if len(quote.quote.split()) >= 6 else 2)
        assert q.prompt.startswith("Who says this, and what does it show about ")
        assert not names_in(q.prompt, quote.speaker), "the speaker must not be printed next to the words"
        assert body.points[0] == f"The speaker (1 mark): {quote.speaker}."
        assert curly(quote.shows.rstrip(".")) in body.points[1]
        assert any(g.startswith("Allow any other reasonable interpretation that links these words to") for g in q.guidance)
        assert q.sources == (f"quote:{quote.id}", f"speaker:{quote.id}")
    assert {q.marks for q in section.questions} == {2, 3}
    quotes = [q.prompt.split("\n")[1] for q in section.questions]
    assert "‘Macbeth does murder sleep’" not in quotes, "words that name their speaker give the answer away"
    assert "‘I know, I know’" not in quotes, "words anyone could say are not a question"


def test_who_says_support_tier_is_two_marks_and_character_prompts_name_no_one():
    assert {q.marks for q in run("who-says", topic_of(), tier="support").questions} == {2}
    section = run("who-says", topic_of(MICE), count=9)
    speakers = {q.body.points[0] for q in section.questions}
    assert "The speaker (1 mark): Slim." in speakers
    assert all(q.prompt.startswith("Who says this, and what does it show?\n") for q in section.questions)
    assert not any("Lennie didn" in q.prompt for q in section.questions)


def test_who_says_instructions_speak_of_one_quotation_when_there_is_one():
    assert run("who-says", topic_of(), count=1).instructions == "Say who says the quotation and explain what it shows."
    assert run("who-says", topic_of(), count=3).instructions.startswith("For each quotation, ")


def test_who_says_needs_speakers_and_readings():
    with pytest.raises(NotEnoughMaterial, match="speaker"):
        run("who-says", topic_of(RS))
    only_words = "title: T\nquotations:\n  - quote: Out, damned spot! out, I say!\n"
    with pytest.raises(NotEnoughMaterial):
        run("who-says", topic_of(only_words))


# --- complete the quotation -------------------------------------------------------------


def test_complete_quote_blanks_a_distinctive_word():
    topic = topic_of()
    section = run("complete-quote", topic, count=9)
    originals = [curly(q.quote) for q in topic.all_quotations()]
    assert len(section.questions) >= 3  # a blank only its own answer's grammar fits in the bank is left out
    for q in section.questions:
        gap: Gap = q.body
        whole = (gap.before + gap.answer + gap.after).strip("‘’")
        assert whole in originals
        assert len(whole.split()) >= 5
        assert gap.answer.lower() not in STOP_WORDS | WEAK_WORDS and len(gap.answer) >= 4
        assert gap.before.strip("‘").strip(), "never the first word"
        assert gap.answer.lower() not in normalise(gap.before + " " + gap.after).split()
    answers = {q.body.answer for q in section.questions}
    assert answers <= set(section.word_bank) and len(section.word_bank) > len(answers)
    # blind review: 'He ___ big guys' could take only 'hates', the one verb of its bank
    assert not bank_cues(section.word_bank, sorted(answers))
    assert not any("Fair is" in q.body.before for q in section.questions), "every word of it is repeated"


def test_complete_quote_bank_only_when_asked_and_prompt_names_speaker():
    section = run("complete-quote", topic_of(), word_bank=False)
    assert section.word_bank == ()
    assert "word bank" not in section.instructions
    assert all(re.fullmatch(r"Complete this quotation( from [A-Z][\w ]+)?\.", q.prompt.replace("the witches", "The witches"))
               for q in section.questions)


def test_complete_quote_needs_two_quotations():
    with pytest.raises(NotEnoughMaterial):
        run("complete-quote", topic_of("title: T\nquotations:\n  - quote: So foul and fair a day I have not seen\n"))


# --- match quotations -------------------------------------------------------------------


def test_match_quotes_to_themes_each_fits_one():
    topic = topic_of()
    owner = {printed(q): q.branch_id for q in topic.all_quotations()}
    titles = {b.id: b.title for b in topic.themes}
    for seed in range(10):
        q = run("match-quotes", topic, seed).questions[0]
        body: Match = q.body
        assert body.left_label == "Theme" and body.right_label == "Quotation"
        for example, k in zip(body.examples, body.key):
            assert titles[owner[example]] == body.causes[k]
            assert not names_in(example, "Guilt") and "guilt" not in example.lower()


def test_match_quotes_to_characters_drops_quotes_naming_characters():
    topic = topic_of(MICE)
    for seed in range(10):
        body: Match = run("match-quotes", topic, seed).questions[0].body
        assert body.left_label == "Character"
        for example in body.examples:
            assert not any(names_in(example, name) for name in ("George", "Lennie", "Curley"))
        assert "Curley" in body.causes and len(body.causes) == 3


def test_match_quotes_leaves_out_a_group_with_nothing_of_its_own_and_falls_back_to_speakers():
    text = MICE.replace("      - quote: A huge man, shapeless of face, with large, pale eyes\n        shows: Lennie's size and strength\n", "")
    text = text.replace("      - quote: I didn't want no trouble\n        speaker: Lennie\n        shows: that Lennie means no harm\n",
                        "      - quote: Tell about the rabbits, George\n")
    # George needs a second quotation of his own: two groups take two quotations each
    text = text.replace("        shows: that George reads people well\n", "        shows: that George reads people well\n"
                        "      - quote: We got a future\n        speaker: George\n        shows: that George still believes in the dream\n")
    body = run("match-quotes", topic_of(text)).questions[0].body
    assert "Lennie" not in body.causes
    flat = "title: T\nquotations:\n" + "".join(
        f"  - quote: {w}\n    speaker: {s}\n" for w, s in [("Out, damned spot! out, I say!", "Lady Macbeth"),
                                                      ("Is this a dagger which I see before me", "Macbeth"),
                                                      ("Stars, hide your fires", "Macbeth"),
                                                      ("Look like the innocent flower", "Lady Macbeth")])
    q = run("match-quotes", topic_of(flat)).questions[0]
    assert q.prompt.startswith("Each quotation, A to D, is spoken by one of the characters")
    assert set(q.body.causes) == {"Lady Macbeth", "Macbeth"}


def test_match_quotes_of_two_groups_needs_two_quotations_in_each():
    text = MICE.replace("      - quote: A huge man, shapeless of face, with large, pale eyes\n        shows: Lennie's size and strength\n", "")
    text = text.replace("      - quote: I didn't want no trouble\n        speaker: Lennie\n        shows: that Lennie means no harm\n",
                        "      - quote: Tell about the rabbits, George\n")
    with pytest.raises(NotEnoughMaterial, match="two of each"):  # George has one of his own, Curley two: 1:2
        run("match-quotes", topic_of(text))


def test_match_quotes_needs_two_groups():
    with pytest.raises(NotEnoughMaterial):
        run("match-quotes", topic_of(RS))


# --- how does the writer present --------------------------------------------------------


def test_present_levels_from_objectives_and_indicative_from_the_notes():
    topic = topic_of()
    q = run("present", topic, seed=3).questions[0]
    body: Extended = q.body
    branch = topic.cause(body.cause_id)
    assert q.prompt.startswith(f"How does Shakespeare present {branch.title[0].lower() + branch.title[1:]} in Macbeth?")
    assert q.marks == 30 and body.spag == ()
    assert [lv.high for lv in body.levels] == [6, 12, 18, 24, 30]
    assert all(all(ao in lv.descriptor for ao in ("AO1", "AO2", "AO3")) for lv in body.levels)
    assert len(body.stimulus) == 3
    for item in body.indicative:
        assert re.search(r"[.!?] \((AO\d(, AO\d)*)\)$", item), item
    if branch.id == "supernatural":
        assert "Lady Macbeth talks in rhyme like the witches, and in iambic pentameter. (AO2)" in body.indicative
        assert "An audience at the time believed that witches were real and dangerous. (AO3)" in body.indicative


def test_present_ao4_only_with_the_ao4_profile():
    q = run("present", topic_of(MICE), profile="present-30-ao4").questions[0]
    assert q.marks == 34 and q.body.spag[-1].high == 4
    with pytest.raises(OptionError):
        run("present", topic_of(MICE), profile="how-far-16")


def test_present_only_for_literature_and_a_branch_with_enough():
    with pytest.raises(NotEnoughMaterial, match="literature"):
        run("present", topic_of(RS))
    thin = "title: Macbeth\nsubject: English Literature\nthemes:\n  - title: Kingship\n    points:\n      - Duncan is a good king.\n"
    with pytest.raises(NotEnoughMaterial, match="at least 3"):
        run("present", topic_of(thin))


# --- the paper, the screen and the exports ----------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), text=st.sampled_from([MACBETH, MICE]))
def test_paper_property(seed, text):
    topic = topic_of(text)
    first = assemble(topic, seed, LIT, required=False).paper
    assert first == assemble(topic, seed, LIT, required=False).paper, "same notes + seed = same paper"
    quotes = {curly(q.quote): q for q in topic.all_quotations()}
    blanked = [q for q in first.questions if isinstance(q.body, Gap)]
    others = [q for q in first.questions if not isinstance(q.body, Gap)]
    printed_elsewhere = " ".join(q.prompt + " ".join(getattr(q.body, "examples", ())) for q in others)
    for q in blanked:
        whole = (q.body.before + q.body.answer + q.body.after).strip("‘’")
        assert whole in quotes, "the answer is in the notes"
        assert whole not in printed_elsewhere, "no other question prints a blanked quotation"
    for q in first.questions:
        if isinstance(q.body, ShortAnswer):
            quote = quotes[q.prompt.split("\n")[1].strip("‘’")]
            assert not names_in(q.prompt, quote.speaker), "the speaker is not printed next to the words"
            assert q.body.points[0].endswith(f"{quote.speaker}.") and curly(quote.shows) in q.body.points[1]
        if isinstance(q.body, Match):
            assert len(set(q.body.examples)) == len(q.body.examples)
    speakers = [s for q in first.questions for s in q.sources if s.startswith("speaker:")]
    assert len(speakers) == len(set(speakers)), "no question shows a speaker another asks for"


def test_cli_builds_a_quotation_paper(tmp_path):
    notes = tmp_path / "macbeth.yaml"
    notes.write_text(MACBETH, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(notes), "--out", str(tmp_path / "out"), "--format", "html",
                                       "--strategies", ",".join(LIT)])
    assert result.exit_code == 0, result.output
    worksheet = (tmp_path / "out" / "macbeth" / "worksheet.html").read_text(encoding="utf-8")
    markscheme = (tmp_path / "out" / "macbeth" / "markscheme.html").read_text(encoding="utf-8")
    assert "Who says this, and what does it show about" in worksheet
    assert "Complete this quotation" in worksheet and "Write about:" in worksheet
    assert "Enquiry question" not in worksheet, "notes without a question print no enquiry line"
    assert "Indicative content from the notes" in markscheme and "Allow any other reasonable interpretation" in markscheme


def test_screen_and_practice_ask_quotation_questions():
    paper = assemble(topic_of(), 1, LIT).paper
    who = next(q for q in paper.questions if q.strategy == "who-says")
    assert encode_body(who)["type"] == "extended", "a written answer is self-marked, not string-matched"
    gap = next(q for q in paper.questions if q.strategy == "complete-quote")
    assert encode_body(gap)["type"] == "gap"

    class Script:
        def __init__(self, answers):
            self.answers, self.lines = list(answers), []

        def say(self, text=""):
            self.lines.append(text)

        def ask(self, prompt):
            return self.answers.pop(0)

    outcome = ask_short(who, Script(["Lady Macbeth, it shows guilt", "1 2"]), {})
    assert outcome.right
    assert not ask_short(who, Script(["no idea", ""]), {}).right
    gap = next(q for q in paper.questions if q.strategy == "complete-quote" and len(q.body.answer) >= 5)
    answer = gap.body.answer
    slip = answer[:-1] + ("x" if answer[-1] != "x" else "y")  # one letter wrong
    assert ask_gap(gap, Script([slip]), {}).right
    assert not ask_gap(gap, Script(["zzzz"]), {}).right


def test_typed_quotation_words_forgive_small_slips_only():
    assert accepted("chiefist", ["chiefest"]) and accepted("instrumints", ["instruments"])
    assert not accepted("sun", ["son"]) and not accepted("kingdom", ["kings"])


def test_every_export_carries_the_quotation_questions():
    paper = assemble(topic_of(), 2, LIT).paper
    for name, exporter in exporters().items():
        data = exporter.export(paper, ExportContext())
        if data[:2] == b"PK":  # a zip (Anki, QTI packages): the questions are inside
            import io
            import zipfile
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                data = b"".join(z.read(n) for n in z.namelist() if n.endswith((".xml", ".txt", ".csv")))
            if not data:
                continue
        data = data.decode("utf-8", errors="replace")
        for q in paper.questions:
            if q.strategy == "complete-quote" and name not in ("quizlet", "anki"):
                assert q.body.before.strip("‘")[:12].replace("’", "") in data.replace("’", "").replace("&#8217;", ""), name
        assert "‘" in data or "&#8216;" in data or "\\u2018" in data, name
    gift = exporters()["gift"].export(paper, ExportContext()).decode("utf-8")
    assert len(re.findall(r"^::Q\d+ ", gift, re.M)) == len(paper.questions), "GIFT keeps questions filed under themes"


FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@pytest.mark.parametrize("name", ["03-macbeth", "04-of-mice-and-men"])
@pytest.mark.parametrize("seed", [1, 2])
def test_fixture_gets_quotation_questions(name, seed):
    topic = load_notes(FIXTURES / f"{name}.yaml")
    paper = assemble(topic, seed, LIT, required=False).paper
    # Of Mice and Men: once the other questions take theirs, a character may keep too few quotations of
    # its own to match (a 1:2 match of two characters is a guess), so none is made at some seeds
    got = [s.strategy for s in paper.sections]
    optional = {"match-quotes"} if name == "04-of-mice-and-men" else set()
    assert got == [s for s in LIT if s in got] and set(LIT) - set(got) <= optional
    quotes = {curly(q.quote): q for q in topic.all_quotations()}
    for q in paper.questions:
        if q.strategy == "complete-quote":
            assert (q.body.before + q.body.answer + q.body.after).strip("‘’") in quotes
        if q.strategy == "who-says":
            quote = quotes[q.prompt.split("\n")[1].strip("‘’")]
            assert quote.speaker and quote.shows and q.marks == (3 if word_count(quote.quote) >= 6 else 2)
        if q.strategy == "match-quotes":
            assert len(q.body.examples) >= 3
        if q.strategy == "present":
            assert q.marks == 30 and len(q.body.indicative) >= 3
            assert all(item.endswith(")") and "(AO" in item for item in q.body.indicative)


def test_fixture_speakers_the_play_contradicts_are_never_asked():
    paper = assemble(load_notes(FIXTURES / "03-macbeth.yaml"), 1, ("who-says",), options={"who-says": Options(count=20)}).paper
    asked = {q.prompt.split("\n")[1] for q in paper.questions}
    assert len(asked) >= 8
    assert not asked & {"‘instruments of darkness’", "‘Security is mortals’ chiefest enemy’",
                        "‘Thou shalt get kings, though thou be none’", "‘circle the cauldron’"}


def test_religious_studies_fixture_gets_no_literature_questions():
    topic = load_notes(FIXTURES / "10-existence-of-god.yaml")
    for name in LIT:
        with pytest.raises(NotEnoughMaterial):
            run(name, topic)


def test_quotations_pass_the_gates_as_a_writers_words_but_scraps_do_not():
    from quizforge import quality
    assert quality.ok("‘look not like the inhabitants of the earth’", "quotation")
    assert quality.ok("‘Out, out damned spot’", "quotation")
    assert not quality.ok("‘look not like the inhabitants of the earth’", "statement")
    assert not quality.ok("1. circle the cauldron", "quotation") and not quality.ok("circle -> cauldron", "quotation")
    notes = load_notes(FIXTURES / "03-macbeth.yaml")
    indicative = [item for seed in range(1, 7) for q in assemble(notes, seed, LIT).paper.questions
                  if q.strategy == "present" for item in q.body.indicative]  # the themes are taken in turns
    assert any("Out, out damned spot" in item for item in indicative)


def test_present_takes_its_theme_in_turns_so_seed_two_writes_on_another():
    topic = topic_of()
    usable = {b.id for b in topic.themes if present_items(b, topic) >= 3}
    assert len(usable) >= 2
    foci = [get("present").generate(topic, random.Random(0), Options(seed=seed)).questions[0].body.cause_id
            for seed in range(1, len(usable) + 1)]
    assert set(foci) == usable  # consecutive seeds share nothing while the themes last
    again = get("present").generate(topic, random.Random(99), Options(seed=1)).questions[0].body.cause_id
    assert again == foci[0]  # the paper's seed decides, not the random stream


def test_present_mark_scheme_prints_literatures_skills_before_the_content():
    from quizforge.render.html import render_html

    topic = topic_of()
    body = run("present", topic).questions[0].body
    assert [s[:4] for s in body.skills] == ["AO1:", "AO2:", "AO3:"]
    assert all(word in body.skills[1] for word in ("language", "structure", "form"))
    html = render_html(assemble(topic, 1, ("present",)).paper, "markscheme")
    assert html.index("What to reward") < html.index("Indicative content") < html.index("Marking guidance")


def test_complete_quote_blanks_the_writers_choice_not_an_everyday_word():
    """'His [arms]… hung loosely' beside 'shapeless': the rarer word is the image worth learning (blind review:
    "blanks an incidental word that tells you nothing about Lennie")."""
    from quizforge.strategies.complete_quote import blanks_in

    topic = topic_of("title: T\nsubject: English Literature\nthemes:\n  - title: Lennie\n    points: [Lennie is strong.]\nquotations:\n"
                     "  - quote: A huge man, shapeless of face... and he walked... the way a bear drags his paws. "
                     "His arms... hung loosely\n    theme: Lennie\n")
    best = blanks_in(topic.quotations[0], topic)[0]
    assert best.text[best.start:best.end] == "shapeless"


def test_an_essay_on_a_character_credits_only_readings_about_them():
    """Blind review: 'That ain't no good, George' (Slim) 'shows that Slim means Lennie would never survive'
    was indicative content for 'How does Steinbeck present George?'."""
    from quizforge.strategies.present import _about

    assert _about("shows that George reads people well", "George")
    assert not _about("shows that Slim means Lennie would never survive being locked up", "George")
    assert _about("shows that George is caring", "George Milton")
    assert not _about("shows that Macbeth is jumpy", "Lady Macbeth")
    assert _about("shows that Lady Macbeth feels guilt", "Lady Macbeth")
