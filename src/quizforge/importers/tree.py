"""Plain data passed between the import stages: read -> clean -> map -> write.

Every reader returns an ``OutlineNode`` tree whose root is a synthetic
document node (text "", line 0); the cleaner and mapper only ever see this
tree, so a new format is one reader and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator

MAX_OUTLINE_DEPTH = 100  # deeper than any real mind map; keeps recursion safe


@dataclass(frozen=True)
class OutlineNode:
    """One node of an outline: its text, its children and the line it came from."""

    text: str
    line: int
    children: tuple["OutlineNode", ...] = ()
    # How the source marked the node: "" (plain line), "bullet", "number" (1. 1) a)), "heading"
    # (Markdown #), "item" (Markdown list item), "row" (table row). Structure repair reads it.
    marker: str = ""
    number: int | None = None  # the list number the source gave it, if any

    def with_children(self, children) -> "OutlineNode":
        return replace(self, children=tuple(children))

    def with_text(self, text: str) -> "OutlineNode":
        return replace(self, text=text)

    def walk(self) -> Iterator["OutlineNode"]:
        """This node and every node beneath it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def document(children) -> OutlineNode:
    """The synthetic root that every reader returns."""
    return OutlineNode("", 0, tuple(children))


def depth_of(root: OutlineNode) -> int:
    """Depth of the deepest node, found without recursion (input may be hostile)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children)
    return deepest


# Kinds of remark, in the order the report prints them.
DROPPED, JOINED, REPAIRED, SPLIT, CLEANED, CORRECTED, GUESSED, CHECK = (
    "dropped", "joined", "repaired", "split", "cleaned", "corrected", "guessed", "check")
KINDS = (DROPPED, JOINED, REPAIRED, SPLIT, CLEANED, CORRECTED, GUESSED, CHECK)


@dataclass(frozen=True)
class Remark:
    """One thing the importer did that the teacher should know about."""

    kind: str  # one of KINDS
    line: int  # line in the imported file, 0 if it is about the whole file
    message: str


@dataclass
class Report:
    """Collects remarks while importing (append-only; owned by one import run)."""

    file: str
    remarks: list[Remark] = field(default_factory=list)
    hints: dict[str, tuple[str, int]] = field(default_factory=dict)  # e.g. subject named by page clutter: (value, line)
    passes: list[tuple[str, int]] = field(default_factory=list)  # (pass name, remarks it added), in order
    checks: dict[int, list[str]] = field(default_factory=dict)  # source line -> what the teacher should look at
    left_out: list["OutlineNode"] = field(default_factory=list)  # lines kept out of the items, written as comments

    def add(self, kind: str, line: int, message: str) -> None:
        self.remarks.append(Remark(kind, line, message))
        if kind == CHECK and line:
            self.checks.setdefault(line, []).append(message)

    def comments(self) -> dict[int, list[str]]:
        """Source line -> the YAML's ``# CHECK`` comments: what to look at, then every correction made, from -> to."""
        out = {line: list(messages) for line, messages in self.checks.items()}
        for remark in self.remarks:
            if remark.kind == CORRECTED and remark.line:
                out.setdefault(remark.line, []).append(f"corrected {remark.message}")
        return out

    def run_pass(self, name: str, step, *args):
        """Run one import pass and note how many remarks it made (its line in the report)."""
        before = len(self.remarks)
        result = step(*args)
        self.passes.append((name, len(self.remarks) - before))
        return result

    def of_kind(self, kind: str) -> list[Remark]:
        return [r for r in self.remarks if r.kind == kind]

    def lines(self) -> list[str]:
        """The remarks as ``FILE:LINE: kind: message``, grouped by kind, then by line."""
        ordered = sorted(self.remarks, key=lambda r: (KINDS.index(r.kind), r.line))
        return [f"{self.file}:{r.line}: {r.kind}: {r.message}" for r in ordered]

    def pass_lines(self) -> list[str]:
        """One line per pass: what it is and how many changes or remarks it made."""
        return [f"{self.file}: pass {name}: {count} remark(s)" for name, count in self.passes]


def quote(text: str, limit: int = 60) -> str:
    """A short quotation of node text for the report."""
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f'"{short}"'
