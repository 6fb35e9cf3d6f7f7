"""Where a class set's time goes: cProfile of one class set, in one process (--jobs 1), by stage.

    python bench/profile_batch.py                 # 30 students, one paper each
    python bench/profile_batch.py --versions 4    # 30 students, 4 versions stamped
    python bench/profile_batch.py --top 30        # also print the 30 most expensive functions

The stages are the cumulative time of the functions that do them (they nest, so
they do not add up to exactly 100 %). cProfile slows Python-heavy code more than
C code, so the shares are a guide; the first line is the unprofiled wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = [  # (label, file suffix, function name)
    ("import WeasyPrint (before forking)", "batch/render.py", "_import_weasyprint"),
    ("assemble papers (strategies)", "assemble/paper.py", "assemble"),
    ("HTML (Jinja)", "render/html.py", "render_html"),
    ("parse HTML (+ each distinct stylesheet once)", "weasyprint/__init__.py", "__init__"),
    ("cascade: computed styles", "css/__init__.py", "get_all_computed_styles"),
    ("layout (boxes, lines, pages)", "layout/__init__.py", "layout_document"),
    ("draw + write chunk PDFs (write_pdf)", "weasyprint/document.py", "write_pdf"),
    ("  of which: font subsetting", "pdf/fonts.py", "build_fonts_dictionary"),
    ("stream chunks into the combined PDFs", "batch/pdfout.py", "add_chunk"),
    ("draw students' details into versions (text)", "batch/pdfout.py", "add_student_text"),
    ("  of which: embed the font subsets", "batch/textstamp.py", "finish"),
    ("stamp laid-out details (fallback overlays)", "batch/pdfout.py", "add_students"),
    ("copy each version's pages in as forms", "batch/pdfout.py", "add_version"),
    ("finish the PDFs (xref, fsync, rename)", "batch/pdfout.py", "save"),
]


def run(students: int, versions: int | None, out: Path) -> None:
    from quizforge.batch import BatchRequest, run_batch
    from quizforge.resources import default_source

    run_batch(BatchRequest(source=default_source(), demo_roster=students, versions=versions, out=out,
                           name="profile", jobs=1, quiet=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--students", type=int, default=30)
    ap.add_argument("--versions", type=int)
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args()
    flags = ["--versions", str(args.versions)] if args.versions else []
    with tempfile.TemporaryDirectory() as tmp:
        start = time.monotonic()
        subprocess.run([sys.executable, "-c", "from quizforge.cli import main; main()", "batch", "--demo-roster",
                        str(args.students), "--jobs", "1", "--quiet", "--out", tmp, *flags], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"unprofiled, whole process, --jobs 1: {time.monotonic() - start:.2f} s")
        profile = cProfile.Profile()
        profile.runcall(run, args.students, args.versions, Path(tmp))
    stats = pstats.Stats(profile)
    total = max(v[3] for v in stats.stats.values())
    print(f"profiled run_batch: {total:.2f} s ({args.students} students"
          f"{f', --versions {args.versions}' if args.versions else ''}, --jobs 1)\n")
    print("| stage | s (profiled) | share |\n|---|---|---|")
    for label, suffix, name in STAGES:
        cum = sum(v[3] for (file, _, func), v in stats.stats.items()  # same-named functions of one file
                  if func == name and file.endswith(suffix))
        print(f"| {label} | {cum:.2f} | {100 * cum / total:.0f} % |")
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
