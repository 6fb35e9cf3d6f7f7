"""Generated hostile notes against every command: each run succeeds or exits 2 naming the file, never a traceback.

Markup, braces, template syntax, control characters, deep nesting, huge lines and mixed line endings are
thrown at validate, build (HTML: no PDF in the loop), export in every format, selftest and import.
"""

from __future__ import annotations

import os

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizforge.cli import EXPORT_FORMATS, main

NASTY_BITS = ["{", "}", "{0}", "{{ x }}", "{% if %}", "${x}", "%s", "\\1", "\\g<0>", "<b>", "</p>", "<script>",
              "]]>", "&amp;", "&", "->", "::", "~", "=", "#", "'", '"', "\x1b[2J", "\x07", "\u202e", "\ufeff",
              "\u2028", "\t", "C++", "=SUM(A1)", "@x", "+1", "1934", "Stalin", "Kirov", "\U0001F389", "محمد",
              "李", "\x00", "\x85"]

words = st.sampled_from(["heat", "particles", "move", "faster", "in", "the", "1930s", "Moscow", "trade", "war"])
piece = st.one_of(words, st.sampled_from(NASTY_BITS), st.text(max_size=6))
text = st.lists(piece, min_size=1, max_size=8).map(" ".join)
huge = st.integers(2000, 20000).map(lambda n: "long " * (n // 5))


@st.composite
def notes(draw):
    def point():
        sentence = draw(text) + " in 19" + str(draw(st.integers(10, 45))) + " " + draw(words)
        if draw(st.booleans()):
            return sentence
        return {"text": sentence, "blank": draw(st.sampled_from(sentence.split()))}
    causes = [{"title": draw(text), "points": [point() for _ in range(draw(st.integers(1, 5)))]}
              for _ in range(draw(st.sampled_from([2, 3, 4, 2, 3, 1, 0])))]
    doc = {"title": draw(st.one_of(text, huge)), "subject": draw(text), "question": draw(text), "causes": causes}
    if draw(st.booleans()):
        doc["key_terms"] = [{"term": draw(text), "definition": draw(text)} for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        doc["dates"] = [{"date": draw(st.sampled_from(["1931", "1935", "1 Dec 1934", "{x}"])), "event": draw(text)}
                        for _ in range(draw(st.integers(0, 4)))]
    source = yaml.safe_dump(doc, allow_unicode=draw(st.booleans()), width=draw(st.sampled_from([40, 10_000])))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    if ending == "mixed":
        lines = source.split("\n")
        source = "".join(line + draw(st.sampled_from(["\n", "\r\n", "\r"])) for line in lines)
    elif ending != "\n":
        source = source.replace("\n", ending)
    damage = draw(st.sampled_from(["none"] * 6 + ["deep", "truncate", "tab"]))
    if damage == "deep":
        source += "extra: " + "[" * 300 + "]" * 300 + "\n"
    elif damage == "truncate":
        source = source[: draw(st.integers(0, len(source)))]
    elif damage == "tab":
        source = source.replace("  ", "\t", 1)
    return source


def _outline(source: str) -> str:
    """The same hostile text as an indented outline, for import."""
    return "\n".join(("  " * (i % 3)) + "- " + line for i, line in enumerate(source.splitlines()[:40]))


def _check(result, path) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert str(path) in result.output, f"the message names the file: {result.output}"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(source=notes())
def test_hostile_notes_meet_every_command_calmly(source, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    here = folder / "cwd"
    here.mkdir()
    old = os.getcwd()
    os.chdir(here)  # anything written outside --out / -o would land here
    try:
        _every_command(source, folder)
    finally:
        os.chdir(old)
    assert list(here.iterdir()) == [], "nothing is written outside the output folder"
    assert not list(folder.rglob("*.tmp")), "no temporary file is left behind"


def _every_command(source: str, folder) -> None:
    path = folder / "notes.yaml"
    path.write_bytes(source.encode("utf-8", "surrogatepass"))
    runner = CliRunner()
    invoke = lambda *args: runner.invoke(main, [str(a) for a in args])  # noqa: E731 - tracebacks become result.exception
    out = folder / "out"
    _check(invoke("validate", path), path)
    built = invoke("build", path, "--format", "html", "--out", out)
    _check(built, path)
    event("built" if built.exit_code == 0 else "refused")
    if built.exit_code == 0:
        for fmt in EXPORT_FORMATS:
            _check(invoke("export", path, "--to", fmt, "--out", out / f"export.{fmt}"), path)
        _check(invoke("selftest", path, "--out", out), path)
    outline = folder / "map.txt"
    outline.write_bytes(_outline(source).encode("utf-8", "surrogatepass"))
    _check(invoke("import", outline, "-o", folder / "imported.yaml"), outline)


@pytest.mark.slow
def test_a_few_fixed_hostile_notes_render_to_pdf(tmp_path):
    """The property loop stays out of PDF rendering; these fixed cases go all the way."""
    pytest.importorskip("weasyprint")
    from .test_hostile import BRACES, ESCAPES
    runner = CliRunner()
    for name, source in (("braces.yaml", BRACES), ("escapes.yaml", ESCAPES)):
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        result = runner.invoke(main, ["build", str(path), "--format", "pdf", "--out", str(tmp_path / "out")])
        assert result.exit_code == 0 and result.exception is None, result.output
