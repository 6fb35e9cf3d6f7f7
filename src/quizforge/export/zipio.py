"""Zip files whose bytes depend only on their contents: fixed dates, modes and order."""

from __future__ import annotations

import io
import zipfile
from typing import Iterable

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip of ``(name, data)`` in the given order; a name ending in '/' is a folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3  # unix, so the mode bits below mean the same everywhere
            folder = name.endswith("/")
            info.external_attr = ((0o40755 if folder else 0o100644) << 16) | (0x10 if folder else 0)
            info.compress_type = zipfile.ZIP_STORED if folder else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9 if not folder else None)
    return buffer.getvalue()
