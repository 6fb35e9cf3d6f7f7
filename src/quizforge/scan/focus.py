"""--focus-from RESULTS: weight the next paper towards what the class got wrong.

Strategies stay as they are: several candidate papers are assembled from seeds derived from the
requested one, and the one that asks most about the class's weak questions, points and branches
(from a scan's ``results.json``) is kept. Same notes, seed and results: the same paper.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import OptionError
from ..model import Paper, Topic

CANDIDATES = 12


@dataclass(frozen=True)
class Focus:
    questions: dict[str, float]  # id -> weakness, 0 (all right) .. 1 (all wrong)
    points: dict[str, float]
    branches: dict[str, float]


def load_focus(path: Path) -> Focus:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OptionError(f"--focus-from {path}: cannot read it ({exc}); give the results.json of a scan") from None
    if not isinstance(data, dict) or data.get("format") != "quizforge-results-1":
        raise OptionError(f"--focus-from {path}: not a quizforge results.json (written by `quizforge scan`)")

    def weakness(table: str, score: str, out_of: str) -> dict[str, float]:
        return {k: 1 - v[score] / v[out_of] for k, v in data.get(table, {}).items() if v.get(out_of)}
    return Focus(weakness("questions", "marks", "out_of"), weakness("points", "score", "out_of"),
                 weakness("branches", "score", "out_of"))


def check_focus(focus: Focus, topic: Topic, path: Path) -> None:
    ids = {b.id for b in topic.groups} | {p.id for p in topic.walk()}
    if not (set(focus.points) | set(focus.branches)) & ids:
        raise OptionError(f"--focus-from {path}: these results share no branch or point with {topic.source}; "
                          "give the results of a paper made from these notes")


def weight(paper: Paper, focus: Focus, topic: Topic) -> float:
    """How much the paper asks about what the class got wrong."""
    branch_of = {p.id: b.id for b in topic.groups for p in b.walk()}
    total = 0.0
    for q in paper.questions:
        total += focus.questions.get(q.id, 0.0) * q.marks
        if q.sources:
            total += sum(focus.points.get(s, 0.0) for s in q.sources) / len(q.sources) * q.marks
        branches = {q.cause_id} if q.cause_id else {branch_of.get(s) for s in q.sources}
        branches.discard(None)
        if branches:
            total += sum(focus.branches.get(b, 0.0) for b in branches) / len(branches) * q.marks
    return total


def candidate_seed(seed: int, k: int) -> int:
    if k == 0:
        return seed
    digest = hashlib.sha256(f"quizforge-focus:{seed}:{k}".encode()).digest()
    return int.from_bytes(digest[:4], "big") >> 2  # 30 bits, like class-set seeds


def focused(make: Callable[[int], Paper], focus: Focus, topic: Topic) -> Callable[[int], Paper]:
    """``seed -> Paper`` that picks, among candidates, the paper weighted most to the weak spots."""
    def make_focused(seed: int) -> Paper:
        best, best_weight = None, -1.0
        for k in range(CANDIDATES):
            paper = make(candidate_seed(seed, k))
            w = weight(paper, focus, topic)
            if w > best_weight + 1e-9:
                best, best_weight = paper, w
        return best
    return make_focused
