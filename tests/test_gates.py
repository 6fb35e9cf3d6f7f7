"""The gates on whole papers: the issue's quoted defects as cases, and properties over many seeds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge import quality
from quizforge.assemble import assemble
from quizforge.assemble.screen import Ledger, printed, screen_section
from quizforge.load import load_notes, parse_notes
from quizforge.model import Choice, Gap, Match, Question, Section
from quizforge.pipeline import BuildRequest, make_paper
from quizforge.strategies import Options, get
from quizforge.strategies._pools import examples_by_cause
from quizforge.strategies.fill_blank import WORD_BANK_EXTRAS, candidates

from .conftest import PURGES, all_sources

PRESETS = (None, "quick-quiz", "worksheet", "exam")
TIERS = (None, "support", "core", "stretch")


def _paper(source: Path, seed: int, preset=None, tier=None):
    return make_paper(BuildRequest(source=source, seed=seed, preset=preset, tier=tier))[0]


def _gap_question(answer: str, before: str, after: str) -> Question:
    return Question(id=f"g:{answer}", strategy="fill-blank", prompt="Fill in the missing word or words.", marks=1,
                    body=Gap(before, after, answer), answer=answer)


# --- the quoted defects -------------------------------------------------------------


def test_a_matching_item_that_prints_a_blanks_answer_is_left_out():
    blank = _gap_question("Politburo", "Stalin could not persuade the ", " to kill a leading communist.")
    match = Question(id="m", strategy="match", prompt="Match each example to the cause it supports.", marks=2,
                     body=Match(("To remove old rivals", "To cover up problems in the economy"),
                                ("Stalin's failure to persuade the Politburo made him feel insecure.",
                                 "There were accidents in poorly run mines."), (0, 1)), answer="A 1, B 2")
    ledger = Ledger()
    kept, _ = screen_section(Section("fill-blank", "", "", (blank,)), ledger)
    assert kept.questions == (blank,)
    section, warnings = screen_section(Section("match", "", "", (match,)), ledger)
    assert section.questions == () and "Politburo" in warnings[0]


def test_word_bank_has_three_spares_of_each_kind_and_never_a_date(purges):
    for seed in range(1, 30):
        section = get("fill-blank").generate(purges, random.Random(seed), Options(seed=seed))
        answers = {q.answer for q in section.questions}
        assert not any(quality.word_kind(a) in ("date", "number") for a in answers), "1920 1928 2000"
        if section.word_bank:
            kinds = {c.answer.lower(): c.kind for c in candidates(purges)}
            kinds.update({t.term.lower(): "term" for t in purges.key_terms})
            kinds.update({n.lower(): "person" for p in purges.people for n in p.names})
            for kind in {kinds[a.lower()] for a in answers}:
                spares = [w for w in section.word_bank if w not in answers and kinds.get(w.lower(), "") == kind]
                assert len(spares) >= WORD_BANK_EXTRAS, (kind, section.word_bank)


def test_no_headcount_or_end_date_is_blanked():
    notes = """\
title: A failed attempt to seize power
subject: History
question: Why did the attempt fail?
causes:
  - title: Because the plan was rushed
    points:
      - text: Hitler and 2000 SA members marched into Munich on 9 November 1923.
        blank: ["2000", "1923", Munich]
      - text: Ludendorff marched with the Nazis through the streets of the capital of Bavaria.
        blank: Ludendorff
  - title: Because the army stayed loyal to the government
    points:
      - text: The Bavarian police opened fire on the marchers in the Odeonsplatz.
        blank: Odeonsplatz
people:
  - name: Erich Ludendorff
    role: A First World War general who supported the Nazis
"""
    topic = parse_notes(notes)
    answers = {c.answer for c in candidates(topic)}
    assert "2000" not in answers and "1923" not in answers
    assert {"Munich", "Ludendorff", "Odeonsplatz"} <= answers


def test_a_stem_never_shares_its_key_word_with_the_right_option(purges):
    pools = examples_by_cause(purges, title_free=True)
    texts = [p.text for points in pools.values() for p in points]
    assert not any(t.startswith("Because Stalin wanted his rivals dead") for t in texts)
    for seed in range(1, 40):
        for q in get("multiple-choice").generate(purges, random.Random(seed), Options(seed=seed, count=8)).questions:
            if q.id.startswith("multiple-choice:cause:"):
                right = q.body.options[q.body.correct]
                example = q.prompt.split("\n", 1)[1]
                assert not (quality.content_words(example) & quality.content_words(right) - {"communist", "party"}), q


def test_an_example_that_fits_every_reason_is_never_sorted(purges):
    doubtful = "Executions were used to remove anyone who was not trusted by the state."
    for seed in range(1, 30):
        paper = _paper(PURGES, seed, "worksheet")
        for q in paper.questions:
            if isinstance(q.body, (Match, Choice)) and q.strategy != "key-terms":
                assert doubtful not in [t for _, t in printed(q)]


def test_open_questions_have_a_focus_and_a_fitting_tariff():
    notes = """\
title: Rates of reaction
subject: Chemistry
causes:
  - title: Temperature
    points:
      - Glucose.
      - Oxygen.
  - title: Concentration
    points:
      - A higher concentration means more particles in the same volume, so collisions are more frequent.
"""
    topic = parse_notes(notes)
    with pytest.raises(Exception, match="explain why"):
        get("explain").generate(topic, random.Random(1), Options())


def test_mark_schemes_never_credit_headings_or_scraps():
    notes = """\
title: Reasons behind the Purges
subject: History
question: Why did Stalin carry out the Purges?
explain_stem: Explain why Stalin used the Purges
causes:
  - title: To remove old rivals
    points:
      - Causes.
      - Location.
      - Stalin feared that Zinoviev and Kamenev still had support in the party.
      - Bukharin had opposed Stalin's plans for collectivisation.
      - Germany ended u.
  - title: To control the army
    points:
      - Tukhachevsky and other generals were shot in 1937.
      - Stalin feared that the army could remove him.
"""
    topic = parse_notes(notes)
    for seed in range(1, 6):
        for q in get("explain").generate(topic, random.Random(seed), Options(seed=seed)).questions:
            assert not {"Causes.", "Location.", "Germany ended u."} & set(q.body.indicative)
            assert q.marks == (6 if len(q.body.indicative) >= 3 else 4)
            assert all(g not in q.body.indicative for g in q.guidance), "marking rules apart from the content"


def test_a_short_paper_says_so(purges):
    topic = parse_notes("""\
title: T
subject: Science
question: Why does it happen?
causes:
  - title: Because of heat
    points:
      - Particles move faster when they are warmer.
      - Faster particles collide more often.
""")
    result = assemble(topic, 1, ("fill-blank", "match", "explain"), required=False)
    assert any(w.startswith("this paper is short") for w in result.skipped)
    assert any(w.startswith("skipped match:") and "needs" in w for w in result.skipped)


# --- another seed, another paper --------------------------------------------------------------


RICH = "\n".join(["title: A rich topic", "subject: History", "question: Why did it happen?",
                  "explain_stem: Explain why it happened", "causes:"] + [
    line for i, (reason, items) in enumerate([
        ("Because of the harvest", ["wheat", "barley", "rye", "oats"]),
        ("Because of the weather", ["frost", "drought", "hail", "flood"]),
        ("Because of the soldiers", ["cavalry", "infantry", "archers", "sentries"]),
        ("Because of the merchants", ["spices", "silk", "salt", "timber"]),
    ]) for line in (f"  - title: {reason}", "    points:", *(
        f"      - text: In year {j + 1} the {w} of region {i} changed the lives of ordinary people.\n"
        f"        blank: {w}" for j, w in enumerate(items)))
])


def test_seeds_one_and_two_share_at_most_a_third():
    topic = parse_notes(RICH)
    for name in ("fill-blank", "true-false", "explain"):
        try:
            a = get(name).generate(topic, random.Random(1), Options(seed=1))
            b = get(name).generate(topic, random.Random(2), Options(seed=2))
        except Exception:
            continue
        ids_a, ids_b = {q.id for q in a.questions}, {q.id for q in b.questions}
        assert len(ids_a & ids_b) <= len(ids_a) / 3, (name, ids_a & ids_b)


def test_consecutive_seeds_of_the_default_paper_differ():
    for preset in PRESETS:
        one = {q.id for q in _paper(PURGES, 1, preset).questions}
        two = {q.id for q in _paper(PURGES, 2, preset).questions}
        assert one != two, preset


# --- properties over many seeds -------------------------------------------------------------


SOURCES = all_sources()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.integers(1, 10_000), st.sampled_from(PRESETS), st.sampled_from(TIERS))
def test_every_paper_passes_every_gate(source, seed, preset, tier):
    try:
        paper = _paper(source, seed, preset, tier)
    except Exception as exc:  # a preset the notes cannot fill at all says so
        assert "needs" in str(exc) or "no strategy" in str(exc)
        return
    assert paper == _paper(source, seed, preset, tier), "same notes + seed = same paper"
    ledger = Ledger()
    for q in paper.questions:
        for role, text in printed(q):
            assert quality.ok(text, role), (q.id, role, text, quality.check(text, role))
        assert not ledger.conflict(q), (q.id, ledger.conflict(q))
        ledger.add(q)
        body = q.body
        if isinstance(body, Choice):
            assert len(set(body.options)) == len(body.options), "one right answer"
        if isinstance(body, Gap):
            assert quality.word_kind(body.answer) not in ("date", "number") or q.strategy != "fill-blank"
    # Whole paper, any order: no question's answer is printed by another.
    for q in paper.questions:
        others = Ledger()
        for r in paper.questions:
            if r is not q:
                others.add(r)
        assert not others.conflict(q), (q.id, others.conflict(q))


def test_a_range_of_two_reads_a_and_b():
    from quizforge.assemble.screen import tidy_ranges
    from quizforge.model import Question, ShortAnswer
    q = Question(id="x", strategy="match", prompt="Each example, A to B, supports one of the causes numbered 1 to 2. "
                 "Pages 1 to 20.", marks=1, body=ShortAnswer(answer="a"), answer="a")
    assert tidy_ranges(q).prompt == ("Each example, A and B, supports one of the causes numbered 1 and 2. "
                                     "Pages 1 to 20.")


def test_seed_two_repeats_at_most_a_third_of_a_strategys_items():
    """Where the notes run out of fresh material, seed 2 asks fewer questions, not the same ones again."""
    from quizforge.strategies._gates import few_repeats, fresh_first

    used = frozenset({"which-case@a", "which-case@b", "which-case@c", "d"})
    chosen = ["x", "a", "b", "c", "y", "z"]
    kept = few_repeats(chosen, used, lambda s: s, "which-case")
    assert kept == ["x", "a", "y", "z"]  # one repeat beside three fresh items: a quarter
    assert few_repeats(["a", "b", "c"], used, lambda s: s, "which-case") == ["a", "b"]  # never fewer than two
    assert few_repeats(chosen, frozenset(), lambda s: s, "which-case") == chosen
    # what the strategy itself asked goes last, after what only another question (an essay) cited
    assert fresh_first(["a", "d", "e"], used, lambda s: s, "which-case") == ["e", "d", "a"]
