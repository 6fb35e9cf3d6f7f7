"""Pages whose codes could not be read, placed by the pages either side of them in a scanned file.

A copier scans a stack in order. A page with no readable code between page 1 and page 3 of the same
student's paper is that student's page 2, when page 2 is not in the scans already. The first or last
page of a paper can be placed the same way, when the page on its other side belongs to another paper
or the file begins or ends there. The caller then checks that the page's boxes line up with that
page's layout. Anything else (two unreadable pages side by side, neighbours that disagree, shuffled
pages, single image files) stays on the list for the teacher: never a guess.
"""

from __future__ import annotations

from .codes import PageCode
from .page import PageRead

NO_CODE = "no code found"
_EDGE = "edge"  # the file's start or end, or the end of a paper: the next page begins another


def by_sequence(reads: list[PageRead], layout: dict) -> dict[int, PageCode]:
    """``index in reads -> code`` for the pages without a code whose neighbours name one page only."""
    students = {s["id"]: len(layout["versions"][s["version"]]["pages"]) for s in layout["students"]}  # -> pages
    versions = {s["id"]: s["version"] for s in layout["students"]}
    placed = {(r.code.student, r.code.page) for r in reads if r.code is not None and not r.problem}
    files: dict[str, list[int]] = {}
    for i, read in enumerate(reads):
        if read.problem != "blank page":  # a duplex scan's empty backs are not neighbours
            files.setdefault(read.ref.file, []).append(i)
    claims: dict[tuple[int, int], list[int]] = {}
    for order in files.values():
        if len(order) < 2:  # one page to a file: the files' order says nothing
            continue
        order.sort(key=lambda i: reads[i].ref.page)
        for at, i in enumerate(order):
            if reads[i].code is not None or reads[i].problem != NO_CODE:
                continue
            before = _after(reads[order[at - 1]], students) if at > 0 else _EDGE
            after = _before(reads[order[at + 1]], students) if at + 1 < len(order) else _EDGE
            found = _agree(before, after, students)
            if found is not None and found not in placed:
                claims.setdefault(found, []).append(i)
    out = {}
    for (student, page), at in claims.items():
        if len(at) == 1:  # two pages claiming one place: neither is certain
            out[at[0]] = PageCode(layout["set"], versions[student], student, page)
    return out


def _known(read: PageRead, students: dict[int, int]) -> bool:
    return read.code is not None and not read.problem and read.code.student in students


def _after(read: PageRead, students: dict[int, int]):
    """What the page after ``read`` must be: (student, page), _EDGE after a paper's last page, or None."""
    if not _known(read, students):
        return None
    student, page = read.code.student, read.code.page
    return _EDGE if page >= students[student] else (student, page + 1)


def _before(read: PageRead, students: dict[int, int]):
    """What the page before ``read`` must be, as for ``_after``; _EDGE before a paper's first page."""
    if not _known(read, students):
        return None
    student, page = read.code.student, read.code.page
    return _EDGE if page <= 1 else (student, page - 1)


def _agree(before, after, students: dict[int, int]) -> tuple[int, int] | None:
    if before is None or after is None or before == after == _EDGE:
        return None
    if before != _EDGE and after != _EDGE:
        return before if before == after else None
    if before != _EDGE:  # then a paper begins, or the file ends: this page must be the last of its paper
        return before if before[1] == students[before[0]] else None
    return after if after[1] == 1 else None  # after a paper's end: the first page of the next
