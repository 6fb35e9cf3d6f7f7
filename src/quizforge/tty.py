"""Text for a terminal: notes (and file names) must not be able to drive it.

Control characters (BEL, ESC and so every escape sequence, C1 controls such as OSC)
and the bidi embedding, override and isolate characters are removed from everything
printed, so notes cannot set the window title, clear the screen, hide text or turn a
line round. Line breaks and tabs stay.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """``text`` with terminal controls and bidi overrides removed (CR LF and bare CR become LF)."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
