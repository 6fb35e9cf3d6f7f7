"""What the student knows, per cause: the latest answer to every question part, and what is due."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..identity import notes_identity
from ..pipeline import BuildRequest
from ..selftest.pool import make_pool
from .askers import Terminal
from .schedule import KNOWN_BOX
from .session import Clock, keyed_questions, utc_now
from .store import default_db_path, open_store
from .terminal import table

BAR = 10
TITLE_WIDTH = 44


@dataclass(frozen=True)
class CauseProgress:
    title: str
    answered: int  # question parts answered at least once
    right: int  # of those, right the last time
    known: int  # questions in box KNOWN_BOX or above
    due: int  # questions due now
    kind: str = "reason"  # the kind of branch: reason, theme, stage ...


def _bar(right: int, answered: int) -> str:
    filled = round(BAR * right / answered) if answered else 0
    return "#" * filled + "." * (BAR - filled) + (f" {round(100 * right / answered):3d}%" if answered else "    -")


# What the rows of the table are, by the kind of branch the notes hold (one kind, or several).
ROW_NOUNS = {"reason": ("Cause", "causes"), "theme": ("Theme", "themes"), "character": ("Character", "characters"),
             "factor": ("Factor", "factors"), "stage": ("Stage", "stages"), "category": ("Group", "groups"),
             "case": ("Case study", "case studies")}
MIXED = ("Part of the notes", "parts")


def row_nouns(kinds: set[str]) -> tuple[str, str]:
    """The table's column heading and its plural, e.g. ("Theme", "themes"); notes of several kinds say "Part"."""
    if kinds == {"theme", "character"}:
        return ("Theme or character", "themes and characters")
    return ROW_NOUNS.get(next(iter(kinds)), MIXED) if len(kinds) == 1 else MIXED


def cause_progress(request: BuildRequest, db: Path | None, now: datetime) -> tuple[list[CauseProgress], int]:
    """One row per branch of the notes (cause, theme, stage ...), and how many questions were never asked."""
    pool = make_pool(request)
    topic = pool.paper.topic
    questions = keyed_questions(pool.questions, topic)
    question_cause = {q.id: q.cause_id for q in questions}
    path = db or default_db_path()
    if db is None and not path.exists():
        parts, items = [], {}  # never practised: nothing to show, and nothing is created
    else:
        store = open_store(path, readonly=True)
        try:
            parts, items = store.latest_parts(notes_identity(topic)), store.items(notes_identity(topic))
        finally:
            store.close()
    # questions this pool asks only, so 'due' is what `practice` with the same options would count
    items = {qid: i for qid, i in items.items() if qid in question_cause}
    rows = []
    for cause in topic.groups:  # every branch: reasons, themes, characters, stages ...
        mine = [right for qid, _, c, right in parts if (c or question_cause.get(qid)) == cause.id]
        its_items = [i for i in items.values() if (i.cause_id or question_cause.get(i.question_id)) == cause.id]
        rows.append(CauseProgress(cause.title, len(mine), sum(mine), sum(i.box >= KNOWN_BOX for i in its_items),
                                  sum(i.due <= now for i in its_items), cause.kind))
    unasked = sum(q.id not in items for q in questions)
    return rows, unasked


def show_progress(request: BuildRequest, db: Path | None, term: Terminal, now: Clock = utc_now) -> None:
    path = db or default_db_path()
    if db is None and not path.exists():
        term.say(f"No practice answers yet (no database at {path}); run `quizforge practice` to start.")
        term.say()
    rows, unasked = cause_progress(request, db, now())
    cells = []
    for r in rows:  # a long title wraps onto lines of its own rather than being cut
        title = textwrap.wrap(r.title, TITLE_WIDTH) or [""]
        cells.append((title[0], str(r.answered), str(r.right), _bar(r.right, r.answered), str(r.known), str(r.due)))
        cells += [(f"  {more}", "", "", "", "", "") for more in title[1:]]
    total = (sum(r.answered for r in rows), sum(r.right for r in rows))
    noun, nouns = row_nouns({r.kind for r in rows}) if rows else ROW_NOUNS["reason"]
    cells.append((f"All {nouns}", str(total[0]), str(total[1]), _bar(total[1], total[0]),
                  str(sum(r.known for r in rows)), str(sum(r.due for r in rows))))
    term.say(table((noun, "Answered", "Right", "Mastery (right last time)", "Known", "Due"), cells,
                   right_align=frozenset({1, 2, 4, 5})))
    term.say()
    term.say(f"Known: in Leitner box {KNOWN_BOX} or higher. {unasked} question{'s' if unasked != 1 else ''} "
             f"not tried yet. Matching and sorting items count towards their own {noun.lower()}.")
