"""quizforge import: readers, cleaning, mapping, YAML writing, the CLI and the Purges round trip."""

from __future__ import annotations

import difflib
import re
import textwrap
from pathlib import Path

import pytest

from quizforge.errors import SourceError
from quizforge.importers import Source, import_source, read_source
from quizforge.importers.yamltext import scalar
from quizforge.load import load_notes, parse_notes
from quizforge.load.fields import INVISIBLE

from .conftest import FIXTURES, MINIMAL, PURGES

IMPORT = FIXTURES / "import"
MINDMAP = IMPORT / "purges-mindmap.txt"


def text_source(text: str, name: str = "notes.txt") -> Source:
    return Source(name, textwrap.dedent(text).encode("utf-8"), Path(name).suffix)


def shape(points) -> tuple:
    """The nesting of a list of points as nested tuples of child shapes."""
    return tuple(shape(p.points) for p in points)


def loose(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# --- the Purges mind map ----------------------------------------------------------------


def test_purges_mindmap_matches_the_hand_made_notes():
    imported = import_source(read_source(MINDMAP)).topic
    reference = load_notes(PURGES)
    assert len(imported.causes) == len(reference.causes) == 5
    for ours, theirs in zip(imported.causes, reference.causes):
        assert difflib.SequenceMatcher(None, loose(ours.title), loose(theirs.title)).ratio() > 0.85, (ours.title, theirs.title)
        assert shape(ours.points) == shape(theirs.points), ours.title
    assert sum(len(list(c.walk())) for c in imported.causes) == 20
    # The original's words, not the rewritten YAML's.
    assert imported.causes[4].points[1].points[0].text.startswith("Kirow resisted attempts from Stalin")


def test_purges_mindmap_report_and_guesses():
    result = import_source(read_source(MINDMAP))
    report = "\n".join(result.report)
    for clutter in ("View mindmap", "No comments have yet been made", "Similar History resources", "See all History resources"):
        assert clutter in report
        assert clutter not in result.yaml
    assert f"{MINDMAP}:3: dropped: page link" in report
    assert "possible typo: 'Kirow'" in report
    topic = result.topic
    assert (topic.title, topic.subject, topic.course) == ("Reasons behind the Purges", "History", "Russia 1905-1941")
    assert topic.question == "What were the reasons behind the Purges?"
    for key in ("title", "subject", "question"):
        assert f"# CHECK {key}:" in result.yaml


def test_purges_round_trip_builds_a_worksheet(run, tmp_path):
    result = run("import", MINDMAP, "-o", "sources/purges-import.yaml")
    assert result.exit_code == 0, result.output
    assert "5 causes, 20 points" in result.output
    assert run("validate", "sources/purges-import.yaml").exit_code == 0
    built = run("build", "sources/purges-import.yaml", "--format", "html", "--out", "out")
    assert built.exit_code == 0, built.output
    html = (tmp_path / "out" / "purges-import" / "worksheet.html").read_text(encoding="utf-8")
    assert "Reasons behind the Purges" in html
    assert (tmp_path / "out" / "purges-import" / "markscheme.html").is_file()


# --- the fixtures, one per shape and subject ----------------------------------------------

# file -> (format, branches, points, key terms, dates, subject). Branches of every kind: the rates and
# photosynthesis maps are factors now ("factors affecting ..."); the flooding map lost one cut-off line.
EXPECTED = {
    "history-ww1-causes.txt": ("outline", 5, 15, 0, 0, "History"),
    "science-photosynthesis.txt": ("outline", 4, 10, 0, 0, "Biology"),
    "messy-flooding.txt": ("outline", 3, 10, 0, 0, "Geography"),
    "biology-antibiotics.md": ("markdown", 3, 9, 3, 0, "Biology"),
    "history-french-revolution.opml": ("opml", 3, 7, 0, 2, "History"),
    "chemistry-rates.mm": ("freemind", 4, 7, 0, 0, "Chemistry"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_with_the_expected_shape(name):
    result = import_source(read_source(IMPORT / name))
    topic = result.topic
    fmt, causes, points, terms, dates, subject = EXPECTED[name]
    assert result.format == fmt
    assert len(topic.groups) == causes
    assert sum(len(list(c.walk())) for c in topic.groups) == points
    assert (len(topic.key_terms), len(topic.dates), topic.subject) == (terms, dates, subject)
    assert all(len(c.points) >= 1 for c in topic.groups)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_written_file_validates(run, name):
    result = run("import", IMPORT / name, "-o", f"sources/{name}.yaml")
    assert result.exit_code == 0, result.output
    checked = run("validate", f"sources/{name}.yaml")
    assert checked.exit_code == 0, checked.output


def test_numbered_outline_nests_by_number():
    topic = import_source(read_source(IMPORT / "history-ww1-causes.txt")).topic
    assert topic.title == "Causes of the First World War"
    assert topic.question == "What were the causes of the First World War?"
    militarism = topic.causes[0]
    assert militarism.title == "Militarism"
    assert [len(p.points) for p in militarism.points] == [0, 1, 0]
    assert militarism.points[1].points[0].text.startswith("Britain launched HMS Dreadnought in 1906")


def test_numbered_nodes_nest_by_number_whatever_the_indentation():
    topic = import_source(text_source("""\
        Topic
        1) First cause
          1.1 point one
              1.1.1 detail of point one
          1.2 point two
        2) Second cause
        2.1 point three
    """)).topic
    assert [c.title for c in topic.causes] == ["First cause", "Second cause"]
    assert shape(topic.causes[0].points) == (((),), ())
    assert [p.text for p in topic.causes[1].points] == ["Point three."]


def test_indentation_only_outline_with_tabs():
    topic = import_source(read_source(IMPORT / "science-photosynthesis.txt")).topic
    assert topic.shape == "factors"
    assert [c.title for c in topic.factors] == ["Light intensity", "Carbon dioxide concentration", "Temperature", "Amount of chlorophyll"]
    assert topic.factors[0].points[1].points[0].text == "On a graph the line rises and then levels off."


def test_messy_copy_paste_is_cleaned_and_reported():
    result = import_source(read_source(IMPORT / "messy-flooding.txt"))
    report = "\n".join(result.report)
    for dropped in ("breadcrumbs", "View mindmap", "rating", "Photo of a flooded high street", "empty node",
                    "Video about it", "Picture of cars in the harbour", "No comments have yet been made"):
        assert dropped in report
    assert "messy-flooding.txt:9: joined: joined to line 8" in report
    assert "messy-flooding.txt:17: dropped: cut off mid-sentence" in report
    points = [p.text for c in result.topic.causes for p in c.walk()]
    assert ("Heavy rainfall over a long period saturates the soil so water flows over the surface straight into the river."
            in points)
    assert "Farming on floodplains: ploughing down the slope channels water into the river." in points
    assert not any("so more rain reaches the" in p for p in points), "a line cut off mid-sentence is no item"
    assert "so more rain reaches the" in result.yaml.split("title:")[0], "... but it is kept as a comment"
    assert "messy-flooding.txt:23: corrected: 'villlage' -> 'village'" in report
    assert not any(re.search(r"photo|video|picture|mindmap", p, re.I) for p in points)


def test_markdown_headings_lists_links_and_images():
    result = import_source(read_source(IMPORT / "biology-antibiotics.md"))
    topic = result.topic
    assert topic.title == "Antibiotic resistance"
    assert [c.title for c in topic.causes][0] == "Bacteria evolve quickly"
    points = [p.text for c in topic.causes for p in c.walk()]
    assert "Poor hand washing lets MRSA spread from patient to patient." in points  # link text kept
    assert "Doctors have prescribed antibiotics for viral infections such as colds." in points  # emphasis dropped
    assert "Over many generations the resistant strain becomes common: this is natural selection." in points
    assert [t.term for t in topic.key_terms] == ["Antibiotic", "Mutation", "MRSA"]
    assert "media placeholder" in "\n".join(result.report)


def test_opml_title_notes_and_timeline_section():
    topic = import_source(read_source(IMPORT / "history-french-revolution.opml")).topic
    assert topic.title == "Causes of the French Revolution"
    assert topic.question == "Why was there a revolution in France in 1789?"
    money = topic.causes[0]
    assert money.points[1].points[0].text == "The Third Estate paid most of the taxes."  # _note kept as a sub-point
    assert [(d.date, d.event) for d in topic.dates] == [
        ("May 1789", "The Estates-General meets at Versailles."), ("14 July 1789", "Crowds storm the Bastille.")]
    # "&amp;" in the XML reads as "&", which the text pass writes out as a word.
    assert any("overthrow its rulers and govern itself" in p.text for c in topic.causes for p in c.walk())


def test_freemind_rich_text_and_notes():
    topic = import_source(read_source(IMPORT / "chemistry-rates.mm")).topic
    assert [c.title for c in topic.factors] == ["Temperature", "Concentration", "Surface area", "Catalysts"]
    assert topic.factors[1].points[0].points[0].text == "Doubling the concentration roughly doubles the rate."


# --- shapes that are not a causes map -----------------------------------------------------


def test_glossary_alone_is_notes_of_its_own():
    topic = import_source(read_source(IMPORT / "glossary-cold-war.txt")).topic
    assert topic.shape == "glossary" and not topic.groups
    assert len(topic.key_terms) == 8 and topic.key_terms[0].term == "Capitalism"


def test_glossary_into_existing_notes(run, tmp_path):
    (tmp_path / "notes.yaml").write_text(MINIMAL + "# the end\n", encoding="utf-8")
    result = run("import", IMPORT / "glossary-cold-war.txt", "--into", "notes.yaml")
    assert result.exit_code == 0, result.output
    assert "added 8 key terms, 0 dates" in result.output
    topic = load_notes(tmp_path / "notes.yaml")
    assert [t.term for t in topic.key_terms][:2] == ["Capitalism", "Communism"]
    assert topic.key_terms[2].definition.startswith("A country with enough military")
    assert "# the end" in (tmp_path / "notes.yaml").read_text(encoding="utf-8")
    again = run("import", IMPORT / "glossary-cold-war.txt", "--into", "notes.yaml")
    assert "added 0 key terms" in again.output
    assert len(load_notes(tmp_path / "notes.yaml").key_terms) == 8


def test_timeline_into_notes_that_already_have_dates(run, tmp_path):
    before = PURGES.read_text(encoding="utf-8")
    (tmp_path / "purges.yaml").write_text(before, encoding="utf-8")
    result = run("import", IMPORT / "timeline-stalin.txt", "--into", "purges.yaml", "-o", "merged.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "purges.yaml").read_text(encoding="utf-8") == before, "-o leaves the --into file alone"
    merged = load_notes(tmp_path / "merged.yaml")
    assert len(merged.dates) == 2 + 7
    assert merged.dates[2].date == "1922" and merged.dates[-1].date == "1 December 1934"
    assert len(merged.key_terms) == 7 and len(merged.people) == 7
    text = (tmp_path / "merged.yaml").read_text(encoding="utf-8")
    assert text.startswith(before.split("dates:")[0]), "everything before the dates is untouched"


def test_timeline_alone_is_notes_of_its_own():
    topic = import_source(read_source(IMPORT / "timeline-stalin.txt")).topic
    assert topic.shape == "timeline" and len(topic.dates) == 7


def test_one_branch_chain_is_unwrapped():
    topic = import_source(text_source("""\
        Photosynthesis
          limiting factors
            light
              more light, faster rate
            temperature
              enzymes work faster when warm
    """)).topic
    assert topic.title == "Photosynthesis"
    assert [c.title for c in topic.groups] == ["Light", "Temperature"]


def test_flat_list_is_refused_clearly():
    with pytest.raises(SourceError, match="no branch with points, key terms, dates or quotations"):
        import_source(text_source("""\
            Photosynthesis
              plants need light
              plants need water
        """))


def test_loose_lines_beside_branches_become_other_points():
    topic = import_source(text_source("""\
        Why did the Romans leave Britain?
        - Attacks on Rome
          - Rome itself was under attack from the Goths
        - Money
          - The army in Britain was expensive
        - Nobody is quite sure
    """)).topic
    assert [c.title for c in topic.causes] == ["Attacks on Rome", "Money", "Other points"]
    assert topic.question == "Why did the Romans leave Britain?"


def test_no_title_uses_the_file_name():
    topic = import_source(text_source("""\
        - Economy
          - prices rose
        - Politics
          - the king was weak
    """, "english-civil-war.txt")).topic
    assert topic.title == "English civil war"


def test_deep_nesting_is_flattened_to_the_loader_limit():
    lines = ["Root", "- A", "  - a1", "- B"] + [" " * (2 * i) + f"- level {i}" for i in range(1, 20)]
    topic = import_source(text_source("\n".join(lines) + "\n")).topic
    depths = []

    def walk(points, depth):
        for p in points:
            depths.append(depth)
            walk(p.points, depth + 1)
    walk(topic.causes[1].points, 1)
    assert max(depths) == 12 and len(depths) == 19


def test_absurd_nesting_is_an_error():
    text = "\n".join(" " * i + "- x" for i in range(150))
    with pytest.raises(SourceError, match="nested more than 100 levels"):
        import_source(text_source(text))


def test_non_utf8_is_reported_with_its_line():
    with pytest.raises(SourceError, match=r"notes.txt:2: this file is not UTF-8"):
        import_source(Source("notes.txt", b"Title\n- caf\xe9\n", ".txt"))


# --- format detection ------------------------------------------------------------------------


def test_content_wins_over_extension_and_format_forces(tmp_path):
    opml = (IMPORT / "history-french-revolution.opml").read_bytes()
    assert import_source(Source("saved.txt", opml, ".txt")).format == "opml"
    md = (IMPORT / "biology-antibiotics.md").read_bytes()
    assert import_source(Source("notes", md, "")).format == "markdown"
    with pytest.raises(SourceError, match="expected an OPML file"):
        import_source(Source("x.mm", (IMPORT / "chemistry-rates.mm").read_bytes(), ".mm"), "opml")


def test_unknown_format_option(run):
    result = run("import", MINDMAP, "--format", "docx")
    assert result.exit_code == 2
    assert "docx" in result.output


# --- writing -----------------------------------------------------------------------------------


def test_never_overwrites_without_force(run, tmp_path):
    target = tmp_path / "sources" / "purges-mindmap.yaml"
    target.parent.mkdir()
    target.write_text("keep me\n", encoding="utf-8")
    result = run("import", MINDMAP)
    assert result.exit_code == 2
    assert "already exists; use --force" in result.output
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = run("import", MINDMAP, "--force")
    assert forced.exit_code == 0, forced.output
    assert load_notes(target).title == "Reasons behind the Purges"
    assert sorted(p.name for p in target.parent.iterdir()) == ["purges-mindmap.yaml"], "no temporary files left"


def test_failed_import_writes_nothing(run, tmp_path):
    result = run("import", IMPORT / "hostile" / "billion-laughs.opml")
    assert result.exit_code == 2
    assert "billion-laughs.opml:2:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "sources").exists()


def test_missing_file(run):
    result = run("import", "nope.txt")
    assert result.exit_code == 2
    assert "nope.txt: file not found" in result.output


TRICKY = [
    "yes", "NO", "1934", "1.10", "~", "null", "key: value", "a # not a comment", "'quoted'", '"double"',
    "- dash", "? question", "@at", "%percent", "`tick`", "[list]", "{map}", "!tag", "&anchor", "*alias",
    "|pipe", ">fold", "trailing colon:", "tab\there", "control\x01char", "emoji 😀 ok", "line\u2028sep",
    "back\\slash", "bell\x07", "delete\x7f", "nbsp\u00a0inside", "bom\ufeffinside", "---", "...", "#hash",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scalars_read_back_exactly(text):
    notes = MINIMAL.replace("Heat makes particles move faster.", scalar(text))
    topic = parse_notes(notes)
    # exactly, except control characters and a stray BOM, which the loader never lets into the notes' text
    assert topic.causes[0].points[0].text == " ".join(INVISIBLE.sub("", text).split())


def test_written_yaml_is_readable():
    text = import_source(read_source(MINDMAP)).yaml
    assert "\ncauses:\n  - title: To cover up problems in the economy\n    points:\n" in text
    body = [line for line in text.split("causes:")[1].splitlines() if not line.lstrip().startswith("#")]
    assert '"' not in "\n".join(body), "plain text needs no quotes"
    assert "\t" not in text


def test_glossary_and_timeline_headings_inside_a_map():
    topic = import_source(text_source("""\
        Why did the Nazis gain support?
        - The Depression
          - Unemployment reached six million in 1932
        - Propaganda
          - Goebbels ran the Nazi propaganda campaign
        - Key terms
          - Reichstag
            - the German parliament
          - Putsch - an attempt to seize power by force
        - Timeline
          - 1923
            - the Munich Putsch fails
          - January 1933 - Hitler becomes Chancellor
    """)).topic
    assert [c.title for c in topic.causes] == ["The Depression", "Propaganda"]
    assert [(t.term, t.definition) for t in topic.key_terms] == [
        ("Reichstag", "The German parliament."), ("Putsch", "An attempt to seize power by force.")]
    assert [(d.date, d.event) for d in topic.dates] == [
        ("1923", "The Munich Putsch fails."), ("January 1933", "Hitler becomes Chancellor.")]


@pytest.mark.parametrize("line", [
    "Created by Lenin in 1917",
    "Images of Stalin were everywhere in propaganda posters and on statues",
    "Share prices collapsed in 1929",
    "Photosynthesis needs light",
    "Home rule for Ireland was debated for decades",
    "Video evidence was not available to historians of the period, so they relied on letters and diaries",
])
def test_teachers_lines_that_look_a_little_like_clutter_are_kept(line):
    topic = import_source(text_source(f"""\
        Topic
        - First
          - {line}
        - Second
          - another point
    """)).topic
    assert topic.causes[0].points[0].text == line + ".", "kept, as a sentence"


@pytest.mark.parametrize("line", [
    "Home > History > Russia", "Home » Revision » Purges", "View mindmap", "View this mind map", "Add a comment",
    "No comments have yet been made", "Similar Biology resources:", "See all Biology resources »", "★★★★☆",
    "Created by: jo_smith", "Share this", "Print", "Download",
])
def test_page_clutter_lines_are_dropped(line):
    result = import_source(text_source(f"""\
        {line}
        - First
          - a point
        - Second
          - another point
    """))
    assert line not in result.yaml
    assert "dropped" in "\n".join(result.report)


@pytest.mark.parametrize("line", [
    "See all resources " * 200 + "x",
    "a » " * 300 + "x" * 60,
    " ".join(["a »"] * 300) + " " + "y" * 60,
    "similar " * 500,
    "★ " * 1000 + "x",
    "Home > " * 2000 + "x",
    "word " * 20000,
])
def test_clutter_patterns_stay_fast_on_long_lines(line):
    import time
    from quizforge.importers.clean import clutter_reason
    started = time.perf_counter()
    clutter_reason(line)
    assert time.perf_counter() - started < 0.5


def test_a_single_causes_branch_beside_a_glossary_is_unwrapped():
    topic = import_source(text_source("""\
        Collectivisation
          Reasons
            Grain
              Towns needed more grain to feed workers
            Control
              Peasants were hard for the state to control
          Key words
            kolkhoz - a collective farm
    """)).topic
    assert [c.title for c in topic.causes] == ["Grain", "Control"]
    assert [t.term for t in topic.key_terms] == ["kolkhoz"]
    assert topic.title == "Collectivisation"


def test_a_language_glossary_gets_a_check_beside_a_word_its_dictionary_does_not_know():
    """Blind review, topic 13: 'Socialable' and 'ennuyeux/enneyeuse' were imported, and printed, as French."""
    rows = "".join(f"| {fr} | {en} |\n" for fr, en in [
        ("venir", "To come"), ("faible", "Weak"), ("Sociabel", "Sociable"), ("heureux/heureuse", "Happy"),
        ("têtu(e)", "Stubborn"), ("marrant(e)/drôle", "Funny"), ("méchant(e)", "Mean"), ("la taille", "The height"),
        ("le poids", "The weight"), ("un défaut", "A fault"), ("je suis", "I am")])
    result = import_source(Source("french.md", f"# Vocabulary\n\n| French | English |\n|-|-|\n{rows}".encode(),
                                  ".md"))
    assert result.topic.subject == "French"
    assert "# CHECK" in result.yaml and "'sociabel'" in result.yaml
    checks = [r for r in result.report if "dictionary does not know" in r]
    assert len(checks) == 1, checks  # 'marrant(e)' is not checked as 'marrante'
