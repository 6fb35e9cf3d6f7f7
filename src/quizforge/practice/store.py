"""The practice database: SQLite, one transaction per answer, schema versioned by ``user_version``.

Schema history (each step in ``MIGRATIONS`` upgrades the version before it):
1. ``answers``: a log of every answer (right or wrong).
2. adds to each answer its cause, part (a match example's letter), marks and the text
   typed, and an ``items`` table with each question's Leitner box and due time,
   rebuilt from the version-1 log so no history is lost.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

import platformdirs

from ..errors import QuizforgeError
from .schedule import due_after, next_box

LOCK_TIMEOUT = 2.0  # seconds to wait for another session to let go before saying so


class PracticeDatabaseError(QuizforgeError):
    """The practice database cannot be opened, read or written."""


def default_db_path() -> Path:
    return platformdirs.user_data_path("quizforge", appauthor=False) / "practice.sqlite3"


@dataclass(frozen=True)
class Part:
    """One marked part of an answer: the whole question (label '') or one match example."""

    label: str
    cause_id: str | None
    right: bool


@dataclass(frozen=True)
class Answer:
    topic: str
    question_id: str
    right: bool
    given: str
    parts: tuple[Part, ...]
    answered: datetime


@dataclass(frozen=True)
class Item:
    question_id: str
    cause_id: str | None
    box: int
    due: datetime


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute("""CREATE TABLE answers (
        id INTEGER PRIMARY KEY, topic TEXT NOT NULL, question_id TEXT NOT NULL,
        answered_at TEXT NOT NULL, correct INTEGER NOT NULL)""")


def _v2(conn: sqlite3.Connection) -> None:
    for column in ("cause_id TEXT", "part TEXT NOT NULL DEFAULT ''", "given TEXT NOT NULL DEFAULT ''"):
        conn.execute(f"ALTER TABLE answers ADD COLUMN {column}")
    conn.execute("""CREATE TABLE items (
        topic TEXT NOT NULL, question_id TEXT NOT NULL, cause_id TEXT,
        box INTEGER NOT NULL, due_at TEXT NOT NULL, PRIMARY KEY (topic, question_id))""")
    conn.execute("CREATE INDEX answers_by_question ON answers (topic, question_id, part, id)")
    history = conn.execute("SELECT topic, question_id, answered_at, correct FROM answers ORDER BY id").fetchall()
    boxes: dict[tuple[str, str], tuple[int, str]] = {}
    for topic, qid, at, correct in history:
        box = next_box(boxes.get((topic, qid), (None,))[0], bool(correct))
        boxes[(topic, qid)] = (box, _stamp(due_after(box, datetime.fromisoformat(at))))
    conn.executemany("INSERT INTO items (topic, question_id, box, due_at) VALUES (?, ?, ?, ?)",
                     [(t, q, box, due) for (t, q), (box, due) in boxes.items()])


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
VERSION = len(MIGRATIONS)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class Store:
    """An open practice database. Use ``open_store``; every method commits or rolls back on its own."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:  # Ctrl-C included: nothing half-written
                # A failed COMMIT (a full disk) has already rolled back: rolling back again would hide why.
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise PracticeDatabaseError(explain(self.path, exc)) from None
        except sqlite3.DatabaseError as exc:
            raise PracticeDatabaseError(
                f"{self.path}: not a quizforge practice database, or it is damaged ({exc}); "
                "choose another file with --db") from None

    def migrate(self) -> None:
        with self.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise PracticeDatabaseError(
                    f"{self.path} was written by a newer quizforge (schema {version}, this one knows {VERSION}); "
                    "upgrade quizforge or choose another file with --db")
            for step in MIGRATIONS[version:]:
                step(conn)
            conn.execute(f"PRAGMA user_version = {VERSION}")

    def record(self, answer: Answer) -> Item:
        """Store one answer and move its question to its next box, in one transaction."""
        with self.transaction() as conn:
            row = conn.execute("SELECT box FROM items WHERE topic = ? AND question_id = ?",
                               (answer.topic, answer.question_id)).fetchone()
            box = next_box(row[0] if row else None, answer.right)
            due = due_after(box, answer.answered)
            cause = _question_cause(answer.parts)
            conn.executemany(
                "INSERT INTO answers (topic, question_id, answered_at, correct, cause_id, part, given) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(answer.topic, answer.question_id, _stamp(answer.answered), int(p.right), p.cause_id, p.label,
                  answer.given) for p in answer.parts])
            conn.execute(
                "INSERT INTO items (topic, question_id, cause_id, box, due_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (topic, question_id) DO UPDATE SET cause_id = excluded.cause_id, "
                "box = excluded.box, due_at = excluded.due_at",
                (answer.topic, answer.question_id, cause, box, _stamp(due)))
        return Item(answer.question_id, cause, box, due)

    def items(self, topic: str) -> dict[str, Item]:
        with self._errors():
            rows = self.conn.execute("SELECT question_id, cause_id, box, due_at FROM items WHERE topic = ?",
                                     (topic,)).fetchall()
        return {q: Item(q, c, box, datetime.fromisoformat(due)) for q, c, box, due in rows}

    def latest_parts(self, topic: str) -> list[tuple[str, str, str | None, bool]]:
        """(question_id, part, cause_id, right) for the latest answer to every question part."""
        with self._errors():
            rows = self.conn.execute(
                "SELECT question_id, part, cause_id, correct FROM answers AS a WHERE topic = ? AND id = "
                "(SELECT MAX(id) FROM answers AS b WHERE b.topic = a.topic AND b.question_id = a.question_id "
                "AND b.part = a.part)", (topic,)).fetchall()
        return [(q, part, cause, bool(right)) for q, part, cause, right in rows]

    def adopt(self, old_topic: str, new_topic: str, ids: dict[str, str]) -> int:
        """Move progress stored the old way (file name, positional ids) to the new keys, once.

        Only when nothing is stored under ``new_topic`` yet; returns how many questions moved.
        """
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM items WHERE topic = ? LIMIT 1", (new_topic,)).fetchone():
                return 0
            moved = 0
            for old, new in ids.items():
                for table in ("items", "answers"):
                    cursor = conn.execute(f"UPDATE {table} SET topic = ?, question_id = ? "
                                          "WHERE topic = ? AND question_id = ?", (new_topic, new, old_topic, old))
                    moved += cursor.rowcount if table == "items" else 0
            return moved

    def close(self) -> None:
        self.conn.close()


def explain(path: Path, exc: sqlite3.Error) -> str:
    """An SQLite error as the file, what went wrong and what to try."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (f"{path}: the practice database is in use by another program. Finish any other "
                "`quizforge practice` still open (another terminal window?), or wait for a sync tool "
                "(OneDrive, Dropbox, iCloud) to let go of the file, then try again; or use another file with --db")
    if "full" in text:
        return (f"{path}: the disk is full, so this answer could not be saved (every earlier answer is); "
                "free some space and practise again")
    if "readonly" in text or "read-only" in text:
        return f"{path}: the practice database cannot be written (read-only); choose a file you can write with --db"
    return f"{path}: cannot use the practice database: {exc}"


def _question_cause(parts: tuple[Part, ...]) -> str | None:
    causes = {p.cause_id for p in parts}
    return causes.pop() if len(causes) == 1 else None


def open_store(path: Path, readonly: bool = False) -> Store:
    """Open the database at ``path``; a clear PracticeDatabaseError if it can't be used.

    Read-write (``practice``) creates or migrates it. Read-only (``progress``) never creates,
    changes or locks anything, so it works on a read-only mount, and a path that does not
    exist is an error rather than a new empty database.
    """
    if readonly:
        return _open_readonly(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise PracticeDatabaseError(f"{path}: cannot open the practice database: "
                                    f"{getattr(exc, 'strerror', None) or exc}") from None
    store = Store(conn, path)
    try:
        store.migrate()
    except BaseException:
        conn.close()
        raise
    return store


def _open_readonly(path: Path) -> Store:
    if not path.is_file():
        raise PracticeDatabaseError(f"{path}: file not found; check the --db path (practice creates the "
                                    "database with the first answer)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=LOCK_TIMEOUT,
                               isolation_level=None)
    except sqlite3.Error as exc:
        raise PracticeDatabaseError(explain(path, exc)) from None
    store = Store(conn, path)
    with store._errors():
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != VERSION:
        conn.close()
        newer = version > VERSION
        raise PracticeDatabaseError(
            f"{path}: written by {'a newer' if newer else 'an older'} quizforge (schema {version}, this one "
            f"knows {VERSION}); {'upgrade quizforge' if newer else 'run quizforge practice once to update it'}")
    return store
