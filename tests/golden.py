"""Golden HTML: what a person sees, for fixed seeds, checked into tests/golden/.

Regenerate after an intended change, then review the diff:
    python -m tests.golden --update
"""

from __future__ import annotations

import sys
from pathlib import Path

from quizforge.pipeline import BuildRequest, make_paper
from quizforge.render.html import DOCUMENTS, render_html
from quizforge.resources import templates_dir

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOT = GOLDEN.parent.parent
CASES = {  # name -> (source, seed)
    "purges-seed1": (ROOT / "sources" / "purges.yaml", 1),
    "tricky-seed4": (ROOT / "tests" / "fixtures" / "notes-tricky.yaml", 4),
}


def render_case(source: Path, seed: int) -> dict[str, str]:
    paper, _ = make_paper(BuildRequest(source=source.relative_to(ROOT), seed=seed))
    placeholder = "TEMPLATES"
    return {doc: render_html(paper, doc).replace(templates_dir().as_uri(), placeholder) for doc in DOCUMENTS}


def goldens() -> dict[str, str]:
    out = {}
    for name, (source, seed) in CASES.items():
        for doc, html in render_case(source, seed).items():
            out[f"{name}-{doc}.html"] = html
    return out


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    import os
    os.chdir(ROOT)
    GOLDEN.mkdir(exist_ok=True)
    for name, html in goldens().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"wrote tests/golden/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
