"""The generated HTML for fixed seeds matches tests/golden/ (see tests/golden.py to regenerate)."""

from __future__ import annotations

import difflib

import pytest

from .golden import GOLDEN, ROOT, goldens


@pytest.fixture(scope="module")
def current():
    import os
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return goldens()
    finally:
        os.chdir(old)


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.html")))
def test_golden(current, name):
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = current[name]
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now", n=2))
        pytest.fail(f"{name} differs from tests/golden (regenerate with `python -m tests.golden --update` "
                    f"if the change is intended):\n{diff[:4000]}")


def test_every_case_has_goldens(current):
    assert sorted(current) == sorted(p.name for p in GOLDEN.glob("*.html"))
