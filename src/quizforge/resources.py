"""Where the shipped templates, sources and schema live: resolved in one place.

In a wheel they are inside the package (``quizforge/_data``); in a source
checkout (editable install, tests) they are the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent.parent


def data_dir(name: str) -> Path:
    """The shipped folder ``templates``, ``sources`` or ``schema``."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _REPO / name


def templates_dir() -> Path:
    return data_dir("templates")


def default_source() -> Path:
    """``sources/purges.yaml`` in the working folder if there is one, else the shipped copy."""
    local = Path("sources") / "purges.yaml"
    return local if local.is_file() else data_dir("sources") / "purges.yaml"
