"""Headless Chromium for page tests: the system's browser and chromedriver, never a downloaded one.

``chromium_or_skip()`` skips with the reason when they are missing, except in CI
(env CI=true), where a missing browser is a failure: CI installs them in .ci/run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
)


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_or_skip() -> tuple[str, str]:
    """(browser, chromedriver) paths, or skip/fail saying what to install."""
    browser = _find("chromium", "chromium-browser")
    driver = _find("chromedriver")
    if browser and driver:
        return browser, driver
    _skip_or_fail("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")


def _skip_or_fail(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, so this cannot be skipped: {reason}")
    pytest.skip(reason)


def open_chromium(profile: Path):
    """A selenium WebDriver on the system Chromium with a fresh profile folder."""
    browser, driver = chromium_or_skip()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _skip_or_fail("needs selenium (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--window-size=1000,1400")
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))
