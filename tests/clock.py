"""The suite's one clock: every test runs at ``CURRENT_TIME``, never at the real time.

Dates in tests are written relative to ``TODAY`` (``TODAY - timedelta(days=3)``), so the
suite passes on any day of any year. ``pytest --today 2027-01-01T00:00:30+00:00`` moves the
clock for a whole run (``.ci/run`` does that on New Year's Eve, 29 February and the nights
the clocks change); the local time zone is the one Django uses (``TZ``, default UTC).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# A Wednesday in the middle of a month, well inside a year: nothing awkward by default.
DEFAULT = datetime(2026, 11, 18, 10, 30, tzinfo=UTC)

CURRENT_TIME: datetime = DEFAULT
TODAY: date = DEFAULT.date()


def local_zone() -> ZoneInfo:
    return ZoneInfo(os.environ.get("TZ") or "UTC")


def set_current_time(value: str | None) -> None:
    """Move the suite's clock (``--today``): ISO 8601, a date or a date and time.

    A time without an offset is read in the local zone, as a person would say it.
    """
    global CURRENT_TIME, TODAY
    moment = DEFAULT if not value else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    # Kept in UTC: an aware time in a zone's repeated hour (fold=1) never equals the same
    # instant written in another zone, so comparisons would fail on the night clocks go back.
    CURRENT_TIME = moment.astimezone(UTC)
    TODAY = moment.astimezone(local_zone()).date()
