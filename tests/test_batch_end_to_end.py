"""Whole class sets, read back from the PDFs."""

from __future__ import annotations

import io
import os

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from quizforge.batch import BatchRequest, run_batch
from quizforge.batch import render as batch_render
from quizforge.batch.manifest import read_manifest
from quizforge.batch.render import BatchRenderError
from quizforge.cli import main
from quizforge.model import Gap, Match
from quizforge.pipeline import BuildRequest, make_paper

from .conftest import PURGES
from .pdftext import squash

pytestmark = pytest.mark.slow

ROSTER = "Name;Class;Candidate number\nZoë O'Brien;10B;4021\nJean-Luc Dupont-Aignan;10B;4022\nSiân Evans;10C;\n"


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes(("\ufeff" + ROSTER).encode())
    return path


def page_texts(path) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


def distinctive(q) -> str:
    """Text that only this question prints."""
    body = q.body
    return {Gap: lambda: max(body.before, body.after, key=len), Match: lambda: body.examples[0]}.get(
        type(body), lambda: q.prompt)()


def check_class_set(result, versions: bool) -> list[dict]:
    rows = read_manifest(result.folder / "manifest.csv")
    papers = page_texts(result.folder / "papers.pdf")
    schemes = squash(" ".join(page_texts(result.folder / "markschemes.pdf")))
    for row in rows:
        first, count = int(row["first_page"]) - 1, int(row["pages"])
        own = papers[first:first + count]
        for page in own:  # name and version on every page
            assert squash(row["name"]) in page and squash(f"Version {row['version']}") in page
        paper, _ = make_paper(BuildRequest(source=PURGES, seed=int(row["seed"])))
        text = "".join(own)
        for q in paper.questions:  # exactly the questions `quizforge build --seed` gives
            assert squash(distinctive(q))[:30] in text, (row["name"], q.id)
        assert squash(f"Version {row['version']}") in schemes
    return rows


def test_personal_papers_end_to_end_and_byte_identical(tmp_path, roster):
    request = BatchRequest(source=PURGES, roster=roster, seed=4, out=tmp_path / "a", name="t", jobs=2,
                           quiet=True, split=True)
    first = run_batch(request)
    rows = check_class_set(first, versions=False)
    assert [r["name"] for r in rows] == ["Zoë O'Brien", "Jean-Luc Dupont-Aignan", "Siân Evans"]
    assert len({r["version"] for r in rows}) == 3 and first.distinct_papers == 3
    assert all(int(r["first_page"]) % 2 == 1 for r in rows)  # duplex: each paper starts a sheet
    singles = sorted((first.folder / "students").iterdir())
    assert [p.name[:4] for p in singles] == ["0001", "0002", "0003"]
    assert "Zoë O'Brien".replace(" ", "") in page_texts(singles[0])[0]
    again = run_batch(BatchRequest(source=PURGES, roster=roster, seed=4, out=tmp_path / "b", name="t", jobs=1,
                                   quiet=True))
    for name in ("papers.pdf", "markschemes.pdf", "manifest.csv"):
        assert (first.folder / name).read_bytes() == (again.folder / name).read_bytes(), name


def test_versions_stamp_each_student_onto_a_shared_version(tmp_path, roster):
    result = run_batch(BatchRequest(source=PURGES, roster=roster, versions=2, out=tmp_path, name="v", jobs=2,
                                    quiet=True, duplex=False, split=True))
    rows = check_class_set(result, versions=True)
    for row, single in zip(rows, sorted((result.folder / "students").iterdir())):  # stamped text survives the split
        pages = page_texts(single)
        assert len(pages) == int(row["pages"]) and all(squash(row["name"]) in page for page in pages)
    assert [r["version"] for r in rows] == ["A", "B", "A"]
    assert rows[0]["seed"] == rows[2]["seed"] != rows[1]["seed"]
    papers = page_texts(result.folder / "papers.pdf")
    first = papers[0]
    assert "4021" in first and "10B" in first
    assert squash("Jean-Luc Dupont-Aignan") not in "".join(papers[:int(rows[1]["first_page"]) - 1])
    schemes = page_texts(result.folder / "markschemes.pdf")
    text = "".join(schemes)
    assert squash("Guidance for written answers") in schemes[0]
    for code in ("A", "B"):  # one key per version, not per student
        assert text.count(squash(f"Version {code} · ")) == 1, "one key per version, headed once"
    assert "versionA" not in text, "the key heading does not repeat the version"
    assert result.scheme_pages == len(schemes)


def _dying_render_chunk(job):
    if any("Siân" in d.label for d in job.docs):
        os._exit(9)  # a worker killed mid-chunk
    return ORIGINAL(job)


ORIGINAL = batch_render.render_chunk


def test_killed_worker_or_bad_paper_leaves_nothing_complete_looking(tmp_path, roster, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(batch_render, "render_chunk", _dying_render_chunk)
    with pytest.raises(BatchRenderError, match="Siân Evans"):
        run_batch(BatchRequest(source=PURGES, roster=roster, out=out, name="k", jobs=2, quiet=True))
    assert list((out / "purges").iterdir()) == []
    monkeypatch.undo()
    # A template error in one student's paper names that student.
    bad = tmp_path / "templates" / "batch"
    bad.mkdir(parents=True)
    (bad / "student.html.j2").write_text("{% if batch.student.name == 'Siân Evans' %}{{ nope }}{% endif %}")
    with pytest.raises(BatchRenderError, match=r"row 4 \(Siân Evans\)"):
        run_batch(BatchRequest(source=PURGES, roster=roster, out=out, name="k", jobs=1, quiet=True,
                               templates=tmp_path / "templates"))
    assert list((out / "purges").iterdir()) == []
    result = run_batch(BatchRequest(source=PURGES, roster=roster, out=out, name="k", jobs=2, quiet=True))
    assert len(read_manifest(result.folder / "manifest.csv")) == 3


def test_cli_batch(tmp_path, roster, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["batch", "--demo-roster", "2", "--versions", "2", "--name", "demo", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "2 papers (2 distinct)" in result.output
    assert (tmp_path / "out" / "purges" / "batch-demo" / "papers.pdf").is_file()
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Class\nAmy,10A\n,10B\n")
    result = runner.invoke(main, ["batch", "--roster", str(bad)])
    assert result.exit_code == 2 and f"{bad}:3:" in result.output
    result = runner.invoke(main, ["batch", "--roster", str(roster), "--copies", "3"])
    assert result.exit_code == 2 and "exactly one of" in result.output


def test_ctrl_c_leaves_no_set_and_no_partial_folder(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    # Deterministic: a worker says it has rendered a chunk (a file outside the output), then holds the run
    # there, so the interrupt always lands mid-run instead of racing a chunk file that is merged at once.
    ready = tmp_path / "ready"
    script = (
        "import pathlib, time\n"
        "import quizforge.batch.render as r\n"
        "original = r.render_chunk\n"
        "def held(job):\n"
        "    result = original(job)\n"
        f"    pathlib.Path({str(ready)!r}).touch()\n"
        "    time.sleep(120)\n"
        "    return result\n"
        "r.render_chunk = held\n"
        "from quizforge.cli import main\n"
        "main()\n"
    )
    out = tmp_path / "out"
    argv = [sys.executable, "-c", script, "batch", "--copies", "2", "--out", str(out), "--name", "c", "--jobs", "1",
            "--quiet"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not ready.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the first chunk never finished"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # as the terminal does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert b"Traceback" not in err, err.decode()[-2000:]
    assert list((out / "purges").iterdir()) == []


def test_a_second_batch_into_the_same_folder_waits_its_turn(tmp_path, roster):
    from quizforge.io import OutputError, exclusive

    folder = tmp_path / "purges" / "batch-same"
    with exclusive(folder.with_name(".batch-same.lock"), "held by the test"):
        with pytest.raises(OutputError, match="another quizforge batch is writing .*batch-same now"):
            run_batch(BatchRequest(source=PURGES, roster=roster, out=tmp_path, name="same", jobs=1, quiet=True))
    assert list((tmp_path / "purges").iterdir()) == [], "the refused run wrote nothing, the lock is gone"


def test_full_disk_is_an_error_and_leaves_nothing(tmp_path, roster, monkeypatch):
    from quizforge.batch import pdfout
    from quizforge.errors import QuizforgeError

    def full(self, number, body):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdfout.PdfStream, "write_object", full)
    with pytest.raises(QuizforgeError, match="batch-d: the disk is full; free some space"):
        run_batch(BatchRequest(source=PURGES, roster=roster, out=tmp_path, name="d", jobs=1, quiet=True))
    assert list((tmp_path / "purges").iterdir()) == []
    monkeypatch.undo()
    from quizforge.batch import run as batch_run

    def full_on_publish(work, final):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_run, "_publish", full_on_publish)  # the last step: still a message, not a traceback
    with pytest.raises(QuizforgeError, match="batch-d: the disk is full"):
        run_batch(BatchRequest(source=PURGES, copies=1, out=tmp_path, name="d", jobs=1, quiet=True))
    assert list((tmp_path / "purges").iterdir()) == []


def test_compact_keys_let_a_teacher_mark_every_personal_paper(tmp_path, roster):
    from quizforge.batch.plan import written as marked_from_guidance

    result = run_batch(BatchRequest(source=PURGES, roster=roster, seed=4, out=tmp_path, name="k", jobs=2, quiet=True))
    pages = page_texts(result.folder / "markschemes.pdf")
    scheme = "".join(pages)
    assert squash("Guidance for written answers") in pages[0]
    written: set[str] = set()
    for row in read_manifest(result.folder / "manifest.csv"):
        paper, _ = make_paper(BuildRequest(source=PURGES, seed=int(row["seed"])))
        block = scheme.split(squash(f"Version {row['version']}"), 1)[1][:3000]
        assert block.startswith(squash(f"· {row['name']}"))
        for q in paper.questions:
            if marked_from_guidance(q):  # levels, or points ('2 marks: ...' definitions): the shared guidance
                written.add(q.prompt)
                assert squash("Written answer: mark with guidance W") in block
            else:
                assert squash(q.answer)[:25] in block, (row["name"], q.id)
    for prompt in written:  # each written question's levels and indicative content, once
        assert scheme.count(squash(prompt)) == 1
    assert result.scheme_pages < result.paper_pages  # shared guidance once, a few lines of key per student


def test_full_schemes_on_request(tmp_path, roster):
    result = run_batch(BatchRequest(source=PURGES, roster=roster, seed=4, out=tmp_path, name="f", jobs=2, quiet=True,
                                    full_schemes=True))
    pages = page_texts(result.folder / "markschemes.pdf")
    rows = read_manifest(result.folder / "manifest.csv")
    for row in rows:
        assert any(squash(f"Mark scheme · Version {row['version']}") in page for page in pages)
    assert not any(squash("Answer keys") in page for page in pages)


def test_chinese_arabic_and_emoji_names_print_and_the_rest_are_warned_about(tmp_path, monkeypatch):
    import shutil
    import subprocess

    if shutil.which("fc-list") is None or not subprocess.run(["fc-list", ":charset=674e"], capture_output=True,
                                                            text=True).stdout.strip():
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk fonts-noto-color-emoji)")
    roster = tmp_path / "class.csv"
    roster.write_text("Name,Class\nمحمد الأحمد,10B\n李小龙,10C\nAncient \U00013000,10A\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["batch", "--roster", str(roster), "--name", "w", "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "row 4 (Ancient" in warnings[0] and "U+13000" in warnings[0]
    text = subprocess.run(["pdftotext", str(tmp_path / "out" / "purges" / "batch-w" / "papers.pdf"), "-"],
                          capture_output=True, text=True).stdout
    assert "李小龙 · 10C" in text
    arabic = [line for line in text.splitlines() if "محمد" in line and "·" in line]  # the running header
    assert arabic and all("10B" in line for line in arabic), "the class stays whole beside a right-to-left name"


def test_a_mock_exam_for_the_class_with_large_print_for_one_student(tmp_path):
    from .pdftext import font_sizes

    roster = tmp_path / "11C.csv"
    roster.write_text("Name,Class,Large print\nAmy Lee,11C,\nBen Ode,11C,yes\n")
    result = run_batch(BatchRequest(source=PURGES, roster=roster, versions=1, out=tmp_path, jobs=2, quiet=True,
                                    preset="exam"))
    assert result.folder.name == "batch-11C-exam-1-versions"
    rows = read_manifest(result.folder / "manifest.csv")
    assert [r["version"] for r in rows] == ["A", "A-LP"]
    assert rows[1]["rebuild"].endswith("--preset exam --large-print")
    reader = PdfReader(io.BytesIO((result.folder / "papers.pdf").read_bytes()))
    first, count = int(rows[1]["first_page"]) - 1, int(rows[1]["pages"])
    cover = squash(reader.pages[first].extract_text())
    assert squash("For the teacher's use") in cover and "BenOde" in cover, "the exam's cover, with the name on it"
    from pypdf import PdfWriter
    writer = PdfWriter()
    for page in reader.pages[first:first + count]:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    # the student's own details are drawn at the placeholder's size; everything laid out is large print
    sizes = {s: t for s, t in font_sizes(buffer.getvalue()).items() if s < 16 and "Ben Ode" not in t}
    assert not sizes, sizes
