"""Atomic output: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping

from .errors import QuizforgeError


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, fsync it, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file atomically; all content is ready before the first rename."""
    written = []
    try:
        for name, data in files.items():
            path = folder / name
            write_atomic(path, data)
            written.append(path)
    except OSError as exc:
        raise QuizforgeError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    return written
