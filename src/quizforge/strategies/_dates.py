"""Reading the dates teachers write: "13 January 1559", "April 23 1564", "1585-1604", "c. 460 BC", "1560s".

A date becomes a ``When``: the earliest and latest day it could mean, so that two events can be
ordered only when their spans do not overlap ("1586" and "25 October 1586" cannot be ordered;
"1585-1604" comes neither before nor after "1588"). Years before the common era are negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    **{m: i for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1)},
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
}
DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
CIRCA = re.compile(r"^\s*(?:c\.?|ca\.?|circa|about|around|approx(?:imately|\.)?)\s*(?=\d)", re.IGNORECASE)
ERA = re.compile(r"\b(BCE|BC|B\.C\.E?\.?|CE|AD|A\.D\.|C\.E\.)(?!\w)", re.IGNORECASE)
ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
RANGE = re.compile(r"^(.*?\d.*?)\s*(?:-|\u2013|\u2014|\bto\b|\buntil\b)\s*(.*\d.*)$", re.IGNORECASE)
DECADE = re.compile(r"^\s*(\d{3})0s\s*$")
CENTURY = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)\s+century\s*$", re.IGNORECASE)
VAGUE = re.compile(r"\b(early|mid|late|spring|summer|autumn|winter|before|after|by)\b", re.IGNORECASE)
CIRCA_YEARS = 10  # "c. 460 BC" could be ten years either way


@dataclass(frozen=True, order=True)
class When:
    """The span a written date covers, as (year, month, day) tuples; BCE years are negative."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    text: str = ""
    exact: bool = True  # one day, month or year, written plainly (not a range, decade, "c." or "early")

    def before(self, other: "When") -> bool:
        """Certainly earlier: this span ends before the other begins."""
        return self.end < other.start

    @property
    def year(self) -> int:
        return self.start[0]

    @property
    def precision(self) -> str:
        """'day', 'month', 'year' or 'span'."""
        if self.start == self.end:
            return "day"
        if self.start[0] == self.end[0] and self.start[1] == self.end[1]:
            return "month"
        if self.start[0] == self.end[0] and (self.start[1], self.end[1]) == (1, 12):
            return "year"
        return "span"


def year_text(year: int) -> str:
    """-442 -> '442 BCE'; 1559 -> '1559'."""
    return f"{-year} BCE" if year < 0 else str(year)


def _era(text: str) -> tuple[str, int]:
    """Strip an era marker; -1 for BCE/BC, +1 otherwise."""
    found = ERA.search(text)
    if not found:
        return text, 0
    sign = -1 if found.group(1).upper().replace(".", "").startswith("B") else 1
    return (text[:found.start()] + text[found.end():]).strip(), sign


def _single(text: str, era: int) -> When | None:
    """One date (no range): day, month and year in either order, a bare year, a decade or a century."""
    text, own_era = _era(text)
    era = own_era or era
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    sign = -1 if era < 0 else 1
    iso = ISO.match(text)
    if iso:
        y, m, d = (int(g) for g in iso.groups())
        return _day(y, m, d)
    decade = DECADE.match(text)
    if decade:
        y = int(decade.group(1)) * 10
        return When((y, 1, 1), (y + 9, 12, 31), exact=False) if sign > 0 else None
    century = CENTURY.match(text)
    if century:
        c = int(century.group(1))
        first, last = ((c - 1) * 100 + 1, c * 100) if sign > 0 else (-c * 100, -(c - 1) * 100 - 1)
        return When((first, 1, 1), (last, 12, 31), exact=False)
    if re.search(r"\d0s\b", text):  # a decade written some other way ("1920s and 30s")
        return None
    words = re.findall(r"[a-z]+", text.lower())
    months = [MONTHS[w] for w in words if w in MONTHS]
    numbers = [int(n) for n in re.findall(r"(?<!\d)(\d{1,4})(?:st|nd|rd|th)?(?!\d)", text)]
    if len(months) > 1 or not numbers or len(numbers) > 2:
        return None
    leftovers = [w for w in words if w not in MONTHS and w not in {"st", "nd", "rd", "th", "of", "the"}]
    if leftovers:
        return None
    if months:
        year = max(numbers) if len(numbers) == 2 else numbers[0]
        day = min(numbers) if len(numbers) == 2 else 0
        if len(numbers) == 2 and not 1 <= day <= 31:
            return None
        if year < 32 and not era and len(numbers) == 1:  # "March 3": no year at all
            return None
        year *= sign
        return _day(year, months[0], day) if day else When((year, months[0], 1), (year, months[0], DAYS_IN[months[0] - 1]))
    if len(numbers) != 1 or (numbers[0] < 100 and not era):  # a bare "12" is not a year
        return None
    year = sign * numbers[0]
    return When((year, 1, 1), (year, 12, 31))


def _day(y: int, m: int, d: int) -> When | None:
    if not (1 <= m <= 12 and 1 <= d <= DAYS_IN[m - 1]):
        return None
    return When((y, m, d), (y, m, d))


def parse_date(text: str) -> When | None:
    """The span a date covers, or None when it holds no year we can read."""
    raw = " ".join(text.replace(",", " ").split())
    if not raw:
        return None
    circa = bool(CIRCA.match(raw))
    body = CIRCA.sub("", raw)
    vague = bool(VAGUE.search(body))
    body = VAGUE.sub("", body).strip()
    _, era = _era(body)
    ranged = RANGE.match(body) if not ISO.match(body) else None
    if ranged:
        first_text, last_text = ranged.groups()
        last = _single(last_text, era)
        first = _single(first_text, era if not ERA.search(first_text) else 0)
        if first is None and last is not None:  # "13-15 March 1559", "1914-18": borrow from the end
            first = _borrow(first_text, last)
        if last is None and first is not None:
            last = _abbreviated_end(last_text, first)
        if first is None or last is None or last.end < first.start:
            return None
        when = When(first.start, last.end, exact=False)
    else:
        when = _single(body, era)
        if when is None:
            return None
        when = When(when.start, when.end, exact=when.exact and not vague)
    if circa:
        when = When((when.start[0] - CIRCA_YEARS, 1, 1), (when.end[0] + CIRCA_YEARS, 12, 31), exact=False)
    elif vague:
        when = When(when.start, when.end, exact=False)
    return When(when.start, when.end, raw, when.exact)


def _borrow(text: str, last: When) -> When | None:
    """The first half of a range that leaves out what the second half says: '13' of '13-15 March 1559'."""
    numbers = re.findall(r"\d+", text)
    words = [w for w in re.findall(r"[a-z]+", text.lower())]
    if len(numbers) != 1 or any(w not in MONTHS for w in words):
        return None
    n = int(numbers[0])
    month = MONTHS[words[0]] if words else last.start[1]
    if last.precision == "day" and 1 <= n <= 31:
        return _day(last.year, month, n)
    return None


def _abbreviated_end(text: str, first: When) -> When | None:
    """'18' in '1914-18' is 1918."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) >= len(str(abs(first.year))):
        return None
    century = str(first.year)[: len(str(first.year)) - len(digits)]
    year = int(century + digits)
    return When((year, 1, 1), (year, 12, 31)) if year > first.year else None
