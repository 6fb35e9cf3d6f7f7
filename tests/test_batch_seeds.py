"""Per-student seeds, version codes and dealing."""

from __future__ import annotations

import dataclasses

from quizforge.batch.plan import answer_key, make_assignments, paper_maker, scheme_groups
from quizforge.batch.roster import Student, copies, parse_roster
from quizforge.batch.seeds import (
    SEED_BITS, code_seed, deal_versions, derive_seed, seed_code, student_keys, student_seeds,
)
from quizforge.pipeline import BuildRequest, make_paper

from .conftest import PURGES

CLASS = parse_roster("Name,Class,Candidate number\nAmy Lee,10A,1001\nBen Ode,10A,\nCara Ng,10B,\nBen Ode,10A,\n")


def test_seed_is_stable_and_in_range():
    assert derive_seed(1, "name:amy") == derive_seed(1, "name:amy")
    assert derive_seed(1, "name:amy") != derive_seed(2, "name:amy")
    assert all(0 <= s < 2 ** SEED_BITS for s in student_seeds(7, CLASS))


def test_codes_spell_the_seed():
    for seed in (0, 1, 12345, 2 ** SEED_BITS - 1):
        code = seed_code(seed)
        assert len(code) == 6 and code_seed(code) == seed
        assert not set(code) & set("IO01")


def test_keys_prefer_candidate_number_and_number_repeats():
    assert student_keys(CLASS) == ["candidate:1001", "name:ben ode|10a", "name:cara ng|10b", "name:ben ode|10a#2"]
    assert student_keys(copies(2)) == ["copy:1", "copy:2"]


def test_adding_or_reordering_students_changes_no_one_elses_seed():
    before = dict(zip(student_keys(CLASS[:3]), student_seeds(3, CLASS[:3])))
    bigger = (Student("Dev Shah", "10B"), *reversed(CLASS[:3]), Student("Eve Ray", "10A"))
    after = dict(zip(student_keys(bigger), student_seeds(3, bigger)))
    assert all(after[key] == seed for key, seed in before.items())


def test_adding_a_student_changes_no_one_elses_paper(purges):
    make = paper_maker(purges, (), "a4", None)
    first = {a.student.name: make(a.seed) for a in make_assignments(CLASS[:3], 3, None)}
    grown = (*CLASS[:2], Student("New Pupil", "10A"), CLASS[2])
    second = {a.student.name: make(a.seed) for a in make_assignments(grown, 3, None)}
    assert all(second[name] == paper for name, paper in first.items())


def test_papers_are_exactly_what_build_makes(purges):
    make = paper_maker(purges, (), "a4", None)
    for a in make_assignments(CLASS, 11, None):
        built, _ = make_paper(BuildRequest(source=PURGES, seed=a.seed))
        assert make(a.seed) == built


def test_versions_are_dealt_round_the_class():
    assert deal_versions(7, 3) == ["A", "B", "C", "A", "B", "C", "A"]
    dealt = make_assignments(CLASS, 1, 2)
    assert [a.code for a in dealt] == ["A", "B", "A", "B"]
    assert dealt[0].seed == dealt[2].seed != dealt[1].seed


def _reordered(paper):
    """The same questions, each section in reverse order, renumbered."""
    sections, n = [], 0
    for section in paper.sections:
        questions = []
        for q in reversed(section.questions):
            n += 1
            questions.append(dataclasses.replace(q, number=n))
        sections.append(dataclasses.replace(section, questions=tuple(questions)))
    return dataclasses.replace(paper, sections=tuple(sections))


def test_papers_sharing_questions_share_one_scheme_plus_a_key(purges):
    make = paper_maker(purges, (), "a4", None)
    a, c = make(1), make(2)
    b = _reordered(a)
    groups = scheme_groups({"A": a, "B": b, "C": c})
    assert [(g.lead_code, [code for code, _ in g.others]) for g in groups] == [("A", ["B"]), ("C", [])]
    key = answer_key("B", b, a)
    by_number = {q.number: q for q in a.questions}
    for row, q in zip(key["rows"], b.questions):
        assert by_number[row["scheme_number"]].id == q.id
        assert row["answer"] == (q.answer if q.strategy != "explain" else "levels of response: see the scheme")


def test_scheme_for_shared_questions_prints_a_key_per_version(purges):
    from quizforge.batch.run import BatchRequest, _scheme_jobs
    from quizforge.render.html import render_html

    a = paper_maker(purges, (), "a4", None)(1)
    b = _reordered(a)
    (job,) = _scheme_jobs(scheme_groups({"A": a, "B": b}), BatchRequest(source=PURGES), PURGES.parent)
    (doc,) = job.docs
    html = render_html(doc.paper, doc.document, batch=doc.batch)
    assert "Answer keys: versions B" in html and "same questions as version A in another" in html
    assert html.count("<h3>Version B</h3>") == 1
