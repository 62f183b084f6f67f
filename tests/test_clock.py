"""The suite owns its clock: it runs at one moment, movable with --today, never the real time."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests import clock

TESTS = Path(__file__).resolve().parent
REAL_CLOCK = re.compile(
    r"\b(?:date\.today|datetime\.(?:now|utcnow|today)|timezone\.(?:now|localdate)|time\.time)\("
)


def test_the_suite_runs_at_the_frozen_moment() -> None:
    assert date.today() == clock.TODAY
    assert datetime.now(UTC) == clock.CURRENT_TIME
    assert time.time() == clock.CURRENT_TIME.timestamp()


def test_a_test_may_move_the_clock_and_the_next_one_starts_again(frozen_clock: object) -> None:
    frozen_clock.shift(86400 * 400)  # type: ignore[attr-defined]
    assert date.today() != clock.TODAY


def test_the_clock_is_back_where_it_was() -> None:
    assert date.today() == clock.TODAY


def test_today_reads_a_time_without_offset_in_the_local_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = clock.CURRENT_TIME, clock.TODAY
    monkeypatch.setenv("TZ", "America/New_York")
    try:
        clock.set_current_time("2027-11-07T01:30:00")
        assert datetime(2027, 11, 7, 5, 30, tzinfo=UTC) == clock.CURRENT_TIME  # still EDT
        assert date(2027, 11, 7) == clock.TODAY
        clock.set_current_time("2027-01-01T00:00:30+00:00")
        assert date(2026, 12, 31) == clock.TODAY  # still New Year's Eve in New York
    finally:
        clock.CURRENT_TIME, clock.TODAY = saved


def test_no_test_reads_the_real_clock() -> None:
    # The clock is frozen anyway; this keeps dates in tests written relative to TODAY.
    offenders = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name not in {"clock.py", "test_clock.py"}
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if REAL_CLOCK.search(line)
    ]
    assert offenders == [], "use tests.clock.TODAY / CURRENT_TIME instead"
