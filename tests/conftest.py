from __future__ import annotations

import os
import signal
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests draw the same examples every run, so a landing is never decided by luck;
# locally they keep exploring new ones (run with HYPOTHESIS_PROFILE=ci, as .ci/run does, to reproduce CI's draw).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("HYPOTHESIS_PROFILE") == "ci" or os.environ.get("CI"):
    settings.load_profile("ci")

# A test run started in the background by a non-interactive shell (as CI runners may) inherits Ctrl-C
# ignored, and every process the tests start would inherit that too, so the Ctrl-C tests could never
# interrupt them. Ctrl-C is the user's again: a handler here becomes the default in the child processes.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

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


def _missing_system_programs() -> tuple[list[str], list[str]]:
    """(what the suite cannot run without, what only some tests need), each with how to install it."""
    import shutil

    from quizforge.render.system import pango_hint, pango_problem

    required, optional = [], []
    problem = pango_problem()
    if problem:
        required.append(f"the Pango library, for every PDF ({problem}): install it {pango_hint()}")
    if not shutil.which("pdftoppm"):
        required.append("poppler's pdftoppm, to look at the PDFs' pages: apt-get install poppler-utils "
                        "(macOS: brew install poppler)")
    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        optional.append("Chromium and its chromedriver, for the self-test page's browser tests: "
                        "apt-get install chromium chromium-driver (those tests are skipped without them)")
    return required, optional


def pytest_sessionstart(session):
    """Check once, before any test, for the system libraries and programs the suite needs."""
    required, optional = _missing_system_programs()
    if required:
        lines = "\n".join(f"  - {r}" for r in required + optional)
        pytest.exit(f"quizforge's tests need system software that is not installed:\n{lines}\n"
                    "(.ci/run installs all of it on Debian or Ubuntu.)", returncode=4)
    session.config._quizforge_optional = optional


def pytest_report_header(config):
    optional = getattr(config, "_quizforge_optional", None)
    if optional:
        return [f"note: {o}" for o in optional]


def make(topic, name, seed=1, **opts):
    """One strategy's section for ``topic``, drawn exactly as assembly draws it."""
    from quizforge.assemble import strategy_rng
    from quizforge.strategies import Options, get

    return get(name).generate(topic, strategy_rng(seed, name), Options(**opts))
