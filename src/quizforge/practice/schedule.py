"""Leitner boxes: a question moves up a box when answered right and back to box 1 when missed.

Why Leitner and not SM-2: answers here are marked right or wrong (SM-2 wants a
0-5 quality grade for every answer, which students would have to invent), the
state is one small number a student can understand ("box 4 of 5") and that
``quizforge progress`` can show, and it copes with the irregular, bursty revision
students do before a test. Box 1 is due at once, so a missed question opens the
next session.
"""

from __future__ import annotations

from datetime import datetime, timedelta

BOX_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 16}  # days until a question in that box is due again
TOP_BOX = max(BOX_DAYS)
KNOWN_BOX = 3  # from here on a question counts as known in `progress`


def next_box(box: int | None, right: bool) -> int:
    """The box after an answer; a new question (``None``) starts as if in box 1."""
    if not right:
        return 1
    return min((box or 1) + 1, TOP_BOX)


def due_after(box: int, answered: datetime) -> datetime:
    return answered + timedelta(days=BOX_DAYS[box])
