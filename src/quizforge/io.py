"""Output that never loses anything: atomic files, all-or-nothing sets, and no overwriting what is not ours.

- ``write_atomic``: a reader sees the old file or the new one, never half of one.
- ``write_all``: a paper's files (worksheet, mark scheme, paper.json) are replaced as a set: every new file
  is written in full first, and only then are they renamed into place, so a full disk part-way leaves the
  old set untouched.
- ``check_writable``: the output folder is tried before the work starts, so a read-only or full disk is
  reported at once, not after a 300-paper render.
- ``guard_outputs``: a command never writes over its own input, and replaces an existing file only if it
  wrote it itself (and nobody has changed it since: the folder's ledger records what it wrote) or ``--force``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .errors import QuizforgeError

LEDGER = ".quizforge-outputs.json"  # name -> sha256 of each file quizforge wrote into this folder
MIN_FREE_BYTES = 4 * 2**20


class OutputError(QuizforgeError):
    """The output cannot be written, or would replace something that is not ours."""


def describe(exc: OSError) -> str:
    """An OSError as a teacher can act on it."""
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return "the disk is full; free some space or choose another --out folder"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{exc.strerror or 'permission denied'}; choose a folder you can write to with --out"
    return exc.strerror or str(exc)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and fsync it; the caller renames it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, fsync it, then rename it into place."""
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_output(path: Path, data: bytes) -> None:
    """``write_atomic``, and note in the folder's ledger that this file is ours to replace next time."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {describe(exc)}") from None
    _record(path.parent, {path.name: data})


CLAIM = ".quizforge-notes"


def claim_folder(folder: Path, source: Path, *, check_only: bool = False) -> None:
    """Make sure ``folder`` holds only this notes file's outputs.

    Two notes files can name the same output folder ('Causes of WW1?.yaml' and 'causes-of-ww1.yaml'
    both give causes-of-ww1). The folder remembers which file it belongs to; another file that still
    exists is refused instead of silently replacing its papers.
    """
    mine = str(Path(source).resolve())
    marker = folder / CLAIM
    try:
        theirs = marker.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        theirs = ""
    except OSError as exc:
        raise QuizforgeError(f"cannot read {marker}: {exc.strerror or exc}") from None
    if theirs and theirs != mine and Path(theirs).exists():
        raise QuizforgeError(
            f"{folder} already holds the papers made from {theirs}, and {source} would write there too "
            "(their names make the same folder name). Rename one of the notes files, or give this one "
            "its own folder with --out.")
    if theirs != mine and not check_only:
        try:
            write_atomic(marker, (mine + "\n").encode("utf-8"))
        except OSError as exc:
            raise QuizforgeError(f"cannot write to {folder}: {exc.strerror or exc}") from None


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Replace a set of files all together or not at all (a full disk part-way changes nothing)."""
    staged: dict[Path, Path] = {}
    try:
        for name, data in files.items():
            staged[folder / name] = _stage(folder / name, data)
        _swap_in(staged)
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {describe(exc)}; nothing there was changed") from None
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
    _record(folder, files)
    return list(staged)


def _swap_in(staged: dict[Path, Path]) -> None:
    """Rename every staged file into place; if one rename fails, put the old files back."""
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for target, tmp in staged.items():
            if target.exists():
                backup = target.with_name(f".{target.name}.old.tmp")
                os.replace(target, backup)
                backups[target] = backup
            os.replace(tmp, target)
            done.append(target)
    except OSError:
        for target in done:
            target.unlink(missing_ok=True)
        for target, backup in backups.items():
            os.replace(backup, target)
        raise
    for backup in backups.values():
        backup.unlink(missing_ok=True)


def check_writable(folder: Path, need_bytes: int = MIN_FREE_BYTES) -> None:
    """Make ``folder`` and try writing in it now; a read-only, missing or full disk is an OutputError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {describe(exc)}") from None
    if free < need_bytes:
        raise OutputError(f"cannot write to {folder}: the disk has only {free // 1024} KB free; "
                          "free some space or choose another --out folder")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ledger(folder: Path) -> dict[str, str]:
    try:
        value = json.loads((folder / LEDGER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _record(folder: Path, files: Mapping[str, bytes]) -> None:
    """Note what we wrote; best effort (a ledger we cannot write only means --force is needed next time)."""
    ledger = _ledger(folder)
    ledger.update({name: _digest(data) for name, data in files.items() if "/" not in name})
    try:
        tmp = _stage(folder / LEDGER, json.dumps(ledger, indent=1, sort_keys=True).encode("utf-8"))
        os.replace(tmp, folder / LEDGER)
    except OSError:
        pass


def ours(path: Path) -> bool:
    """True if quizforge wrote ``path`` and it has not been changed since."""
    recorded = _ledger(path.parent).get(path.name)
    if recorded is None:
        return False
    try:
        return _digest(path.read_bytes()) == recorded
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def guard_outputs(paths: Iterable[Path], inputs: Iterable[Path], force: bool = False) -> None:
    """Refuse to write over an input, or (without ``force``) over an existing file quizforge did not write."""
    inputs = [Path(i) for i in inputs]
    for path in paths:
        path = Path(path)
        if any(_same_file(path, source) for source in inputs):
            raise OutputError(f"{path} is the file being read; write the output somewhere else with --out")
        if path.is_dir():
            raise OutputError(f"{path} is a folder; give a file name")
        if path.exists() and not force and not ours(path):
            raise OutputError(f"{path} already exists and was not written by quizforge (or was changed since); "
                              "use --force to replace it, or --out to write somewhere else")


@contextmanager
def exclusive(lock: Path, busy: str) -> Iterator[None]:
    """Hold an exclusive lock on ``lock`` for the block; if another process holds it, OutputError(``busy``).

    The lock file is removed on the way out. A process that opened it just before that
    finds, once it has the lock, that the path now names another file (or none), and tries again.
    """
    import fcntl

    lock.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(busy) from None
        try:
            if os.fstat(fd).st_ino == os.stat(lock).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # the file we locked was removed by the holder as it finished: lock the new one
    try:
        yield
    finally:
        try:
            os.unlink(lock)
        finally:
            os.close(fd)
