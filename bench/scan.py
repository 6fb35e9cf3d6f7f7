"""Benchmark `quizforge scan`: seconds for a class's scans, and peak memory of the process tree.

    python bench/scan.py                    # 30 three-page papers at 300 dpi (the issue's figure)
    python bench/scan.py --students 300     # a year group (as JPEG files): time per page should stay flat
    python bench/scan.py --files            # 30 students as JPEG files, to compare with the year group
    python bench/scan.py --dpi 150 --jobs 1
    python bench/scan.py --in-order --lost-codes 10   # 10 pages lose one code, 10 both; scan order kept

A scannable class set is printed, every page is rendered at DPI, filled as students fill boxes,
degraded as a copier degrades pages, shuffled, and saved as one PDF of JPEG pages (what a school
copier sends). Only the `quizforge scan` run is timed, as a whole process from outside, with peak
memory sampled every 50 ms over it and its workers; then the readings are checked against what
was filled.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scanmaker import degrade, fill, plan_marks, spoil_code  # noqa: E402

QUIZFORGE = [sys.executable, "-c", "from quizforge.cli import main; main()"]
STRATEGIES = "odd-one-out,true-false"  # three pages a paper


def make_set(folder: Path, students: int) -> Path:
    subprocess.run([*QUIZFORGE, "batch", str(ROOT / "sources" / "purges.yaml"),
                    "--demo-roster", str(students), "--scannable", "--no-duplex", "--out", str(folder),
                    "--name", "bench", "--quiet", "--strategies", STRATEGIES], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return folder / "purges" / "batch-bench"


def make_scans(set_folder: Path, dpi: int, path: Path, seed: int = 1, lost: int = 0,
               in_order: bool = False) -> tuple[int, dict]:
    """The filled, degraded, shuffled pages as a PDF of JPEGs (or JPEG files in the folder ``path``);
    returns (pages, intents per student). Made on every core, each student from a seed of their own.

    ``lost``: that many pages lose one of their two codes and as many others lose both."""
    import multiprocessing

    from PIL import Image

    layout = json.loads((set_folder / "scan-layout.json").read_text())
    rng = random.Random(seed)
    total = sum(len(layout["versions"][s["version"]]["pages"]) for s in layout["students"])
    spoilt = rng.sample(range(total), 2 * lost)
    jobs, first = [], 0
    for student in layout["students"]:
        jobs.append((set_folder, layout, student, first, dpi, seed, set(spoilt[:lost]), set(spoilt[lost:]),
                     path if path.suffix != ".pdf" else None))
        first += len(layout["versions"][student["version"]]["pages"])
    pages, intents, written = [], {}, 0
    with multiprocessing.get_context("fork").Pool(len(os.sched_getaffinity(0))) as pool:
        for sid, plan, count, mine in pool.imap(_student_scans, jobs):
            intents[sid] = plan
            written += count
            pages += mine
    if path.suffix != ".pdf":
        return written, intents
    if not in_order:
        rng.shuffle(pages)
    images = (Image.fromarray(p) for p in pages)
    head = next(images)
    head.save(path, save_all=True, append_images=list(images), resolution=dpi, quality=80)
    return len(pages), intents


def _student_scans(job):
    """One student's pages, filled, spoilt and degraded: written as JPEG files if given a folder, else returned."""
    import pypdfium2

    set_folder, layout, student, first, dpi, seed, one, both, folder = job
    rng = random.Random(f"{seed}/{student['id']}")
    version = layout["versions"][student["version"]]
    doc = pypdfium2.PdfDocument(str(set_folder / "papers.pdf"))
    mine = []
    for i in range(first, first + len(version["pages"])):
        image = doc[i].render(scale=dpi / 72, grayscale=True).to_numpy().copy()
        mine.append(image if image.ndim == 2 else image[..., 0])
    doc.close()
    plan = plan_marks(version, rng)
    fill(mine, version, plan, rng, dpi)
    for i, (image, where) in enumerate(zip(mine, version["pages"]), first):
        for square in ("qr", "qr2") if i in both else (rng.choice(("qr", "qr2")),) if i in one else ():
            spoil_code(image, where[square], rng, dpi)
    pages = [degrade(p, rng, 0.8) for p in mine]
    if folder is None:
        return student["id"], plan, len(pages), pages
    import cv2

    for page in pages:  # random names: the folder's order says nothing
        cv2.imwrite(str(folder / f"{rng.randrange(1 << 40):012x}.jpg"), page, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return student["id"], plan, len(pages), []


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MiB of the process tree, CPU seconds of the tree: what a shared machine's load
    does not change much)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree) / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.read().decode())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the scan and its workers, all waited for
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.monotonic() - start, peak, cpu


def check(results: Path, intents: dict) -> tuple[int, int]:
    """(students whose closed rows all read as filled, students) — from the rows' review/marks."""
    marks = list(csv.DictReader(io.StringIO((results / "marks.csv").read_text(encoding="utf-8-sig"))))
    return sum(1 for m in marks if "review" not in m["status"]), len(intents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lost-codes", type=int, default=0, metavar="K",
                        help="K pages lose one of their codes, K others both (painted over or torn off)")
    parser.add_argument("--files", action="store_true", help="JPEG files (a year group always is), not one PDF")
    parser.add_argument("--repeat", type=int, default=2, help="time the scan this many times on the same scans")
    parser.add_argument("--in-order", action="store_true", help="keep the pages in scan order (a copier's stack)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        set_folder = make_set(tmp / "set", args.students)
        # a class as one scanned PDF; a year group as JPEG files (random names: shuffled), which the
        # generator can write without holding every page
        scans = tmp / "scans.pdf" if args.students <= 60 and not args.files else tmp / "scans"
        if scans.suffix != ".pdf":
            scans.mkdir()
        t = time.monotonic()
        pages, intents = make_scans(set_folder, args.dpi, scans, lost=args.lost_codes, in_order=args.in_order)
        made = time.monotonic() - t
        files = [str(scans)] if scans.suffix == ".pdf" else sorted(str(f) for f in scans.iterdir())
        kind = "one PDF" if scans.suffix == ".pdf" else "JPEG files"
        print(f"scan: {args.students} students, {pages} pages at {args.dpi} dpi ({kind}, made in {made:.0f} s), "
              f"--jobs {args.jobs}", flush=True)
        for round in range(1, args.repeat + 1):  # the same scans again: the machine is shared
            results = tmp / f"results-{round}"
            seconds, peak, cpu = timed([*QUIZFORGE, "scan", *files, "--set", str(set_folder),
                                        "--out", str(results), "--jobs", str(args.jobs)])
            clean, total = check(results, intents)
            rows = list(csv.DictReader(io.StringIO((results / "review.csv").read_text(encoding="utf-8-sig"))))
            review, by_hand = len(rows), sum(1 for r in rows if r["key"].startswith("page:"))
            load = " ".join(f"{v:.1f}" for v in os.getloadavg())
            print(f"  run {round}: {seconds:.2f} s, {1000 * seconds / pages:.0f} ms/page, CPU {cpu:.2f} s "
                  f"({1000 * cpu / pages:.0f} ms/page), peak memory {peak:.0f} MiB (load {load}); review list "
                  f"{review} rows; students with nothing left to review {clean}/{total}"
                  + (f"; codes lost: {args.lost_codes} pages one, {args.lost_codes} both; pages left to match "
                     f"by hand {by_hand}" if args.lost_codes else ""), flush=True)

if __name__ == "__main__":
    main()
