"""The self-test page without a browser: data, escaping, determinism, CLI."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from quizforge.cli import main
from quizforge.model import Question
from quizforge.pipeline import BuildRequest, make_paper
from quizforge.selftest.bodies import ENCODERS, UnsupportedBody, encode_question
from quizforge.selftest.page import render_selftest, script_json
from quizforge.selftest.pool import make_pool
from quizforge import model

from .conftest import FIXTURES, PURGES


def embedded(html: bytes) -> dict:
    match = re.search(rb'<script type="application/json" id="quiz-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_script_json_cannot_close_the_script_or_open_a_comment():
    hostile = {"a</script><script>alert(1)</script>": "<!-- x --> ]]> & \u2028"}
    text = str(script_json(hostile))
    for bad in ("</", "<!--", "-->", "]]>", "<", ">", "&", "\u2028"):
        assert bad not in text
    assert json.loads(text) == hostile


def test_every_body_type_in_the_model_has_an_encoder():
    bodies = {t for t in model.Body.__args__}
    assert bodies == set(ENCODERS)


def test_unknown_body_fails_clearly():
    @dataclass(frozen=True)
    class Hotspot:
        x: int

    question = Question("hot:1", "hotspot", "Click the map.", 1, Hotspot(3), "")
    with pytest.raises(UnsupportedBody, match="hot:1.*Hotspot.*--strategies"):
        encode_question(question)


def test_set_one_is_the_worksheet_paper():
    request = BuildRequest(source=PURGES, seed=7)
    paper, _ = make_paper(request)
    data = embedded(render_selftest(make_pool(request)))
    assert [qid for s in data["sections"] for qid in s["first"]] == [q.id for q in paper.questions]
    for q in paper.questions:
        assert data["questions"][q.id]["answer"] == q.answer
    pool_ids = [qid for s in data["sections"] for qid in s["pool"]]
    assert len(pool_ids) == len(set(pool_ids)) > len(paper.questions)


def test_same_seed_same_bytes_and_other_seed_differs():
    first = render_selftest(make_pool(BuildRequest(source=PURGES, seed=2)))
    again = render_selftest(make_pool(BuildRequest(source=PURGES, seed=2)))
    other = render_selftest(make_pool(BuildRequest(source=PURGES, seed=3)))
    assert first == again != other


def test_page_is_self_contained():
    html = render_selftest(make_pool(BuildRequest(source=FIXTURES / "notes-tricky.yaml"))).decode()
    markup = re.sub(r'(<script type="application/json" id="quiz-data">).*?(</script>)', r"\1\2", html, flags=re.S)
    assert "<img src='file" in str(embedded(html.encode()))  # the note's text survives as data ...
    assert not re.search(r"""(src|href)\s*=|@import|url\(|<link|https?:""", markup.replace("img-src", ""), re.I)
    assert "<script>alert(1)</script>" not in html  # the fixture's question, escaped by Jinja


def test_cli_writes_the_page(tmp_path):
    result = CliRunner().invoke(main, ["selftest", str(PURGES), "--seed", "4", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = tmp_path / "purges" / "selftest.html"
    assert page.is_file() and f"wrote {page}" in result.output
    assert embedded(page.read_bytes())["seed"] == 4


def test_cli_bad_source_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["selftest", str(bad), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.yaml:" in result.output
    assert not (tmp_path / "bad").exists()
