"""Subject profiles: each subject gets its own kind of paper, chosen from data a teacher can copy."""

from __future__ import annotations

import pytest

from quizforge.assemble import assemble
from quizforge.errors import SourceError
from quizforge.load import parse_notes
from quizforge.papers import plan_paper
from quizforge.subjects import load_profile, profile_for, shipped_profiles

from .notes_samples import SIDES


def test_subject_names_find_their_profile():
    assert profile_for("History").name == "history"
    assert profile_for("GCSE history").name == "history"
    assert profile_for("").name == "general"
    assert profile_for("Underwater basket weaving").name == "general"
    assert profile_for("A-level Psychology").name == profile_for("Sociology").name == "psychology"


def test_a_psychology_table_gets_recall_and_a_point_marked_comparison():
    from pathlib import Path

    from quizforge.pipeline import BuildRequest, make_paper
    notes = Path(__file__).parent / "fixtures" / "notes" / "11-multi-store-model.yaml"
    paper, _ = make_paper(BuildRequest(source=notes, seed=1, preset="exam"))
    kinds = [s.strategy for s in paper.sections]
    assert "which-case" in kinds and "compare-cases" in kinds, kinds
    compare = next(s for s in paper.sections if s.strategy == "compare-cases").questions[0]
    assert compare.body.points and not getattr(compare.body, "levels", ())  # points, never levels


def test_every_shipped_profile_loads_and_names_only_real_strategies():
    for name in shipped_profiles():
        profile = load_profile(name)
        assert profile.items("default"), name
        assert profile.marking in ("levels", "points")


def test_history_marks_by_levels_with_spag():
    history = load_profile("history")
    assert history.marking == "levels" and history.spag
    # today's three first, so the Purges paper is unchanged; then what timelines and glossaries need
    assert [i.strategy for i in history.items("default")][:3] == ["fill-blank", "match", "explain"]
    assert history.limit("default") == 3


def test_each_subject_gets_its_own_kinds_of_question():
    from pathlib import Path

    from quizforge.pipeline import BuildRequest, make_paper

    notes = Path(__file__).parent / "fixtures" / "notes"
    kinds = {name: set(make_paper(BuildRequest(source=notes / f"{name}.yaml"))[0].strategies)
             for name in ("02-elizabeth", "03-macbeth", "05-mitosis", "08-rivers", "09-volcanoes", "13-french-vocabulary")}
    assert kinds["02-elizabeth"] & {"sequence", "date-match", "which-first"}  # dated notes: a chronology
    assert kinds["03-macbeth"] & {"who-says", "complete-quote", "match-quotes", "present"}  # quotations
    assert kinds["05-mitosis"] & {"stage-order", "stage-describe", "stage-name"}  # a process
    assert kinds["08-rivers"] & {"key-terms", "term-choice", "term-blank"}  # a glossary
    assert kinds["09-volcanoes"] & {"which-case", "describe-case", "compare-cases", "sort"}  # case studies
    assert kinds["13-french-vocabulary"] <= {"key-terms", "term-choice", "term-blank", "fill-blank", "match",
                                             "true-false", "multiple-choice"}
    for name, found in kinds.items():
        assert not found & {"how-far", "exam-explain", "explain"}, name  # no History essays outside History


def test_a_teachers_own_profile_is_read_with_line_numbers(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("title: Mine\nmarking: points\npapers:\n  default:\n    - strategy: fill-blank\n    - strategy: nonsense\n")
    with pytest.raises(SourceError) as info:
        profile_for("History", str(mine))
    assert str(info.value.problems[0]).startswith(f"{mine}:6: unknown strategy 'nonsense'")
    mine = tmp_path / "mine2.yaml"
    mine.write_text("title: Mine\nmarking: marks\npapers:\n  default:\n    - strategy: fill-blank\n")
    with pytest.raises(SourceError) as info:
        profile_for("History", str(mine))
    assert str(info.value.problems[0]) == f"{mine}:2: marking: 'marks' is not one of levels, points"


def test_the_default_paper_keeps_the_first_sections_with_material(tmp_path):
    notes = parse_notes("title: T\nkey_terms:\n  - term: Osmosis\n    definition: The movement of water across a "
                        "partially permeable membrane.\n  - term: Diffusion\n    definition: The spreading out of "
                        "particles from where there are many to where there are few.\n  - term: Active transport\n"
                        "    definition: Movement of particles against a concentration gradient, using energy.\n",
                        "t.yaml")
    plan = plan_paper(subject=profile_for(""))
    result = assemble(notes, 1, plan.strategies, options=plan.options, required=plan.required, limit=plan.limit)
    assert len(result.paper.sections) <= plan.limit
    assert "key-terms" in result.paper.strategies  # the glossary makes a paper of its own
    assert any(s.startswith("skipped explain:") for s in result.skipped)  # and says why explain made nothing


def test_a_preset_falls_back_to_the_default_kinds_when_the_notes_lack_its_material():
    from pathlib import Path

    from quizforge.pipeline import BuildRequest, make_paper

    two_causes = Path(__file__).parent / "fixtures" / "notes" / "01-league-of-nations.yaml"
    paper, notes = make_paper(BuildRequest(source=two_causes, preset="exam"))
    assert paper.questions  # the exam questions need three causes; the paper is made from the others
    assert any("exam-explain" in n for n in notes)


def test_a_profile_names_what_its_subject_rewards_in_each_kind_of_written_answer():
    from quizforge.subjects import SKILL_KINDS

    for name in shipped_profiles():
        for kind, lines in (load_profile(name).skills or {}).items():
            assert kind in SKILL_KINDS and lines and all(line.strip() for line in lines), name
    assert any("language" in s and "structure" in s and "form" in s
               for s in profile_for("English Literature").skills_for("present"))
    assert any(s.startswith("AO3") for s in profile_for("English Literature").skills_for("present"))
    assert any("justified conclusion" in s for s in profile_for("Religious Studies").skills_for("judgement"))
    assert any("justified conclusion" in s for s in profile_for("History").skills_for("judgement"))
    assert profile_for("Underwater basket weaving").skills_for("judgement") == ()


def test_a_teachers_skills_are_checked_with_line_numbers(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("title: Mine\nmarking: levels\npapers:\n  default:\n    - strategy: explain\n"
                    "skills:\n  essays:\n    - Reward clear arguments.\n")
    with pytest.raises(SourceError) as info:
        profile_for("History", str(mine))
    assert str(info.value.problems[0]).startswith(f"{mine}:7:") and "essays" in str(info.value.problems[0])
    mine.write_text("title: Mine\nmarking: levels\npapers:\n  default:\n    - strategy: explain\n"
                    "skills:\n  judgement: Reward a justified conclusion.\n")
    assert profile_for("History", str(mine)).skills_for("judgement") == ("Reward a justified conclusion.",)




@pytest.mark.parametrize("subject, expect", [
    ("Religious Studies", "justified conclusion"), ("Philosophy and Ethics", "justified conclusion"),
    ("Underwater basket weaving", None),
])
def test_an_essay_mark_scheme_prints_its_subjects_skills_apart_from_the_content(subject, expect):
    from quizforge.render.html import render_html
    from .conftest import make

    notes = parse_notes(SIDES.format(title="Made-up notes", subject=subject, extra="", thing="God"), "notes.yaml")
    question = make(notes, "evaluate").questions[0]
    body = question.body
    assert not set(body.skills) & set(body.indicative + body.indicative_against)
    if expect is None:
        assert body.skills == ()
        return
    assert any(expect in s for s in body.skills)
    paper = assemble(notes, 1, ("evaluate",)).paper
    html = render_html(paper, "markscheme")
    assert html.index("What to reward") < html.index("Indicative content")
