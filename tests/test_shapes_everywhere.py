"""Notes of every shape reach every output: the paper, the self-test page, practice, class sets and exports.

The fixtures are the 14 real dev notes written by hand in the notes format (tests/fixtures/notes/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizforge.export import ExportContext, available
from quizforge.pipeline import BuildRequest, make_paper
from quizforge.practice.askers import asker_for
from quizforge.render import render_files
from quizforge.selftest.pool import make_pool

NOTES = sorted((Path(__file__).parent / "fixtures" / "notes").glob("*.yaml"))


@pytest.fixture(scope="module", params=NOTES, ids=[p.stem for p in NOTES])
def paper(request):
    return make_paper(BuildRequest(source=request.param, seed=1))[0]


def test_every_shape_makes_a_paper(paper):
    assert paper.questions, paper.topic.source
    assert paper.total_marks > 0


def test_no_question_is_given_twice(paper):
    assert len({q.id for q in paper.questions}) == len(paper.questions)


def test_the_enquiry_line_is_printed_only_when_the_notes_ask_a_question(paper):
    html = render_files(paper, ("html",), None)
    worksheet = next(data for name, data in html.items() if name.startswith("worksheet") and name.endswith(".html")).decode()
    assert ("Enquiry question" in worksheet) == bool(paper.topic.question)


def test_every_export_carries_the_paper(paper):
    for name, exporter in available().items():
        data = exporter.export(paper, ExportContext(mtime=1_700_000_000))
        assert data, name


def test_practice_can_ask_every_question(paper):
    for q in paper.questions:
        assert asker_for(q) is not None


def test_the_self_test_pool_holds_the_worksheet(paper):
    pool = make_pool(BuildRequest(source=Path(paper.topic.source), seed=1), papers=2)
    assert {q.id for q in paper.questions} <= {q.id for q in pool.questions}
