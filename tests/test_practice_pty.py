"""The real `quizforge practice` in a pseudo-terminal: answers, Ctrl-C, and a second session that resumes."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from quizforge.pipeline import BuildRequest
from quizforge.practice.session import keyed_questions
from quizforge.selftest.pool import make_pool as _make_pool

from .conftest import PURGES

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow

QUIZFORGE = Path(sys.executable).parent / "quizforge"


def make_pool(request):
    """The pool with the ids practice stores (they follow the content)."""
    import dataclasses
    pool = _make_pool(request)
    return dataclasses.replace(pool, questions=keyed_questions(pool.questions, pool.paper.topic))


def spawn(db: Path, *args: str):
    if not QUIZFORGE.exists():
        pytest.skip(f"the quizforge command is not installed beside {sys.executable}")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    return pexpect.spawn(str(QUIZFORGE), ["practice", str(PURGES), "--db", str(db), *args],
                         encoding="utf-8", timeout=30, env=env, dimensions=(50, 200))


# System calls a process blocked on terminal input sits in: read, poll, select, pselect6, ppoll (x86-64 and arm64).
WAITING_FOR_INPUT = {"0", "7", "23", "270", "271", "63", "73", "72"}


def wait_until_reading(child, timeout: float = 30) -> None:
    """Block until the child is waiting in a read of the terminal, so a Ctrl-C cannot race its setup."""
    import time
    syscall = Path(f"/proc/{child.pid}/syscall")
    if not syscall.exists():
        time.sleep(0.5)  # no /proc: the old way, a pause
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if syscall.read_text().split()[0] in WAITING_FOR_INPUT:
                return
        except (OSError, IndexError):
            pass
        time.sleep(0.02)
    raise AssertionError("practice never waited for an answer")


def answer(child, text: str, expect: str) -> None:
    child.expect_exact("Missing word(s): ")
    child.sendline(text)
    child.expect_exact(expect)


def test_ctrl_c_then_a_session_that_starts_with_what_was_missed(tmp_path):
    db = tmp_path / "practice.sqlite3"
    first, second, third = make_pool(BuildRequest(source=PURGES)).questions[:3]

    child = spawn(db, "--count", "4")
    child.expect_exact("(0 due for review, 4 new)")
    answer(child, first.body.answer.upper(), "Right!")
    child.expect_exact("Score: 1/1.")
    answer(child, "no idea", "Not quite.")
    child.expect_exact(f"The answer: {second.body.answer}")
    child.expect_exact("Score: 1/2. This question comes back next session.")
    child.expect_exact("Missing word(s): ")
    wait_until_reading(child)
    child.sendintr()  # Ctrl-C while the third question waits for an answer
    child.expect_exact("Stopped. Your 2 answers so far are saved.")
    child.expect_exact("Session score: 1 of 2 right.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    boxes = dict(conn.execute("SELECT question_id, box FROM items"))
    assert boxes == {first.id: 2, second.id: 1}
    conn.close()

    child = spawn(db, "--count", "2")
    child.expect_exact("(1 due for review, 1 new)")
    child.expect_exact("[1/2, review]")
    child.expect_exact(f"{second.body.before}_____{second.body.after}")
    answer(child, second.body.answer, "Right!")
    child.expect_exact("[2/2, new]")
    child.expect_exact(f"{third.body.before}_____{third.body.after}")
    answer(child, third.body.answer, "Right!")
    child.expect_exact("Session score: 2 of 2 right.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_killed_session_leaves_a_sound_database(tmp_path):
    import signal

    db = tmp_path / "practice.sqlite3"
    first = make_pool(BuildRequest(source=PURGES)).questions[0]
    child = spawn(db, "--count", "3")
    answer(child, first.body.answer, "Right!")
    child.expect_exact("Missing word(s): ")
    wait_until_reading(child)  # the first answer's transaction is over: the kill lands between answers
    child.kill(signal.SIGKILL)  # a crash: no Python clean-up runs at all
    child.close(force=True)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT question_id FROM answers").fetchall() == [(first.id,)]
