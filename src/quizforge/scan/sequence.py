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


def by_sequence(reads: list[PageRead], layout: dict) -> list[list[tuple[int, PageCode]]]:
    """Runs of pages without a code that their neighbours name, each a list of ``(index in reads, code)``.

    A run of lost pages is placed whole or not at all: between page 1 and page 4 of a paper, two lost
    pages are its pages 2 and 3, in that order. Where two runs name one page, neither is kept."""
    students = {s["id"]: len(layout["versions"][s["version"]]["pages"]) for s in layout["students"]}  # -> pages
    versions = {s["id"]: s["version"] for s in layout["students"]}
    placed = {(r.code.student, r.code.page) for r in reads if r.code is not None and not r.problem}
    files: dict[str, list[int]] = {}
    for i, read in enumerate(reads):
        if read.problem != "blank page":  # a duplex scan's empty backs are not neighbours
            files.setdefault(read.ref.file, []).append(i)
    runs = []
    for order in files.values():
        if len(order) < 2:  # one page to a file: the files' order says nothing
            continue
        order.sort(key=lambda i: reads[i].ref.page)
        at = 0
        while at < len(order):
            end = at
            while end < len(order) and _lost(reads[order[end]]):
                end += 1
            if end == at:
                at += 1
                continue
            before = _after(reads[order[at - 1]], students) if at > 0 else _EDGE
            after = _before(reads[order[end]], students) if end < len(order) else _EDGE
            pages = _between(before, after, end - at, students)
            if pages and not placed & set(pages):
                runs.append(list(zip(order[at:end], pages)))
            at = end
    claimed = [key for run in runs for _, key in run]
    return [[(i, PageCode(layout["set"], versions[key[0]], *key)) for i, key in run] for run in runs
            if all(claimed.count(key) == 1 for _, key in run)]


def _lost(read: PageRead) -> bool:
    return read.code is None and read.problem == NO_CODE


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


def _between(before, after, count: int, students: dict[int, int]) -> list[tuple[int, int]]:
    """The ``count`` pages a run must be, from what its neighbours say it starts and ends with; [] if unsure."""
    if before is None or after is None or before == after == _EDGE:
        return []
    if before != _EDGE and after != _EDGE:  # the same paper on both sides, exactly the run's pages missing
        same = before[0] == after[0] and after[1] - before[1] + 1 == count
        return [(before[0], p) for p in range(before[1], after[1] + 1)] if same else []
    if before != _EDGE:  # then a paper begins, or the file ends: the run ends its paper
        last = before[1] + count - 1
        return [(before[0], p) for p in range(before[1], last + 1)] if last == students[before[0]] else []
    first = after[1] - count + 1  # after a paper's end or the file's start: the run begins the next paper
    return [(after[0], p) for p in range(1, after[1] + 1)] if first == 1 else []
