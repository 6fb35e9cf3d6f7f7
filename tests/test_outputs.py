"""Nothing the teacher had is lost: outputs checked before the work, replaced as a set, never over the notes."""

from __future__ import annotations

import errno
import json

import pytest

from quizforge import io as qio
from quizforge import pipeline

from .conftest import PURGES


def test_full_disk_part_way_leaves_the_old_paper_whole(run, tmp_path, monkeypatch):
    assert run("build", PURGES, "--format", "html", "--seed", "1", "--out", tmp_path).exit_code == 0
    folder = tmp_path / "purges"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_stage, calls = qio._stage, []

    def stage_until_full(path, data):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(qio, "_stage", stage_until_full)
    result = run("build", PURGES, "--format", "html", "--seed", "2", "--out", tmp_path)
    assert result.exit_code == 2 and "the disk is full" in result.output and "nothing there was changed" in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "worksheet, mark scheme and paper.json agree"
    assert json.loads((folder / "paper.json").read_text())["seed"] == 1


def test_a_failed_rename_puts_the_old_files_back(tmp_path, monkeypatch):
    qio.write_all(tmp_path, {"a.txt": b"old a", "b.txt": b"old b"})
    real_replace, seen = qio.os.replace, []

    def replace(src, dst):
        seen.append(dst)
        if str(dst).endswith("b.txt") and str(src).endswith(".tmp") and len([d for d in seen if str(d).endswith("b.txt")]) == 1:
            raise OSError(errno.EIO, "I/O error")
        return real_replace(src, dst)

    monkeypatch.setattr(qio.os, "replace", replace)
    with pytest.raises(qio.OutputError):
        qio.write_all(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    monkeypatch.undo()
    assert (tmp_path / "a.txt").read_bytes() == b"old a" and (tmp_path / "b.txt").read_bytes() == b"old b"
    assert not list(tmp_path.glob("*.tmp"))


def test_unwritable_output_is_reported_before_the_render(run, tmp_path, monkeypatch):
    def no_render(*args, **kwargs):
        raise AssertionError("rendered before checking the output folder")

    monkeypatch.setattr(pipeline, "render_files", no_render)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("build", PURGES, "--format", "html", "--out", blocker / "out")
    assert result.exit_code == 2 and f"cannot write to {blocker / 'out' / 'purges'}" in result.output

    monkeypatch.setattr(qio.shutil, "disk_usage", lambda path: type("U", (), {"free": 1024})())
    result = run("build", PURGES, "--format", "html", "--out", tmp_path / "ok")
    assert result.exit_code == 2 and "only 1 KB free" in result.output


def test_build_keeps_a_file_it_did_not_write(run, tmp_path):
    folder = tmp_path / "purges"
    folder.mkdir()
    (folder / "worksheet.html").write_text("the teacher's own page", encoding="utf-8")
    result = run("build", PURGES, "--format", "html", "--out", tmp_path)
    assert result.exit_code == 2 and "worksheet.html already exists" in result.output
    assert (folder / "worksheet.html").read_text(encoding="utf-8") == "the teacher's own page"
    assert not (folder / "markscheme.html").exists(), "none of the set is written"
    assert run("build", PURGES, "--format", "html", "--out", tmp_path, "--force").exit_code == 0
    assert run("build", PURGES, "--format", "html", "--out", tmp_path).exit_code == 0, "its own output is replaced"
