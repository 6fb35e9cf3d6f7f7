"""Sound-alike words a spell checker cannot catch ("the breaks are applied"), mended only on two kinds of evidence.

Each confusion below names the wrong forms, the right ones, and the words that show which meaning a line is
about. A wrong form is corrected only when both hold:

- the notes themselves spell the right word somewhere (its own line, any form: "Braking distance");
- the line, or a heading above it, has one of the confusion's context words ("car", "distance", "applied").

With context but no right spelling anywhere, the line is flagged, never changed. A wrong form followed by a
particle or an article ("breaks down", "breaking the law") keeps its own meaning and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tree import CHECK, CORRECTED, OutlineNode, Report

WORD = re.compile(r"[A-Za-z]+")
# After these the wrong form is a verb with its own meaning: "the car breaks down", "breaking the law".
OWN_MEANING_NEXT = frozenset("down up out off away into through free apart even the a an his her their its my your "
                             "our this that these those".split())


@dataclass(frozen=True)
class Confusion:
    name: str
    fixes: dict[str, str]  # wrong form -> right form (lower case)
    family: frozenset[str]  # the right word's forms, any of which in the notes is evidence
    context: frozenset[str]  # words that show the line is about the right meaning


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CONFUSIONS = (
    Confusion("brake", {"breaks": "brakes", "breaking": "braking"}, _words("brake brakes braking braked"),
              _words("car cars vehicle vehicles driver drivers distance distances pedal pads disc discs applied apply "
                     "applying tyre tyres tire tires wheel wheels stopping speed friction brake brakes braking")),
    Confusion("stationary", {"stationery": "stationary"}, _words("stationary"),
              _words("object objects speed velocity rest moving motion car train graph force forces distance")),
    Confusion("current", {"currant": "current", "currants": "currents"}, _words("current currents"),
              _words("circuit circuits voltage resistance amps ampere amperes electric electrical wire wires charge "
                     "flow potential ocean sea")),
)


def correct_tree(root: OutlineNode, report: Report, keep: bool = False) -> OutlineNode:
    """The tree with sound-alike slips mended where the notes give the evidence (flagged with ``keep``)."""
    spelled: dict[str, int] = {}  # a right form -> the first line that spells it
    for node in root.walk():
        for word in WORD.findall(node.text):
            spelled.setdefault(word.lower(), node.line)
    return root.with_children([_mend(child, (), spelled, report, keep) for child in root.children])


def _mend(node: OutlineNode, above: tuple[str, ...], spelled: dict[str, int], report: Report, keep: bool) -> OutlineNode:
    text = _mend_text(node, above, spelled, report, keep)
    inner = (*above, node.text)
    return node.with_text(text).with_children([_mend(c, inner, spelled, report, keep) for c in node.children])


def _mend_text(node: OutlineNode, above: tuple[str, ...], spelled: dict[str, int], report: Report, keep: bool) -> str:
    found = list(WORD.finditer(node.text))
    nearby = {w.lower() for t in (*above, node.text) for w in WORD.findall(t)}
    pieces, last = [], 0
    for k, match in enumerate(found):
        low = match[0].lower()
        confusion = next((c for c in CONFUSIONS if low in c.fixes), None)
        following = found[k + 1][0].lower() if k + 1 < len(found) else ""
        if confusion is None or following in OWN_MEANING_NEXT:
            continue
        context = sorted((nearby - {low}) & confusion.context)
        evidence = sorted((spelled[f], f) for f in confusion.family if f in spelled)
        if not context:
            continue
        fix = confusion.fixes[low]
        fix = fix[:1].upper() + fix[1:] if match[0][:1].isupper() else fix
        if not evidence or keep:
            why = "kept as typed (--keep-spelling)" if keep and evidence else "kept as written"
            report.add(CHECK, node.line, f"possible sound-alike slip: '{match[0]}' (perhaps '{fix}', beside "
                                         f"'{context[0]}'); {why}")
            continue
        line, form = evidence[0]
        report.add(CORRECTED, node.line, f"'{match[0]}' -> '{fix}' (sounds alike; the notes spell '{form}' on line "
                                         f"{line}, and '{context[0]}' is beside it)")
        pieces += [node.text[last:match.start()], fix]
        last = match.end()
    return "".join(pieces) + node.text[last:]
