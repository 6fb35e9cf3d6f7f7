"""How far seed 2 is a second version: the items seeds 1 and 2 share, per notes file (``--preset exam``, as
``quizforge build --seed`` makes them). An item is a question, or one matching item or ordered item.

    python scripts/seed_overlap.py DIR_OF_IMPORTED_NOTES   (e.g. the 'imported' folder of review_papers.py)
"""
import sys, pathlib
from quizforge.pipeline import BuildRequest, make_paper
from quizforge.model import Match, Sequence, Choice, Gap

def items(paper):
    out = set()
    for q in paper.questions:
        b = q.body
        if isinstance(b, Match):
            out |= {("m", e) for e in b.examples}
        elif isinstance(b, Sequence):
            out |= {("s", i) for i in b.items}
        else:
            out.add(("q", q.prompt, getattr(b, "before", ""), getattr(b, "after", "")))
    return out

srcs = [pathlib.Path(__file__).resolve().parent.parent / 'sources' / 'purges.yaml'] + sorted(pathlib.Path(sys.argv[1]).glob('*.yaml'))
tot = 0
for src in srcs:
    try:
        a = make_paper(BuildRequest(source=src, seed=1, preset='exam'))[0]
        b = make_paper(BuildRequest(source=src, seed=2, preset='exam'))[0]
    except Exception as e:
        print(src.stem, 'ERR', e); continue
    ia, ib = items(a), items(b)
    share = len(ia & ib) / max(1, len(ia))
    print(f"{src.stem[:28]:28} items {len(ia):3d}/{len(ib):3d} shared {len(ia & ib):3d} ({share:.0%})  q {len(a.questions)}/{len(b.questions)}")
