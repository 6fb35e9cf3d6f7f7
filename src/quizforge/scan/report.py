"""The class report: how many got each question right, which wrong boxes they chose, and the
branches of the notes the class is weakest on; and ``results.json``, which --focus-from reads."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from .results import StudentResult

RESULTS_FORMAT = "quizforge-results-1"


def _question_index(layout: dict) -> dict[str, dict]:
    """Question id -> its layout entry (the first version that has it)."""
    index: dict[str, dict] = {}
    for version in layout["versions"].values():
        for q in version["questions"]:
            index.setdefault(q["id"], q)
    return index


def analyse(layout: dict, results: list[StudentResult]) -> dict:
    """Per question (by id, so versions that shuffle the order still add up), per point, per branch."""
    index = _question_index(layout)
    notes = layout["notes"]
    per_q: dict[str, dict] = {}
    points: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # got, out of
    branches: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for student in results:
        for qr in student.questions:
            if qr.marks is None:
                continue
            q = index[qr.qid]
            entry = per_q.setdefault(qr.qid, {"q": q, "numbers": set(), "n": 0, "got": 0, "full": 0,
                                              "choices": [Counter() for _ in q["rows"]]})
            entry["numbers"].add(qr.number)
            entry["n"] += 1
            entry["got"] += qr.marks
            entry["full"] += qr.marks == qr.max
            for r, box in enumerate(qr.answers):
                entry["choices"][r][box] += 1
            for point, branch, share in _attribution(q, qr, notes):
                got = share * (qr.marks / qr.max if qr.max else 0)
                if point:
                    points[point][0] += got
                    points[point][1] += share
                if branch:
                    branches[branch][0] += got
                    branches[branch][1] += share
    return {"questions": per_q, "points": dict(points), "branches": dict(branches)}


def _attribution(q: dict, qr, notes: dict):
    """(point id, branch id, weight) a question's marks count towards: all its points, equally."""
    if q["kind"] == "match" and len(q["sources"]) == len(q["rows"]):
        return  # row by row, in match_rows
    sources = q["sources"] or [""]
    for point in sources:
        branch = q["cause_id"] or notes["points"].get(point, {}).get("branch", "")
        yield point, branch, 1.0 / len(sources)


def match_rows(layout: dict, results: list[StudentResult]):
    """Match rows scored one by one (each row is one example from the notes): (point, branch, right)."""
    index = _question_index(layout)
    for student in results:
        for qr in student.questions:
            q = index[qr.qid]
            if qr.marks is None or q["kind"] != "match" or len(q["sources"]) != len(q["rows"]):
                continue
            for r, point in enumerate(q["sources"]):
                yield point, layout["notes"]["points"].get(point, {}).get("branch", ""), qr.answers[r] == q["key"][r]


def results_data(layout: dict, results: list[StudentResult]) -> dict:
    """What the class got right and wrong, by question id, point id and branch id (for --focus-from)."""
    analysis = analyse(layout, results)
    points = {k: list(v) for k, v in analysis["points"].items()}
    branches = {k: list(v) for k, v in analysis["branches"].items()}
    for point, branch, right in match_rows(layout, results):
        for table, key in ((points, point), (branches, branch)):
            if key:
                got_out = table.setdefault(key, [0.0, 0.0])
                got_out[0] += 1.0 if right else 0.0
                got_out[1] += 1.0
    return {
        "format": RESULTS_FORMAT, "set": layout["set"], "source": layout["notes"]["source"],
        "questions": {qid: {"asked": e["n"], "marks": e["got"], "out_of": e["n"] * e["q"]["marks"]}
                      for qid, e in sorted(analysis["questions"].items())},
        "points": {k: {"score": round(v[0], 3), "out_of": round(v[1], 3)} for k, v in sorted(points.items()) if v[1]},
        "branches": {k: {"score": round(v[0], 3), "out_of": round(v[1], 3)} for k, v in sorted(branches.items()) if v[1]},
        "students": [{"id": s.student["id"], "name": s.student.get("name", ""), "total": s.total, "max": s.max}
                     for s in results],
    }


def results_json(data: dict) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def report_html(layout: dict, results: list[StudentResult], data: dict, problems: list[str],
                templates: Path | None = None) -> bytes:
    from ..render.env import environment

    analysis = analyse(layout, results)
    questions = []
    for qid, e in sorted(analysis["questions"].items(), key=lambda kv: (min(kv[1]["numbers"]), kv[0])):
        q = e["q"]
        rows = []
        for r, counts in enumerate(e["choices"]):
            total = sum(counts.values()) or 1
            options = [{"label": label, "text": (q["options"][i] if i < len(q["options"]) and q["kind"] != "sequence"
                                                 else ""),
                        "count": counts.get(i, 0), "share": counts.get(i, 0) / total,
                        "right": bool(q["key"]) and q["key"][r] == i}
                       for i, label in enumerate(q["labels"])]
            options.append({"label": "blank/double", "text": "", "count": counts.get(None, 0),
                            "share": counts.get(None, 0) / total, "right": False})
            rows.append({"label": q["rows"][r], "options": options})
        questions.append({"numbers": sorted(e["numbers"]), "prompt": q["prompt"], "kind": q["kind"], "n": e["n"],
                          "full": e["full"], "share": e["got"] / (e["n"] * q["marks"]) if e["n"] and q["marks"] else 0,
                          "rows": rows if q["kind"] != "marks" else []})
    notes = layout["notes"]
    weakest = sorted(({"title": notes["branches"].get(b, {}).get("title", b),
                       "line": notes["branches"].get(b, {}).get("line", 0), "share": v["score"] / v["out_of"],
                       "out_of": v["out_of"]} for b, v in data["branches"].items() if v["out_of"]),
                     key=lambda w: (w["share"], w["title"]))
    weak_points = sorted(({"text": notes["points"][p]["text"], "line": notes["points"][p]["line"],
                           "share": v["score"] / v["out_of"]} for p, v in data["points"].items()
                          if p in notes["points"] and v["out_of"]), key=lambda w: (w["share"], w["line"]))[:8]
    scored = [s for s in results if s.max]
    html = environment(templates).get_template("scan/report.html.j2").render(
        title=notes["title"], source=notes["source"], questions=questions, weakest=weakest, weak_points=weak_points,
        students=len(results), problems=problems,
        average=sum(s.total / s.max for s in scored) / len(scored) if scored else 0,
        distribution=_distribution([s.total / s.max for s in scored]))
    return html.encode("utf-8")


def _distribution(shares: list[float]) -> list[int]:
    """Students per 10 % band of the total."""
    bands = [0] * 10
    for share in shares:
        bands[min(9, int(share * 10))] += 1
    return bands
