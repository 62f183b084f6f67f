"""Numbers and dates in words: counts with their plural, days and months with their year.

Counts get their proper singular or plural, and a date or month carries its year
whenever it is not in the current one, so a search that spans years never reads as
one muddled autumn.
"""

from __future__ import annotations

from datetime import date


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 application', '3 applications'; ``many`` for irregular words ('1 has', '2 have')."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def day_label(day: date, today: date | None = None) -> str:
    """'23 Oct' this year, '23 Oct 2024' in any other."""
    today = today or date.today()
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"


def month_label(month: date, today: date | None = None) -> str:
    """'Oct' this year, 'Oct 2024' in any other."""
    today = today or date.today()
    return f"{month:%b}" if month.year == today.year else f"{month:%b %Y}"
