"""Benchmark class sets: papers/s, pages/s, peak memory of the process tree, and the WeasyPrint floor.

    python bench/batch.py                      # 30, 300, 1000 students + peers, 3 runs of the small cases
    python bench/batch.py --sizes 30 --runs 5  # just one class
    python bench/batch.py --no-peers --no-plain

Every figure is a whole process (or process tree) timed from outside with a
monotonic clock; peak memory is sampled every 50 ms over the whole tree (the
quizforge process and its workers): the sum of RSS, and the sum of PSS, which
counts pages the forked workers share with their parent once. "plain WP" is
WeasyPrint 70 rendering exactly the HTML quizforge lays out (every student's
worksheet and every mark scheme), one PDF per document, in one process (and in
a 2-process pool): the floor for our renderer. Peers come from
/work/shared/bench-peers (run.sh exam / amc / html-pool), run in the same call.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
PEERS = Path(os.environ.get("PEERS", "/work/shared/bench-peers"))
QUIZFORGE = [sys.executable, "-c", "from quizforge.cli import main; main()"]


def tree_memory(proc: psutil.Process) -> tuple[float, float]:
    """(sum of RSS, sum of PSS) in MiB over a process and all its descendants.

    Read from /proc/PID/smaps_rollup (cheap; psutil's memory_full_info walks the
    whole smaps and would steal a core from a 2-core benchmark).
    """
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            with open(f"/proc/{p.pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, psutil.NoSuchProcess):
            continue
    return rss / 1024, pss / 1024


def measure(argv: list[str], env: dict | None = None) -> dict:
    """Run argv; wall seconds, CPU seconds of the tree, peak tree RSS and PSS (MiB)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    ps = psutil.Process(proc.pid)
    peak_rss = peak_pss = 0.0
    while proc.poll() is None:
        rss, pss = tree_memory(ps)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    wall = time.monotonic() - start
    out, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{argv} exited {proc.returncode}:\n{err.decode()[-2000:]}")
    return {"wall": wall, "rss": peak_rss, "pss": peak_pss, "stdout": out.decode()}


def pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as doc:
        return len(doc.pages)


def run_quizforge(n: int, work: Path, jobs: int | None, versions: int | None = None) -> dict:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    argv = [*QUIZFORGE, "batch", "--demo-roster", str(n), "--out", str(out), "--name", "bench",
            "--quiet", "--no-duplex"]
    if jobs:
        argv += ["--jobs", str(jobs)]
    if versions:
        argv += ["--versions", str(versions)]
    before = os.times()
    result = measure(argv)
    after = os.times()
    result["cpu"] = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    folder = out / "purges" / "batch-bench"
    result["paper_pages"] = pages(folder / "papers.pdf")
    result["pages"] = result["paper_pages"] + pages(folder / "markschemes.pdf")
    return result


def plain_child(n: int, procs: int, versions: int | None) -> None:
    """Child process: render the class set's HTML with WeasyPrint alone; print JSON with its time."""
    from quizforge.batch.run import BatchRequest, class_set_html
    from quizforge.resources import default_source, templates_dir

    docs = class_set_html(BatchRequest(source=default_source(), demo_roster=n, quiet=True, versions=versions))
    base = templates_dir().as_uri() + "/"
    start = time.monotonic()
    import weasyprint  # noqa: F401 - timed: a plain WeasyPrint run pays its import too

    if procs == 1:
        counts = [_plain_one(base, html) for _, html in docs]
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(procs) as pool:
            counts = pool.starmap(_plain_one, [(base, html) for _, html in docs], chunksize=1)
    print(json.dumps({"seconds": time.monotonic() - start, "pages": sum(counts), "documents": len(docs)}))


def _plain_one(base: str, html: str) -> int:
    import io

    import weasyprint

    document = weasyprint.HTML(string=html, base_url=base).render()
    document.write_pdf(io.BytesIO())
    return len(document.pages)


def run_plain(n: int, procs: int, versions: int | None = None) -> dict:
    argv = [sys.executable, __file__, "--plain-child", str(n), str(procs), str(versions or 0)]
    result = measure(argv)
    result.update(json.loads(result["stdout"].strip().splitlines()[-1]))
    return result


def run_peer(name: str) -> dict:
    env = dict(os.environ, OUT=os.environ.get("OUT", "/tmp/qf-peers"), VENV=os.environ.get("VENV", "/tmp/wpvenv"))
    return measure([str(PEERS / "run.sh"), name], env=env)


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def spread(runs: list[dict], key: str = "wall") -> str:
    values = [r[key] for r in runs]
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="30,300,1000")
    ap.add_argument("--runs", type=int, default=3, help="runs of each 30-student case (larger: 1 run)")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--no-plain", action="store_true", help="skip the plain-WeasyPrint floor")
    ap.add_argument("--plain-max", type=int, default=1000, help="skip the plain floor above this many students")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-extras", action="store_true", help="skip --versions 4, --jobs 1/2 and the peers")
    ap.add_argument("--plain-child", nargs=3, type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.plain_child:
        n, procs, versions = args.plain_child
        plain_child(n, procs, versions or None)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"# quizforge batch benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="qf-bench-") as tmp:
        rows = [case(n, Path(tmp), args) for n in sizes]
        extra = {} if args.no_extras else extras(Path(tmp), args)
    report(rows, extra)


def case(n: int, work: Path, args) -> dict:
    runs = args.runs if n <= 30 else 1
    row = {"n": n, "qf": [], "plain1": [], "plain2": []}
    for _ in range(runs):  # alternate, so a noisy moment hits both
        row["qf"].append(run_quizforge(n, work, args.jobs))
        if not args.no_plain and n <= args.plain_max:
            row["plain1"].append(run_plain(n, 1))
            if n <= 30:
                row["plain2"].append(run_plain(n, 2))
        print(f"  {n}: quizforge {row['qf'][-1]['wall']:.2f}s"
              + (f", plain WP {row['plain1'][-1]['wall']:.2f}s" if row["plain1"] else ""), file=sys.stderr, flush=True)
    return row


def extras(work: Path, args) -> dict:
    """--versions 4 and --jobs 1 at 30 students, and the peers, alternating runs."""
    extra = {"v4": [], "jobs1": [], "jobs2": [], "exam": [], "amc": [], "html-pool": [], "html-one": []}
    for _ in range(args.runs):
        extra["v4"].append(run_quizforge(30, work, args.jobs, versions=4))
        extra["jobs1"].append(run_quizforge(30, work, 1))
        extra["jobs2"].append(run_quizforge(30, work, 2))
        if not args.no_peers:
            for peer in ("exam", "amc", "html-pool", "html-one"):
                extra[peer].append(run_peer(peer))
        print(f"  extras: v4 {extra['v4'][-1]['wall']:.2f}s, jobs1 {extra['jobs1'][-1]['wall']:.2f}s, "
              f"jobs2 {extra['jobs2'][-1]['wall']:.2f}s", file=sys.stderr, flush=True)
    return extra


def report(rows: list[dict], extra: dict) -> None:
    print("\n| students | wall s | papers/s | pages | pages/s | CPU s | peak RSS tree MiB | peak PSS tree MiB "
          "| s/paper | plain WP 1 proc s | ratio qf / plain | plain WP 2 procs s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        qf, n = row["qf"], row["n"]
        wall = median(qf, "wall")
        plain = median(row["plain1"], "seconds") if row["plain1"] else None
        plain2 = spread(row["plain2"], "seconds") if row["plain2"] else "–"
        print(f"| {n} | {spread(qf)} | {n / wall:.1f} | {qf[0]['pages']} | {qf[0]['pages'] / wall:.1f} "
              f"| {median(qf, 'cpu'):.1f} | {max(r['rss'] for r in qf):.0f} | {max(r['pss'] for r in qf):.0f} "
              f"| {wall / n:.3f} | {f'{plain:.2f}' if plain else '–'} "
              f"| {f'{wall / plain:.2f}' if plain else '–'} | {plain2} |")
    if not extra:
        return
    print("\n| 30 students | wall s, median (min–max) | pages | peak RSS tree MiB |")
    print("|---|---|---|---|")
    labels = {"v4": "quizforge --versions 4", "jobs1": "quizforge --jobs 1", "jobs2": "quizforge --jobs 2",
              "exam": "peer: LaTeX exam (run.sh exam)", "amc": "peer: AMC (run.sh amc)",
              "html-pool": "peer: WeasyPrint 2 procs (run.sh html-pool)", "html-one": "peer: WeasyPrint 1 proc (run.sh html-one)"}
    for key, runs in extra.items():
        if runs:
            pages_col = runs[0].get("pages", "")
            print(f"| {labels[key]} | {spread(runs)} | {pages_col} | {max(r['rss'] for r in runs):.0f} |")
    if extra["jobs1"] and extra["jobs2"]:
        ratios = [a["wall"] / b["wall"] for a, b in zip(extra["jobs1"], extra["jobs2"])]
        print(f"\n--jobs 1 / --jobs 2 (paired): {statistics.median(ratios):.2f} "
              f"({min(ratios):.2f}–{max(ratios):.2f})")
    if extra["v4"] and extra["exam"]:
        ratios = [a["wall"] / b["wall"] for a, b in zip(extra["v4"], extra["exam"])]
        print(f"--versions 4 / LaTeX exam (paired): {statistics.median(ratios):.2f} "
              f"({min(ratios):.2f}–{max(ratios):.2f})")


if __name__ == "__main__":
    main()
