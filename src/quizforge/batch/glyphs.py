"""Which students' names the fonts cannot draw (they would print as empty boxes), and direction isolation.

A character is drawable if the shipped font has it or a font installed on the system
does (WeasyPrint falls back to those through fontconfig; CI installs the Noto CJK and
emoji fonts). The check asks fontconfig once per character the shipped font lacks.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import lru_cache

from ..resources import templates_dir
from .roster import Student

SHIPPED = "fonts/AtkinsonHyperlegible-Regular.ttf"
_IGNORABLE = {"Zs", "Cc", "Cf", "Mn", "Me", "Zl", "Zp"}  # spaces, controls, joiners, combining marks


@lru_cache(maxsize=1)
def _shipped_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(templates_dir() / SHIPPED, lazy=True) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=4096)
def _system_has(char: str) -> bool:
    if shutil.which("fc-list") is None:
        return True  # cannot tell: say nothing rather than warn wrongly
    try:
        found = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True,
                               text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(found.strip())


def undrawable(text: str) -> str:
    """The characters of ``text`` that no available font can draw, each once."""
    cmap = _shipped_cmap()
    missing = []
    for char in dict.fromkeys(unicodedata.normalize("NFC", text)):
        if ord(char) in cmap or unicodedata.category(char) in _IGNORABLE or char == "\ufe0f":
            continue
        if not _system_has(char):
            missing.append(char)
    return "".join(missing)


def name_warnings(students: tuple[Student, ...]) -> list[str]:
    """One line per student whose details would print with empty boxes."""
    out = []
    for s in students:
        missing = undrawable(f"{s.name}{s.class_name}{s.candidate}")
        if missing:
            codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
            where = f"row {s.line}" if s.line else "a student"
            out.append(f"{where} ({s.name}): no installed font can draw {missing!r} ({codes}); it will print as "
                       "empty boxes. Install a font that covers it (e.g. the fonts-noto packages) and run again")
    return out


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def isolated(parts: list[str]) -> list[str]:
    """Each part in its own bidi isolate (FSI ... PDI) when any of them is right-to-left, so an Arabic or Hebrew
    name cannot pull the class or candidate number beside it into its own direction."""
    if not any(has_rtl(p) for p in parts):
        return parts
    return [f"\u2068{p}\u2069" for p in parts]
