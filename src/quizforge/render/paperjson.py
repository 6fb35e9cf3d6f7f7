"""paper.json: the seed, the source and every question with its answer."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .. import __version__
from ..model import Paper


# Body fields added after paper.json 0.1; left out when empty so older papers' JSON is unchanged.
LATER_FIELDS = ("indicative_own", "starters", "skills")


def _body(body) -> dict[str, Any]:
    data = {k: v for k, v in dataclasses.asdict(body).items() if not (k in LATER_FIELDS and not v)}
    data["type"] = type(body).__name__.lower()
    return data


def paper_to_dict(paper: Paper) -> dict[str, Any]:
    topic = paper.topic
    return {
        "quizforge": __version__,
        "source": topic.source,
        "topic": {"title": topic.title, "subject": topic.subject, "course": topic.course, "question": topic.question},
        "seed": paper.seed,
        "paper_size": paper.paper_size,
        "strategies": list(paper.strategies),
        "total_marks": paper.total_marks,
        "sections": [
            {
                "strategy": s.strategy, "title": s.title, "instructions": s.instructions,
                "word_bank": list(s.word_bank),
                "questions": [
                    {"number": q.number, "id": q.id, "strategy": q.strategy, "prompt": q.prompt, "marks": q.marks,
                     "answer": q.answer, "guidance": list(q.guidance), "cause_id": q.cause_id, "body": _body(q.body)}
                    for q in s.questions
                ],
            }
            for s in paper.sections
        ],
    }


def _with_presentation(paper: Paper) -> dict[str, Any]:
    """Preset, tier and print layers are recorded only when used, so a plain paper's JSON is unchanged."""
    data = paper_to_dict(paper)
    if not paper.presentation.is_default:
        data["presentation"] = dataclasses.asdict(paper.presentation)
    return data


def paper_json(paper: Paper) -> bytes:
    return (json.dumps(_with_presentation(paper), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
