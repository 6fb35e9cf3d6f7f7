"""Subject profiles: what kind of paper each subject gets, as data a teacher can copy and change.

A profile names the subjects it is for, how written answers are marked (``levels`` or ``points``),
whether spelling, punctuation and grammar earn marks, and, for each kind of paper (the default
worksheet and the shipped presets), the strategies to try in order. The planner keeps those the notes
have material for, up to ``max_sections``. Shipped profiles live beside this file; a teacher's own is
given by path (``--subject-profile my-subject.yaml``). Unknown subjects get ``general``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError
from ..load.yamltree import MappingNode, Node, named_yaml, parse_yaml, read_text
from ..papers.presets import PresetItem, _PresetReader

SHIPPED = Path(__file__).resolve().parent
FALLBACK = "general"
PAPERS = ("default", "worksheet", "quick-quiz", "exam")
# The kinds of written answer a profile's ``skills`` can speak to, by the exam profile's style
# ('explain' for 'Explain why', 'judgement' for how-far and evaluate, 'present', 'compare' for a comparison
# of two cases, 'assess' for one that ends in a judgement, 'science').
SKILL_KINDS = ("explain", "judgement", "present", "compare", "assess", "science")
MARKING = ("levels", "points")


@dataclass(frozen=True)
class SubjectProfile:
    name: str  # file stem: "science"
    title: str  # "Sciences"
    matches: tuple[str, ...]  # subject names it is for, lower case: "biology", "chemistry"
    marking: str  # "levels" or "points": how extended written answers are marked
    spag: bool  # spelling, punctuation and grammar marks on extended answers
    papers: dict[str, tuple[PresetItem, ...]]  # paper kind -> strategies to try, in order
    max_sections: int = 5
    source: str = ""
    limits: dict[str, int] | None = None  # paper kind -> its own section limit (else max_sections)
    # kind of written answer -> what the subject rewards in it, printed as marking guidance
    skills: dict[str, tuple[str, ...]] | None = None
    # set text (as _title_key gives it) -> its author as exam questions name them: 'macbeth': 'Shakespeare'
    authors: dict[str, str] | None = None

    def items(self, paper: str) -> tuple[PresetItem, ...]:
        """The strategies for a kind of paper; the default list stands in for one not given."""
        return self.papers.get(paper) or self.papers["default"]

    def skills_for(self, kind: str) -> tuple[str, ...]:
        """What this subject rewards in a written answer of ``kind`` ('explain', 'judgement', ...)."""
        return (self.skills or {}).get(kind, ())

    def author_of(self, text: str) -> str:
        """The author of a set text this profile lists ('Of Mice and Men' -> 'Steinbeck'), else ""."""
        return (self.authors or {}).get(_title_key(text), "")

    def limit(self, paper: str) -> int:
        """How many sections a paper of this kind keeps (the first with material, in order)."""
        return (self.limits or {}).get(paper, self.max_sections)


def shipped_profiles() -> list[str]:
    return sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def _key(subject: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", subject.casefold()).strip()


def _title_key(title: str) -> str:
    """A title as looked up: lower case, no leading article ('An Inspector Calls' -> 'inspector calls')."""
    return re.sub(r"^(the|a|an) ", "", _key(title))


def profile_for(subject: str, override: str | None = None) -> SubjectProfile:
    """The teacher's chosen profile, else the shipped one whose ``matches`` names the subject, else general."""
    if override:
        return load_profile(override)
    key = _key(subject)
    for name in shipped_profiles():
        profile = load_profile(name)
        if key in profile.matches or any(key.startswith(m + " ") or key.endswith(" " + m) for m in profile.matches):
            return profile
    return load_profile(FALLBACK)


def load_profile(name: str) -> SubjectProfile:
    profile = _load(str(named_yaml(name, SHIPPED, "subject profile")))
    _check_strategies(profile)
    return profile


@lru_cache(maxsize=32)
def _load(path: str) -> SubjectProfile:
    root = parse_yaml(read_text(Path(path), path), path)
    return _ProfileReader(path).profile(root, Path(path).stem)


def _check_strategies(profile: SubjectProfile) -> None:
    from ..errors import Problem
    from ..strategies import available

    known = available()
    for items in profile.papers.values():
        for item in items:
            if item.strategy not in known:
                raise SourceError([Problem(profile.source, item.line, f"unknown strategy '{item.strategy}'; "
                                                                       f"choose from {', '.join(known)}")])


class _ProfileReader(_PresetReader):
    def profile(self, root: Node, name: str) -> SubjectProfile:
        top = self.mapping(root, "", ("title", "marking", "papers"), ("matches", "spag", "max_sections", "limits", "skills",
                                                                       "authors"))
        if top is None:
            raise SourceError(self.problems)
        marking = self.text(top.get("marking"), "marking") or "points"
        if marking not in MARKING:
            self.problem(top["marking"], "marking", f"'{marking}' is not one of {', '.join(MARKING)}")
        papers = self.papers(top.get("papers"))
        skills = self.skills(top.get("skills"))
        authors = self.authors(top.get("authors"))
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.line))
        return SubjectProfile(
            name=name, title=self.text(top.get("title"), "title") or name,
            matches=tuple(_key(m) for m in self.text_list(top.get("matches"), "matches")),
            marking=marking, spag=self.flag(top.get("spag"), "spag"), papers=papers,
            max_sections=self.number(top.get("max_sections"), "max_sections") or 5, source=self.file,
            limits=self.limits(top.get("limits")), skills=skills, authors=authors,
        )

    def skills(self, node: Node | None) -> dict[str, tuple[str, ...]]:
        fields = self.mapping(node, "skills", (), SKILL_KINDS) if node is not None else {}
        return {kind: lines for kind, value in (fields or {}).items()
                if (lines := self.text_list(value, f"skills.{kind}"))}

    def authors(self, node: Node | None) -> dict[str, str]:
        """'Macbeth: Shakespeare' lines: a set text and its author, as the exam's questions name them."""
        if node is None:
            return {}
        if not isinstance(node, MappingNode):
            self.problem(node, "authors", "expected 'Title: Author' lines")
            return {}
        out = {}
        for key, value in node.value:
            title, author = self.text(key, "authors"), self.text(value, "authors")
            if title and author:
                out[_title_key(title)] = author
        return out

    def limits(self, node: Node | None) -> dict[str, int]:
        fields = self.mapping(node, "limits", (), PAPERS) if node is not None else {}
        return {paper: n for paper, value in (fields or {}).items()
                if (n := self.number(value, f"limits.{paper}")) is not None}

    def papers(self, node: Node | None) -> dict[str, tuple[PresetItem, ...]]:
        fields = self.mapping(node, "papers", ("default",), tuple(p for p in PAPERS if p != "default"))
        if fields is None:
            return {}
        out = {}
        for paper, value in fields.items():
            items = tuple(i for n, item in enumerate(self.items(value, f"papers.{paper}", min_items=1))
                          if (i := self.item(item, f"papers.{paper}[{n}]")) is not None)
            seen = [i.strategy for i in items]
            for item in items:
                if seen.count(item.strategy) > 1:
                    self.problem(item.line, f"papers.{paper}", f"'{item.strategy}' is listed twice; list it once")
                    break
            out[paper] = items
        return out
