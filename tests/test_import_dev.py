"""The 14 real notes of tests/fixtures/dev (../shared/notes/dev without their two header lines), imported
as a teacher would: what the teacher sees in the notes file, file by file.

Each test states the shape, the branches and their titles, the key terms, dates and quotations found,
the typos corrected or flagged, and that no list number, arrow, page chrome or file-name title is left.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizforge.equations import read_equation
from quizforge.importers import import_source, read_source
from quizforge.load import parse_notes

DEV = Path(__file__).resolve().parent / "fixtures" / "dev"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "notes" / "dev"


def imported(prefix: str):
    path = next(DEV.glob(f"{prefix}_*"))
    return import_source(read_source(path))


def titles(topic, kind: str) -> list[str]:
    return [b.title for b in topic.of_kind(kind)]


def report(result) -> str:
    return "\n".join(result.report)


def values(result) -> list[str]:
    """Every value in the notes file (comments left out): what can reach a paper."""
    return [line.split(":", 1)[1].strip() if ":" in line else line.strip(" -")
            for line in result.yaml.splitlines() if line.strip() and not line.lstrip().startswith("#")]


CHROME = re.compile(r"view mindmap|hideshow|created (by|on)|sign up|get started|goconqr|getrevising|mindmeister|"
                    r"by mind map|updated .* ago|flash cards with|revision cards for", re.IGNORECASE)
LIST_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|[•◦▪]\s?|-\S)")
ARROW = re.compile(r"->|-->|→|⇌|=>|⇒")


@pytest.mark.parametrize("path", sorted(DEV.iterdir()), ids=lambda p: p.name[:2])
def test_no_list_numbers_arrows_chrome_or_file_name_titles(path):
    result = import_source(read_source(path))
    for value in values(result):
        assert not LIST_NUMBER.match(value), value
        # an equation keeps its arrow ('nitrogen + hydrogen ⇌ ammonia'); nothing else may
        assert not ARROW.search(value) or read_equation(value.strip('"')) is not None, value
        assert not CHROME.search(value), value
    assert "_" not in result.topic.title and not re.match(r"\d", result.topic.title)
    parse_notes(result.yaml)  # it is valid notes, as written


def test_dev_copies_are_the_shared_files_without_their_two_header_lines():
    if not SHARED.is_dir():
        pytest.skip("../shared/notes/dev is not beside this checkout")
    for original in sorted(SHARED.glob("[01]*")):
        lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
        assert lines[0].startswith("# source") and lines[1].startswith("# shape")
        assert (DEV / original.name).read_text(encoding="utf-8") == "".join(lines[2:])


def test_01_league_of_nations_reasons():
    result = imported("01")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("reasons", "Why the League of Nations failed", "History")
    assert topic.question == "Why did the League of Nations fail?"
    assert titles(topic, "reason") == ["Membership", "Organisation"]
    assert [p.text for p in topic.causes[0].points][:2] == ["The USA never joined.", "Britain and France dominate."]
    texts = [p.text for c in topic.causes for p in c.walk()]
    assert ("Without the richest and strongest country the League had no money or political backing; this weakens "
            "the League's power.") in texts  # two clauses glued by a hyphen, split
    assert "Makes the League of Nations look like a winners club that only works for the other winners of WW1." in texts
    assert any(t.endswith("world peace (Manchuria and Abyssinia).") for t in texts)
    assert not any(t.endswith(",") for t in texts)
    assert "page metadata" in report(result) and "page button" in report(result)


def test_02_elizabeth_timeline():
    result = imported("02")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("timeline", "Elizabeth key dates", "History")
    assert not topic.groups and len(topic.dates) == 14
    dates = {d.date: d.event for d in topic.dates}
    assert dates["April 23 1564"] == "William Shakespeare was born."
    assert dates["8 August 1588"].startswith("The English fleet of 34 ships")  # date on one line, event on the next
    assert dates["24 March 1603"].endswith("is proclaimed King.")  # the continuation line joined to its event
    assert dates["1585-1604"].startswith("Elizabethan War with Spain")
    assert [d.date for d in topic.dates][:3] == ["13 January 1559", "April 23 1564", "1568"]  # in the notes' order
    head = result.yaml.split("title:")[0]
    for undated in ("Francis Drake sails round the world", "Queen Elizabeth informs Parliament", "Penalties are suggested"):
        assert undated in head and undated not in "".join(d.event for d in topic.dates)


def test_03_macbeth_themes_with_quotations():
    result = imported("03")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("themes", "Macbeth", "English Literature")
    assert titles(topic, "theme") == ["Supernatural", "Guilt"]
    quotes = {q.quote: q for q in topic.all_quotations()}
    # 'Bloody instructions' and 'plague the inventor' are quoted inside a sentence: commentary, not quotations
    assert len(quotes) == 22 and "Bloody instructions" not in quotes and "plague the inventor" not in quotes
    assert quotes["Wake Duncan with thy knocking, I would thou couldst"].shows.startswith(
        "Knocking symbolises guilt through 'Bloody instructions' which 'plague the inventor'")
    # No line of these notes says who speaks: a character heading or a name before the words only files them.
    assert all(q.speaker == "" for q in quotes.values())
    fair = quotes["Fair is foul and foul is fair"]
    assert fair.character == "The witches" and fair.shows == ""  # "=oximoron": one word is no explanation
    assert quotes["Security is mortals chiefest enemy"].character == "Macbeth"  # Hecate's words, filed under Macbeth
    assert quotes["Thou shalt get kings, though thou be none"].character == "Banquo"  # the witches' words to Banquo
    assert quotes["Who knew the old man had so much blood in him"].character == "Lady Macbeth"  # a name before the quote
    assert quotes["O, come in, Equivocator"].character == "The Porter"  # a name mid-node, before its quote
    # ... and a name does not carry over the commentary after its quote
    assert quotes["Out, out damned spot"].character == ""
    assert quotes["We have scorched the snake not killed it"].character == ""
    # "Whats done cannot be un done": the apostrophe and the split word are mended by the spelling pass
    assert quotes["What's done cannot be undone"].character == ""
    assert "if it is Banquo, add 'speaker: Banquo'" in report(result)
    assert "Lady Macbeth talks in rhyme like the witches and in iambic pentameter." in [p.text for p in topic.themes[0].points]
    assert "corrected: 'oximoron' -> 'oxymoron'" in report(result)  # the one real word a slip away
    assert "corrected: 'Whats' -> 'What's'" in report(result) and "corrected: 'un done' -> 'undone'" in report(result)
    assert "cut off mid-word" in report(result) and "Lady Macbeth s" in result.yaml.split("title:")[0]


def test_04_of_mice_and_men_characters():
    result = imported("04")
    topic = result.topic
    assert (topic.shape, topic.title) == ("characters", "Of Mice and Men")
    assert titles(topic, "character") == ["George", "Lennie", "Curley"]
    george = topic.of_kind("character")[0]
    assert george.quotes[0].quote == "You keep away from Curley, Lennie"
    assert george.quotes[0].shows == "Reads people well, can tell when there's danger."
    assert "George keeps feeding Lennie the dream of a ranch of their own." in [p.text for p in george.points]
    assert [(q.speaker, q.quote) for q in george.quotes if q.speaker] == [("Slim", "That ain't no good, George"),
                                                                          ("George", "I know I know")]
    # "Curley 'won't ever get canned'": Curley is the subject of the words, not their speaker
    canned = next(q for q in topic.all_quotations() if q.quote.startswith("won't ever get canned"))
    assert canned.speaker == "" and canned.branch_id == topic.of_kind("character")[2].id
    assert [q.speaker for q in topic.all_quotations() if q.speaker] == ["Slim", "George"]  # the dialogue labels only
    assert len(topic.all_quotations()) == 12
    assert report(result).count("has no closing quote mark") == 2
    assert "repeated line" in report(result)  # the title printed three times
    assert "Lennie and his" not in " ".join(q.shows for q in topic.all_quotations())  # the cut-off end


def test_05_mitosis_process():
    result = imported("05")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject, topic.process) == ("process", "Mitosis", "Biology", "mitosis")
    assert titles(topic, "stage") == ["Interphase", "Prophase", "Metaphase", "Anaphase", "Telophase"]
    assert len(topic.stages[1].points) == 8  # "Stage 2 ( late )." joins Prophase
    assert [t.term for t in topic.key_terms] == ["Mitosis"]
    assert topic.key_terms[0].definition == "The splitting of the nuclear material as one continuous process."
    texts = [p.text for s in topic.stages for p in s.walk()]
    assert "Nuclear membrane and nucleolus are intact." in texts  # "+" written out
    assert "The centromere duplicates (chromosomes are now separate)." in texts
    assert "corrected: 'seperate' -> 'separate'" in report(result)
    assert "corrected: 'Telephase' -> 'Telophase'" in report(result)  # one vowel from the only real word near it
    assert "#   line 37: 'Telephase' -> 'Telophase'" in result.yaml  # every correction listed for the teacher
    assert "I P M A T" not in " ".join(texts)


def test_06_haber_factors():
    result = imported("06")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject, topic.outcome) == ("factors", "The Haber process", "Chemistry", "the yield")
    assert titles(topic, "factor") == ["Pressure", "Temperature", "Iron Catalyst"]
    temperature = topic.factors[1]
    assert (temperature.change, temperature.effect) == ("Increasing the temperature", "decreases the yield")
    assert "repeated point(s) left out" in report(result)  # the card copied twice, merged
    assert "corrected: 'yeild' -> 'yield'" in report(result)
    assert [t.term for t in topic.key_terms] == ["Haber process"]
    # the block of 'X = value' lines under 'Conditions for ...' is a list to recall, not a factor
    assert [(l.title, [i.text for i in l.items]) for l in topic.lists] == [
        ("Conditions for the Haber process", ["Pressure is 200 atm.", "Temperature is 450 °C.", "Iron catalyst."])]
    # equations keep their arrows; the word one and the symbol one both
    assert [e.text for e in topic.equations] == ["Nitrogen + Hydrogen ⇌ Ammonia (+heat)", "N2 + 3H2 ⇌ 2NH3 (+heat)"]


def test_07_stopping_distances_factors_and_key_terms():
    result = imported("07")
    topic = result.topic
    assert (topic.shape, topic.subject) == ("factors", "Physics")
    assert topic.outcome == "thinking distance and braking distance"
    # grouped by what each affects; speed, under both, is a factor of each
    assert [(f.title, f.affects) for f in topic.factors] == [
        ("How fast you're going", "thinking distance"), ("Slow driver reactions", "thinking distance"),
        ("How fast you're going", "braking distance"), ("Mass of car", "braking distance"),
        ("Quality of brakes", "braking distance"), ("Less grip between road and tyres", "braking distance")]
    assert [t.term for t in topic.key_terms] == ["Thinking distance", "Braking distance", "Stopping distance"]
    assert topic.title == "Stopping, braking and thinking distances"
    definitions = " ".join(t.definition for t in topic.key_terms)
    assert "breaks" not in definitions and "breaking" not in definitions and "the brakes are being applied" in definitions
    assert "corrected: 'applyed' -> 'applied'" in report(result)
    # the sound-alikes, mended because the notes spell "braking" (line 19) and the line is about the car
    assert "12: corrected: 'breaks' -> 'brakes' (sounds alike; the notes spell 'braking' on line 19" in report(result)
    assert "9: corrected: 'breaking' -> 'braking'" in report(result)
    assert "#   line 28: 'breaks' -> 'brakes'" in result.yaml


def test_08_rivers_glossary_from_flashcards():
    result = imported("08")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("glossary", "Rivers and Coasts", "Geography")
    terms = {t.term: t.definition for t in topic.key_terms}
    assert len(terms) == 17
    assert terms["Infiltration"] == "When water sinks into the soil."  # definition first, then the term
    assert terms["Throughflow"] == "When water in the soil flows downhill."  # term first
    assert terms["Source"].startswith("Where a river begins.")
    assert terms["Percolation"] == "When water moves straight down through soil and rock."  # "AND"
    assert "Beth Goodchild" not in result.yaml.split("title:")[1]


def test_09_volcanoes_case_studies():
    result = imported("09")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("case-studies", "Volcano Case Study", "Geography")
    assert titles(topic, "case") == ["Montserrat", "Icelandic Eruption 2010", "Nyiragongo 2002"]
    assert [a.heading for a in topic.cases[0].aspects] == ["Nature", "Impacts", "Management"]
    nature = [p.text for p in topic.cases[0].aspects[0].points]
    assert nature[0] == "Erupted in different phases from 1995 to 2010."
    assert "In 1997 it blasted 5 million m³ of ash into the air." in nature
    assert "Ash that settled in the sea damaged and destroyed coral reef (environmental)." in [
        p.text for p in topic.cases[0].aspects[1].points]
    for fix in ("'Errupted' -> 'Erupted'", "'differnet' -> 'different'", "'ocuured' -> 'occurred'",
                "'goverment' -> 'government'", "'erruption' -> 'eruption'"):
        assert f"corrected: {fix}" in report(result)
    assert "possible typo: 'spectrometres'" in report(result)
    assert "many into" not in " ".join(p.text for c in topic.cases for p in c.walk())


def test_10_existence_of_god_mixed():
    result = imported("10")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("mixed", "Looking for meaning", "Religious Studies")
    assert titles(topic, "category") == ["Arguments for God", "Arguments against God"]
    assert titles(topic, "reason") == ["Existence of God"]
    assert len(topic.causes[0].points) == 3  # three statements run into one node, split
    assert [t.term for t in topic.key_terms] == ["Afterlife", "Symbolism", "God", "Awe", "Revelation"]
    texts = [p.text for b in topic.groups for p in b.walk()]
    assert "There must have been a first cause, world can't just have been a coincidence." in texts
    assert "There must be meaning and purpose to our life." in texts
    assert "corrected: 'desn't' -> 'doesn't'" in report(result)
    assert "Group of people joined together" in result.yaml.split("title:")[0]  # the term is missing: a comment
    assert topic.question == "" and "# CHECK question" in result.yaml


def test_11_multi_store_model_table_and_glossary():
    result = imported("11")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("mixed", "Multi Store Model", "Psychology")
    assert titles(topic, "case") == ["Sensory", "STM", "LTM"]
    assert [a.heading for a in topic.cases[1].aspects] == ["Description", "Capacity", "Duration", "Encoding", "Transfer"]
    assert [p.text for p in topic.cases[1].aspects[1].points] == ["7±2"]
    assert len(topic.cases[2].aspects) == 4  # "N/A" left out
    assert [t.term for t in topic.key_terms] == ["Attention", "Capacity", "Duration", "Encoding", "Rehearsal", "Retrieval"]


def test_12_fetch_decode_execute_process_and_factors():
    result = imported("12")
    topic = result.topic
    assert (topic.shape, topic.title, topic.subject) == ("process", "Systems architecture", "Computer Science")
    assert (topic.process, topic.outcome) == ("the fetch-decode-execute cycle", "CPU performance")
    assert titles(topic, "stage") == [f"Step {n}" for n in range(1, 7)]
    assert titles(topic, "factor") == ["Clock speed", "Cache size", "Number of cores"]
    assert topic.stages[0].points[0].text == ("The memory address stored in the program counter (PC) is copied to "
                                              "the memory address register (MAR).")
    assert topic.factors[1].points[0].text == ("The bigger the CPU cache, the less time the CPU spends waiting for "
                                               "instructions to be fetched.")  # the link to a missing section gone
    assert "possible typo: 'goto' (perhaps 'got'); kept as written" in report(result)
    # terms the factor points define as they go: 'Overclocking is when ...', '...; it means the frequency ...'
    assert [(k.term, k.definition) for k in topic.key_terms] == [
        ("Overclocking", "When the user speeds up the clock by hand."),
        ("Clock speed", "The frequency of the electric pulses the CPU sends out.")]


def test_13_french_vocabulary_glossary():
    result = imported("13")
    topic = result.topic
    assert (topic.shape, topic.subject) == ("glossary", "French")
    terms = {t.term: t.definition for t in topic.key_terms}
    assert len(terms) == 58
    assert terms["Découvrir"] == "To discover"
    assert terms["Socialable"] == "Social" and terms["gentil"] == "Kinds"  # typos in a foreign list: kept
    # ('Gentil' in a sentence-case table is 'gentil', as the notes write 'gentil(le)'; 'Bavard(e)' keeps its capital
    # beside a row 'bavard(e)')
    assert "Qualités" not in terms and "défauts" not in terms  # header rows repeated as data
    # the only correction is in an English meaning: no French word is ever changed or joined
    assert [r.message for r in result.remarks if r.kind == "corrected"] == ["'child like' -> 'childlike'"]
    assert terms["gamin(e)"] == "Childlike"


def test_14_atomic_structure_timeline():
    result = imported("14")
    topic = result.topic
    assert (topic.shape, topic.title) == ("timeline", "Timeline of the development of Atomic Structure")
    assert [d.date for d in topic.dates] == ["442 BCE", "1800", "1897", "1903", "1911", "1914", "1922", "1932", "1940"]
    assert topic.dates[3].event.startswith("Hantaro Nagaoka came up with")  # a name is never "corrected"
    assert report(result).count("repeated after its event") == 9
    assert "corrected: 'Struture' -> 'Structure'" in report(result)
