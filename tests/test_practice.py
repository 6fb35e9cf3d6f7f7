"""Practice mode without a terminal: checking, Leitner schedule, database, sessions, progress."""

from __future__ import annotations

import sqlite3
import sys
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from quizforge.cli import main
from quizforge.model import Body
from quizforge.pipeline import BuildRequest
from quizforge.practice.askers import ASKERS
from quizforge.practice.checking import accepted, normalise
from quizforge.practice.schedule import BOX_DAYS, next_box
from quizforge.practice.session import plan_session, run_practice
from quizforge.practice.store import MIGRATIONS, VERSION, Answer, Part, PracticeDatabaseError, open_store
from quizforge.selftest.pool import make_pool

from .conftest import PURGES

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
REQUEST = BuildRequest(source=PURGES, seed=1)


class Script:
    """A terminal that types prepared answers; an answer of KeyboardInterrupt raises it (Ctrl-C)."""

    def __init__(self, answers):
        self.answers, self.lines = list(answers), []

    def say(self, text=""):
        self.lines.append(text)

    def ask(self, prompt):
        self.lines.append(prompt)
        answer = self.answers.pop(0)
        if answer is KeyboardInterrupt:
            raise KeyboardInterrupt
        return answer

    @property
    def text(self):
        return "\n".join(self.lines)


def right_answer(q) -> list[str]:
    body = q.body
    kind = type(body).__name__
    if kind == "Gap":
        return [body.answer]
    if kind == "Match":
        return [str(k + 1) for k in body.key]
    return ["", "1 2"]  # Extended: an answer, then two points ticked


@pytest.fixture(scope="module")
def pool():
    return make_pool(REQUEST)


def test_normalise_and_accept():
    assert normalise("  Colléctivisation. ") == "collectivisation"
    assert accepted("STAKHANOVITE", ("Stakhanovites", "Stakhanovite"))
    assert not accepted("", ("",))
    assert not accepted("Stalin", ("Kirov",))


def test_every_body_type_has_an_asker():
    assert set(Body.__args__) == set(ASKERS)


def test_leitner_moves_up_and_falls_back():
    assert next_box(None, True) == 2 and next_box(None, False) == 1
    assert next_box(4, True) == 5 == next_box(5, True)
    assert next_box(5, False) == 1
    assert BOX_DAYS[1] == 0 < BOX_DAYS[2] < BOX_DAYS[5]


def test_session_stores_answers_and_schedules(tmp_path, pool):
    db = tmp_path / "p.db"
    first, second = pool.questions[:2]
    script = Script([*right_answer(first), "wrong"])
    summary = run_practice(REQUEST, db, script, count=2, now=lambda: T0)
    assert (summary.asked, summary.right) == (2, 1)
    assert f"The answer: {second.body.answer}" in script.text
    store = open_store(db)
    items = store.items("purges")
    assert items[first.id].box == 2 and items[first.id].due == T0 + timedelta(days=1)
    assert items[second.id].box == 1 and items[second.id].due == T0
    plan = plan_session(pool.questions, items, T0 + timedelta(minutes=5), 3)
    assert plan.questions[0].id == second.id and plan.due == 1  # the missed one first ...
    assert first.id not in {q.id for q in plan.questions}  # ... the known one waits a day
    tomorrow = plan_session(pool.questions, items, T0 + timedelta(days=1), 3)
    assert [q.id for q in tomorrow.questions[:2]] == [second.id, first.id]  # box 1 before box 2
    store.close()


def test_ctrl_c_keeps_answers_so_far(tmp_path, pool):
    db = tmp_path / "p.db"
    script = Script([*right_answer(pool.questions[0]), KeyboardInterrupt])
    summary = run_practice(REQUEST, db, script, count=5, now=lambda: T0)
    assert summary.interrupted and summary.asked == 1
    assert "Stopped. Your 1 answer so far are saved." in script.text
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1


def test_match_parts_are_stored_per_cause(tmp_path):
    from .conftest import FIXTURES
    request = BuildRequest(source=FIXTURES / "notes-matching.yaml", strategies=("match",))
    match = next(q for q in make_pool(request).questions if q.strategy == "match")
    db = tmp_path / "p.db"
    answers = [str(k + 1) for k in match.body.key]
    answers[0] = str((match.body.key[0] + 1) % len(match.body.causes) + 1)
    script = Script(answers)
    summary = run_practice(request, db, script, count=1, now=lambda: T0)
    assert summary.right == 0 and f"{len(answers) - 1} of {len(answers)} matched." in script.text
    store = open_store(db)
    parts = store.latest_parts("notes-matching")
    assert len(parts) == len(answers) and all(cause for _, _, cause, _ in parts)
    store.close()


def test_old_database_is_migrated_not_discarded(tmp_path, pool):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    qid = pool.questions[0].id
    rows = [("purges", qid, (T0 + timedelta(days=d)).isoformat(), 1) for d in range(3)]
    conn.executemany("INSERT INTO answers (topic, question_id, answered_at, correct) VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    store = open_store(db)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    item = store.items("purges")[qid]
    assert item.box == 4 and item.due == T0 + timedelta(days=2 + BOX_DAYS[4])
    assert store.conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3
    store.close()
    result = CliRunner().invoke(main, ["progress", str(PURGES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "To cover up problems in the economy" in result.output


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "new.db"
    sqlite3.connect(db).execute(f"PRAGMA user_version = {VERSION + 1}")
    with pytest.raises(PracticeDatabaseError, match="newer quizforge"):
        open_store(db)


@pytest.mark.parametrize("setup, message", [
    ("garbage", "not a quizforge practice database"),
    ("locked", "in use by another program"),
    ("folder", "is a directory"),
    ("under-a-file", "cannot open the practice database"),
])
def test_unusable_database_gets_a_clear_message(tmp_path, setup, message, monkeypatch):
    db = tmp_path / "p.db"
    holder = None
    if setup == "garbage":
        db.write_bytes(b"this is not sqlite at all, just some bytes\n" * 200)
    elif setup == "folder":
        db.mkdir()
    elif setup == "under-a-file":
        (tmp_path / "notes.txt").write_text("x")
        db = tmp_path / "notes.txt" / "p.db"
    else:
        open_store(db).close()
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        monkeypatch.setattr("quizforge.practice.store.LOCK_TIMEOUT", 0.1)
    for command in ("practice", "progress"):
        result = CliRunner().invoke(main, [command, str(PURGES), "--db", str(db)], input="")
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output
    if holder:
        holder.close()


def test_progress_table(tmp_path, pool):
    db = tmp_path / "p.db"
    run_practice(REQUEST, db, Script([*right_answer(pool.questions[0]), "no"]), count=2, now=lambda: T0)
    result = CliRunner().invoke(main, ["progress", str(PURGES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["Cause", "Answered", "Right"]
    total = next(line for line in lines if line.startswith("All causes")).split()
    assert total[2:4] == ["2", "1"] and "50%" in total


def test_nothing_due(tmp_path, pool):
    db = tmp_path / "p.db"
    store = open_store(db)
    for q in pool.questions:
        store.record(Answer("purges", q.id, True, "", (Part("", q.cause_id, True),), T0))
    store.close()
    script = Script([])
    summary = run_practice(REQUEST, db, script, now=lambda: T0 + timedelta(hours=1))
    assert summary.asked == 0 and "Nothing is due" in script.text


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux convention")
def test_default_database_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(main, ["progress", str(PURGES)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "quizforge" / "practice.sqlite3").is_file()
