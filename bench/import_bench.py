"""Figures for `quizforge import`: time per fixture, a large outline, hostile XML rejection.

Run: python bench/import_bench.py
"""

from __future__ import annotations

import time
from pathlib import Path

from quizforge.errors import QuizforgeError
from quizforge.importers import Source, import_source, read_source

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"


def timed(fn, repeat: int = 20) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def large_outline(causes: int = 40, points: int = 25) -> Source:
    lines = ["A large outline"]
    for c in range(causes):
        lines.append(f"  • cause number {c}")
        for p in range(points):
            lines.append(f"    • point {p} of cause {c}, with a few more words to make it a real sentence.")
            lines.append(f"      • detail under point {p} of cause {c}.")
    return Source("large.txt", "\n".join(lines).encode(), ".txt")


def main() -> None:
    for path in sorted(FIXTURES.glob("*.*")):
        source = read_source(path)
        try:
            result = import_source(source)
            what = f"{len(result.topic.causes)} causes, {sum(len(list(c.walk())) for c in result.topic.causes)} points"
        except QuizforgeError:
            what = "refused (not a causes map)"
        print(f"{path.name:36} {timed(lambda: _try(source)):7.2f} ms  {what}")
    big = large_outline()
    nodes = big.data.count(b"\n") + 1
    print(f"{'large outline (' + str(nodes) + ' lines)':36} {timed(lambda: import_source(big), 3):7.2f} ms")
    for path in sorted((FIXTURES / "hostile").glob("*")):
        source = read_source(path)
        print(f"hostile/{path.name:28} {timed(lambda: _try(source)):7.2f} ms  refused")


def _try(source: Source) -> None:
    try:
        import_source(source)
    except QuizforgeError:
        pass


if __name__ == "__main__":
    main()
