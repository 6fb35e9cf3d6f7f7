"""The real importers the exports are for, run offline: Moodle's own PHP import code, LibreOffice headless.

Each helper skips the test cleanly when its program (or ../shared beside the repo) is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

SHARED = Path(os.environ.get("QUIZFORGE_SHARED") or ROOT.parent / "shared")
MOODLE = SHARED / "clients" / "moodle" / "import.php"


def _php_ready() -> str | None:
    if shutil.which("php") is None:
        return "php-cli not installed (apt-get install php-cli php-xml php-mbstring)"
    if not MOODLE.is_file():
        return f"Moodle's importers not found at {MOODLE} (../shared beside the repo, or set QUIZFORGE_SHARED)"
    modules = subprocess.run(["php", "-m"], capture_output=True, text=True).stdout.lower().split()
    missing = [m for m in ("xml", "mbstring") if m not in modules]
    return f"php is missing {', '.join(missing)} (apt-get install php-xml php-mbstring)" if missing else None


needs_moodle = pytest.mark.skipif(_php_ready() is not None, reason=_php_ready() or "")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice not installed (apt-get install libreoffice-calc-nogui)")


def moodle_import(kind: str, data: bytes, folder: Path) -> dict:
    """What Moodle 3.6's importer makes of a GIFT ('gift') or Moodle XML ('xml') file: questions and errors."""
    path = folder / ("questions.gift.txt" if kind == "gift" else "questions.moodle.xml")
    path.write_bytes(data)
    done = subprocess.run(["php", str(MOODLE), kind, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def soffice_cells(csv_path: Path, folder: Path) -> list[list[str]]:
    """The cells LibreOffice Calc shows for a CSV opened as UTF-8 and comma-separated (formulas evaluated, as
    Calc does by default), written back out as CSV text."""
    import csv
    out = folder / "lo-out"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless", "--norestore",
         "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
         "--outdir", str(out), str(csv_path)],
        capture_output=True, text=True, timeout=180)
    result = out / (csv_path.stem + ".csv")
    assert result.is_file(), done.stdout + done.stderr
    with result.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))
