"""Flashcard exports and study-site chrome (held-out notes, session 9): a Quizlet set is 'term<TAB>definition'
lines, some typed the other way round, under the site's menu; a mind map ends with a list of the site's other
resources. Each case is a pattern those exports share, not one file."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge.importers import Source, import_source
from quizforge.importers.clean import clutter_reason
from quizforge.importers.outline_text import cells_to_text

QUIZLET = """\
Networks key terms (OCR 1.3)
Terms in this set (6)
Study   Save
LAN (Local Area Network)\tA network that covers a small geographical area, such as one school site.
Router\tForwards data packets between different networks using IP addresses.
A hardware component that lets a device connect to a network.\tNIC (network interface card)
Translates domain names into IP addresses\tDNS (Domain Name System)
Star topology\tAll devices connect to a central switch, and one failed cable affects only that device
but if the switch fails the whole network goes down
Protocol      A set of rules for how devices communicate over a network.
"""


def imported(body: str, name: str = "notes.txt"):
    return import_source(Source(name, textwrap.dedent(body).encode("utf-8"), "." + name.rsplit(".", 1)[-1]))


def notes(result) -> str:
    """The imported notes without the comments the import writes for the teacher."""
    return "\n".join(line for line in result.yaml.splitlines() if not line.lstrip().startswith("#"))


def test_a_tab_separated_flashcard_set_is_a_glossary_whichever_way_round_a_card_was_typed():
    result = imported(QUIZLET)
    terms = {t.term: t.definition for t in result.topic.key_terms}
    assert set(terms) == {"LAN (Local Area Network)", "Router", "NIC (network interface card)",
                          "DNS (Domain Name System)", "Star topology", "Protocol"}
    assert terms["NIC (network interface card)"].startswith("A hardware component")
    assert terms["Star topology"].endswith("the whole network goes down.")  # the card's second line joined
    assert result.topic.title == "Networks key terms (OCR 1.3)"
    assert "Study" not in notes(result) and "Terms in this set" not in notes(result)


def test_an_acronym_in_capitals_is_kept_where_the_notes_spell_it_out():
    """'LAN (Local Area Network)' became 'Local Area Network (Local Area Network)'."""
    result = imported(QUIZLET)
    assert "Local Area Network (Local Area Network)" not in notes(result)
    assert "Domain Name System (Domain Name System)" not in notes(result)


@pytest.mark.parametrize("line, cells", [
    ("Router\tForwards packets.", "Router \u2014 Forwards packets."),
    ("Forwards packets between networks.\tRouter", "Router \u2014 Forwards packets between networks."),
    ("Wealth\tcould pay for its response\trelied on aid", "Wealth | could pay for its response | relied on aid"),
    ("1. Charge flow      Q = I t      charge = current x time", "1. Charge flow      Q = I t      charge = current x time"),
    ("A plain line with no cells.", "A plain line with no cells."),
])
def test_cells_are_read_as_a_card_or_a_table_row(line, cells):
    assert cells_to_text(line) == cells


@given(st.lists(st.text(alphabet="abc XYZ.()", min_size=1, max_size=12), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_dividing_cells_loses_no_word(parts):
    line = "\t".join(parts)
    assert sorted(cells_to_text(line).replace("\u2014", " ").replace("|", " ").split()) == sorted(line.split())


@pytest.mark.parametrize("line", [
    "Knowt Play   Flashcards   Learn", "Study   Save", "Terms in this set (21)", "Flashcards in Rates Deck (13)",
    "Loading flashcards...", "Studied by 41 people", "By mrs_okafor_hist", "Updated Feb 2, 2022",
    "Note by Tom Whitfield, updated 3 months ago", "Created by Tom Whitfield over 4 years ago",
    "Show full summary Hide full summary", "Downloaded by Anonymous User",
    "Studocu is not sponsored or endorsed by any college or university",
])
def test_study_site_chrome_is_clutter(line):
    assert clutter_reason(line)


@pytest.mark.parametrize("line", ["By 1914 GB had 29 dreadnoughts", "Test the solution with iodine.",
                                  "Match fixing was common.", "Learn the bold ones first"])
def test_notes_lines_are_not_clutter(line):
    assert clutter_reason(line) is None


def test_the_sites_list_of_other_resources_after_its_trailer_is_dropped():
    result = imported("""\
        Causes of the war
          • Militarism
            • Germany and Britain raced to build the most battleships before 1914.
          • Alliances
            • The alliances turned a local war into a European one.
        Similar History resources:
          • Treaty of Versailles 1919 mind map
          • Causes of WW1 flashcards
        """)
    assert "mind map" not in notes(result) and "flashcards" not in notes(result).lower()


@pytest.mark.parametrize("before, after", [
    ("once A-H attacked Serbia the alliances dragged everyone in", "once Austria-Hungary attacked Serbia the alliances dragged everyone in"),
    ("GB joined with Rus. (1907)", "GB joined with Russia (1907)"),
    ("then turn on Rus. Meant a war on two fronts", "then turn on Russia. Meant a war on two fronts"),
    ("the Insp. challenges his status", "the Inspector challenges his status"),
    ("the German Chancellor and Gerald", "the German Chancellor and Gerald"),
])
def test_a_shortened_name_is_written_out(before, after):
    from quizforge.importers.text import clean_text

    assert clean_text(before, "")[0] == after


def test_a_central_question_keeps_no_memory_aid_in_brackets():
    from quizforge.importers.guess import guess_question

    assert guess_question("Why did WW1 start? (MAIN)", "History") == "Why did WW1 start?"


def test_a_labelled_reason_is_judged_by_the_thing_it_names():
    """'The main reason why WW1 started was that trigger - the assassination.' (held-out review)."""
    from quizforge.strategies.how_far import statement_for

    assert statement_for("Trigger - the assassination", "why WW1 started") == \
        "The assassination was the main reason why WW1 started."
    assert statement_for("Militarism", "why WW1 started") == "Militarism was the main reason why WW1 started."


def test_a_character_shouted_as_a_heading_is_a_character_and_a_shouted_word_beside_it_a_theme():
    result = imported("""\
        An Inspector Calls - quotes
        MR BIRLING:
        - "a hard-headed, practical man of business" - arrogant, only thinks about profit
        - "community and all that nonsense" - mocks socialism
        SHEILA
        - "But these girls aren't cheap labour - they're people." - sees the workers as human
        - "It frightens me the way you talk" - the young are willing to change
        STAGING
        - "The lighting should be pink and intimate until the Inspector arrives" - the mood changes
        The Inspector tells Mr Birling and Sheila that they share the blame.
        """)
    kinds = {t.title: t.kind for t in result.topic.themes}
    assert kinds.get("Mr Birling") == "character" and kinds.get("Sheila") == "character"
    assert kinds.get("Staging") != "character"


def test_a_quotation_blank_is_never_a_word_of_a_characters_name():
    """'... until the [inspector] arrives' beside the character 'Inspector Goole' printed the answer in every
    question that names him, and the essay and the matching question were left out."""
    import random

    from quizforge.load import parse_notes
    from quizforge.strategies.complete_quote import blanks_in

    topic = parse_notes("""\
title: An Inspector Calls
subject: English Literature
characters:
  - title: Inspector Goole
    quotes:
      - quote: The lighting should be pink and intimate until the inspector arrives, and then brighter.
        shows: The mood changes when he arrives.
""")
    quote = topic.all_quotations()[0]
    assert all(b.answer.lower() != "inspector" for b in blanks_in(quote, topic))


def test_a_timeline_with_each_date_alone_above_its_event_and_numeric_dates_reads_every_entry():
    """Timetoast: 'Nov 9, 1918' above its event, '11/11/1918 - ...', 'Period: A to B', '8th-9th November 1923'."""
    result = imported("""\
        Weimar Germany 1918-34
        By mrs_okafor_hist
        Updated Feb 2, 2022

        Nov 9, 1918
        Kaiser Wilhelm II abdicates and Germany is declared a republic

        11/11/1918 - Armistice signed, fighting in the war ends

        Period: Jan 5, 1919 to Jan 12, 1919
        Spartacist Uprising in Berlin, crushed by the Freikorps

        8th-9th November 1923 - Munich Putsch, Hitler tries to seize power in Bavaria

        Feb 27, 1933
        Reichstag Fire: Marinus van der Lubbe arrested
        Embed | Print | Share
        """)
    dates = {d.date: d.event for d in result.topic.dates}
    assert set(dates) == {"Nov 9, 1918", "11/11/1918", "Jan 5, 1919", "8th-9th November 1923", "Feb 27, 1933"}
    assert dates["Nov 9, 1918"].startswith("Kaiser Wilhelm II abdicates")
    assert "Marinus van der Lubbe" in dates["Feb 27, 1933"]  # a name before 'van' is never spell-corrected
    assert not result.topic.key_terms and "Embed" not in notes(result) and "okafor" not in notes(result)


def test_a_question_and_answer_deck_keeps_the_cards_that_define_a_term_and_reports_the_rest():
    """Brainscape: numbered 'Q: ... / A: ...' cards. 'What does A mean?' and a cause titled '3' came of
    reading the prefixes and card numbers as notes (held-out review: 21 of 21 questions wrong)."""
    result = imported("""\
        Rates of Reaction
        Flashcards in Rates of Reaction Deck (4)

        1
        Q: What is collision theory?
        A: Reactions only happen when particles collide with enough energy.

        2
        Q. How does increasing temperature increase the rate?
        A - Particles move faster so they collide more often.

        3
        Q: What does a catalyst do?
        A: Speeds up a reaction but is not used up.

        4
        Q: Enzymes?
        A: Biological catalysts
        """)
    terms = {t.term: t.definition for t in result.topic.key_terms}
    assert terms == {"Collision theory": "Reactions only happen when particles collide with enough energy.",
                     "Catalyst": "Speeds up a reaction but is not used up.", "Enzymes": "Biological catalysts."}
    assert not result.topic.causes
    assert any("How does increasing temperature" in line and "left out" in line for line in result.report)


def test_sides_titled_arguments_for_and_against_argue_about_what_the_title_names():
    import random

    from quizforge.strategies import Options, get

    result = imported("""\
        # Euthanasia - is it ever right?

        - Arguments FOR
          - Autonomy - people should have the right to choose when and how they die.
          - If someone with a terminal illness is in unbearable pain it is kinder to let them die.
          - Situation ethics says do the most loving thing in each situation.
          - The Golden Rule says treat others as you would want to be treated.
        - Arguments against
          - The Catholic Church teaches that euthanasia is murder.
          - Vulnerable people may feel pressure to die so they are not a burden.
          - Hospices can control pain and give dignity, so euthanasia is not needed.
          - A diagnosis might be wrong, or a cure might be found.
        - New idea
        """, "notes.md")
    assert "New idea" not in notes(result)
    section = get("explain-two").generate(result.topic, random.Random(1), Options())
    assert [q.prompt for q in section.questions] == ["Explain two arguments for euthanasia.",
                                                     "Explain two arguments against euthanasia."]


def test_lines_under_a_dotted_heading_are_its_content_and_an_introduction_heads_nothing():
    """GoConqr notes numbered 1.1, 1.2 with facts and dash lists at the headings' own indent."""
    result = imported("""\
        Earthquakes - Chile 2010 vs Nepal 2015

        Comparing the effects of and responses to a tectonic hazard in a richer and a poorer country

        1. Chile 2010
        1.1 Facts
        Date: 27th February 2010, 3:34am
        Epicentre: just off the coast of central Chile
        1.2 Primary effects
        - approx 500 people killed
        - buildings, roads and bridges destroyed
        2. Nepal 2015
        2.1 Facts
        Date: 25/04/2015, just before midday
        2.2 Primary effects
        - about 9,000 people killed
        - hundreds of thousands of houses destroyed
        """)
    assert result.topic.title == "Earthquakes - Chile 2010 vs Nepal 2015"
    assert not result.topic.key_terms  # 'Date: ...' and 'Epicentre: just off ...' are facts, not definitions
    assert [g.title for g in result.topic.groups][:2] == ["Chile 2010", "Nepal 2015"]
    chile = result.topic.groups[0]
    texts = [p.text for point in chile.points for p in (point, *point.points)]
    assert any("500 people killed" in t for t in texts) and any(t.startswith("Date: 27th") for t in texts)
