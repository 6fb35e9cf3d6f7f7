"""Print how many pages every variant of the default notes takes, and how full the pages are.

    python bench/pages.py [--png DIR]    # --png also writes each page as a PNG to look at

Figures: pages of the worksheet and of its mark scheme for every preset, tier and print option,
and the fill of each page (share of the page's text area that has ink-bearing lines), read back
from the PDF.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quizforge.pipeline import BuildRequest, make_paper  # noqa: E402
from quizforge.render.formats import render_files  # noqa: E402

VARIANTS = [
    ("default", {}),
    ("quick-quiz", {"preset": "quick-quiz"}),
    ("worksheet", {"preset": "worksheet"}),
    ("exam", {"preset": "exam"}),
    ("tier support", {"tier": "support"}),
    ("tier core", {"tier": "core"}),
    ("tier stretch", {"tier": "stretch"}),
    ("large print", {"large_print": True}),
    ("dyslexia-friendly", {"dyslexia_friendly": True}),
    ("exam support large print", {"preset": "exam", "tier": "support", "large_print": True}),
    ("worksheet large print", {"preset": "worksheet", "large_print": True}),
    ("exam dyslexia-friendly", {"preset": "exam", "dyslexia_friendly": True}),
]


def page_fill(pdf: bytes) -> list[float]:
    """Per page: how far down the page anything is drawn (text, lines), as a share of the page height.

    Read from a low-resolution greyscale image of each page; the running footer (bottom 22 mm) is left out.
    """
    import tempfile

    from PIL import Image

    fills = []
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "p.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-gray", "-r", "30", str(Path(tmp) / "p.pdf"), str(Path(tmp) / "p")], check=True)
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            image = Image.open(png).convert("L")
            width, height = image.size
            footer = int(height * (1 - 22 / 297))
            lowest = 0
            for y in range(footer):
                row = image.crop((0, y, width, y + 1)).getextrema()
                if row[0] < 235:
                    lowest = y
            fills.append(round(lowest / height, 2))
    return fills


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--png", type=Path, help="also write page images here")
    parser.add_argument("only", nargs="*", help="variant names to run (default: all)")
    args = parser.parse_args()
    from pypdf import PdfReader

    print(f"{'variant':<28} {'worksheet':>9} {'mark scheme':>11}  fill of worksheet pages")
    for name, kwargs in VARIANTS:
        if args.only and name not in args.only:
            continue
        paper, _ = make_paper(BuildRequest(source=ROOT / "sources" / "purges.yaml", **kwargs))
        files = render_files(paper, ("pdf",))
        counts = [len(PdfReader(io.BytesIO(files[f"{d}.pdf"])).pages) for d in ("worksheet", "markscheme")]
        fills = " ".join(f"{f:.2f}" for f in page_fill(files["worksheet.pdf"]))
        print(f"{name:<28} {counts[0]:>9} {counts[1]:>11}  {fills}", flush=True)
        if args.png:
            args.png.mkdir(parents=True, exist_ok=True)
            slug = name.replace(" ", "-")
            for doc in ("worksheet", "markscheme"):
                pdf = args.png / f"{slug}-{doc}.pdf"
                pdf.write_bytes(files[f"{doc}.pdf"])
                subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(args.png / f"{slug}-{doc}")], check=True)


if __name__ == "__main__":
    main()
