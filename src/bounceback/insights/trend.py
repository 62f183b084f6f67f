"""A theme over time: monthly counts per source, grouped for the picture, and plain words.

Pure functions over dates and counts (no queries): stats.py fetches the monthly counts
in one GROUP BY and hands them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Months while the search spans at most a year, calendar quarters beyond that. A
# sparkline on a phone-wide card stays readable up to about a dozen bars; quarters keep
# a three-year search at twelve, while a year of months still shows the detail a person
# remembers ("that was the autumn of the take-home tests").
MONTHLY_UP_TO = 12
# "Lately" in the words is this month and the two before it: long enough for an
# application round to get answers, short enough to feel like now.
RECENT_MONTHS = 3


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    employer: int = 0
    self_noted: int = 0

    @property
    def total(self) -> int:
        return self.employer + self.self_noted


@dataclass(frozen=True)
class Period:
    """One bar of the picture: a month or a calendar quarter."""

    start: date
    label: str  # "Sep 2026" or "Jul–Sep 2026"
    employer: int
    self_noted: int

    @property
    def total(self) -> int:
        return self.employer + self.self_noted


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every first-of-month from ``first``'s month to ``last``'s month, both included."""
    start, end = month_start(first), month_start(last)
    months: list[date] = []
    while start <= end:
        months.append(start)
        start = add_months(start, 1)
    return months


def period_kind(months: list[date]) -> str:
    return "month" if len(months) <= MONTHLY_UP_TO else "quarter"


def group(series: list[MonthCount], kind: str) -> list[Period]:
    """Months as they are, or summed into calendar quarters (Jan–Mar, Apr–Jun, ...)."""
    if kind == "month":
        return [Period(m.month, f"{m.month:%b %Y}", m.employer, m.self_noted) for m in series]
    quarters: dict[date, list[int]] = {}
    for m in series:
        start = m.month.replace(month=(m.month.month - 1) // 3 * 3 + 1)
        counts = quarters.setdefault(start, [0, 0])
        counts[0] += m.employer
        counts[1] += m.self_noted
    return [
        Period(start, f"{start:%b}–{add_months(start, 2):%b %Y}", employer, own)
        for start, (employer, own) in quarters.items()
    ]


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _span(first: date, last: date, today: date, *, years: bool = False) -> str:
    """'Sep', 'Sep–Oct', or with years when they are not all this year (or ``years``)."""
    if first.year == last.year == today.year and not years:
        return f"{first:%b}" if first == last else f"{first:%b}–{last:%b}"
    if first == last:
        return f"{first:%b %Y}"
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y}–{last:%b %Y}"


def describe(series: list[MonthCount], today: date) -> str:
    """Plain words for when a theme came up, e.g. "Came up 3 times in Sep–Oct, once since."

    Counts only, no judgement: whether fewer mentions lately means anything is for the
    person to weigh (and below a handful of rejections the caller shows no words at all).
    """
    lately = add_months(month_start(today), -(RECENT_MONTHS - 1))
    earlier = [m for m in series if m.total and m.month < lately]
    recent = [m for m in series if m.total and m.month >= lately]
    before, since = sum(m.total for m in earlier), sum(m.total for m in recent)
    if not before and not since:
        return ""
    # A search that began in an earlier year names the year every time: "all in Nov" beside
    # a picture running from 2024 would leave the reader to guess which November.
    years = bool(series) and series[0].month.year != today.year
    if not before:
        span = _span(recent[0].month, recent[-1].month, today, years=years)
        return f"Came up {times(since)}, all in {span}."
    where = _span(earlier[0].month, earlier[-1].month, today, years=years)
    if not since:
        return f"Came up {times(before)} in {where}, not since."
    return f"Came up {times(before)} in {where}, {times(since)} since."
