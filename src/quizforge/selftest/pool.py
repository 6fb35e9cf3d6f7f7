"""The questions a student practises: the worksheet's paper first, then more from nearby seeds.

Every question comes from ``pipeline.make_paper``, so the self-test page and the
practice mode ask exactly what the worksheets and mark schemes print.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Paper, Question
from ..pipeline import BuildRequest, make_paper

POOL_PAPERS = 5  # the worksheet's seed and the next four: enough for a few fresh sets


@dataclass(frozen=True)
class Pool:
    """``paper`` is the worksheet for the requested seed; ``questions`` adds the other seeds' questions."""

    paper: Paper
    questions: tuple[Question, ...]  # unique by Question.id, the paper's own first
    warnings: tuple[str, ...]


def make_pool(request: BuildRequest, papers: int = POOL_PAPERS) -> Pool:
    paper, warnings = make_paper(request)
    seen = {q.id: q for q in paper.questions}
    for offset in range(1, papers):
        extra, _ = make_paper(replace(request, seed=request.seed + offset))
        for question in extra.questions:
            seen.setdefault(question.id, question)
    return Pool(paper, tuple(seen.values()), warnings)
