"""Make the papers for a blind review, as ../shared/REVIEW.md describes.

Each real notes file is imported exactly as a teacher would (only its two '# source' / '# shape' header
lines stripped), then built with two seeds and --preset exam, and also as the default worksheet; the
default notes are built the same way. The worksheet and mark scheme of each paper are written as text
(pdftotext -layout) beside the imported notes, so a reviewer can read them without the tool.

    python scripts/review_papers.py [--notes DIR] [--out DIR] [--seeds 1,2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def strip_header(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith(("# source", "# shape")):
        lines.pop(0)
    return "".join(lines)


def build_papers(notes: Path, name: str, out: Path, seeds: list[int], log: list[str]) -> None:
    quizforge = str(Path(sys.executable).with_name("quizforge"))
    for preset in ("exam", None):
        for seed in seeds:
            label = f"{name}-{preset or 'worksheet'}-seed{seed}"
            work = out / "build" / label
            args = [quizforge, "build", str(notes), "--seed", str(seed), "--out", str(work)]
            if preset:
                args += ["--preset", preset]
            done = run(*args, cwd=out)
            log.append(f"$ {' '.join(args[1:])}\n{done.stdout}{done.stderr}")
            for pdf in sorted(work.rglob("*.pdf")):
                kind = "markscheme" if "markscheme" in pdf.name else "worksheet"
                text = run("pdftotext", "-layout", str(pdf), "-", cwd=out).stdout
                (out / "papers" / f"{label}-{kind}.txt").write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=ROOT.parent / "shared" / "notes" / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "review")
    parser.add_argument("--seeds", default="1,2")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    for sub in ("raw", "imported", "papers", "build"):
        (out / sub).mkdir(parents=True)
    log: list[str] = []
    quizforge = str(Path(sys.executable).with_name("quizforge"))
    for src in sorted(p for p in args.notes.iterdir() if p.suffix in (".txt", ".md")):
        if src.name == "README.md":
            continue
        name = src.stem.split("_")[0] + "-" + src.stem.split("_")[1] if "_" in src.stem else src.stem
        raw = out / "raw" / f"{name}{src.suffix}"
        raw.write_text(strip_header(src.read_text()))
        notes = out / "imported" / f"{name}.yaml"
        done = run(quizforge, "import", str(raw), "-o", str(notes), "--force", cwd=out)
        log.append(f"$ quizforge import {raw.name}\n{done.stdout}{done.stderr}")
        if done.returncode == 0:
            build_papers(notes, name, out, seeds, log)
    build_papers(ROOT / "sources" / "purges.yaml", "00-purges", out, seeds, log)
    (out / "log.txt").write_text("\n".join(log))
    print(f"papers as text in {out / 'papers'}; imported notes in {out / 'imported'}; log in {out / 'log.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
