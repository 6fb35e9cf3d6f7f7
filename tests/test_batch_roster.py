"""Roster CSVs as schools export them, and the ways they go wrong."""

from __future__ import annotations

import pytest

from quizforge.batch.roster import demo_roster, parse_roster, read_roster
from quizforge.errors import SourceError


def names(students):
    return [s.name for s in students]


def test_comma_with_bom_and_optional_columns(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("\ufeffName,Class,Candidate Number\r\nZoë O'Brien,10B,4021\r\nJean-Luc Picard,10B,\r\n".encode())
    students = read_roster(path)
    assert names(students) == ["Zoë O'Brien", "Jean-Luc Picard"]
    assert (students[0].class_name, students[0].candidate, students[0].line) == ("10B", "4021", 2)
    assert students[1].candidate == ""


def test_semicolon_excel_export_with_forename_surname_and_title_row():
    text = "Year 10 History;;\n\nLegal Surname;Preferred Forename;Reg Group\nNowak;Łucja;10A\n\"Smith; Jr\";Ana;10A\n"
    students = parse_roster(text, "sims.csv")
    assert names(students) == ["Łucja Nowak", "Ana Smith; Jr"]
    assert students[0].line == 4 and students[0].class_name == "10A"


def test_tab_separated_and_name_only_and_blank_rows_skipped():
    students = parse_roster("Student\tForm\nAmara Okafor\t9X\n\t\nSiân Evans\t9Y\n")
    assert names(students) == ["Amara Okafor", "Siân Evans"]
    assert parse_roster("name\nA. N. Other\n")[0].name == "A. N. Other"


def test_windows_1252_file_is_read(tmp_path):
    path = tmp_path / "old-excel.csv"
    path.write_bytes("Name,Class\nRené Müller,8C\n".encode("cp1252"))
    assert names(read_roster(path)) == ["René Müller"]


def test_decomposed_accents_and_spaces_are_normalised():
    student = parse_roster("Name\n  Jose\u0301   Garcia \n")[0]
    assert student.name == "José Garcia"


@pytest.mark.parametrize("text, line, words", [
    ("Pupil ID,Form\n1,10A\n", 1, "no name column"),
    ("Name,Class\nAmy,10A\n,10A\nBen,10B\n", 3, "no name"),
    ("Name,Class\nAmy,10A\n\"Ben,10B\nCara,10C\n", 3, "broken CSV quoting"),
    ("", 1, "empty"),
    ("Name,Class\n", 1, "no students"),
])
def test_bad_rosters_name_the_line(text, line, words):
    with pytest.raises(SourceError) as info:
        parse_roster(text, "class.csv")
    message = str(info.value)
    assert message.startswith(f"class.csv:{line}:"), message
    assert words in message


def test_every_empty_name_is_reported():
    with pytest.raises(SourceError) as info:
        parse_roster("Forename,Surname,Class\nA,B,1\n,,10A\nC,D,1\n, ,10B\n", "r.csv")
    assert [p.line for p in info.value.problems] == [3, 5]


def test_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="cannot read the roster"):
        read_roster(tmp_path / "nope.csv")


def test_demo_roster_is_seeded_and_british():
    a, b, c = demo_roster(12, 5), demo_roster(12, 5), demo_roster(12, 6)
    assert a == b and a != c
    assert len({s.candidate for s in a}) == 12
    assert {s.class_name for s in a} <= {"10A", "10B", "10C", "10D"}


ROWS = [("Name", "Class", "Candidate Number"), ("Zoë O'Brien", "10B", 4021), ("محمد الأحمد", "10B", 4022),
        ("李小龙", "10C", 4023)]


def test_xlsx_workbook_is_read_directly(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "class.xlsx"
    book.save(path)
    students = read_roster(path)
    assert names(students) == [r[0] for r in ROWS[1:]]
    assert [(s.class_name, s.candidate, s.line) for s in students] == [("10B", "4021", 2), ("10B", "4022", 3),
                                                                       ("10C", "4023", 4)]


def test_damaged_xlsx_is_a_clear_error(tmp_path):
    path = tmp_path / "class.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SourceError, match=r"class.xlsx: cannot read this workbook"):
        read_roster(path)


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")])
def test_utf16_unicode_text_export(tmp_path, codec, bom):
    text = "\r\n".join("\t".join(str(c) for c in row) for row in ROWS) + "\r\n"
    path = tmp_path / "class.txt"
    path.write_bytes(bom + text.encode(codec))
    students = read_roster(path)
    assert names(students) == [r[0] for r in ROWS[1:]] and students[2].candidate == "4023"


def test_windows_1252_csv(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("Name,Class\r\nZoë Müller,10A\r\nFrançois Œuvre,10A\r\n".encode("cp1252"))
    assert names(read_roster(path)) == ["Zoë Müller", "François Œuvre"]


def test_roster_lines_count_only_real_line_breaks():
    text = 'Name,Note\r\n"Ann\r\nBee",x\r\nCat,"a\rb"\r\nDan,y\r\n'
    assert [(s.name, s.line) for s in parse_roster(text)] == [("Ann Bee", 2), ("Cat", 4), ("Dan", 5)]


def test_right_to_left_names_are_isolated_in_the_running_header():
    from quizforge.batch.plan import Assignment
    from quizforge.batch.roster import Student

    arabic = Assignment(1, Student("محمد الأحمد", "10B", "4022", 2), "A", 1)
    assert arabic.running == "\u2068محمد الأحمد\u2069 · \u206810B\u2069 · \u2068Cand. 4022\u2069"
    latin = Assignment(2, Student("Zoë O'Brien", "10B", "", 3), "A", 1)
    assert latin.running == "Zoë O'Brien · 10B", "left-to-right details are left as they were"


def test_names_no_font_can_draw_are_named():
    import shutil
    from quizforge.batch.glyphs import name_warnings, undrawable
    from quizforge.batch.roster import Student

    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    assert undrawable("Zoë O'Brien") == ""
    assert undrawable("Egyptian \U00013000") == "\U00013000", "no font on the machine has hieroglyphs"
    warnings = name_warnings((Student("Zoë", "10A", "", 2), Student("Ancient \U00013000", "10A", "", 3)))
    assert len(warnings) == 1 and warnings[0].startswith("row 3 (Ancient") and "U+13000" in warnings[0]
