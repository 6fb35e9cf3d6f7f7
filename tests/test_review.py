"""quizforge review: which notes line fed which question, which were left out and why, text and HTML."""

from __future__ import annotations

from click.testing import CliRunner

from quizforge.cli import main
from quizforge.pipeline import BuildRequest
from quizforge.review import LEFT_OUT, SPARE, USED, as_html, as_text, review_paper

from .conftest import PURGES

NOTES = """\
title: Reasons <b>behind</b> the Purges
subject: History
question: Why did Stalin carry out the Purges?
explain_stem: Explain why Stalin used the Purges
causes:
  - title: To remove old rivals
    points:
      - Causes.
      - Germany ended u.
      - Zinoviev and Kamenev were put on trial in 1936 and shot.
      - Stalin feared that Bukharin still had support among party members.
  - title: To control the army
    points:
      - Tukhachevsky and other generals were shot in 1937.
      - All of this raised the tension in Europe.
      - Stalin feared that the generals could remove him <script>.
"""


def test_review_names_the_questions_and_the_codes(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_text(NOTES, encoding="utf-8")
    review = review_paper(BuildRequest(source=path, strategies=("explain",)))
    by_text = {line.text: line for line in review.lines}
    assert by_text["Causes."].status == LEFT_OUT and any("Q101" in w for w in by_text["Causes."].why)
    assert any("Q104" in w for w in by_text["Germany ended u."].why)
    assert any("Q201" in w for w in by_text["All of this raised the tension in Europe."].why)
    used = [line for line in review.lines if line.status == USED]
    assert used and all(line.questions for line in used)
    assert {line.status for line in review.lines} <= {USED, LEFT_OUT, SPARE}
    text = as_text(review)
    assert "left out" in text and "Q101" in text and f"line {by_text['Causes.'].line}" in text
    page = as_html(review)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;behind" in page


def test_review_cli_prints_text_and_writes_html(tmp_path):
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(PURGES), "--seed", "2", "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "Reasons behind the Purges" in result.output and "Q1" in result.output
    assert "Executions were used to remove anyone" in result.output and "fits another group" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_review_shows_the_warnings(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_text(NOTES, encoding="utf-8")
    review = review_paper(BuildRequest(source=path))  # the default paper: no people or terms to blank
    assert any(w.startswith("skipped fill-blank") for w in review.warnings)
    assert any(w.startswith("this paper is short") for w in review.warnings)
    assert "Needs your eye:" in as_text(review)
