"""Timeline strategies: put in order, match dates to events, which happened first, in what year."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge.assemble import assemble
from quizforge.errors import NotEnoughMaterial
from quizforge.load import load_notes, parse_notes
from quizforge.model import Choice, Match, Sequence, ShortAnswer
from quizforge.strategies import Options, get

from .conftest import make

from .shape_checks import CHECKS

TIMELINE = """\
title: Elizabeth I key dates
subject: History
dates:
  - date: c. 460 BC
    event: A made-up event long before the rest happens.
  - date: 13 January 1559
    event: Elizabeth is crowned Queen of England.
  - date: April 11 1564
    event: The Treaty of Troyes ends the war with France.
  - date: "1568"
    event: Elizabeth has Mary, Queen of Scots, locked up.
  - date: 1585-1604
    event: The Elizabethan war with Spain is fought.
  - date: "1586"
    event: Walsingham uncovers the Babington Plot.
  - date: 25 October 1586
    event: Mary, Queen of Scots, is found guilty.
  - date: 8 February 1587
    event: Mary, Queen of Scots, is executed.
  - date: "1599"
    event: The Globe Theatre is built on Bankside.
  - date: 17 December 1601
    event: The Elizabethan Poor Law is passed.
  - date: "1580"
    event: Drake is back from his voyage, which he began in 1577.
"""
MORE_EVENTS = """\
  - date: "1577"
    event: Drake sets out to sail round the world.
  - date: "1593"
    event: London theatres shut because of the plague.
  - date: 24 March 1603
    event: Queen Elizabeth I dies.
"""
NAMES = ("sequence", "date-match", "which-first", "what-year")
FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture(scope="module")
def topic():
    return parse_notes(TIMELINE)


def check_all(topic, section):
    for q in section.questions:
        CHECKS[(q.strategy, type(q.body))](topic, q)


def test_sequence_orders_mixed_formats_bce_first_and_never_overlapping_dates(topic):
    for seed in range(30):
        q = make(topic, "sequence", seed).questions[0]
        assert isinstance(q.body, Sequence) and 3 <= len(q.body.items) <= 6
        check_all(topic, make(topic, "date-match", seed))
        items = [q.body.items[i] for i in q.body.order]
        assert not ("Walsingham uncovers the Babington Plot." in items and "Mary, Queen of Scots, is found guilty." in items)
        assert not any("1577" in i for i in q.body.items), "an event that prints a year is never used"
        if "A made-up event long before the rest happens." in items:
            assert items[0] == "A made-up event long before the rest happens."


def test_date_match_keys_each_event_to_its_date(topic):
    q = make(topic, "date-match", 4).questions[0]
    assert isinstance(q.body, Match) and q.marks == len(q.body.examples) == len(q.body.causes) - 1 >= 3
    assert list(q.body.causes) == sorted(q.body.causes, key=lambda d: __import__("quizforge.strategies._dates",
                                                                                  fromlist=["x"]).parse_date(d).start)
    check_all(topic, make(topic, "date-match", 4))
    assert make(topic, "date-match", 4, tier="support").questions[0].marks == 3  # four dates, one to spare


def test_which_first_options_are_years_apart(topic):
    section = make(topic, "which-first", 2)
    assert len(section.questions) == 3 and all(isinstance(q.body, Choice) for q in section.questions)
    check_all(topic, section)
    assert len({q.body.options[q.body.correct] for q in section.questions}) == 3, "a different answer each time"


def test_what_year_only_where_the_date_is_the_point(topic):
    asked = set()
    for seed in range(40):
        for q in make(topic, "what-year", seed, count=10).questions:
            assert isinstance(q.body, ShortAnswer) and q.marks == 1
            asked.add(q.prompt.split("\n")[1])
    assert "\u201cElizabeth is crowned Queen of England.\u201d" in asked
    assert not any("war with Spain" in a or "made-up" in a or "locked up" in a for a in asked), \
        "no range, no 'c.' date and no event without a moment"
    q = next(q for q in make(topic, "what-year", 1, count=10).questions if "crowned" in q.prompt)
    assert q.answer == "1559" and "13 January 1559" in q.body.accept


def test_short_of_dates_says_what_to_add():
    few = parse_notes("title: T\ndates:\n  - date: '1559'\n    event: A thing happens.\n"
                      "  - date: '1564'\n    event: Another thing happens.\n")
    for name in NAMES:
        with pytest.raises(NotEnoughMaterial, match=r"<string>|needs"):
            make(few, name)


def test_a_paper_keeps_the_sections_apart(topic):
    paper = assemble(topic, 5, NAMES, required=False).paper
    assert len(paper.sections) >= 3
    year_events = {q.sources[0] for q in paper.questions if q.strategy == "what-year"}
    first = {s for q in paper.questions if q.strategy == "which-first" for s in q.sources}
    assert (year_events or first) and paper.total_marks >= 7
    # an event offered in 'which came first' may be asked its year (its options print no dates), but no year
    # asked is printed anywhere else on the paper
    years = {q.answer for q in paper.questions if q.strategy == "what-year"}
    others = " ".join(t for q in paper.questions if q.strategy != "what-year"
                      for t in (q.prompt, *getattr(q.body, "items", ()), *getattr(q.body, "options", ()),
                                *getattr(q.body, "causes", ())))
    assert not any(y in others for y in years)
    ordering = [set(q.sources) for q in paper.questions if q.strategy in ("sequence", "date-match", "which-first")]
    assert all(len(a & b) <= 1 for i, a in enumerate(ordering) for b in ordering[i + 1:]), \
        "two events in two ordering questions: the one answers the other"


events = st.lists(st.tuples(st.integers(-800, 2020), st.sampled_from(["crowned", "signed", "noticed"])),
                  min_size=3, max_size=12, unique_by=lambda e: e[0])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events, st.integers(0, 10_000))
def test_property_one_answer_deterministic(entries, seed):
    lines = ["title: T", "dates:"]
    for year, verb in entries:
        date = f"{-year} BCE" if year < 0 else str(year)
        lines += [f"  - date: '{date}'", f"    event: Person {abs(year) % 97} {verb} thing {year + 900}x."]
    topic = parse_notes("\n".join(lines) + "\n")
    for name in NAMES:
        try:
            a = make(topic, name, seed)
        except NotEnoughMaterial:
            continue
        assert a == make(topic, name, seed), "same notes and seed, same questions"
        for q in a.questions:
            if q.strategy != "sequence":
                CHECKS[(q.strategy, type(q.body))](topic, q)
            else:
                years = [int(t.split()[-1].rstrip("x.")) - 900 for t in (q.body.items[i] for i in q.body.order)]
                assert years == sorted(years)


@pytest.mark.skipif(not (FIXTURES / "02-elizabeth.yaml").exists(), reason="fixtures not on this branch yet")
@pytest.mark.parametrize("name", ["02-elizabeth", "14-atomic-structure"])
def test_dev_fixture_timelines(name):
    topic = load_notes(FIXTURES / f"{name}.yaml")
    result = assemble(topic, 1, NAMES, required=False)
    paper = result.paper
    expected = [n for n in NAMES if not (n == "what-year" and topic.subject == "Chemistry")]
    assert set(s.strategy for s in paper.sections) <= set(expected) and len(paper.sections) >= 2
    if topic.subject == "Chemistry":
        assert any("order of events matters" in why for why in result.skipped)
    for q in paper.questions:
        if q.strategy != "sequence":
            CHECKS[(q.strategy, type(q.body))](topic, q)
    if name == "14-atomic-structure":
        seq = paper.sections[0].questions[0]
        assert all("BCE" not in seq.body.items[i] for i in seq.body.order)


def test_cli_builds_a_timeline_paper(run, write_notes):
    drake = "".join(MORE_EVENTS.splitlines(keepends=True)[:2])
    path = write_notes(TIMELINE + drake, "timeline.yaml")
    # Eleven events of the main period feed all four kinds apart (an order question sharing two events with
    # 'which came first' would answer it) when each takes only what it needs: three to order, three options,
    # four to date. (The one of 460 BC is no option: it is plainly first.)
    crowded = run("build", path, "--strategies", ",".join(NAMES), "--format", "json", "--seed", 2)
    assert crowded.exit_code == 0, crowded.output
    paper = json.loads((Path("out") / "timeline" / "paper-seed2.json").read_text())
    assert {"sequence", "date-match", "which-first"} <= set(paper["strategies"])
    # Three kinds apart take ten events that can be ordered; eleven, two of them overlapping, are not enough.
    path = write_notes(TIMELINE + MORE_EVENTS, "timeline.yaml")
    result = run("build", path, "--strategies", "sequence,which-first,date-match", "--format", "html", "--seed", 2)
    assert result.exit_code == 0, result.output
    html = (Path("out") / "timeline" / "worksheet-seed2.html").read_text()
    assert "Which of these happened first?" in html or "In what year did this happen?" in html
    assert "Match each event" in html
    marks = (Path("out") / "timeline" / "markscheme-seed2.html").read_text()
    if "In what year did this happen?" in html:
        assert "1 mark for 1559" in marks or "1 mark for 1587" in marks or "1 mark for 1601" in marks
    assert "1 mark for the correct letter only." in marks or "1 mark for" in marks


def test_random_generator_is_the_only_randomness(topic):
    a = get("which-first").generate(topic, random.Random(3), Options())
    b = get("which-first").generate(topic, random.Random(3), Options())
    assert a == b


@pytest.mark.parametrize("written, printed", [
    # the first sentence stands alone: the rest is detail
    ("Queen Anne dies and the Stuart line ends. George of Hanover, her cousin, is proclaimed King.",
     "Queen Anne dies and the Stuart line ends."),
    # a title-case heading before a dash names the event; the sentence after it is the event
    ("The Gunpowder Plot - Guy Fawkes is caught under the House of Lords. Catesby leads the plot",
     "Guy Fawkes is caught under the House of Lords."),
    ("The Flight to Varennes - Louis XVI tries to escape from Paris", "Louis XVI tries to escape from Paris."),
    # a dash inside the sentence is not a heading
    ("The fleet sails for Cadiz - its ships burn the harbour", "The fleet sails for Cadiz - its ships burn the harbour."),
    # initials and titles do not end a sentence
    ("J. R. Oppenheimer leads the project. It ends in 1945.", "J. R. Oppenheimer leads the project."),
    ("Dr. Jenner tests the first vaccine on a boy", "Dr. Jenner tests the first vaccine on a boy."),
    # too long with its aside in brackets: the aside goes
    ("The army of ten thousand men with forty cannon under three generals crosses the wide river at night "
     "(the old bridge holds)",
     "The army of ten thousand men with forty cannon under three generals crosses the wide river at night."),
    # short enough with its aside: the aside stays
    ("Rutherford shows that an atom has a centre (the nucleus).", "Rutherford shows that an atom has a centre (the nucleus)."),
])
def test_an_event_prints_as_one_short_sentence(written, printed):
    from quizforge.strategies._timeline import short_event

    assert short_event(written) == printed


def test_an_event_that_cannot_be_cut_short_is_left_out():
    from quizforge.strategies._timeline import dated_events, short_event

    long = ("The combined fleet of ninety warships and two hundred transports under four admirals and the "
            "Duke of Somewhere lands the army on the northern coast near the old port")
    assert short_event(long) == ""
    topic = parse_notes(f"title: T\nsubject: History\ndates:\n  - date: '1700'\n    event: {long}\n"
                        "  - date: '1710'\n    event: A short thing happens. Then more detail follows here.\n")
    assert [e.event for e in dated_events(topic)] == ["A short thing happens."]


def test_a_year_in_the_dropped_detail_does_not_cost_the_event():
    from quizforge.strategies._timeline import dated_events

    topic = parse_notes("title: T\ndates:\n  - date: '1666'\n    event: A fire destroys the city. It is rebuilt by 1711.\n")
    assert [e.event for e in dated_events(topic)] == ["A fire destroys the city."]


def test_dates_print_as_years_when_each_year_is_its_own():
    from quizforge.strategies._timeline import dated_events, printed_dates

    topic = parse_notes("title: T\nsubject: History\ndates:\n"
                        "  - date: 14 October 1066\n    event: William wins at Hastings.\n"
                        "  - date: 15 June 1215\n    event: John seals Magna Carta.\n"
                        "  - date: 1348\n    event: The Black Death reaches England.\n"
                        "  - date: 2 March 1348\n    event: A made-up event in the same year.\n"
                        "  - date: c. 1400\n    event: Chaucer dies.\n")
    events = dated_events(topic)
    assert printed_dates(events[:3]) == ["1066", "1215", "1348"]
    assert printed_dates([events[0], events[3]]) == ["1066", "1348"]
    assert printed_dates([events[0], events[2], events[3]]) == ["14 October 1066", "1348", "2 March 1348"]  # a year twice
    assert printed_dates([events[0], events[4]]) == ["14 October 1066", "c. 1400"]  # a 'c.' date is never cut


def test_a_date_match_shares_at_most_one_event_with_an_order_question():
    from quizforge.assemble.screen import Ledger

    topic = parse_notes(TIMELINE + MORE_EVENTS)
    for seed in range(1, 9):
        paper = assemble(topic, seed, ("which-first", "sequence", "date-match"), required=False).paper
        ordering = [set(q.sources) for q in paper.questions]
        assert all(len(a & b) <= 1 for i, a in enumerate(ordering) for b in ordering[i + 1:]), seed
    # the Ledger itself refuses a date match that holds two events another question orders
    seq = make(topic, "sequence", 1).questions[0]
    ledger = Ledger()
    ledger.add(seq)
    match = dataclasses.replace(make(topic, "date-match", 1).questions[0])
    body = dataclasses.replace(match.body, examples=(seq.body.items[0], seq.body.items[1], *match.body.examples[2:]),
                               example_ids=(seq.sources[0], seq.sources[1], *match.body.example_ids[2:]))
    assert "order" in ledger.conflict(dataclasses.replace(match, body=body))
    others = [(e, i) for e, i in zip(match.body.examples, match.body.example_ids) if i not in seq.sources][:2]
    one = dataclasses.replace(match.body, examples=(seq.body.items[0], *(e for e, _ in others)),
                              example_ids=(seq.sources[0], *(i for _, i in others)), key=match.body.key[:1 + len(others)])
    assert ledger.conflict(dataclasses.replace(match, body=one)) == ""  # one shared event tells no order


def test_people_put_in_order_share_no_event_with_an_order_question_that_prints_them():
    topic = parse_notes("title: Models of the atom\nsubject: Chemistry\ndates:\n" + "".join(
        f"  - date: '{year}'\n    event: {who} {did}.\n" for year, who, did in (
            (1803, "John Dalton", "described atoms as tiny solid spheres"),
            (1897, "Joseph Thomson", "found the electron and proposed the plum pudding model"),
            (1909, "Hans Geiger", "fired alpha particles at gold foil with Ernest Marsden"),
            (1911, "Ernest Rutherford", "proposed that an atom has a small, dense nucleus"),
            (1913, "Niels Bohr", "put the electrons in shells at fixed distances"),
            (1919, "Francis Aston", "built the first mass spectrometer"),
            (1932, "James Chadwick", "discovered the neutron in the nucleus"),
            (1938, "Lise Meitner", "explained how a uranium nucleus splits"))))
    both = 0
    for seed in range(1, 6):
        section = make(topic, "sequence", seed)
        if len(section.questions) < 2:  # events this close leave two orders spread across the period only sometimes
            continue
        both += 1
        events, people = section.questions
        assert people.prompt.startswith("Put these people in the order") and 4 <= len(people.body.items) <= 5
        assert not set(events.sources) & set(people.sources)
        assert all(len(i.split()) <= 3 for i in people.body.items)  # names only: nothing of what they did
        assert people.guidance[1] == "1 mark if only one pair of neighbouring people is swapped."
        assert " (" not in people.answer  # the names in order, no years (trivia outside History)
        dates = [d for d in topic.dates]
        by_name = {d.event.split(" ")[0] + " " + d.event.split(" ")[1]: d.date for d in dates}
        years = [by_name[people.body.items[i]] for i in people.body.order]
        assert years == sorted(years)
    assert both >= 2
    history = parse_notes(TIMELINE.replace("subject: History", "subject: History") + MORE_EVENTS)
    assert len(make(history, "sequence", 1).questions) == 1  # in History the events are ordered, not people


def test_a_planned_paper_with_few_marks_says_it_is_short():
    few = parse_notes("title: T\nsubject: Chemistry\ndates:\n" + "".join(
        f"  - date: '{1800 + 20 * i}'\n    event: A made-up step number {i} is taken in the laboratory.\n" for i in range(4)))
    result = assemble(few, 1, ("sequence", "which-first", "key-terms"), required=False, limit=3)
    note = next(w for w in result.skipped if w.startswith("this paper is short"))
    assert f"{result.paper.total_marks} marks" in note and "10 or more" in note
    # a teacher's own choice of strategies (no limit) is made as asked, without the note
    named = assemble(few, 1, ("sequence",), required=False)
    assert not any(w.startswith("this paper is short") for w in named.skipped)
    # the mark scheme tells the teacher too, in plain words, with no strategy names or fields; the worksheet does not
    lead, where = result.paper.short_note
    assert lead.startswith(f"This paper is short: {result.paper.total_marks} marks") and "quizforge" not in where and "starter" in where
    assert not any(n in " ".join(result.paper.short_note) for n in ("key_terms", "State-list", "needs 'lists'"))
    from quizforge.render.html import render_html
    marks, sheet = render_html(result.paper, "markscheme"), render_html(result.paper, "worksheet")
    assert "For the teacher." in marks and "This paper is short" not in sheet
    assert not named.paper.short_note
    full = assemble(parse_notes(TIMELINE + MORE_EVENTS), 1, NAMES, required=False, limit=4)
    if full.paper.total_marks >= 10:
        assert not any("where a paper worth printing" in w for w in full.skipped)


def test_seed_two_asks_in_each_kind_of_question_what_seed_one_did_not():
    from quizforge.assemble.paper import asked, asked_by
    from quizforge.strategies._timeline import dated_events, spread, staleness

    topic = parse_notes(TIMELINE + MORE_EVENTS)
    events = dated_events(topic)
    previous = frozenset({events[0].source, events[1].source, asked_by("sequence", events[1].source)})
    assert staleness(events[1].source, previous, "sequence") == (True, True)
    assert staleness(events[1].source, previous, "date-match") == (False, True)
    assert staleness(events[2].source, previous, "sequence") == (False, False)
    # drawn last: what the same kind asked; before that, what another kind asked; first, what none did
    drawn = spread(events[:3], random.Random(1), 3, previous, "sequence")
    assert [e.source for e in drawn][-1] == events[1].source
    paper = assemble(topic, 1, ("sequence", "date-match"), required=False).paper
    record = asked(paper)
    for q in paper.questions:
        assert all(s in record and asked_by(q.strategy, s) in record for s in q.sources)
    again = assemble(topic, 2, ("sequence", "date-match"), required=False, previous=record).paper
    mine = [{(q.strategy, s) for q in p.questions for s in q.sources} for p in (paper, again)]
    assert len(mine[0] & mine[1]) <= len(mine[1]) / 3


def test_which_first_offers_three_options_when_four_would_need_events_it_may_not_use():
    topic = parse_notes("title: T\nsubject: History\ndates:\n" + "".join(
        f"  - date: '{1500 + 30 * i}'\n    event: A made-up event number {i} takes place.\n" for i in range(3)))
    q = make(topic, "which-first", 1).questions[0]
    assert len(q.body.options) == 3 and q.body.correct == q.body.options.index("A made-up event number 0 takes place.")


def test_timeline_questions_name_events_by_their_line_in_the_notes(topic):
    lines = {f"date:{d.line}" for d in topic.dates}
    for name in NAMES:
        section = make(topic, name, 1)
        assert all(s in lines for q in section.questions for s in q.sources), name


def test_a_section_limit_gives_way_while_the_paper_has_too_few_marks_to_print():
    from quizforge.assemble.paper import SHORT_MARKS

    topic = parse_notes(TIMELINE + MORE_EVENTS)
    one = assemble(topic, 1, ("which-first", "date-match", "what-year"), required=False, limit=1).paper
    assert [s.strategy for s in one.sections][:2] == ["which-first", "date-match"]  # 1-mark questions alone: too few
    assert one.total_marks >= SHORT_MARKS or len(one.sections) == 3
    # enough marks in the first sections: the limit holds
    from .conftest import PURGES

    purges = load_notes(PURGES)
    held = assemble(purges, 1, ("explain", "fill-blank", "multiple-choice"), required=False, limit=1).paper
    assert held.total_marks >= SHORT_MARKS and [s.strategy for s in held.sections] == ["explain"]


def test_what_year_asks_events_an_order_question_prints_but_never_a_year_printed_elsewhere(topic):
    events = {d.event: f"date:{d.line}" for d in topic.dates}
    crowned, executed = events["Elizabeth is crowned Queen of England."], events["Mary, Queen of Scots, is executed."]
    # printed without a date by another question: still asked, once the others run out
    both = make(topic, "what-year", 1, count=10, exclude=frozenset({crowned}))
    assert crowned in {q.sources[0] for q in both.questions}
    # its year printed elsewhere ('1587' in a list of dates): never asked
    printed = make(topic, "what-year", 1, count=10, printed=("1 1559", "2 1587"))
    asked = {q.sources[0] for q in printed.questions}
    assert crowned not in asked and executed not in asked and asked


def test_who_did_what_lists_no_two_people_whose_deeds_are_about_the_same_thing():
    """Blind review: 'Made several statements about atoms, for example that all matter is made of atoms' (Dalton)
    fits Democritus too, listed beside it ('suggested that atoms were the smallest bit of matter')."""
    from quizforge.strategies.date_match import deeds, rival_deeds
    from quizforge.strategies._timeline import dated_events

    topic = parse_notes("title: Models of the cell\nsubject: Biology\ndates:\n" + "".join(
        f"  - date: '{year}'\n    event: {who} {did}.\n" for year, who, did in (
            (1665, "Robert Hooke", "saw tiny boxes in cork and called them cells"),
            (1674, "Antonie Leeuwenhoek", "spotted living bacteria through a lens he made himself"),
            (1831, "Alfred Brown", "described the nucleus inside plant cells"),
            (1838, "Matthias Schleiden", "said that every plant is made of cells"),
            (1855, "Rudolf Virchow", "argued that new cells come only from old ones"),
            (1882, "Walther Flemming", "watched chromosomes split during division"),
            (1898, "Camillo Golgi", "found a stack of membranes in nerve tissue"),
            (1931, "Ernst Ruska", "built the first electron microscope"))))
    found = deeds(dated_events(topic))
    rivals = rival_deeds(found)
    by_name = {d[0]: d[2].source for d in found}
    # 'plant' is in Brown's and Schleiden's deeds: either could be defended for the other's
    assert by_name["Alfred Brown"] in rivals[by_name["Matthias Schleiden"]]
    # 'cells' is what most deeds are about: it tells no two apart
    assert by_name["Rudolf Virchow"] not in rivals[by_name["Robert Hooke"]]
    for seed in range(1, 15):
        q = make(topic, "date-match", seed).questions[0]
        listed = {by_name[p] for p in q.body.causes}
        assert all(not rivals[s] & listed for s in listed), (seed, q.body.causes)


def test_an_order_question_spreads_its_events_across_the_notes_main_period():
    """Blind review: Moseley 1914 / Bohr 1922 (really 1913) in one order made a wrong key, and Democritus,
    Chadwick and Seaborg, centuries apart, were a two-mark giveaway. The events keep a gap of the main period
    cut into n + 1 parts (half of it where the notes are short), and an outlier only joins three others."""
    from quizforge.strategies._timeline import central, dated_events, order_gap, years_apart

    topic = parse_notes("title: Flight\nsubject: Physics\ndates:\n" + "".join(
        f"  - date: '{year}'\n    event: A made-up step in flight number {i} is taken.\n" for i, year in enumerate(
            ("300 BCE", 1783, 1785, 1804, 1809, 1849, 1853, 1891, 1896, 1903, 1905, 1909))))
    events = dated_events(topic)
    core = central(events)
    by_year = {e.when.year: e for e in events}
    assert by_year[-300].source not in core  # Tukey's fences and by_year[1783].source in core
    assert order_gap(events, 3) == 32  # 1783-1909: 126 years in four parts
    for seed in range(1, 25):
        q = make(topic, "sequence", seed).questions[0]
        chosen = [e for e in events if e.source in q.sources]
        inside = [e for e in chosen if e.source in core]
        assert len(inside) >= 3
        assert all(years_apart(a, b) >= order_gap(events, len(chosen)) // 2 for a in chosen for b in chosen if a is not b)
    # 'which came first' never offers the outlier before the period: it would plainly be the answer
    for seed in range(1, 25):
        for q in make(topic, "which-first", seed).questions:
            assert by_year[-300].source not in q.sources


CELL_PEOPLE = "title: Models of the cell\nsubject: Biology\ndates:\n" + "".join(
    f"  - date: '{year}'\n    event: {who} {did}.\n" for year, who, did in (
        (1665, "Robert Hooke", "discovered tiny boxes in cork by looking through a microscope"),
        (1674, "Antonie Leeuwenhoek", "found living bacteria and showed that pond water teems with life"),
        (1838, "Matthias Schleiden", "suggested that every plant is made of cells"),
        (1855, "Rudolf Virchow", "said that new cells come only from old cells"),
        (1882, "Walther Flemming", "made several drawings of dividing cells"),
        (1898, "Camillo Golgi", "found a stack of membranes and developed a silver stain"),
        (1931, "Ernst Ruska", "invented the electron microscope"),
        (1953, "Rosalind Franklin", "proved that DNA has the shape of a helix")))


def test_what_did_asks_each_person_what_they_did_with_the_verb_of_the_deed():
    """Blind review (atomic structure): 'With no question on what each model showed or why it replaced the last one,
    this is not yet a paper worth printing.' Each idea of the deed is a mark; how it was done is not asked; a deed
    whose verb says nothing of the step ('made several drawings') makes no question."""
    from quizforge.strategies.what_did import clauses, prompt_for

    topic = parse_notes(CELL_PEOPLE)
    section = make(topic, "what-did", 1, count=10)
    by_prompt = {q.prompt: q for q in section.questions}
    assert by_prompt["What did Robert Hooke discover?"].body.points == ("Tiny boxes in cork.",)
    leeuwenhoek = by_prompt["What did Antonie Leeuwenhoek find, and what did this show?"]
    assert leeuwenhoek.marks == 2 and leeuwenhoek.body.points[1] == "Pond water teems with life."
    assert by_prompt["What did Camillo Golgi find and develop?"].marks == 2
    assert by_prompt["What did Matthias Schleiden suggest about every plant?"].body.points == ("Every plant is made of cells.",)
    assert by_prompt["What did Rosalind Franklin prove about DNA?"].marks == 1
    assert "What did Ernst Ruska invent?" in by_prompt
    assert not any("Flemming" in p for p in by_prompt)  # 'made several drawings': no verb of a step forward
    assert clauses("Made several statements about atoms") == []
    assert prompt_for("A B", [("discover", "x"), ("discover", "y")]) == "What two things did A B discover?"


def test_what_did_never_asks_about_an_event_another_question_prints_or_matches():
    """The match of people to deeds is drawn first; what-did asks about the deeds it leaves, and no order question
    prints a deed it asks about."""
    topic = parse_notes(CELL_PEOPLE)
    seen = set()
    for seed in (1, 2, 3):
        paper = assemble(topic, seed, ("sequence", "which-first", "date-match", "what-did"), required=False).paper
        by = {s.strategy: s for s in paper.sections}
        assert "what-did" in by, seed
        asked = {src for q in by["what-did"].questions for src in q.sources}
        seen |= asked
        assert not asked & {src for q in by["date-match"].questions for src in q.sources}
        printed = [q for name in ("sequence", "which-first") if name in by for q in by[name].questions
                   if not q.id.startswith("sequence:people:")]  # people in order print names only
        assert not asked & {src for q in printed for src in q.sources}
    assert len(seen) > 2  # other seeds ask about other people where the notes allow


def test_someone_elses_birth_is_not_dated():
    """'William Shakespeare was born' on a timeline of Elizabeth's reign is trivia (blind review: "not a key event
    of the reign"); the birth of someone the title names is kept."""
    from quizforge.strategies._timeline import side_birth

    assert side_birth("William Shakespeare was born.", "Elizabeth key dates")
    assert side_birth("Birth of Charles Darwin", "The theory of evolution")
    assert not side_birth("Elizabeth I is born", "Elizabeth key dates")
    assert not side_birth("The Globe Theatre is built on Bankside.", "Elizabeth key dates")
    assert not side_birth("Prince Edward, the future Edward VI, is born to Jane Seymour.", "Henry VIII key dates")


def test_the_start_and_end_of_the_reign_are_never_put_in_order():
    """'Elizabeth crowned' is first and 'Elizabeth dies' last by logic (blind review: "any set containing
    'Elizabeth crowned' ... needs no dates"); 'In what year' may still ask them."""
    from quizforge.strategies._timeline import bookend

    assert bookend("Elizabeth crowned Queen of England.", "Elizabeth key dates")
    assert bookend("Queen Elizabeth I dies and the Tudor dynasty ends.", "Elizabeth key dates")
    assert not bookend("Mary Queen of Scots dies.", "Elizabeth key dates")
    assert not bookend("The king dies.", "The Cold War")  # 'The' and 'Cold' name no one


def test_an_event_beside_the_titles_subject_is_left_out_where_the_others_name_it():
    """Blind review: 'What did Glen Seaborg find and develop?' on a timeline of atomic structure is off it."""
    from quizforge.strategies._timeline import Dated, on_topic

    def events(*texts):
        return [Dated(i, str(1800 + i), t, 1800 + i, i + 1) for i, t in enumerate(texts)]

    atoms = events("Dalton said all matter is made of atoms.", "Thomson found electrons in the atom.",
                   "Rutherford showed the atom has a nucleus.", "Moseley linked atomic number to protons.",
                   "Chadwick found neutrons by bombarding atoms.", "Seaborg found several radioactive elements.")
    kept = on_topic(atoms, "Timeline of the development of atomic structure")
    assert [e.event for e in kept] == [e.event for e in atoms[:5]]
    # a reign's key dates: most events do not name the title's subject, so none is 'off' it
    reign = events("Elizabeth is crowned.", "The Northern Rebellion.", "The Armada is defeated.",
                   "Mary Queen of Scots is executed.", "The Poor Law is passed.")
    assert on_topic(reign, "Elizabeth I: key dates") == reign
