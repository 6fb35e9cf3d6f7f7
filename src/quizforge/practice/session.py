"""One practice session: due questions first, then new ones; each answer stored as soon as it is marked."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..identity import notes_identity, question_key
from ..model import Question, Topic
from ..onscreen import online_prompt
from ..pipeline import BuildRequest
from ..selftest.pool import make_pool
from .askers import Terminal, asker_for
from .schedule import BOX_DAYS
from .store import Answer, Item, default_db_path, open_store

DEFAULT_COUNT = 10
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class Plan:
    questions: tuple[Question, ...]
    due: int  # how many of them are reviews that were due
    next_due: datetime | None  # the earliest question not due yet, if nothing is asked
    due_total: int = 0  # every question due now, asked this session or not (as `progress` counts them)


@dataclass(frozen=True)
class Summary:
    asked: int
    right: int
    missed: tuple[str, ...]  # prompts of the questions missed
    interrupted: bool  # Ctrl-C
    stopped_early: bool = False  # Ctrl-C or the end of the input before the last question


def plan_session(questions: tuple[Question, ...], items: dict[str, Item], now: datetime, count: int) -> Plan:
    """Due reviews first (lowest box, longest overdue), then questions never asked, in paper order."""
    due = sorted((q for q in questions if q.id in items and items[q.id].due <= now),
                 key=lambda q: (items[q.id].box, items[q.id].due))
    new = [q for q in questions if q.id not in items]
    waiting = [items[q.id].due for q in questions if q.id in items and items[q.id].due > now]
    chosen = tuple((due + new)[:count])
    return Plan(chosen, min(len(due), count), min(waiting) if waiting else None, len(due))


def point_causes(topic: Topic) -> dict[str, str]:
    """Point (and quotation) id -> the id of the branch it belongs to, for per-branch progress."""
    owners = {point.id: cause.id for cause in topic.groups for point in cause.walk()}
    owners.update({q.id: q.branch_id for q in topic.all_quotations() if q.branch_id})
    return owners


def _count(n: int, noun: str) -> str:
    """'1 question', '3 questions'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(item: Item) -> str:
    days = BOX_DAYS[item.box]
    return "next session" if days == 0 else f"in {days} day{'s' if days > 1 else ''}"


class _Tally:
    """What this session has stored so far (kept up to date so Ctrl-C can report it)."""

    def __init__(self) -> None:
        self.asked, self.right, self.missed = 0, 0, []

    def add(self, q: Question, right: bool) -> None:
        self.asked += 1
        self.right += right
        if not right:
            self.missed.append(q.prompt)

    def summary(self, interrupted: bool = False, stopped_early: bool = False) -> Summary:
        return Summary(self.asked, self.right, tuple(self.missed), interrupted, stopped_early or interrupted)


def _ask_all(plan: Plan, store, topic: Topic, term: Terminal, now: Clock, tally: _Tally) -> None:
    causes = point_causes(topic)
    for i, q in enumerate(plan.questions, 1):
        kind = "review" if i <= plan.due else "new"
        term.say()
        term.say(f"[{i}/{len(plan.questions)}, {kind}] {online_prompt(q)}")
        outcome = asker_for(q)(q, term, causes)
        item = store.record(Answer(notes_identity(topic), q.id, outcome.right, outcome.given, outcome.parts, now()))
        tally.add(q, outcome.right)
        term.say(outcome.verdict or ("Right!" if outcome.right else "Not quite."))
        for line in outcome.feedback:
            term.say(line)
        term.say(f"Score: {tally.right}/{tally.asked}. This question comes back {_when(item)}.")


def _summarise(summary: Summary, term: Terminal) -> None:
    term.say()
    if summary.stopped_early:
        term.say(f"Stopped. Your {summary.asked} answer{'s' if summary.asked != 1 else ''} so far are saved.")
    term.say(f"Session score: {summary.right} of {summary.asked} right.")
    if summary.missed:
        term.say(f"{len(summary.missed)} to work on; they come first next time.")


def keyed_questions(questions: tuple[Question, ...], topic: Topic) -> tuple[Question, ...]:
    """The questions with ids that follow their content (``identity.question_key``): progress survives an
    inserted point and a renamed file, and two topics in files of the same name never share it."""
    return tuple(dataclasses.replace(q, id=question_key(topic, q.id)) for q in questions)


def run_practice(request: BuildRequest, db: Path | None, term: Terminal, count: int = DEFAULT_COUNT,
                 now: Clock = utc_now) -> Summary:
    """Ask up to ``count`` questions, storing each answer; Ctrl-C ends the session with everything answered kept."""
    pool = make_pool(request)
    for q in pool.questions:
        asker_for(q)  # fail before the first question, not in the middle
    topic = pool.paper.topic
    questions = keyed_questions(pool.questions, topic)
    store = open_store(db or default_db_path())
    try:
        # progress saved before answers were keyed on content: carry it over (this file's name, these ids)
        store.adopt(topic.slug, notes_identity(topic), {old.id: new.id for old, new in zip(pool.questions, questions)})
        plan = plan_session(questions, store.items(notes_identity(topic)), now(), count)
        if not plan.questions:
            when = plan.next_due.strftime("%d %b %Y %H:%M UTC") if plan.next_due else "later"
            term.say(f"Nothing is due for {topic.title}. The next question is due {when}.")
            return Summary(0, 0, (), False)
        later = plan.due_total - plan.due
        term.say(f"Practice: {topic.title} - {_count(len(plan.questions), 'question')} "
                 f"({plan.due} due for review, {len(plan.questions) - plan.due} new"
                 f"{f'; {later} more due after this session' if later else ''}). "
                 "Ctrl-C or 'quit' stops; every answer is saved as you go.")
        tally = _Tally()
        try:
            _ask_all(plan, store, topic, term, now, tally)
            summary = tally.summary()
        except KeyboardInterrupt:
            summary = tally.summary(interrupted=True)
        except EOFError:
            summary = tally.summary(stopped_early=True)
        _summarise(summary, term)
        return summary
    finally:
        store.close()

