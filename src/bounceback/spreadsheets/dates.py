"""Days as spreadsheets write them (no Django in here).

ISO (2026-11-03), numbers with slashes, dashes or dots (3/11/2026: day or month first is
decided from the whole file, never row by row), month names ("Nov 3, 2026",
"3 November 2026", "03-Nov-26") and Excel's serial numbers (46329).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

DMY, MDY = "dmy", "mdy"
DATE_ORDERS = (DMY, MDY)

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T][\d:.]+(?:\s*[ap]m)?)?$", re.I
)
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
# Serial numbers this far apart cover 1954 to 2119: anything else is a number, not a day.
_SERIAL_RANGE = (20_000, 80_000)
_EXCEL_EPOCH = date(1899, 12, 30)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WORDS = re.compile(r"[a-z]+|\d+")
_WEEKDAYS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_WEEKDAYS |= {d + "day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}


class AmbiguousOrder(ValueError):
    """Every slashed date in the file reads both ways (3/11/2026: 3 Nov or 11 Mar?)."""


class MixedOrder(ValueError):
    """Some dates must be day-first and others month-first: the file contradicts itself."""


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 and len(text) <= 2 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_parts(text: str) -> tuple[int, int, int] | None:
    """(first, second, year) of a date like 3/11/2026, or None when it isn't one."""
    found = _NUMERIC.match(text.strip())
    if not found:
        return None
    return int(found.group(1)), int(found.group(2)), _year(found.group(3))


def infer_order(texts: Iterable[str]) -> str | None:
    """Day or month first for the whole file, from its numeric dates; None if it has none
    that tell. Raises AmbiguousOrder or MixedOrder when the file doesn't decide it."""
    day_first = month_first = either = False
    for text in texts:
        parts = numeric_parts(text)
        if parts is None:
            continue
        first, second, _ = parts
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            month_first = True
        elif first != second:
            either = True
    if day_first and month_first:
        raise MixedOrder
    if day_first:
        return DMY
    if month_first:
        return MDY
    if either:
        raise AmbiguousOrder
    return None


def _named(text: str) -> date | None:
    """ "Nov 3, 2026", "3 November 2026", "03-Nov-26", "Tuesday 3 Nov 2026"."""
    words = [
        w for w in _WORDS.findall(text.lower()) if w not in _WEEKDAYS and w not in ("of", "the")
    ]
    words = [re.sub(r"^(\d+)(st|nd|rd|th)$", r"\1", w) for w in words]
    words = [w for w in words if w not in ("st", "nd", "rd", "th")]
    months = [w for w in words if w in _MONTHS]
    numbers = [w for w in words if w.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(words) != 3:
        return None
    month = _MONTHS[months[0]]
    first, second = numbers
    if len(first) == 4:  # 2026 Nov 3
        return _make(int(first), month, int(second))
    return _make(_year(second), month, int(first))


def parse_date(text: str, order: str | None = None) -> date | None:
    """The day a cell says, or None when it doesn't say one we can read.

    ``order`` (dmy or mdy) decides numeric dates whose first two parts could swap;
    without it, only those that can be read one way are read.
    """
    text = text.strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    parts = numeric_parts(text)
    if parts is not None:
        first, second, year = parts
        if order is None:
            if first > 12 or first == second:
                order = DMY
            elif second > 12:
                order = MDY
            else:
                return None
        day, month = (first, second) if order == DMY else (second, first)
        return _make(year, month, day)
    if _SERIAL.match(text):
        serial = float(text)
        if _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(serial))
        return None
    named = _named(text)
    if named is not None:
        return named
    for pattern in ("%Y%m%d",):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    return None
