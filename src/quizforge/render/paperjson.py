"""paper.json: the seed, the source and every question with its answer."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .. import __version__
from ..model import Paper


def _body(body) -> dict[str, Any]:
    data = dataclasses.asdict(body)
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


def paper_json(paper: Paper) -> bytes:
    return (json.dumps(paper_to_dict(paper), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
