"""How much seeds 1 and 2 of a paper share (issue 16: at most a third, where the notes allow).

Every dev notes file (imported as a teacher would) and every fixture is built with seeds 1 and 2 for each
preset asked for; an item is one thing a question asks (a term, a point, a dated event: one of its
sources), counted per strategy. Prints, per file and preset, the items of each seed, how many they share,
and the shared fraction of the smaller paper. 'pool' is how many items seeds 1 to 6 ask between them: where
it is smaller than seed 1's items and two thirds of seed 2's, the notes do not hold enough for the third
(such rows are marked '-', not '*').

    python bench/overlap.py [--presets exam,worksheet,default] [--notes DIR] [--seeds 1,2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from quizforge.errors import QuizforgeError
from quizforge.model import Paper
from quizforge.pipeline import BuildRequest, make_paper

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 1 / 3


def items(paper: Paper) -> set[tuple[str, str]]:
    """(strategy, source) for everything the paper asks about."""
    return {(q.strategy, s) for sec in paper.sections for q in sec.questions for s in q.sources}


def shared(a: set, b: set) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def imported(notes: Path, work: Path) -> list[Path]:
    """Each dev file imported exactly as scripts/review_papers.py does."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from review_papers import strip_header

    quizforge = str(Path(sys.executable).with_name("quizforge"))
    out = []
    for src in sorted(p for p in notes.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"):
        raw = work / f"{src.stem.split('_')[0]}{src.suffix}"
        raw.write_text(strip_header(src.read_text()))
        target = work / f"dev-{src.stem.split('_')[0]}-{src.stem.split('_')[1]}.yaml"
        if subprocess.run([quizforge, "import", str(raw), "-o", str(target), "--force"],
                          capture_output=True).returncode == 0:
            out.append(target)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=ROOT.parent / "shared" / "notes" / "dev")
    parser.add_argument("--presets", default="exam")
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--tier", default=None)
    parser.add_argument("--detail", action="store_true", help="also list the shared items per strategy")
    args = parser.parse_args()
    first, second = (int(s) for s in args.seeds.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        files = imported(args.notes, Path(tmp)) if args.notes.is_dir() else []
        files += sorted((ROOT / "tests" / "fixtures" / "notes").glob("*.yaml")) + [ROOT / "sources" / "purges.yaml"]
        over = 0
        print(f"{'notes':34} {'preset':9} {'s1':>3} {'s2':>3} {'both':>4} {'shared':>6} {'pool':>4}")
        for path in files:
            for preset in args.presets.split(","):
                try:
                    papers = [make_paper(BuildRequest(path, seed=s, preset=None if preset == "default" else preset,
                                                      tier=args.tier))[0] for s in (first, second)]
                except QuizforgeError as exc:
                    print(f"{path.stem[:34]:34} {preset:9} no paper: {str(exc).splitlines()[0][:60]}")
                    continue
                a, b = (items(p) for p in papers)
                pool = set().union(a, b, *(items(make_paper(BuildRequest(
                    path, seed=s, preset=None if preset == "default" else preset, tier=args.tier))[0])
                    for s in range(3, 7)))
                frac = shared(a, b)
                room = len(pool) >= len(a) + 2 * len(b) / 3
                over += frac > LIMIT and room
                flag = (" *" if room else " -") if frac > LIMIT else ""
                print(f"{path.stem[:34]:34} {preset:9} {len(a):3} {len(b):3} {len(a & b):4} {frac:6.0%} {len(pool):4}{flag}")
                if args.detail and frac > LIMIT:
                    for name in sorted({n for n, _ in a | b}):
                        mine = [{s for n, s in x if n == name} for x in (a, b)]
                        print(f"    {name:16} {len(mine[0]):3} {len(mine[1]):3} {len(mine[0] & mine[1]):4}  "
                              f"{' '.join(sorted(mine[0] & mine[1]))[:90]}")
        print(f"{over} papers share more than a third of their items between seeds {first} and {second} "
              "where the notes hold enough for less ('*'); '-': the notes do not")
    return 0


if __name__ == "__main__":
    sys.exit(main())
