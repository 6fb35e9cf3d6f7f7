"""Every strategy, on every notes file we have, over many seeds: the invariants hold."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizforge import quality
from quizforge.assemble import assemble, strategy_rng
from quizforge.errors import NotEnoughMaterial
from quizforge.load import load_notes, parse_notes
from quizforge.model import Choice, Extended, Gap, Match, Sequence, ShortAnswer, TrueFalse
from quizforge.strategies import DEFAULT_STRATEGIES, Options, available, get
from quizforge.strategies._pools import first_sentence
from quizforge.strategies._text import STOP_WORDS, find_phrase, normalise
from quizforge.strategies.key_terms import masked
from quizforge.strategies.sequencing import date_key

from . import shape_checks
from .conftest import MINIMAL, all_sources

SEEDS = range(40)
TOPICS = [load_notes(p) for p in all_sources()]


def notes_texts(topic):
    return [p.text for c in topic.causes for p in c.walk()]


def check_gap(topic, q):
    gap: Gap = q.body
    sentence = gap.before + gap.answer + gap.after
    assert any(normalise(sentence) == normalise(t) for t in notes_texts(topic)), "the sentence comes from the notes"
    assert gap.answer.lower() not in STOP_WORDS
    rest = gap.before + " " + gap.after
    assert not find_phrase(rest, gap.answer), "the rest of the sentence must not give the answer away"
    assert q.marks == 1


def check_match(topic, q):
    m: Match = q.body
    assert len(m.examples) == len(m.key) and len(set(m.examples)) == len(m.examples)
    assert set(m.key) == set(range(len(m.causes))), "every cause is used at least once"
    titles = {c.title: c for c in topic.causes}
    for example, k in zip(m.examples, m.key):
        owners = [c for c in topic.causes if any(normalise(p.text) == normalise(example) for p in c.walk())]
        assert [c.title for c in owners] == [m.causes[k]], "each example belongs to exactly one cause: the keyed one"
    assert all(c in titles for c in m.causes)
    assert q.marks == len(m.examples)


def check_levels(levels, top):
    assert levels[0].low == 1 and levels[-1].high == top
    assert all(a.high + 1 == b.low and a.low <= a.high for a, b in zip(levels, levels[1:]))
    assert all(level.descriptor for level in levels)


def credited(cause):
    """What a mark scheme may credit from a branch: a line of the notes, or a line joined to its heading."""
    found = set()
    for point in cause.walk():
        found.add(normalise(point.text))
        found.update(normalise(f"{point.text} {child.text}") for child in point.points)
    for aspect in cause.aspects:
        found.update(normalise(f"{aspect.heading} {p.text}") for p in aspect.walk())
    return found


def check_extended(topic, q):
    e: Extended = q.body
    spag = e.spag[-1].high if e.spag else 0
    check_levels(e.levels, q.marks - spag)
    if e.spag:
        check_levels(e.spag, spag)
    assert e.lines >= q.marks - spag
    assert q.prompt.endswith((".", "?"))
    if not e.stimulus:
        cause = topic.cause(e.cause_id)
        assert e.indicative and all(normalise(i) in credited(cause) for i in e.indicative)
        return
    # exam style: bullets from distinct causes, indicative content from the notes, own knowledge from the rest
    titles = {c.title.rstrip("."): c for c in topic.causes}
    bullets = [titles[s] for s in e.stimulus]
    assert len(set(e.stimulus)) == len(e.stimulus) == 2 and e.rules
    points = set().union(*(credited(c) for c in topic.causes))
    assert e.indicative and all(normalise(i) in points for i in e.indicative)
    others = e.indicative_own or e.indicative_against
    assert others and all(any(o.startswith(c.title.rstrip(".")) for c in topic.causes) for o in others)
    if e.indicative_own:  # explain why: own knowledge is never one of the bullet causes
        assert not any(o.startswith(b.title.rstrip(".")) for o in e.indicative_own for b in bullets)
        assert any("only" in r and "bullet" in r for r in e.rules), "stimulus-only answers are capped"
    else:  # how far: the bullets are other causes (the statement names its own), 'against' is every other cause
        main = topic.cause(q.cause_id)
        assert main not in bullets and quality.content_words(main.title) <= quality.content_words(q.prompt)
        assert len(e.indicative_against) == len([c for c in topic.causes if c.points]) - 1
        assert e.spag and any("judgement" in r for r in e.rules)


def owners_of(topic, text):
    return [c for c in topic.causes if any(normalise(p.text) == normalise(text) for p in c.walk())]


def check_choice(topic, q):
    c: Choice = q.body
    assert len(c.options) >= 3 and 0 <= c.correct < len(c.options)
    assert len({normalise(o) for o in c.options}) == len(c.options), "no duplicate options"
    right = c.options[c.correct]
    kind = q.id.split(":")[1] if q.strategy == "multiple-choice" else q.strategy
    if kind == "cause":
        example = q.prompt.split("\n")[1].strip("\u201c\u201d")
        assert [o.title for o in owners_of(topic, example)] == [right], "exactly one option is right"
    elif kind == "who":
        role = q.prompt.split("\n")[1].strip("\u201c\u201d").rstrip(".")
        matches = [p.name for p in topic.people if normalise(p.role) == normalise(role)]
        assert matches == [right] and all(o in {p.name for p in topic.people} for o in c.options)
    elif kind == "term":
        term = next(t for t in topic.key_terms if f"\u2018{t.term}\u2019".lower() in q.prompt.lower())
        assert right == masked(term)
        wrong = [o for i, o in enumerate(c.options) if i != c.correct]
        assert not any(find_phrase(o, f) for o in wrong for f in (term.term, *term.accept))
    elif kind == "odd-one-out":
        same = {tuple(x.id for x in owners_of(topic, o)) for i, o in enumerate(c.options) if i != c.correct}
        odd = tuple(x.id for x in owners_of(topic, right))
        assert len(same) == 1 and len(next(iter(same))) == 1 and len(odd) == 1 and odd not in same
    else:
        raise AssertionError(f"no check for choice question {q.id}")
    assert c.explanation


def true_fact(topic, text):
    """Is this statement what the notes say? A point, a dated event, or an example under its own cause."""
    facts = {normalise(p.text) for c in topic.causes for p in c.walk()}
    facts |= {normalise(f"{d.date}: {d.event}") for d in topic.dates}
    if normalise(text) in facts:
        return True
    lead = re.match(r"\u201c(.+)\u201d is evidence for the reason \u2018(.+?)\u2019\.$", text)
    if lead:
        return [c.title.rstrip(".") for c in owners_of(topic, lead.group(1))] == [lead.group(2)]
    return False


def check_truefalse(topic, q):
    tf: TrueFalse = q.body
    assert true_fact(topic, tf.statement) == tf.true, "a false statement is really false, a true one really true"
    if not tf.true:
        assert true_fact(topic, tf.correction) and normalise(tf.correction) != normalise(tf.statement)


def check_shortanswer(topic, q):
    sa: ShortAnswer = q.body
    term = next(t for t in topic.key_terms if f"\u2018{t.term}\u2019".lower() in q.prompt.lower())
    assert sa.answer == term.definition and sa.lines >= (1 if q.prompt.endswith("mean in English?") else 2)


def check_keyterm_match(topic, q):
    m: Match = q.body
    assert len(set(m.key)) == len(m.key), "each term used at most once"
    assert len(m.causes) == len(m.examples) + 1, "one term to spare: the last definition is not matched by elimination"
    assert "one term is not needed" in q.prompt
    terms = {t.term: t for t in topic.key_terms}
    for example, k in zip(m.examples, m.key):
        fits = [t for t in m.causes if masked(terms[t]) == example]
        assert fits == [m.causes[k]], "each definition fits exactly one term"
        assert not find_phrase(example, m.causes[k])
    assert (m.left_label, m.right_label) == ("Term", "Definition")


def check_sequence(topic, q):
    seq: Sequence = q.body
    assert sorted(seq.order) == list(range(len(seq.items))) and len(set(seq.items)) == len(seq.items)
    assert list(seq.order) != list(range(len(seq.items))), "not printed already in order"
    dates = {d.event.rstrip(".") + ".": date_key(d.date) for d in topic.dates}
    keys = [dates[seq.items[i]] for i in seq.order]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert not any(re.search(r"\d{4}", item) and item in q.answer for item in seq.items)


CHECKS = {Gap: check_gap, Match: check_match, Extended: check_extended, Choice: check_choice,
          TrueFalse: check_truefalse, ShortAnswer: check_shortanswer, Sequence: check_sequence}
STRATEGY_CHECKS = {("key-terms", Match): check_keyterm_match}
STRATEGY_CHECKS.update(shape_checks.CHECKS)  # timelines, processes, glossaries


def check(topic, q):
    STRATEGY_CHECKS.get((q.strategy, type(q.body)), CHECKS[type(q.body)])(topic, q)


@pytest.mark.parametrize("topic", TOPICS, ids=[t.slug for t in TOPICS])
@pytest.mark.parametrize("name", list(available()))
def test_sweep_seeds(topic, name):
    for seed in SEEDS:
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), Options())
        except NotEnoughMaterial:
            continue
        assert section.questions
        ids = [q.id for q in section.questions]
        assert len(ids) == len(set(ids)), "no question twice"
        for q in section.questions:
            assert q.strategy == name
            check(topic, q)
        if section.word_bank:
            answers = {q.body.answer.lower() for q in section.questions}
            bank = [w.lower() for w in section.word_bank]
            assert answers <= set(bank) and len(bank) == len(set(bank))


def test_same_seed_same_paper_and_different_seed_differs(purges):
    chosen = ("fill-blank", "multiple-choice", "explain")
    a = assemble(purges, 7, chosen).paper
    b = assemble(purges, 7, chosen).paper
    c = assemble(purges, 8, chosen).paper
    assert a == b
    assert a.questions != c.questions
    assert [q.number for q in a.questions] == list(range(1, len(a.questions) + 1))


def test_fill_blank_uses_teacher_blanks_and_accepts(purges):
    section = get("fill-blank").generate(purges, random.Random(1), Options(count=20))
    by_answer = {q.body.answer: q for q in section.questions}
    assert "Stakhanovites" in by_answer
    assert "Stakhanovite workers" in by_answer["Stakhanovites"].body.accept
    assert len(section.questions) >= 5
    # Never a date (the teacher marked "1932" and "1934"), never a word of a cause title (Kirov).
    assert not {"1932", "1934", "Kirov"} & set(by_answer)


def test_fill_blank_without_word_bank(purges):
    section = get("fill-blank").generate(purges, random.Random(1), Options(word_bank=False))
    assert section.word_bank == () and "word bank" not in section.instructions


def test_fill_blank_never_blanks_a_word_that_stays_visible():
    topic = parse_notes(MINIMAL.replace("Heat makes particles move faster.", "Heat heats the heat sink.")
                        + "key_terms:\n  - term: heat\n    definition: Energy that flows.\n  - term: pressure\n    definition: Force per area.\n  - term: particles\n    definition: Tiny bits.\n")
    for seed in range(20):
        try:
            section = get("fill-blank").generate(topic, random.Random(seed), Options())
        except NotEnoughMaterial:
            continue
        for q in section.questions:
            assert not (q.body.answer.lower() == "heat" and "Heat heats" in q.body.before + q.body.answer + q.body.after)


MATCHABLE = """\
title: Test topic
subject: Science
question: Why does the reaction speed up?
causes:
  - title: Because of heat
    points:
      - Particles move faster when they are warmer.
      - Faster particles collide more often.
      - The collisions carry more energy.
  - title: Because of pressure
    points:
      - Squeezing the gas pushes the particles closer together.
      - Crowded particles bump into each other more often.
      - A smaller container leaves less room between the molecules.
"""


def test_match_has_one_answer_even_when_a_point_repeats():
    text = MATCHABLE.replace("      - Crowded particles bump into each other more often.\n",
                             "      - Crowded particles bump into each other more often.\n"
                             "      - Faster particles collide more often.\n")
    topic = parse_notes(text)
    for seed in range(20):
        q = get("match").generate(topic, random.Random(seed), Options()).questions[0]
        assert "Faster particles collide more often." not in q.body.examples
        assert min(q.body.key.count(i) for i in range(2)) >= 2  # two causes: two examples each


def test_match_of_two_causes_is_never_three_to_one():
    """One cause with a single example beside three of the other is a guess at the odd one: at most one ahead."""
    topic = parse_notes(MATCHABLE.replace("      - The collisions carry more energy.\n",
                                          "      - The collisions carry more energy.\n"
                                          "      - Warm molecules have more kinetic energy.\n"))
    for seed in range(1, 12):
        q = get("match").generate(topic, random.Random(seed), Options(seed=seed)).questions[0]
        counts = [q.body.key.count(i) for i in range(2)]
        assert max(counts) - min(counts) <= 1 and min(counts) >= 2, counts


def test_match_of_two_causes_needs_two_examples_each():
    """2:1 is a coin toss once one example is known (blind review: 'With only two bins, Membership and
    Organisation, this is mostly a coin toss'): two causes need two examples each, or no question."""
    lines = MATCHABLE.splitlines(keepends=True)
    second = max(i for i, line in enumerate(lines) if line.startswith("  - title:"))
    examples = [i for i in range(second, len(lines)) if lines[i].startswith("      - ")]
    topic = parse_notes("".join(line for i, line in enumerate(lines) if i not in examples[1:]))
    with pytest.raises(NotEnoughMaterial, match="two examples|2 examples for each"):
        get("match").generate(topic, random.Random(1), Options(seed=1))


def test_explain_prompt_uses_the_stem(purges):
    q = get("explain").generate(purges, random.Random(3), Options(count=5)).questions
    assert {x.prompt for x in q} >= {"Explain why Stalin used the Purges to cover up problems in the economy."}


def test_strategy_short_of_material_says_so():
    topic = parse_notes(MINIMAL)
    with pytest.raises(NotEnoughMaterial, match="fill-in-the-blank needs"):
        get("fill-blank").generate(topic, random.Random(1), Options())
    result = assemble(topic, 1, DEFAULT_STRATEGIES, required=False)
    assert "fill-blank" not in result.paper.strategies and result.skipped


words = st.text(alphabet="abcdefghij ", min_size=3, max_size=40).filter(lambda s: re.search(r"\w{3}", s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(words, min_size=1, max_size=4), min_size=2, max_size=5), st.integers(0, 10_000))
def test_strategies_on_generated_notes(causes, seed):
    import json
    lines = ["title: T", "subject: S", "question: Q?", "causes:"]
    for i, points in enumerate(causes):
        lines += [f"  - title: Cause {i}", "    points:"] + [f"      - {json.dumps(p)}" for p in points]
    lines += ["key_terms:", "  - term: abc", "    definition: d", "people:", "  - name: Bob Jig", "    role: r", "    known_as: [Jig]"]
    topic = parse_notes("\n".join(lines) + "\n")
    for name in available():
        try:
            section = get(name).generate(topic, strategy_rng(seed, name), Options())
        except NotEnoughMaterial:
            continue
        for q in section.questions:
            check(topic, q)


# --- the strategies added for exam practice ------------------------------------

NEW = ("multiple-choice", "true-false", "key-terms", "odd-one-out", "sequence", "exam-explain", "how-far")
BY_SLUG = {t.slug: t for t in TOPICS}


@pytest.mark.parametrize("name", NEW)
@pytest.mark.parametrize("opts", [Options(choices=3, starters=True, tier="support", word_bank=True),
                                  Options(choices=5, count=20, word_bank=False)], ids=["support", "many"])
def test_sweep_seeds_with_tier_options(name, opts):
    made = 0
    for topic in TOPICS:
        for seed in range(15):
            try:
                section = get(name).generate(topic, strategy_rng(seed, name), opts)
            except NotEnoughMaterial:
                continue
            made += 1
            for q in section.questions:
                check(topic, q)
                if isinstance(q.body, Choice) and q.strategy == "multiple-choice":
                    assert len(q.body.options) <= opts.choices
                if isinstance(q.body, Extended):
                    assert bool(q.body.starters) == opts.starters
    assert made, f"{name} made nothing from any notes file"


ALL_FIVE = {"purges", "antibiotic-resistance", "notes-dated", "notes-tricky", "notes-matching"}


@pytest.mark.parametrize("name, slugs", [
    ("multiple-choice", ALL_FIVE),
    ("true-false", ALL_FIVE - {"antibiotic-resistance"}),  # Biology: a swapped year is trivia, its only swaps
    ("key-terms", {"purges", "antibiotic-resistance", "notes-dated", "notes-matching", "notes-tricky"}),  # one term: defined alone
    ("odd-one-out", ALL_FIVE),
    ("sequence", {"notes-dated"}),
    ("exam-explain", ALL_FIVE),
    ("how-far", ALL_FIVE),
])
def test_which_notes_support_which_strategy(name, slugs):
    made = set()
    for topic in TOPICS:
        try:
            get(name).generate(topic, strategy_rng(1, name), Options())
            made.add(topic.slug)
        except NotEnoughMaterial as exc:
            assert str(exc).startswith(topic.source) and "needs" in str(exc), "says what the notes lack"
    assert made == slugs


def test_sequencing_says_why_it_cannot(purges):
    with pytest.raises(NotEnoughMaterial, match=r"purges.yaml: sequencing needs at least 3 'dates' .*found 2"):
        get("sequence").generate(purges, random.Random(1), Options())


def test_options_are_shuffled_by_the_seed(purges):
    positions = {get("multiple-choice").generate(purges, strategy_rng(s, "mc"), Options()).questions[0].body.correct
                 for s in range(30)}
    assert positions == {0, 1, 2, 3}


def test_true_false_mixes_and_swaps_every_kind(purges):
    topic = BY_SLUG["notes-dated"]
    truths, statements = set(), []
    for t in (purges, topic):
        for seed in range(30):
            for q in get("true-false").generate(t, strategy_rng(seed, "tf"), Options(seed=seed)).questions:
                truths.add(q.body.true)
                if not q.body.true:
                    statements.append((q.body.statement, q.body.correction))
    assert truths == {True, False}
    assert any("Kirov" in c and "Kirov" not in s for s, c in statements), "a name swapped"
    assert any("1932" in c and "1932" not in s for s, c in statements), "a year swapped"
    assert any("Politburo" in c and "Politburo" not in s for s, c in statements), "a key term swapped"
    assert any(" is evidence for the reason " in s for s, _ in statements), "a cause swapped"
    assert any("September 1938:" in c and "September 1938" not in s for s, c in statements), "a date swapped"


def test_people_with_the_same_role_are_never_swapped_or_asked(purges):
    rivals = {"Zinoviev", "Kamenev", "Bukharin"}
    for seed in range(40):
        for q in get("true-false").generate(purges, strategy_rng(seed, "tf"), Options(count=30)).questions:
            if not q.body.true:
                said, truth = set(re.findall(r"\w+", q.body.statement)), set(re.findall(r"\w+", q.body.correction))
                assert not (rivals & (said - truth) and rivals & (truth - said)), "one rival swapped for another"
        for q in get("multiple-choice").generate(purges, strategy_rng(seed, "mc"), Options(count=30)).questions:
            assert "Old rival of Stalin" not in q.prompt


def test_key_terms_define_is_not_also_in_the_match(purges):
    for seed in range(20):
        section = get("key-terms").generate(purges, strategy_rng(seed, "kt"), Options())
        match, *defines = section.questions
        assert len(defines) == 2
        for d in defines:
            assert not any(d.prompt.endswith(f"\u2018{t}\u2019.") for t in match.body.causes)
    support = get("key-terms").generate(purges, random.Random(1), Options(tier="support"))
    assert len(support.questions) == 2


def test_exam_questions_follow_their_profile(purges):
    explain = get("exam-explain").generate(purges, random.Random(4), Options()).questions[0]
    assert explain.marks == 12 and [(l.low, l.high) for l in explain.body.levels] == [(1, 3), (4, 6), (7, 9), (10, 12)]
    assert explain.prompt == "Explain why Stalin used the Purges."
    how_far = get("how-far").generate(purges, random.Random(4), Options()).questions[0]
    assert how_far.marks == 20 and [(l.low, l.high) for l in how_far.body.levels] == [(1, 4), (5, 8), (9, 12), (13, 16)]
    assert [(b.low, b.high) for b in how_far.body.spag] == [(1, 1), (2, 3), (4, 4)]
    assert "How far do you agree?" in how_far.prompt and "\u2018The main reason why Stalin carried out the Purges was to " in how_far.prompt
    ten = get("exam-explain").generate(purges, random.Random(4), Options(profile="explain-10")).questions[0]
    assert ten.marks == 10 and len(ten.body.levels) == 3


def test_a_profile_is_a_file_and_its_mistakes_point_to_a_line(purges, tmp_path):
    from quizforge.errors import OptionError, SourceError
    from quizforge.profiles import available as profiles, load_profile

    assert {"explain-12", "explain-10", "how-far-16"} <= set(profiles())
    mine = tmp_path / "eight.yaml"
    mine.write_text("title: Explain (8)\nstyle: explain\nmarks: 8\nlines: 16\nlevels:\n"
                    "  - marks: 1-4\n    descriptor: Some.\n  - marks: 5-8\n    descriptor: More.\n")
    q = get("exam-explain").generate(purges, random.Random(1), Options(profile=str(mine))).questions[0]
    assert q.marks == 8
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: X\nstyle: explain\nmarks: 8\nlines: 16\nlevels:\n"
                   "  - marks: 1-4\n    descriptor: Some.\n  - marks: 6-8\n    descriptor: More.\n")
    with pytest.raises(SourceError, match=rf"{bad}:8: levels\[1\].marks: band 6-8 should start at 5"):
        load_profile(str(bad))
    with pytest.raises(OptionError, match="is for 'judgement' questions"):
        get("exam-explain").generate(purges, random.Random(1), Options(profile="how-far-16"))
    with pytest.raises(OptionError, match="unknown exam profile 'nope'"):
        load_profile("nope")



@pytest.mark.parametrize("topic", TOPICS, ids=[t.slug for t in TOPICS])
def test_no_question_shows_another_ones_answer(topic):
    """A point printed by one question (a match example) is never the sentence of a blank."""
    for seed in SEEDS:
        paper = assemble(topic, seed, DEFAULT_STRATEGIES, required=False).paper
        shown = [src for q in paper.questions for src in q.sources]
        assert len(shown) == len(set(shown)), f"seed {seed}: a point appears in two questions"


@pytest.mark.parametrize("preset", [None, "quick-quiz", "worksheet", "exam"])
def test_a_blanked_sentence_is_never_printed_by_another_question(preset):
    from quizforge.pipeline import BuildRequest, make_paper

    for source in all_sources():
        for seed in range(12):
            paper, _ = make_paper(BuildRequest(source=source, seed=seed, preset=preset))
            blanked = {q.body.source_id for q in paper.questions if isinstance(q.body, Gap)}
            printed = {s for q in paper.questions if not isinstance(q.body, Gap) for s in q.sources}
            assert not blanked & printed, f"{source.name} seed {seed}: {blanked & printed}"


def visible_text(q) -> str:
    """Everything a student reads for a question."""
    body = q.body
    parts = [q.prompt]
    for field in ("before", "after", "statement"):
        parts.append(getattr(body, field, ""))
    for field in ("options", "examples", "causes", "items", "stimulus"):
        parts.extend(getattr(body, field, ()))
    return normalise(" ".join(parts))


@pytest.mark.parametrize("preset", ["quick-quiz", "worksheet", "exam"])
def test_no_question_prints_a_definition_another_asks_for(preset):
    from quizforge.model import ShortAnswer
    from quizforge.pipeline import BuildRequest, make_paper
    from quizforge.strategies._pools import first_sentence

    for source in all_sources():
        for seed in range(12):
            paper, _ = make_paper(BuildRequest(source=source, seed=seed, preset=preset))
            for asked in (q for q in paper.questions if isinstance(q.body, ShortAnswer)):
                secret = normalise(first_sentence(asked.body.answer))
                for other in paper.questions:
                    if other is not asked:
                        assert secret not in visible_text(other), f"{source.name} seed {seed}: Q{other.number} shows Q{asked.number}'s answer"


def test_fill_blank_never_blanks_a_name_among_names():
    """'because ____, Kamenev, Bukharin and their allies': any name of the list fits the gap as well."""
    from quizforge.strategies.fill_blank import in_name_list

    text = "He did not feel secure because Zinoviev, Kamenev, Bukharin and their allies were still in the Party."
    for name in ("Zinoviev", "Kamenev", "Bukharin"):
        start = text.index(name)
        assert in_name_list(text, start, start + len(name)), name
    text = "In 1932, Stalin wanted Ryutin, an Old Bolshevik, to be shot."
    for name in ("Ryutin", "Stalin"):
        start = text.index(name)
        assert not in_name_list(text, start, start + len(name)), name


def test_paper_prints_closed_questions_before_written_ones(purges):
    """As an exam runs: the short questions fill the page the word bank starts; the essays come last."""
    from quizforge.model import Extended, ShortAnswer

    for seed in (1, 2, 3):
        paper = assemble(purges, seed, DEFAULT_STRATEGIES, required=False).paper
        weights = [2 if any(isinstance(q.body, Extended) for q in s.questions)
                   else 1 if any(isinstance(q.body, ShortAnswer) for q in s.questions) else 0 for s in paper.sections]
        assert weights == sorted(weights) and len(set(weights)) >= 2, weights


BANKED = """\
title: Test topic
subject: Science
question: How do plants make food?
causes:
  - title: Light
    points:
      - Plants absorb light with a green pigment called chlorophyll.
      - The glucose made is stored as starch, and the stomata let in carbon dioxide.
      - Water reaches the leaf through tubes called xylem, and phloem carries the sugars away.
  - title: Gases
    points:
      - Gases enter the leaf through tiny pores called stomata.
key_terms:
  - term: chlorophyll
    definition: The green pigment in leaves that absorbs light.
  - term: starch
    definition: The insoluble store of glucose in a plant.
  - term: xylem
    definition: The tubes that carry water up a plant.
  - term: phloem
    definition: The tubes that carry sugars round a plant.
  - term: stomata
    definition: The pores in a leaf that let gases in and out.
  - term: cuticle
    definition: The waxy layer on top of a leaf.
  - term: palisade
    definition: The layer of leaf cells with the most chloroplasts.
  - term: guard cell
    definition: A cell that opens and closes a pore of the leaf.
  - term: mesophyll
    definition: The inner tissue of a leaf.
"""


def test_a_word_bank_takes_spares_no_gap_prints_before_those_one_does():
    """'Central Committee' printed in a gap's own sentence is a spare a student strikes out at a glance:
    the bank takes spares that no gap's sentence prints first, among those that fit a gap by grammar."""
    from quizforge.quality.form import fits_gap

    topic = parse_notes(BANKED)
    checked = 0
    for seed in range(1, 30):
        section = get("fill-blank").generate(topic, random.Random(seed), Options(count=2))
        answers = {q.body.answer.lower() for q in section.questions}
        texts = [q.body.before + " " + q.body.after for q in section.questions]
        spares = [w for w in section.word_bank if w.lower() not in answers]
        printed = [w for w in spares if any(find_phrase(t, w) for t in texts)
                   and any(fits_gap(a, w) for a in answers)]
        unused = [t.term for t in topic.key_terms if t.term.lower() not in answers and t.term not in spares
                  and not any(find_phrase(x, t.term) for x in texts) and any(fits_gap(a, t.term) for a in answers)]
        if section.word_bank and any(find_phrase(x, t.term) for x in texts for t in topic.key_terms
                                     if t.term.lower() not in answers):
            checked += 1
            assert not (printed and unused), (seed, section.word_bank, texts)
    assert checked
