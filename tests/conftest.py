from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quizforge.load import load_notes

ROOT = Path(__file__).resolve().parent.parent
PURGES = ROOT / "sources" / "purges.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def all_sources() -> list[Path]:
    """Every notes file the project ships or tests with (for seed sweeps)."""
    return [PURGES, *sorted((ROOT / "sources" / "examples").glob("*.yaml")), *sorted(FIXTURES.glob("notes-*.yaml"))]


@pytest.fixture(scope="session")
def purges():
    return load_notes(PURGES)


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Invoke the CLI in an empty working folder: run("build", path, "--seed", 3) -> click Result."""
    from click.testing import CliRunner

    from quizforge.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def write_notes(tmp_path):
    """Write YAML text (dedented) to a file and return its path."""
    def write(text: str, name: str = "notes.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path
    return write


MINIMAL = """\
title: Test topic
subject: Science
question: Why does it happen?
causes:
  - title: Because of heat
    points:
      - Heat makes particles move faster.
      - Faster particles collide more often.
  - title: Because of pressure
    points:
      - Pressure pushes particles closer together.
"""
