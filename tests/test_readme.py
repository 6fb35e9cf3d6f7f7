"""The README's commands and files are real: nothing points outside the repository."""

from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readmes_test_command_exactly():
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in README
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert test_command in ci
    assert "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/quizforge build" in README


def test_every_file_the_readme_names_is_shipped():
    links = re.findall(r"\]\(([^)#]+)\)", README)
    named = re.findall(r"(?<![\w/.-])((?:examples|sources|docs|schema|templates|src|bench|scripts|tests)/[\w./-]+)", README)
    paths = {p.rstrip(".,") for p in links + named if not p.startswith(("http://", "https://"))}
    assert {"examples/10B.csv", "examples/purges-mindmap.txt"} <= paths
    missing = [p for p in sorted(paths) if "<" not in p and "NNNN" not in p and not (ROOT / p).exists()
               and not p.startswith(("sources/mine", "sources/purges-import")) or "../" in p]
    assert not missing, missing
    assert "../" not in README and "/work/" not in README, "no paths outside the repository"


def test_the_quick_starts_example_files_work(run, tmp_path):
    from quizforge.batch.roster import read_roster

    students = read_roster(ROOT / "examples" / "10B.csv")
    assert len(students) == 8 and {s.class_name for s in students} == {"10B"}
    assert [s.name for s in students if s.large_print] == ["Chloe Davies"]
    result = run("import", ROOT / "examples" / "purges-mindmap.txt", "-o", tmp_path / "mine.yaml")
    assert result.exit_code == 0, result.output
    assert run("validate", tmp_path / "mine.yaml").exit_code == 0
