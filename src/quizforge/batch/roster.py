"""Read a class list (CSV from a school's MIS or Excel) into students, or make a fictitious one.

Accepted: an .xlsx workbook (its first sheet); UTF-16 text (Excel's "Unicode Text");
UTF-8 with or without a BOM (Excel's "CSV UTF-8"), falling back to
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
    # a student who needs modified large print gets that version of the same paper
    "large_print": ("large print", "large-print", "modified large print", "mlp", "lp"),
}
YES_CELLS = ("yes", "y", "true", "1", "x", "✓", "✔", "large print", "lp", "mlp")
NO_CELLS = ("", "no", "n", "false", "0", "-")


@dataclass(frozen=True)
class Student:
    """One row of the class list. ``line`` is where it is in the file (1-based), for messages."""

    name: str
    class_name: str = ""
    candidate: str = ""
    line: int = 0
    large_print: bool = False


def read_roster(path: Path) -> tuple[Student, ...]:
    """Parse a roster (CSV, Excel's "Unicode Text" or an .xlsx workbook); raise ``SourceError`` listing every bad row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError([Problem(str(path), 0, f"cannot read the roster: {exc.strerror or exc}")]) from None
    if data.startswith(b"PK\x03\x04"):
        return parse_rows(_xlsx_rows(data, str(path)), str(path))
    return parse_roster(_decode(data, str(path)), str(path))


def _decode(data: bytes, filename: str = "<roster>") -> str:
    """UTF-16 ("Unicode Text", found by its BOM or its NUL bytes), UTF-8 with or without a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, "utf-16", filename)
    head = data[:400]
    if head and head.count(b"\x00") * 3 >= len(head):  # UTF-16 without a BOM: every other byte is NUL
        even_nuls = head[0::2].count(b"\x00") > head[1::2].count(b"\x00")
        return _utf16(data, "utf-16-be" if even_nuls else "utf-16-le", filename)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16(data: bytes, codec: str, filename: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SourceError([Problem(filename, 0, f"looks like UTF-16 text but byte {exc.start} is not; "
                                   "save the class list again as CSV UTF-8")]) from None


def _xlsx_rows(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) from the first worksheet of an .xlsx workbook."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise SourceError([Problem(filename, 0, "reading .xlsx needs openpyxl: pip install openpyxl")]) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [(n, ["" if v is None else _cell_text(v) for v in values])
                for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
        book.close()
    except Exception as exc:  # a damaged or encrypted workbook: openpyxl raises many kinds
        raise SourceError([Problem(filename, 0, f"cannot read this workbook ({type(exc).__name__}); "
                                   "open it in Excel and save it again, or save it as CSV UTF-8")]) from None
    return rows


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a candidate number typed as 1234 comes back as 1234.0
    return str(value)


def parse_roster(text: str, filename: str = "<roster>") -> tuple[Student, ...]:
    return parse_rows(_rows(text, filename), filename)


def parse_rows(rows: list[tuple[int, list[str]]], filename: str = "<roster>") -> tuple[Student, ...]:
    """Students from (line, cells) rows, however the file held them."""
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise SourceError([Problem(filename, 1, "the roster is empty; it needs a header row (e.g. Name,Class) "
                                   "and one row per student")])
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
    reader = csv.reader(_physical_lines(text), delimiter=delimiter, strict=True)
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


def _physical_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: only LF (or CR LF) ends one, so ``reader.line_num`` is the file's line.

    A bare CR ends lines only in a file that has no LF at all (an old Mac export).
    """
    text = text.replace("\r\n", "\n")
    if "\n" not in text:
        text = text.replace("\r", "\n")
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


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
    large = _cell(cells, columns, "large_print").casefold()
    if large not in YES_CELLS and large not in NO_CELLS:
        problems.append(Problem(filename, line, f"large print: {large!r} is not yes or no; write yes (or leave the "
                                "cell empty for standard print)"))
    return Student(name=name, class_name=_cell(cells, columns, "class"),
                   candidate=_cell(cells, columns, "candidate"), line=line, large_print=large in YES_CELLS and bool(large))


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
