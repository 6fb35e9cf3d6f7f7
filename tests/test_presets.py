"""Presets, tiers and print layers: planning, errors, CLI."""

from __future__ import annotations

import json

import pytest

from quizforge.errors import OptionError, SourceError
from quizforge.model import Presentation
from quizforge.papers import TIERS, load_preset, plan_paper, shipped_presets
from quizforge.pipeline import BuildRequest, make_paper
from quizforge.render.html import render_html
from quizforge.strategies import DEFAULT_STRATEGIES, available

from .conftest import PURGES


def test_no_options_plans_the_plain_default_paper():
    plan = plan_paper()
    assert plan.strategies[:3] == DEFAULT_STRATEGIES and plan.limit == 3 and plan.options is None and not plan.required
    assert plan.presentation == Presentation() and plan.presentation.is_default
    named = plan_paper(("match",))
    assert named.strategies == ("match",) and named.required


def test_default_build_is_unchanged_by_the_new_options():
    paper, _ = make_paper(BuildRequest(source=PURGES, seed=3))
    html = render_html(paper, "worksheet")
    assert paper.presentation.is_default
    assert 'class="cover"' not in html and "Sentence starters" not in html and "16pt" not in html
    plain, _ = make_paper(BuildRequest(source=PURGES, seed=3, strategies=("fill-blank", "explain")))
    html = render_html(plain, "worksheet")
    assert ".stimulus" not in html or 'class="stimulus"' in html, "the extra CSS is only added to papers that use it"


@pytest.mark.parametrize("name", ["quick-quiz", "worksheet", "exam"])
def test_shipped_presets_load_and_name_known_strategies(name):
    preset = load_preset(name)
    assert preset.title and preset.minutes and preset.items
    assert all(i.strategy in available() for i in preset.items)
    assert set(shipped_presets()) >= {"quick-quiz", "worksheet", "exam"}


def test_exam_preset_has_cover_time_and_the_two_exam_questions():
    paper, skipped = make_paper(BuildRequest(source=PURGES, seed=2, preset="exam"))
    assert not [w for w in skipped if w.startswith("this paper is short")], skipped
    assert paper.presentation.cover and paper.presentation.minutes == 50
    assert [s.strategy for s in paper.sections] == ["multiple-choice", "exam-explain", "how-far"]
    assert [q.marks for q in paper.questions][-2:] == [12, 20]
    html = render_html(paper, "worksheet")
    assert 'class="marks-grid"' in html and "16 + 4 SPaG" in html and "Time allowed: 50 minutes" in html


def test_a_teachers_own_preset_file(tmp_path):
    (tmp_path / "eight.yaml").write_text("title: Explain (8)\nstyle: explain\nmarks: 8\nlines: 16\nlevels:\n"
                                         "  - marks: 1-4\n    descriptor: Some.\n  - marks: 5-8\n    descriptor: More.\n")
    mine = tmp_path / "starter.yaml"
    mine.write_text("title: Lesson starter\nminutes: 10\nstrategies:\n  - strategy: true-false\n    count: 3\n"
                    "  - strategy: multiple-choice\n    count: 2\n  - strategy: exam-explain\n    profile: eight.yaml\n")
    paper, _ = make_paper(BuildRequest(source=PURGES, seed=1, preset=str(mine)))
    assert [len(s.questions) for s in paper.sections] == [3, 2, 1]
    assert paper.questions[-1].marks == 8, "a profile file is found beside the preset"
    assert paper.presentation.title == "Lesson starter" and not paper.presentation.cover


@pytest.mark.parametrize("text, message", [
    ("title: X\nstrategies:\n  - strategy: nope\n", ":3: unknown strategy 'nope'"),
    ("title: X\nstrategies:\n  - strategy: match\n    count: lots\n", ":4: strategies[0].count: 'lots' is not a whole number"),
    ("title: X\ncover: maybe\nstrategies:\n  - strategy: match\n", ":2: cover: 'maybe' is not yes or no"),
    ("title: X\nstrategys:\n  - strategy: match\n", ":2: unknown key 'strategys'; did you mean 'strategies'?"),
])
def test_preset_file_mistakes_point_to_a_line(tmp_path, text, message):
    path = tmp_path / "p.yaml"
    path.write_text(text)
    with pytest.raises(SourceError) as info:
        load_preset(str(path))
    assert f"{path}{message}" in str(info.value)


def test_unknown_preset_and_tier_and_both_preset_and_strategies():
    with pytest.raises(OptionError, match="unknown preset 'nope'; choose from exam, quick-quiz, worksheet"):
        plan_paper(preset="nope")
    with pytest.raises(OptionError, match="unknown tier 'gold'"):
        plan_paper(tier="gold")
    with pytest.raises(OptionError, match="either --preset or --strategies"):
        plan_paper(("match",), preset="exam")


def test_tiers_differ_as_promised():
    from quizforge.subjects import load_profile

    history = load_profile("history")
    support = plan_paper(preset="worksheet", tier="support", subject=history)
    core = plan_paper(preset="worksheet", tier="core", subject=history)
    stretch = plan_paper(preset="worksheet", tier="stretch", subject=history)
    # A tier adds only what the subject uses: no History judgement essay for a science paper.
    assert "how-far" not in plan_paper(preset="worksheet", tier="stretch", subject=load_profile("general")).strategies
    count = lambda plan, name: plan.options[name].count  # noqa: E731
    assert count(support, "fill-blank") < count(core, "fill-blank")
    assert support.options["fill-blank"].word_bank and not stretch.options["fill-blank"].word_bank
    assert support.options["explain"].starters and not core.options["explain"].starters
    assert count(stretch, "explain") > count(core, "explain")
    assert "how-far" in stretch.strategies and "how-far" not in core.strategies
    assert "odd-one-out" not in support.strategies
    assert {o.tier for o in support.options.values()} == {"support"} and set(TIERS) == {"support", "core", "stretch"}


def test_support_paper_has_fewer_marks_and_scaffolding_and_the_scheme_names_the_tier():
    papers = {t: make_paper(BuildRequest(source=PURGES, seed=4, preset="worksheet", tier=t))[0] for t in TIERS}
    # Support asks for fewer short questions than core (what the notes then give each section varies with
    # what the other questions on the paper use), and stretch adds written ones.
    plans = {t: plan_paper(preset="worksheet", tier=t) for t in TIERS}
    for name, options in plans["support"].options.items():
        if options.count is not None and name in plans["core"].options:
            assert options.count <= plans["core"].options[name].count, name
    assert sum(o.count or 0 for o in plans["support"].options.values()) < sum(o.count or 0 for o in plans["core"].options.values())
    assert papers["support"].total_marks <= papers["core"].total_marks < papers["stretch"].total_marks
    support_html = render_html(papers["support"], "worksheet")
    assert "Sentence starters" in support_html and "Word bank" in support_html
    stretch_html = render_html(papers["stretch"], "worksheet")
    assert "Word bank" not in stretch_html and "How far do you agree?" in stretch_html
    for tier, paper in papers.items():
        scheme = render_html(paper, "markscheme")
        assert f'<strong class="tier">{tier.capitalize()} tier</strong>' in scheme
        assert f"{tier} tier" not in render_html(paper, "worksheet").lower(), "the students' paper is not labelled"


def test_cli_preset_tier_and_print_options(run, tmp_path):
    result = run("build", PURGES, "--preset", "exam", "--tier", "support", "--large-print", "--dyslexia-friendly",
                 "--format", "html", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "o" / "purges"
    data = json.loads((folder / "paper-exam-support-large-print-dyslexia-friendly.json").read_text())
    assert data["presentation"] == {"preset": "exam", "title": "Exam practice", "minutes": 50, "cover": True,
                                    "instructions": data["presentation"]["instructions"], "tier": "support",
                                    "large_print": True, "dyslexia_friendly": True, "no_tint": False}
    html = (folder / "worksheet-exam-support-large-print-dyslexia-friendly.html").read_text()
    assert "font-size: 16pt" in html and "#fbf5e4" in html and "font-style: normal !important" in html


@pytest.mark.parametrize("args, message", [
    (("--preset", "nope"), "unknown preset 'nope'"),
    (("--tier", "gold"), "Invalid value for '--tier'"),
    (("--preset", "exam", "--strategies", "match"), "either --preset or --strategies"),
    (("--preset", "missing.yaml"), "missing.yaml: file not found"),
    (("--no-tint",), "--no-tint goes with --dyslexia-friendly"),
])
def test_cli_bad_preset_options_exit_2(run, args, message):
    result = run("build", PURGES, "--format", "html", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_a_tier_keeps_strategies_named_on_the_command_line():
    plan = plan_paper(("odd-one-out", "explain"), tier="stretch")
    assert plan.strategies == ("odd-one-out", "explain") and plan.required
    assert plan.options["explain"].count == 3 and not plan.options["odd-one-out"].word_bank


def test_new_strategies_escape_the_notes(run, tmp_path):
    from .conftest import FIXTURES
    names = "multiple-choice,true-false,odd-one-out,exam-explain,how-far"
    result = run("build", FIXTURES / "notes-tricky.yaml", "--format", "html", "--strategies", names, "--tier", "support")
    assert result.exit_code == 0, result.output
    for doc in ("worksheet", "markscheme"):
        html = (tmp_path / "out" / "notes-tricky" / f"{doc}-support.html").read_text()
        assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    # The point with the <img> tag shares 'heat' with its cause's title, so only the mark scheme lists it.
    assert "&lt;img src=" in (tmp_path / "out" / "notes-tricky" / "markscheme-support.html").read_text()


def test_the_time_allowed_fits_the_marks():
    from quizforge.model import Presentation
    from quizforge.pipeline import fit_time

    assert fit_time(Presentation(minutes=50), 5).minutes == 10  # not 50 minutes for a 5-mark paper
    assert fit_time(Presentation(minutes=50), 40).minutes == 50  # never more than the preset allows
    assert fit_time(Presentation(), 40).minutes is None
