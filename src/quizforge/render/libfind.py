"""Find WeasyPrint's shared libraries without a subprocess for every name it tries.

WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying several names for each
library (the Windows, macOS and Linux spellings). cffi asks ``ctypes.util.find_library`` about every
name that does not open at once, and on Linux each of those asks runs ``ldconfig -p``, then ``gcc`` and
``ld``: some twenty subprocesses, a good part of a build's start-up. While WeasyPrint is imported,
``find_library`` answers from one reading of the ldconfig cache instead. WeasyPrint's lists always end
in the library's exact file name, which opens without ``find_library``; and if the import still fails,
the caller imports again the ordinary way.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import functools
import os
import re
import subprocess
import sys
from typing import Iterator


@functools.cache
def _ldconfig_names() -> tuple[str, ...] | None:
    """The library file names in the ldconfig cache (None when there is no ldconfig to ask)."""
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        if os.path.exists(ldconfig):
            try:
                done = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=10,
                                      env={**os.environ, "LC_ALL": "C", "LANG": "C"})
            except (OSError, subprocess.SubprocessError):
                return None
            return tuple(m.group(1) for m in re.finditer(r"^\s+(\S+) \(", done.stdout, re.M))
    return None


def find_in_cache(name: str) -> str | None:
    """``find_library`` for Linux, from the ldconfig cache only: 'pango-1.0' -> 'libpango-1.0.so.0'."""
    names = _ldconfig_names() or ()
    pattern = re.compile(rf"lib{re.escape(name)}\.so(\.|$)")
    return next((n for n in names if pattern.match(n)), None)


@contextlib.contextmanager
def quick_find_library() -> Iterator[None]:
    """While the block runs, ``ctypes.util.find_library`` reads the ldconfig cache once (Linux only)."""
    if not sys.platform.startswith("linux") or _ldconfig_names() is None:
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = find_in_cache
    try:
        yield
    finally:
        ctypes.util.find_library = original
