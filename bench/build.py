"""How long one `quizforge build` takes, and where the time goes.

    python bench/build.py [--runs 5]

Prints wall time per stage (median of the runs, after one warm-up in the same
process) and the peak RSS of this process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, default=ROOT / "sources" / "purges.yaml")
    args = parser.parse_args()

    t0 = time.perf_counter()
    from quizforge.assemble import assemble
    from quizforge.load import load_notes
    from quizforge.render.formats import render_files
    from quizforge.io import write_all
    from quizforge.strategies import DEFAULT_STRATEGIES
    import weasyprint  # noqa: F401  (its import is a large fixed cost; measured here)
    print(f"import quizforge + weasyprint: {time.perf_counter() - t0:.3f} s")

    stages: dict[str, list[float]] = {k: [] for k in ("load", "generate+assemble", "render html+pdf", "write")}
    pages = 0
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs + 1):
            t = [time.perf_counter()]
            topic = load_notes(args.source)
            t.append(time.perf_counter())
            paper = assemble(topic, run, DEFAULT_STRATEGIES, required=False).paper
            t.append(time.perf_counter())
            files = render_files(paper, ("pdf",))
            t.append(time.perf_counter())
            write_all(Path(out), files)
            t.append(time.perf_counter())
            if run == 0:
                from pypdf import PdfReader  # only to count pages
                import io
                pages = sum(len(PdfReader(io.BytesIO(files[n])).pages) for n in ("worksheet.pdf", "markscheme.pdf"))
                continue
            for i, key in enumerate(stages):
                stages[key].append(t[i + 1] - t[i])
    total = sum(statistics.median(v) for v in stages.values())
    print(f"source: {args.source.name}, {pages} pages (worksheet + mark scheme), {args.runs} runs")
    for key, values in stages.items():
        med = statistics.median(values)
        print(f"  {key:<20} {med * 1000:8.1f} ms  ({100 * med / total:4.1f} %)")
    print(f"  {'total':<20} {total * 1000:8.1f} ms  = {pages / total:.1f} pages/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
