"""What PDF output needs from the system, and how to install it on each kind of computer.

WeasyPrint is a Python package, but it draws text with the Pango library, which pip cannot
install. The hints follow WeasyPrint's own installation guide (doc.courtbouillon.org, "First steps").
"""

from __future__ import annotations

import sys

PANGO_HINTS = {
    "linux": "on Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
    "darwin": "on macOS, with Homebrew (https://brew.sh): brew install weasyprint",
    "win32": "on Windows 11: install GTK3 with the 'GTK for Windows Runtime Environment' installer that "
             "WeasyPrint's guide points to, then open a new Command Prompt (if the libraries are still not "
             r"found: set WEASYPRINT_DLL_DIRECTORIES=C:\Program Files\GTK3-Runtime Win64\bin)",
}


def pango_hint(platform: str | None = None) -> str:
    """How to install Pango here (and, for Linux, the Debian packages)."""
    platform = platform or sys.platform
    return PANGO_HINTS.get(platform if platform in PANGO_HINTS else "linux")


def pango_problem() -> str | None:
    """None if WeasyPrint and Pango load; else what went wrong, for a message."""
    from .pdf import _import_weasyprint
    try:
        _import_weasyprint()
    except (ImportError, OSError) as exc:  # OSError: the Pango/GObject libraries are missing
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None
