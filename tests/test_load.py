from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizforge.errors import SourceError
from quizforge.load import load_notes, parse_notes

from .conftest import FIXTURES, MINIMAL, PURGES


def problems(text: str) -> list[str]:
    with pytest.raises(SourceError) as info:
        parse_notes(text, "n.yaml")
    return [str(p) for p in info.value.problems]


def test_purges_has_the_whole_mind_map(purges):
    assert [c.id for c in purges.causes] == ["economy", "control", "rivals", "bosses", "kirov"]
    assert sum(len(list(c.walk())) for c in purges.causes) == 20
    depth = max(len(p.id.split(".")) for c in purges.causes for p in c.walk())
    assert depth >= 3  # nested as in the map
    assert {t.term for t in purges.key_terms} >= {"Stakhanovites", "NKVD", "Politburo", "Central Committee"}
    text = " ".join(p.text for c in purges.causes for p in c.walk())
    assert "Kamenev" in text and "Kamanev" not in text and "Kirow" not in text


def test_minimal_notes_load():
    topic = parse_notes(MINIMAL, "m.yaml")
    assert topic.causes[0].id == "c1"
    assert topic.causes[0].points[1].id == "c1.2"
    assert topic.language == "en"


def test_values_stay_text_as_typed():
    topic = load_notes(FIXTURES / "notes-tricky.yaml")
    assert topic.subject == "NO"
    assert topic.course == "1.10"
    assert "12:30" in topic.question
    assert topic.dates[0].date == "1998"


def test_unknown_key_suggests_the_right_one():
    bad = MINIMAL.replace("    points:\n      - Heat", "    pionts:\n      - Heat")
    found = problems(bad)
    assert found == ["n.yaml:6: causes[0]: unknown key 'pionts'; did you mean 'points'?"]


def test_duplicate_key_is_reported_with_both_lines():
    found = problems(MINIMAL.replace("subject: Science\n", "subject: Science\nsubject: Physics\n"))
    assert found == ["n.yaml:3: duplicate key 'subject' (first on line 2); keep one of them"]


def test_yaml_syntax_error_names_the_line():
    found = problems(MINIMAL + "  - title: [unclosed\n")
    assert found[0].startswith("n.yaml:1") and "YAML syntax" in found[0]


def test_wrong_shapes_and_empty_causes():
    found = problems("title: T\nsubject: S\nquestion: Q?\ncauses: []\n")
    assert found == ["n.yaml:4: causes: needs at least 1 item"]
    found = problems(MINIMAL.replace("    points:\n      - Pressure pushes particles closer together.\n", "    points: just text\n"))
    assert any("causes[1].points: expected a list" in p for p in found), found


def test_missing_key_and_every_problem_reported():
    text = "title: T\nsubject: S\ncauses:\n  - title: A\n  - points: [x]\n"
    found = problems(text)
    assert not any("question" in p for p in found)  # optional: only causal questions need it
    assert "n.yaml:4: causes[0]: missing required key 'points'" in found
    assert "n.yaml:5: causes[1]: missing required key 'title'" in found


def test_blank_must_appear_in_text():
    text = MINIMAL.replace("      - Heat makes particles move faster.\n",
                           "      - text: Heat makes particles move faster.\n        blank: energy\n")
    found = problems(text)
    assert any("n.yaml:8: causes[0].points[0].blank: 'energy' does not appear" in p for p in found), found


def test_duplicate_ids_are_errors():
    text = MINIMAL.replace("  - title: Because of heat", "  - id: same\n    title: Because of heat").replace(
        "  - title: Because of pressure", "  - id: same\n    title: Because of pressure")
    assert any("id 'same' is already used" in p for p in problems(text))


def test_aliases_and_tags_are_refused():
    assert "aliases" in problems("title: &t T\nsubject: *t\nquestion: Q\ncauses: []\n")[0]
    assert "tags" in problems("title: !!python/object T\nsubject: S\nquestion: Q\ncauses: []\n")[0]


def test_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("Heat makes", "Heat m\xe9kes").encode("latin-1"))
    with pytest.raises(SourceError) as info:
        load_notes(path)
    assert str(info.value) == f"{path}:7: this file is not UTF-8 text (byte 0xe9); save it as UTF-8 in your editor and try again"


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(SourceError, match="file not found"):
        load_notes(tmp_path / "nope.yaml")
    (tmp_path / "empty.yaml").write_text("")
    with pytest.raises(SourceError, match="empty.yaml:1: the file is empty"):
        load_notes(tmp_path / "empty.yaml")


def test_not_a_mapping_at_top():
    assert problems("- just\n- a list\n") == ["n.yaml:1: expected a mapping with title, found a list"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_either_loads_or_raises_source_error(text):
    try:
        parse_notes(text, "fuzz.yaml")
    except SourceError as exc:
        assert all(p.file == "fuzz.yaml" for p in exc.problems)


scalar = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(lambda s: s.strip())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(scalar, min_size=1, max_size=4), min_size=2, max_size=5), scalar)
def test_generated_notes_round_trip_text(causes, title):
    import json
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}", "subject: S", "question: Q?", "causes:"]
    for i, points in enumerate(causes):
        lines += [f"  - title: {json.dumps(f'Cause {i}')}", "    points:"]
        lines += [f"      - {json.dumps(p, ensure_ascii=False)}" for p in points]
    topic = parse_notes("\n".join(lines) + "\n", "gen.yaml")
    assert topic.title == " ".join(title.split())
    assert [len(c.points) for c in topic.causes] == [len(p) for p in causes]
    assert [p.text for p in topic.causes[0].points] == [" ".join(p.split()) for p in causes[0]]


def test_schema_accepts_shipped_notes():
    import json

    import jsonschema
    import yaml

    schema = json.loads((PURGES.parent.parent / "schema" / "notes.schema.json").read_text())
    for path in [PURGES, *sorted((PURGES.parent / "examples").glob("*.yaml")), FIXTURES / "notes-tricky.yaml"]:
        jsonschema.validate(yaml.load(path.read_text(), Loader=yaml.BaseLoader), schema)


def test_a_dash_without_its_space_gets_advice_about_the_space_not_colons():
    key = problems("title: T\nsubject: S\nquestion: Q?\ncauses:\n  -title: A\n   points:\n      - Faster.\n")
    assert any("space after its '-'" in p and "quotes" not in p for p in key), key
    item = problems("title: T\nsubject: S\nquestion: Q?\ncauses:\n  - title: A\n    points:\n      -Heat.\n"
                    "  - title: B\n    points:\n      - Cold.\n")
    assert any(p.startswith("n.yaml:7:") and "put a space after the '-'" in p for p in item), item
    colon = problems("title: T\nsubject: S\nquestion: Why: because?\ncauses: []\n")
    assert any("in quotes" in p for p in colon), colon


@pytest.mark.parametrize("accept, valid", [("[]", True), ("[heat]", False)])
def test_schema_and_validate_agree_on_accept_without_a_blank(accept, valid):
    import json

    import jsonschema
    import yaml

    text = MINIMAL.replace("      - Heat makes particles move faster.",
                           f"      - text: Heat makes particles move faster.\n        accept: {accept}")
    schema = json.loads((PURGES.parent.parent / "schema" / "notes.schema.json").read_text())
    try:
        jsonschema.validate(yaml.load(text, Loader=yaml.BaseLoader), schema)
        schema_ok = True
    except jsonschema.ValidationError:
        schema_ok = False
    try:
        parse_notes(text, "n.yaml")
        validate_ok = True
    except SourceError:
        validate_ok = False
    assert schema_ok == validate_ok == valid
