"""Read a class list (CSV from a school's MIS or Excel) into students, or make a fictitious one.

Accepted: UTF-8 with or without a BOM (Excel's "CSV UTF-8"), falling back to
Windows-1252 (Excel's plain "CSV"); comma, semicolon or tab separated; a header
row (found among the first few non-blank rows) with a name column, or forename
and surname columns. Class and candidate number are optional. Every problem is
reported as ``FILE:LINE: message`` before anything is rendered.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, SourceError

HEADER_SEARCH_ROWS = 5
MAX_PROBLEMS = 20

# Column headings as MIS exports spell them, after _norm().
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "student", "student name", "pupil", "pupil name", "candidate name",
             "learner", "learner name"),
    "forename": ("forename", "first name", "firstname", "given name", "preferred forename", "legal forename",
                 "preferred first name"),
    "surname": ("surname", "last name", "lastname", "family name", "legal surname", "preferred surname"),
    "class": ("class", "form", "tutor group", "reg group", "registration group", "group", "set",
              "teaching group", "form group", "class group"),
    "candidate": ("candidate number", "candidate no", "cand no", "candidate", "exam number", "exam no",
                  "candidate id", "cand number"),
}


@dataclass(frozen=True)
class Student:
    """One row of the class list. ``line`` is where it is in the file (1-based), for messages."""

    name: str
    class_name: str = ""
    candidate: str = ""
    line: int = 0


def read_roster(path: Path) -> tuple[Student, ...]:
    """Parse a roster CSV; raise ``SourceError`` listing every bad row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError([Problem(str(path), 0, f"cannot read the roster: {exc.strerror or exc}")]) from None
    return parse_roster(_decode(data), str(path))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_roster(text: str, filename: str = "<roster>") -> tuple[Student, ...]:
    rows = _rows(text, filename)
    header_at, columns = _find_header(rows, filename)
    problems: list[Problem] = []
    students: list[Student] = []
    for line, cells in rows[header_at + 1:]:
        if not any(c.strip() for c in cells):
            continue
        student = _student(line, cells, columns, filename, problems)
        if student:
            students.append(student)
        if len(problems) >= MAX_PROBLEMS:
            break
    if not students and not problems:
        problems.append(Problem(filename, rows[header_at][0], "the roster has a header but no students"))
    if problems:
        raise SourceError(problems)
    return tuple(students)


def _rows(text: str, filename: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for every row; a broken quote is reported at its line."""
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, start = [], 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError([Problem(filename, start, f"broken CSV quoting ({exc}); "
                                   "every opening \" needs a closing \", and a \" inside a field is written \"\"")]) from None
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise SourceError([Problem(filename, 1, "the roster is empty; it needs a header row (e.g. Name,Class) "
                                   "and one row per student")])
    return rows


def _delimiter(text: str) -> str:
    """The separator the first non-blank line uses most (outside quotes): ',', ';' or tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _norm(heading: str) -> str:
    heading = unicodedata.normalize("NFKC", heading).casefold().replace("_", " ").replace(".", " ")
    return " ".join(re.sub(r"[^\w\s]", " ", heading).split())


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        heading = _norm(cell)
        for role, names in ALIASES.items():
            if heading in names and role not in found:
                found[role] = index
    return found


def _find_header(rows, filename: str) -> tuple[int, dict[str, int]]:
    nonblank = [(i, r) for i, r in enumerate(rows) if any(c.strip() for c in r[1])][:HEADER_SEARCH_ROWS]
    for index, (line, cells) in nonblank:
        columns = _columns(cells)
        if "name" in columns or ("forename" in columns and "surname" in columns):
            return index, columns
    line, cells = nonblank[0][1]
    seen = ", ".join(repr(c.strip()) for c in cells if c.strip()) or "nothing"
    raise SourceError([Problem(filename, line, f"no name column in the header (found {seen}); "
                               "head one column 'Name' (or two 'Forename' and 'Surname'); "
                               "'Class' and 'Candidate number' are optional")])


def _cell(cells: list[str], columns: dict[str, int], role: str) -> str:
    index = columns.get(role)
    if index is None or index >= len(cells):
        return ""
    return clean(cells[index])


def clean(text: str) -> str:
    """NFC, single spaces: 'José  O\u2019Neil' and a decomposed 'José' print and key the same."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _student(line, cells, columns, filename, problems) -> Student | None:
    name = _cell(cells, columns, "name")
    if not name and "forename" in columns:
        name = clean(f"{_cell(cells, columns, 'forename')} {_cell(cells, columns, 'surname')}")
    if not name:
        what = "Name" if "name" in columns else "Forename/Surname"
        problems.append(Problem(filename, line, f"this row has no name (column {what} is empty); "
                                "fill it in or delete the row"))
        return None
    return Student(name=name, class_name=_cell(cells, columns, "class"),
                   candidate=_cell(cells, columns, "candidate"), line=line)


def demo_roster(count: int, seed: int) -> tuple[Student, ...]:
    """A fictitious class of ``count`` UK pupils (Faker, en_GB), the same for the same seed."""
    try:
        from faker import Faker
    except ImportError:  # pragma: no cover - faker is a dependency
        raise SourceError([Problem("--demo-roster", 0, "needs Faker: pip install faker")]) from None
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    forms = ["10A", "10B", "10C", "10D"]
    first_candidate = 1000 + fake.random_int(0, 7000)
    return tuple(
        Student(name=clean(f"{fake.first_name()} {fake.last_name()}"), class_name=forms[i * len(forms) // count],
                candidate=f"{first_candidate + i:04d}", line=i + 2)
        for i in range(count)
    )


def copies(count: int) -> tuple[Student, ...]:
    """Anonymous papers: the students write their own names in."""
    return tuple(Student(name="", candidate="", line=0, class_name="") for _ in range(count))
