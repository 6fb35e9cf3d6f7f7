"""Quality gates: each rule with the issue's own examples, the registry and the helpers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge import quality
from quizforge.load import load_notes

GOOD = [
    "Stalin purged the Red Army in 1937.",
    "Kirov was murdered in December 1934.",
    "The kulaks resisted collectivisation.",
    "Stalin purges the party.",
    "The army supports Stalin.",
    "It was not until 1936 that the trials began.",
    "Increasing the temperature increases the rate of reaction.",
    "Ash that settled in the sea damaged the coral reef.",
    "The cell spends most of its life in interphase.",
    "Elizabeth is crowned Queen of England.",
    "Stalin could not persuade the Politburo to kill a leading communist.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good_sentences_pass(text):
    assert quality.check(text) == ()
    assert quality.ok(text)


@pytest.mark.parametrize("text, code", [
    # The fragments, headings and items that point off the page.
    ("All of this raised the tension in Europe.", "Q201"),
    ("Two more stations were set up on the volcano.", "Q201"),  # more than what? (blind review)
    ("Another attack on the Kremlin failed.", "Q201"),
    ("Germany ended u.", "Q104"),
    ("Eva Smith.", "Q103"),
    ("Effects in Environment.", "Q102"),
    ("Effects in Environment.", "Q101"),
    ("Causes.", "Q101"),
    ("Location.", "Q101"),
    ("Glucose. Oxygen.", "Q101"),
    ("Sheila - accepts she was wrong", "Q305"),
    ("Hitler + 2000 SA members marched into Munich.", "Q302"),
    # Each opening the issue names.
    ("This meant that Stalin was feared.", "Q201"),
    ("It made Stalin feel insecure.", "Q201"),
    ("He wanted his rivals dead.", "Q201"),
    ("But the army stayed loyal to Stalin.", "Q201"),
    ("Also the peasants were starving.", "Q201"),
    # Shape and scraps.
    ("Show trials and confessions", "Q101"),
    ("Causes of the purges:", "Q102"),
    ("and then the peasants fled to the cities.", "Q105"),
    ("Stalin wanted his rivals to be shot by the.", "Q104"),
    ("The peasants were starving and...", "Q104"),
    ("1. Stalin feared his rivals.", "Q301"),
    ("a) Stalin feared his rivals.", "Q301"),
    ("- Stalin feared his rivals.", "Q301"),
    ("Collectivisation -> famine in Ukraine.", "Q302"),
    ("Collectivisation \u2192 famine in Ukraine.", "Q302"),
    ("Stalin (the leader of the party feared rivals.", "Q303"),
    ("Stalin killed ____ of his rivals.", "Q304"),
    ("Peasants did not recieve enough grain.", "Q401"),
    ("Stalin wanted the the rivals dead.", "Q401"),
    ("Stalin won.", "Q501"),
    (" ".join(["Stalin feared his rivals"] * 12) + ".", "Q501"),
])
def test_bad_statements_carry_the_code(text, code):
    assert code in quality.codes(text), quality.check(text)
    assert not quality.ok(text)


def test_findings_name_code_reason_and_detail():
    (finding,) = [f for f in quality.check("Germany ended u.") if f.code == "Q104"]
    assert finding.reason == "the line is cut off"
    assert "'u'" in finding.detail
    assert str(finding).startswith("Q104 the line is cut off")


def test_roles_apply_different_rules():
    # An option may be a phrase; a statement may not.
    assert quality.ok("To remove old rivals", "option")
    assert "Q101" in quality.codes("To remove old rivals", "statement")
    assert quality.ok("Old Bolshevik", "term")
    assert quality.ok("Which of these was a cause of the purges?", "stem")
    assert quality.ok("Match each cause to its example.", "stem")
    assert "Q504" in quality.codes("A very long key term that is really a whole sentence of notes", "term")
    with pytest.raises(ValueError):
        quality.check("Stalin feared rivals.", "heading")


def test_registry_holds_every_rule_once_with_a_reason():
    rules = quality.registry()
    assert {"Q101", "Q102", "Q103", "Q104", "Q201", "Q301", "Q302", "Q401", "Q501"} <= set(rules)
    for code, rule in rules.items():
        assert rule.code == code and rule.reason and rule.roles <= set(quality.ROLES)


def test_a_new_rule_is_one_function_and_one_line():
    @quality.register("Q999", "test-only", "mentions a banana", ("statement",))
    def banana(text):
        return "" if "banana" in text else None
    try:
        assert "Q999" in quality.codes("Stalin ate a banana in 1934.")
        assert quality.ok("Stalin ate an apple in 1934.")
    finally:
        from quizforge.quality import base
        del base._RULES["Q999"]
        base.check.cache_clear()


def test_screen_splits_kept_and_dropped_with_codes():
    kept, dropped = quality.screen(["Stalin feared his rivals.", "Eva Smith."], "statement")
    assert kept == ["Stalin feared his rivals."]
    assert dropped[0][0] == "Eva Smith." and "Q103" in {f.code for f in dropped[0][1]}


def test_every_point_of_the_default_notes_passes():
    topic = load_notes("sources/purges.yaml")
    for cause in topic.causes:
        assert quality.ok(cause.title, "option"), cause.title
        for point in cause.walk():
            assert quality.check(point.text) == (), point.text
    for term in topic.key_terms:
        assert quality.ok(term.term, "term") and quality.ok(term.definition), term


def test_distinctiveness_ranks_rare_words_higher():
    assert quality.distinctiveness("Politburo") > quality.distinctiveness("people")
    assert quality.distinctiveness("collectivisation") > quality.distinctiveness("farms")
    assert quality.distinctiveness("the") == 0.0


@pytest.mark.parametrize("phrase, kind", [
    ("1928", "date"), ("December 1934", "date"), ("the 1930s", "date"), ("2000", "date"),
    ("600", "number"), ("three thousand", "number"),
    ("Kirov", "name"), ("Old Bolshevik", "name"), ("Leningrad", "name"),
    ("show trials", "term"), ("collectivisation", "term"),
])
def test_word_kind(phrase, kind):
    assert quality.word_kind(phrase) == kind


def test_headcount_is_never_a_year():
    text = "Hitler and 2000 SA members marched into Munich."
    start = text.index("2000")
    assert quality.is_headcount(text, start, start + 4)
    text = "In 1932, Stalin wanted Ryutin to be shot."
    start = text.index("1932")
    assert not quality.is_headcount(text, start, start + 4)
    text = "About 600 men were arrested."
    start = text.index("600")
    assert quality.is_headcount(text, start, start + 3)


def test_key_overlap_finds_the_shared_key_word():
    stem = "Because Stalin wanted his rivals dead, many close associates of Lenin were shot. Why?"
    assert "rival" in quality.key_overlap(stem, "To remove old rivals")
    assert not quality.key_overlap(stem, "To cover up problems in the economy")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from(quality.ROLES))
def test_check_never_raises_and_is_stable(text, role):
    first = quality.check(text, role)
    assert first == quality.check(text, role)
    assert all(f.code in quality.registry() for f in first)


def _purges_groups():
    topic = load_notes("sources/purges.yaml")
    return {c.id: quality.Group(c.title, tuple(p.text for p in c.walk())) for c in topic.causes}


def test_an_item_that_fits_every_reason_is_doubtful():
    groups = _purges_groups()
    doubtful = quality.rivals(groups)
    texts = {groups[g].items[i] for g, i in doubtful}
    assert "Executions were used to remove anyone who was not trusted by the state." in texts
    # Items that name their own reason stay.
    assert "Kirov was the Communist Party boss in Leningrad." not in texts
    clear = quality.clear_items(groups)
    assert set(clear) == set(groups)
    assert all(len(v) >= 2 for v in clear.values())


def test_an_item_that_fits_two_themes_is_doubtful_and_a_group_without_own_items_is_left_out():
    groups = {
        "responsibility": quality.Group("Responsibility", (
            "Sheila accepts she was wrong to have Eva sacked.", "Mr Birling refuses to accept responsibility.")),
        "generations": quality.Group("Young and old", (
            "Sheila accepts she was wrong, unlike her parents.",)),
        "class": quality.Group("Class", ("The Birlings look down on the working class.",)),
    }
    doubtful = quality.rivals(groups)
    assert ("generations", 0) in doubtful and "responsibility" in doubtful[("generations", 0)]
    clear = quality.clear_items(groups)
    assert "generations" not in clear
    assert clear["class"] == [0]
    assert quality.fits("Sheila accepts she was wrong.", groups, "class")


@pytest.mark.parametrize("text, role", [
    ("In August 1939 Germany and the Soviet Union agreed not to attack each other.", "statement"),
    ("The army stayed loyal to Stalin after all.", "statement"),
    ("Because of the Nazi-Soviet Pact", "option"),
    ("Because of Hitler's aims", "option"),
])
def test_no_false_alarm_on_ordinary_endings_and_reasons(text, role):
    assert quality.check(text, role) == ()


@pytest.mark.parametrize("text", ["Heat makes particles move faster.", "Pressure pushes particles closer together."])
def test_a_noun_then_a_verb_in_s_is_a_sentence(text):
    assert quality.ok(text)


@pytest.mark.parametrize("text", [
    "The occupiers took coal, iron and goods from the factories and mines as reparations.",
    "By November 1923 a loaf of bread cost 200 billion marks.",
])
def test_no_false_alarm_on_rare_forms_and_noun_verb_words(text):
    assert quality.check(text) == ()


SAMPLE_WORDS = ["the", "ended", "effects", "purges", "was", "Politburo", "kulaks", "collectivisation", "ran",
                "better", "'d", "would", "occupiers", "recieve", "running", "leaves"]


def test_lexicon_reader_matches_lemminflect():
    from lemminflect import getAllLemmas
    from quizforge.quality.words import _lemmas
    for word in SAMPLE_WORDS:
        assert _lemmas(word.lower()) == getAllLemmas(word.lower()), word


def test_frequency_reader_matches_wordfreq():
    from wordfreq import zipf_frequency
    for word in SAMPLE_WORDS:
        if word.isalpha():
            assert quality.zipf(word) == pytest.approx(zipf_frequency(word, "en", wordlist="small"), abs=0.011), word


def test_large_frequency_reader_matches_wordfreq():
    from wordfreq import zipf_frequency
    from quizforge.quality.words import zipf_large
    for word in [*SAMPLE_WORDS, "childlike", "seaports", "headteacher"]:
        if word.isalpha():
            assert zipf_large(word) == pytest.approx(zipf_frequency(word, "en", wordlist="large"), abs=0.011), word


# --- standalone statements: a subject with a finite verb, no pronoun pointing off the page ----------

@pytest.mark.parametrize("text, code", [
    ("Slow to make decisions.", "Q101"),  # an adjective and an infinitive: no finite verb, no subject
    ("Was only allowed to join in 1934.", "Q101"),  # an auxiliary with no subject
    ("Iron catalyst.", "Q101"),
    ("Caused by poverty.", "Q101"),  # a passive participle, not a predicate
    ("To be right.", "Q101"),
    ("If they had been members earlier, they might have helped stop the Manchurian and Abyssinian Crisis.", "Q202"),
    ("In 1934 she was only allowed to join.", "Q202"),
    ("After the war they had no army.", "Q202"),
    ("She was only allowed to join in 1934.", "Q201"),
    ("But car hire and ferry companies did really well out of it.", "Q201"),
    ("Icelandic Eruption 2010 (impacts): But car hire and ferry companies did really well out of it.", "Q201"),
])
def test_statements_that_do_not_stand_alone_are_caught(text, code):
    assert code in quality.codes(text), quality.check(text)


@pytest.mark.parametrize("text", [
    "Increases the yield of ammonia.",  # a predicate, matched with the change it belongs to
    "Erupted in different phases from 1995 to 2010.",
    "Add the acid slowly.",  # a method step: a command
    "When it erupted in 1995, the volcano destroyed Plymouth.",  # the pronoun's referent follows
    "By killing a man he loves, George is a hero.",
    "Germany joined in 1926 but she left in 1933.",  # the referent comes first
    "The League failed because they had no army.",  # not the first clause's subject
    "It is important to stir the mixture.",  # a dummy 'it'
    "The faster you go the bigger the thinking distance.",  # a generic 'you'
    "Heavier cars take longer to stop.",
])
def test_standalone_sentences_pass_the_clause_checks(text):
    assert not {"Q101", "Q201", "Q202"} & set(quality.codes(text)), quality.check(text)


def test_a_prompt_that_quotes_a_line_leaning_on_elsewhere_is_caught():
    stem = "Which case study does this describe?\n\u201cBut car hire and ferry companies did really well out of it.\u201d"
    assert "Q203" in quality.codes(stem, "stem")
    stem = "Which case study does this describe?\n\u201cIn 1997 they fled to the north of the island.\u201d"
    assert "Q203" in quality.codes(stem, "stem")
    stem = "Which case study does this describe?\n\u201cIn 1997 it blasted 5 million m\u00b3 of ash into the air.\u201d"
    assert quality.ok(stem, "stem")  # 'it' is the case the question asks for
    stem = "Which case study does this describe?\n\u201cThe eruption closed the airport for a week.\u201d"
    assert quality.ok(stem, "stem")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("abcdefghij ,.'") + ["they ", "If ", "she ", "was ", "the ", "Add "]),
                max_size=400).map("".join))
def test_clause_checks_never_crash_and_are_deterministic(text):
    from quizforge.quality import clause
    assert clause.has_clause(text) == clause.has_clause(text)
    assert clause.unresolved_pronoun(text) == clause.unresolved_pronoun(text)


@pytest.mark.parametrize("text, phrase, credit", [
    ("Slow to make decisions: one year to look into the Manchurian Crisis and 8 months for the Abyssinian.", False, True),
    ("Slow to make decisions.", False, False),  # a heading credited alone (blind review)
    ("Veto.", False, False),
    ("But car hire and ferry companies did really well out of it.", True, False),  # leans on the line before
    ("Icelandic Eruption 2010 (impacts): But car hire and ferry companies did really well out of it.", False, False),
    ("An iron catalyst.", True, True),  # an answer point may be a phrase
    ("STM \u2013 duration: 18 seconds.", True, True),
    ("They went against the League.", True, False),
    ("Stalin had one aim: power.", False, True),
])
def test_what_a_mark_scheme_may_credit(text, phrase, credit):
    assert quality.creditable(text, phrase=phrase) is credit


def test_the_screen_drops_scraps_from_creditworthy_points():
    from quizforge.assemble.screen import _quality
    from quizforge.model import Question, ShortAnswer
    points = ("Airports shut, disrupting tourism.", "But car hire companies did really well out of it.",
              "Food for export was left to rot.")
    q = Question(id="x", strategy="describe-case", prompt="Describe the impacts.", marks=2,
                 body=ShortAnswer(answer=" ".join(points), points=points), answer=" ".join(points))
    kept, why = _quality(q)
    assert kept is not None and kept.body.points == (points[0], points[2])
    q3 = Question(id="y", strategy="describe-case", prompt="Describe the impacts.", marks=3,
                  body=ShortAnswer(answer=" ".join(points), points=points), answer=" ".join(points))
    assert _quality(q3)[0] is None  # three marks cannot be reached from two creditworthy points
