"""The offline self-test page: the worksheet's questions, marked in the student's browser.

pool   -> the worksheet's paper plus a few more seeds for "shuffle a fresh set"
bodies -> each question body as plain JSON the page can check (one encoder per body type)
page   -> render templates/selftest.html.j2 with that JSON embedded safely
"""

from .page import build_selftest, render_selftest

__all__ = ["build_selftest", "render_selftest"]
