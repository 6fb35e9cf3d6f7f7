"""The date reader: the formats teachers write, in the right order, BCE before CE."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizforge.strategies._dates import parse_date, year_text


@pytest.mark.parametrize("text, start, end", [
    ("13 January 1559", (1559, 1, 13), (1559, 1, 13)),
    ("April 23 1564", (1564, 4, 23), (1564, 4, 23)),
    ("23rd April 1564", (1564, 4, 23), (1564, 4, 23)),
    ("1603, March 24", (1603, 3, 24), (1603, 3, 24)),
    ("1559-01-13", (1559, 1, 13), (1559, 1, 13)),
    ("September 1938", (1938, 9, 1), (1938, 9, 30)),
    ("Sept 1938", (1938, 9, 1), (1938, 9, 30)),
    ("1568", (1568, 1, 1), (1568, 12, 31)),
    ("1585-1604", (1585, 1, 1), (1604, 12, 31)),
    ("1585\u20131604", (1585, 1, 1), (1604, 12, 31)),
    ("1914-18", (1914, 1, 1), (1918, 12, 31)),
    ("1939 to 1945", (1939, 1, 1), (1945, 12, 31)),
    ("13-15 March 1559", (1559, 3, 13), (1559, 3, 15)),
    ("442 BCE", (-442, 1, 1), (-442, 12, 31)),
    ("442 BC", (-442, 1, 1), (-442, 12, 31)),
    ("c. 460 BC", (-470, 1, 1), (-450, 12, 31)),
    ("500-450 BC", (-500, 1, 1), (-450, 12, 31)),
    ("44 BC - AD 14", (-44, 1, 1), (14, 12, 31)),
    ("AD 43", (43, 1, 1), (43, 12, 31)),
    ("1560s", (1560, 1, 1), (1569, 12, 31)),
    ("the 5th century BC", (-500, 1, 1), (-401, 12, 31)),
])
def test_reads_the_formats_teachers_write(text, start, end):
    when = parse_date(text)
    assert when is not None and (when.start, when.end) == (start, end)


@pytest.mark.parametrize("text", ["", "Tuesday", "12", "March 3", "31 February 1600", "1920s and 30s", "soon"])
def test_no_year_no_date(text):
    assert parse_date(text) is None


def test_exact_only_for_plain_dates():
    assert parse_date("8 February 1587").exact and parse_date("1593").exact and parse_date("442 BCE").exact
    assert not any(parse_date(t).exact for t in ("c. 1500", "1585-1604", "early 1930s", "1560s", "Summer 1588"))


def test_mixed_formats_sort_and_bce_comes_first():
    written = ["24 March 1603", "1585-1604", "April 23 1564", "c. 460 BC", "13 January 1559", "442 BCE", "AD 43"]
    ordered = sorted(written, key=lambda t: parse_date(t).start)
    assert ordered == ["c. 460 BC", "442 BCE", "AD 43", "13 January 1559", "April 23 1564", "1585-1604", "24 March 1603"]


def test_overlapping_dates_cannot_be_ordered():
    year, day, war = parse_date("1586"), parse_date("25 October 1586"), parse_date("1585-1604")
    assert not year.before(day) and not day.before(year)
    assert not war.before(parse_date("1588")) and not parse_date("1588").before(war)
    assert parse_date("1586").before(parse_date("8 February 1587"))
    assert year_text(-442) == "442 BCE" and year_text(1559) == "1559"


MONTHS = "January February March April May June July August September October November December".split()


@given(st.dates(min_value=datetime.date(1000, 1, 1)), st.sampled_from(["{d} {m} {y}", "{m} {d} {y}", "{m} {d}, {y}", "{y}-{mm:02d}-{d:02d}"]))
def test_any_real_day_in_any_order_reads_back(day, pattern):
    text = pattern.format(d=day.day, m=MONTHS[day.month - 1], y=day.year, mm=day.month)
    when = parse_date(text)
    assert when is not None and when.start == when.end == (day.year, day.month, day.day)
