"""Exam-style tariffs and levels-of-response bands, read from small YAML files.

A profile is data, not code: another board's "explain why" (say 10 marks in
three levels) is a new YAML file beside these, or any file named by path.
Files are read with the notes loader's line-numbered YAML reader, so a mistake
is reported as FILE:LINE: message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError
from ..load.fields import Fields
from ..load.yamltree import Node, named_yaml, parse_yaml, read_text
from ..model import Level

SHIPPED = Path(__file__).resolve().parent
STYLES = ("explain", "judgement", "assess", "science", "present")  # explain: "Explain why"; judgement: "How far do you agree?";
# assess: compare, assess or evaluate named case studies (Geography); science: a 4-6 mark extended explanation;
# present: "How does the writer present ...?" (English Literature)
REQUIRED = ("title", "style", "marks", "levels")
# Answer space: `lines_per_mark` (ruled lines per mark, SPaG marks included) or a fixed number of `lines`.
OPTIONAL = ("lines_per_mark", "lines", "stimulus", "rules", "guidance", "starters", "spag", "instructions")


@dataclass(frozen=True)
class Profile:
    name: str  # file stem, e.g. "explain-12"
    title: str
    style: str
    marks: int  # for the answer itself, without SPaG
    lines: int  # ruled lines of answer space, at least; a long answer then runs on to the foot of its last page
    levels: tuple[Level, ...]
    stimulus: int = 2  # bullet points offered to the student
    rules: tuple[str, ...] = ()
    guidance: tuple[str, ...] = ()
    starters: tuple[str, ...] = ()  # printed for the support tier
    spag: tuple[Level, ...] = ()

    @property
    def spag_marks(self) -> int:
        return self.spag[-1].high if self.spag else 0


def available() -> list[str]:
    return sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def load_profile(name: str) -> Profile:
    """A shipped profile by name ('explain-12') or a profile file by path ('my-board.yaml')."""
    return _load(str(named_yaml(name, SHIPPED, "exam profile")))


@lru_cache(maxsize=32)
def _load(path: str) -> Profile:
    root = parse_yaml(read_text(Path(path), path), path)
    return _ProfileReader(path).profile(root, Path(path).stem)


class _ProfileReader(Fields):
    def profile(self, root: Node, name: str) -> Profile:
        top = self.mapping(root, "", REQUIRED, OPTIONAL)
        if top is None:
            raise SourceError(self.problems)
        marks = self.number(top.get("marks"), "marks")
        style = self.text(top.get("style"), "style")
        if style is not None and style not in STYLES:
            self.problem(top["style"], "style", f"'{style}' is not a style; use {' or '.join(STYLES)}")
        levels = self.bands(top.get("levels"), "levels", marks)
        spag = self.bands(top.get("spag"), "spag", None) if "spag" in top else ()
        profile = Profile(
            name=name, title=self.text(top.get("title"), "title") or "", style=style or "", marks=marks or 0,
            lines=self.answer_lines(top, (marks or 0) + (spag[-1].high if spag else 0)), levels=levels,
            stimulus=self.number(top.get("stimulus"), "stimulus", low=0) if "stimulus" in top else 2,
            rules=self.text_list(top.get("rules"), "rules"), guidance=self.text_list(top.get("guidance"), "guidance"),
            starters=self.text_list(top.get("starters"), "starters"), spag=spag,
        )
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.line))
        return profile

    def answer_lines(self, top: dict, marks: int) -> int:
        """Ruled lines from `lines_per_mark` (times every mark, SPaG included) or `lines`; exactly one of them."""
        if ("lines" in top) == ("lines_per_mark" in top):
            self.problem(top.get("lines") or top.get("lines_per_mark") or top.get("marks") or 0, "lines_per_mark",
                         "give the answer space as lines_per_mark (e.g. 3) or as lines (a fixed number), not both"
                         if "lines" in top else "missing key 'lines_per_mark' (ruled lines per mark, e.g. 3)")
            return 0
        if "lines" in top:
            return self.number(top["lines"], "lines") or 0
        return (self.number(top["lines_per_mark"], "lines_per_mark") or 0) * marks

    def number(self, node: Node | None, path: str, low: int = 1) -> int | None:
        value = self.text(node, path)
        if value is None:
            return None
        if not value.isdigit() or int(value) < low:
            self.problem(node, path, f"'{value}' is not a whole number of at least {low}")
            return None
        return int(value)

    def bands(self, node: Node | None, path: str, total: int | None) -> tuple[Level, ...]:
        """Bands 'low-high' that run from 1 without gaps or overlaps (to ``total`` when given)."""
        out: list[Level] = []
        for i, item in enumerate(self.items(node, path, min_items=1)):
            fields = self.mapping(item, f"{path}[{i}]", ("marks", "descriptor"), ("name",))
            if fields is None:
                continue
            span = self.text(fields.get("marks"), f"{path}[{i}].marks") or ""
            match = re.fullmatch(r"(\d+)\s*(?:-|–|to)\s*(\d+)|(\d+)", span)
            if not match:
                self.problem(fields.get("marks", item), f"{path}[{i}].marks", f"'{span}' is not a band; write e.g. 4-6")
                continue
            low, high = (int(match[1]), int(match[2])) if match[1] else (int(match[3]), int(match[3]))
            expected = out[-1].high + 1 if out else 1
            if low != expected or high < low:
                self.problem(fields["marks"], f"{path}[{i}].marks",
                             f"band {span} should start at {expected} and not end before it starts")
            name = self.text(fields.get("name"), f"{path}[{i}].name") or f"Level {i + 1}"
            out.append(Level(name, low, high, self.text(fields.get("descriptor"), f"{path}[{i}].descriptor") or ""))
        if total is not None and out and out[-1].high != total:
            self.problem(node, path, f"the top band ends at {out[-1].high} but the question is worth {total} marks")
        return tuple(out)
