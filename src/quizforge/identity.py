"""Names for notes and questions that survive a renamed file and an inserted point.

A question's ``id`` is made of the ids of the notes it came from, and an automatic
point id (``c2.3``) is a position: insert a point above and every later id moves.
``question_key`` swaps each automatic id in a question id for the text it names, and
prefixes the notes' own identity (title and subject, never the file name), so Anki
cards, QTI items and practice progress follow the content. An id the teacher wrote
(``id: kirov``) is kept as it is: it is how a point keeps its history through rewording.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from functools import lru_cache

from .model import Paper, Topic

AUTO_CAUSE = re.compile(r"c\d+")  # the loader's automatic cause ids; automatic point ids always hold a '.'


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def notes_identity(topic: Topic) -> str:
    """The same for the same notes wherever the file lives and whatever it is called."""
    return hashlib.sha256(f"{_plain(topic.title)}\x1f{_plain(topic.subject)}".encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=32)
def _tokens(topic: Topic) -> dict[str, str]:
    """Automatic id -> the content it stands for (first come first named, so duplicates stay apart)."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}

    def name(text: str, kind: str) -> str:
        base = f"{kind}={_plain(text)}"
        seen[base] = seen.get(base, 0) + 1
        return base if seen[base] == 1 else f"{base}#{seen[base]}"

    for cause in topic.causes:
        if AUTO_CAUSE.fullmatch(cause.id):
            out[cause.id] = name(cause.title, "cause")
        for point in cause.walk():
            if "." in point.id:
                out[point.id] = name(point.text, "point")
    for event in topic.dates:
        out[f"date:{event.line}"] = name(f"{event.date} {event.event}", "date")
    return out


def question_key(topic: Topic, question_id: str) -> str:
    """``<notes identity>/<strategy>:<digest of the content>``: stable across renames, insertions and re-exports."""
    tokens = _tokens(topic)
    key = re.sub(r"date:\d+", lambda m: tokens.get(m.group(0), m.group(0)), question_id)
    key = re.sub(r"[^:,]+", lambda m: tokens.get(m.group(0), m.group(0)), key)
    strategy = question_id.split(":", 1)[0]
    return f"{notes_identity(topic)}/{strategy}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def keyed(paper: Paper) -> Paper:
    """The paper with every question's id replaced by its ``question_key`` (for exports that name items)."""
    topic = paper.topic
    sections = tuple(
        dataclasses.replace(s, questions=tuple(dataclasses.replace(q, id=question_key(topic, q.id)) for q in s.questions))
        for s in paper.sections)
    return dataclasses.replace(paper, sections=sections)
