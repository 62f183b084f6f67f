"""Days a person types that make no sense, and the reason in words (no Django in here).

One place for the limits, used by every form, service and command that takes a date: a
day the person applied or heard back is never in the future, and never further back than
a job search goes (1900-01-01 once became "46,355 days without news"); a step's day is
never past, and never years ahead.
"""

from __future__ import annotations

from datetime import date

# Further back than this, a date is a typo in the year, not a job search.
OLDEST_YEARS = 20
# Further ahead than this, a step or an event is a typo in the year too.
FURTHEST_YEARS = 3


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def past_problem(day: date, what: str = "That date", today: date | None = None) -> str | None:
    """Why ``day`` can't be a day something already happened, or None when it can."""
    today = today or date.today()
    if day > today:
        return f"{what} is in the future ({words(day)}). Use today or an earlier day."
    if day < _years_from(today, -OLDEST_YEARS):
        return (
            f"{what} is more than {OLDEST_YEARS} years ago ({words(day)}). "
            "Check the year and try again."
        )
    return None


def future_problem(day: date, what: str = "That day", today: date | None = None) -> str | None:
    """Why ``day`` can't be a day for something still to do, or None when it can."""
    today = today or date.today()
    if day < today:
        return (
            f"{what} has already passed ({words(day)}). Pick today or a later day, "
            "or leave it undated."
        )
    if day > _years_from(today, FURTHEST_YEARS):
        return (
            f"{what} is more than {FURTHEST_YEARS} years ahead ({words(day)}). "
            "Check the year and try again."
        )
    return None
