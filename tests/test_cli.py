from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizforge import __version__

from .conftest import FIXTURES, MINIMAL, PURGES


def test_version_and_help(run):
    assert __version__ in run("--version").output
    for command in ("build", "validate", "strategies"):
        result = run(command, "--help")
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


def test_strategies_lists_the_three(run):
    result = run("strategies")
    assert result.exit_code == 0, result.output
    for name in ("fill-blank", "match", "explain"):
        assert name in result.output


def test_validate_ok_and_bad(run, write_notes):
    ok = run("validate", PURGES)
    assert ok.exit_code == 0, ok.output
    assert "ok (reasons: 5 causes" in ok.output
    bad = write_notes(MINIMAL.replace("subject: Science\n", "subjet: Science\n"), "bad.yaml")
    result = run("validate", PURGES, bad)
    assert result.exit_code == 2
    assert f"{bad}:2: unknown key 'subjet'; did you mean 'subject'?" in result.output
    assert "Traceback" not in result.output


def test_build_html_only_writes_outputs_and_json(run, tmp_path):
    result = run("build", PURGES, "--format", "html", "--seed", "5", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "o" / "purges"
    assert sorted(p.name for p in folder.iterdir()) == [".quizforge-notes", ".quizforge-outputs.json",
                                                        "markscheme-seed5.html",
                                                        "paper-seed5.json", "worksheet-seed5.html"]
    paper = json.loads((folder / "paper-seed5.json").read_text())
    assert paper["seed"] == 5 and paper["strategies"] == ["fill-blank", "key-terms", "explain"]
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], "no temporary files left behind"


def test_every_variant_has_its_own_files_and_its_paper_code(run, tmp_path):
    out = tmp_path / "o"
    for args in ((), ("--tier", "support"), ("--tier", "stretch"), ("--large-print",), ("--seed", "7"),
                 ("--preset", "exam", "--tier", "support", "--large-print")):
        result = run("build", PURGES, "--format", "html", "--out", out, *args)
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / "purges").iterdir() if p.name.startswith("worksheet"))
    assert names == ["worksheet-exam-support-large-print.html", "worksheet-large-print.html", "worksheet-seed7.html",
                     "worksheet-stretch.html", "worksheet-support.html", "worksheet.html"]
    for kind in ("worksheet", "markscheme"):
        assert "Paper code EX-SUP-LP-S1" in (out / "purges" / f"{kind}-exam-support-large-print.html").read_text()
    assert "paper code SUP-S1" in run("build", PURGES, "--format", "html", "--out", out, "--tier", "support").output


def test_build_with_bad_notes_writes_nothing(run, tmp_path, write_notes):
    out = tmp_path / "o"
    good = run("build", PURGES, "--format", "html", "--out", out)
    assert good.exit_code == 0
    before = {p.name: p.read_bytes() for p in (out / "purges").iterdir()}
    bad = write_notes("title: [broken\n", "purges.yaml")
    result = run("build", bad, "--format", "html", "--out", out, "--seed", "9")
    assert result.exit_code == 2
    assert result.output.startswith(f"{bad}:")
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in (out / "purges").iterdir()} == before


@pytest.mark.parametrize("args, message", [
    (("--strategies", "nope"), "unknown strategy 'nope'"),
    (("--format", "docx"), "unknown format 'docx'"),
    (("--templates", "no-such-dir"), "no such folder"),
])
def test_bad_options_exit_2(run, args, message):
    result = run("build", PURGES, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_missing_source_is_a_clear_error(run):
    result = run("build", "nope.yaml")
    assert result.exit_code == 2
    assert result.output.strip() == "nope.yaml: file not found"


def test_default_source_is_sources_purges(run, tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "purges.yaml").write_text(PURGES.read_text())
    result = run("build", "--format", "html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "purges" / "worksheet.html").exists()


def test_strategy_choice_and_user_templates(run, tmp_path):
    templates = tmp_path / "mine" / "questions"
    templates.mkdir(parents=True)
    (templates / "explain.html.j2").write_text('<p class="mine">MY {{ q.prompt }}</p>')
    result = run("build", PURGES, "--format", "html", "--strategies", "explain", "--templates", tmp_path / "mine")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "purges" / "worksheet.html").read_text()
    assert 'class="mine">MY Explain why' in html
    assert "Fill in the blanks" not in html


def test_notes_are_escaped_in_html(run, tmp_path):
    result = run("build", FIXTURES / "notes-tricky.yaml", "--format", "html", "--strategies", "match,explain")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "notes-tricky" / "worksheet.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html
    assert "&lt;b&gt;notes&lt;/b&gt;" in html


def test_broken_user_template_is_a_clear_error(run, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "worksheet.html.j2").write_text("{% extends 'default:worksheet.html.j2' %}\n{% block title %}{{ oops( {% endblock %}\n")
    result = run("build", PURGES, "--format", "html", "--templates", tmp_path / "mine")
    assert result.exit_code == 2
    assert "worksheet.html.j2:2: template error" in result.output
    assert "Traceback" not in result.output


def test_user_template_can_extend_the_default(run, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "worksheet.html.j2").write_text(
        "{% extends 'default:worksheet.html.j2' %}{% block student %}<p>Set 3 homework</p>{% endblock %}")
    result = run("build", PURGES, "--format", "html", "--templates", tmp_path / "mine")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "purges" / "worksheet.html").read_text()
    assert "Set 3 homework" in html and "Fill in the blanks" in html


def test_no_word_bank(run, tmp_path):
    result = run("build", PURGES, "--format", "html", "--no-word-bank")
    assert result.exit_code == 0, result.output
    assert "Word bank" not in (tmp_path / "out" / "purges" / "worksheet.html").read_text()


def test_format_names_in_help_match_the_registries():
    from quizforge import cli
    from quizforge.export import available as exporters
    from quizforge.importers import readers

    assert tuple(exporters()) == cli.EXPORT_FORMATS
    assert tuple(readers()) == cli.IMPORT_FORMATS


def test_two_notes_files_that_name_one_folder_never_overwrite_each_other(run, tmp_path):
    from quizforge.load.notes import slug_for

    first = tmp_path / "Causes of WW1?.yaml"
    second = tmp_path / "causes-of-ww1.yaml"
    for path in (first, second):
        path.write_text(PURGES.read_text(encoding="utf-8"), encoding="utf-8")
    assert slug_for(first) == slug_for(second) == "causes-of-ww1"
    assert run("build", first, "--format", "html", "--out", tmp_path / "o").exit_code == 0
    before = (tmp_path / "o" / "causes-of-ww1" / "worksheet.html").read_bytes()
    result = run("build", second, "--format", "html", "--out", tmp_path / "o")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "already holds the papers made from" in result.output and "Rename one" in result.output
    assert (tmp_path / "o" / "causes-of-ww1" / "worksheet.html").read_bytes() == before
    assert run("build", first, "--format", "html", "--out", tmp_path / "o").exit_code == 0, "its own file again"
    # letters of any script make their own folder, not a shared 'notes'
    assert slug_for(Path("Причины.yaml")) == "причины" and slug_for(Path("原因.yaml")) == "原因"
    assert slug_for(Path("Ökologie.yaml")) == "ökologie" and slug_for(Path("con.yaml")) == "con-notes"
    assert slug_for(Path("???.yaml")) == "notes"


def test_without_pango_the_message_says_what_to_install(monkeypatch):
    import sys

    from quizforge.errors import QuizforgeError
    from quizforge.render import pdf
    from quizforge.render.system import pango_hint

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now fails
    with pytest.raises(QuizforgeError) as batch:
        pdf._weasyprint()
    assert "Pango" in str(batch.value) and "--format html" not in str(batch.value), "batch has no --format"
    with pytest.raises(QuizforgeError, match="--format html"):
        pdf._weasyprint(html_instead=True)
    assert "brew install weasyprint" in pango_hint("darwin") and "GTK" in pango_hint("win32")
    assert "apt-get install libpango-1.0-0" in pango_hint("linux")


def test_console_script_keeps_exit_codes_and_output(tmp_path):
    """``quizforge`` (cli.run) exits without tearing the interpreter down: its codes and words still arrive."""
    import subprocess
    import sys

    def script(*args):
        return subprocess.run([sys.executable, "-c", "from quizforge.cli import run; run()", *args],
                              capture_output=True, text=True, cwd=tmp_path)

    ok = script("validate", str(PURGES))
    assert ok.returncode == 0 and "ok (reasons:" in ok.stdout
    missing = script("validate", "nowhere.yaml")
    assert missing.returncode == 2 and "nowhere.yaml" in missing.stderr and "Traceback" not in missing.stderr
    assert script("--version").stdout.startswith("quizforge, version")
