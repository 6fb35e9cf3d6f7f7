"""Hostile and malformed notes: clear errors with lines, never a traceback, never note text as a format string."""

from __future__ import annotations

import pytest

from quizforge.importers import Source, import_source
from quizforge.load import parse_notes
from quizforge.errors import SourceError
from quizforge.strategies import Options, available

import random

from .conftest import MINIMAL

BRACES = """\
title: Braces {0} and {curly}
subject: History  # years are swapped for true-or-false only in History
question: Why {}?
causes:
  - title: Because of {heat}
    points:
      - Heat {0} makes particles move {curly} faster in 1905.
      - Faster particles {} collide more often in 1910.
      - A slash \\1 and \\g<0> reference appeared in 1920.
  - title: Because of {pressure}
    points:
      - Pressure {!r} squeezes the particles {x.y} closer together in 1930.
      - A point with {{doubled}} braces was written in 1940.
"""


def test_braces_and_backslashes_reach_no_format_string():
    topic = parse_notes(BRACES)
    section = available()["true-false"].generate(topic, random.Random(3), Options(count=6))
    texts = [q.body.statement for q in section.questions] + [q.answer for q in section.questions]
    assert any("{curly}" in t or "{}" in t or "{!r}" in t for t in texts)
    assert all("\\1" in t for t in texts if "slash" in t), "a backslash in the notes is kept as typed"


@pytest.mark.parametrize("preset", [None, "quick-quiz"])
def test_braces_build_export_selftest(run, tmp_path, preset):
    notes = tmp_path / "braces.yaml"
    notes.write_text(BRACES, encoding="utf-8")
    args = ("--preset", preset) if preset else ()
    assert run("build", notes, "--format", "html", *args).exit_code == 0
    assert run("export", notes, "--to", "gift").exit_code == 0
    assert run("selftest", notes).exit_code == 0
    practice = run("practice", notes, "--db", tmp_path / "p.db", "--count", "3")
    assert practice.exit_code == 0 and "Traceback" not in practice.output


def deep_flow(levels: int) -> str:
    return MINIMAL + "      - " + "[" * levels + "x" + "]" * levels + "\n"


def deep_block(levels: int) -> str:
    out, indent = MINIMAL, "      "
    for i in range(levels):
        out += f"{indent}- text: level {i}\n{indent}  points:\n"
        indent += "    "
    return out + f"{indent}- bottom\n"


@pytest.mark.parametrize("text", [deep_flow(400), deep_flow(5000), deep_block(300)], ids=["flow", "very-deep", "block"])
def test_deep_nesting_is_a_located_error(text):
    with pytest.raises(SourceError) as caught:
        parse_notes(text, "deep.yaml")
    problem = caught.value.problems[0]
    assert problem.file == "deep.yaml" and problem.line > 10 and "nested" in problem.message


def test_deep_nesting_cli_exits_2(run, tmp_path):
    (tmp_path / "deep.yaml").write_text(deep_flow(400), encoding="utf-8")
    for command in (("validate", "deep.yaml"), ("build", "deep.yaml", "--format", "html")):
        result = run(*command)
        assert result.exit_code == 2 and "deep.yaml:12:" in result.output and "Traceback" not in result.output


def test_bare_cr_is_not_a_line_break_in_an_outline():
    text = "Causes\n  A cause\n    point one\r still line three\n    point two\n  B cause\n    p3\n    ???\n"
    source = Source("map.txt", text.encode(), ".txt")
    assert source.lines[2] == "    point one  still line three"
    assert source.lines[3] == "    point two", "the lines after it keep the numbers an editor shows"
    old_mac = Source("mac.txt", b"one\rtwo\rthree", ".txt")
    assert old_mac.lines == ["one", "two", "three"], "a file of bare CRs is an old Mac file"


def test_import_reports_the_lines_it_guessed():
    text = ("- Topic\n"
            "  - Cause A\n"
            "        - Deep point.\n"
            "      - Between levels.\n"  # line 4: neither the cause's level nor the point's
            "  - Cause B\n"
            "        - Another point.\n")
    result = import_source(Source("map.txt", text.encode(), ".txt"))
    assert any(r.kind == "guessed" and r.line == 4 and "between two levels" in r.message for r in result.remarks)


def test_import_reports_a_second_root():
    text = ("Map one\n  Cause A\n    a1\n  Cause B\n    b1\n"
            "Map two\n  Cause C\n    c1\n")
    result = import_source(Source("map.txt", text.encode(), ".txt"))
    assert any(r.kind == "guessed" and r.line == 6 and "second root" in r.message for r in result.remarks), result.report


ESCAPES = MINIMAL.replace("title: Test topic", 'title: "Topic \\e]0;pwned\\a \\e[2J\\e[8m hidden \\u202eevil\\u2066 \\x9b31m"')
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def test_notes_cannot_drive_the_terminal(run, tmp_path):
    from quizforge.load import parse_notes
    assert "\x1b" not in parse_notes(ESCAPES).title, "control characters never enter the notes' text"
    notes = tmp_path / "esc\x1b[2Japes.yaml"
    notes.write_text(ESCAPES, encoding="utf-8")
    db = tmp_path / "p.db"
    for args in (("validate", notes), ("build", notes, "--format", "html"), ("export", notes, "--to", "csv"),
                 ("selftest", notes), ("practice", notes, "--db", db, "--count", "1"), ("progress", notes, "--db", db),
                 ("build", tmp_path / "missing\x07\u202e.yaml")):
        result = run(*args)
        assert result.exit_code in (0, 2), result.output
        assert not any(c in result.output for c in UNSAFE), (args, result.output)


def test_safe_keeps_text_and_line_breaks():
    from quizforge.tty import safe
    assert safe("Zoë\tcafé\r\nمحمد\n\x1b[31mred\x1b[0m\u202e") == "Zoë\tcafé\nمحمد\n[31mred[0m"
