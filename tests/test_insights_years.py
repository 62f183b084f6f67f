"""A search that spans years: every date or month outside this year says its year, axes keep gaps."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.insights import charts
from bounceback.insights.stats import wins_over_time
from bounceback.insights.trend import MonthCount, describe
from bounceback.lib import humanize
from bounceback.recovery.models import Win
from tests.test_insights import TODAY, applied

pytestmark = pytest.mark.django_db


def test_a_day_or_month_names_its_year_only_when_it_is_not_this_one() -> None:
    today = date(2026, 11, 30)
    assert humanize.day_label(date(2026, 10, 23), today) == "23 Oct"
    assert humanize.day_label(date(2024, 10, 23), today) == "23 Oct 2024"
    assert humanize.month_label(date(2026, 7, 1), today) == "Jul"
    assert humanize.month_label(date(2025, 7, 1), today) == "Jul 2025"


def test_a_silence_from_another_year_shows_that_year(alice: Any, alice_client: Any) -> None:
    old = TODAY - timedelta(days=768)
    applied(alice, "Longago", 768)
    html = alice_client.get("/insights/").content.decode()
    assert f"768 days since {old.day} {old:%b %Y}" in html


def test_wins_per_month_keep_empty_months_and_name_each_year(alice: Any) -> None:
    today = date(2026, 4, 20)
    for day in (date(2026, 3, 5), date(2025, 12, 10)):
        Win.objects.create(owner=alice, title="A reply", occurred_on=day)
    wins = wins_over_time(alice, today=today)
    assert [n for _, n in wins.by_month] == [1, 0, 0, 1, 0]  # Dec 2025 to Apr 2026
    chart = charts.bars_chart(
        "wins", "Wins per month", "", wins.by_month, unit=("win", "wins"), by="month",
        today=today, tick_every=1,
    )  # fmt: skip
    assert chart.rows == [["Dec 2025", "1"], ["Jan", "0"], ["Feb", "0"], ["Mar", "1"], ["Apr", "0"]]
    # The axis says "Dec Jan Feb Mar Apr" with 2025 under Dec and 2026 under Jan.
    assert ">2025</text>" in chart.svg and ">2026</text>" in chart.svg
    assert "1 win</title>" in chart.svg and "2 wins in 5 months" in chart.label


def test_a_year_line_never_crowds_the_next_one() -> None:
    # Twelve narrow months, Dec 2025 to Nov 2026: "2026" under Jan is enough for Dec.
    today = date(2026, 11, 30)
    points = [(date(2025, 12, 1), 1)] + [(date(2026, m, 1), 0) for m in range(1, 12)]
    chart = charts.bars_chart(
        "wins", "Wins per month", "", points, unit=("win", "wins"), by="month",
        today=today, tick_every=1,
    )  # fmt: skip
    assert ">2025</text>" not in chart.svg and chart.svg.count(">2026</text>") == 1
    assert chart.rows[0] == ["Dec 2025", "1"] and ">Nov</text>" in chart.svg


def test_a_chart_all_in_this_year_carries_no_year_line(alice: Any) -> None:
    today = date(2026, 11, 30)
    points = [(date(2026, m, 1), m % 3) for m in range(6, 12)]
    chart = charts.bars_chart(
        "wins", "Wins per month", "", points, unit=("win", "wins"), by="month",
        today=today, tick_every=1,
    )  # fmt: skip
    assert ">2026</text>" not in chart.svg and chart.rows[0] == ["Jun", "0"]


def test_the_report_lists_wins_by_date_with_their_years(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    days = [TODAY - timedelta(days=400), TODAY, TODAY - timedelta(days=800)]
    for n, day in enumerate(days):
        Win.objects.create(owner=alice, title=f"Win {n}", occurred_on=day)
    since = (TODAY - timedelta(days=900)).isoformat()
    assert cli("report", "--out", str(tmp_path), "--since", since).exit_code == 0
    md = next(tmp_path.glob("*.md")).read_text()
    html = next(tmp_path.glob("*.html")).read_text()
    oldest, older = days[2], days[0]
    lines = [line for line in md.splitlines() if line.startswith("- ") and "Win " in line]
    assert lines == [
        f"- {oldest.day} {oldest:%b %Y}: Win 2",
        f"- {older.day} {older:%b %Y}: Win 0",
        f"- {humanize.day_label(TODAY)}: Win 1",
    ]
    assert f"{oldest.day} {oldest:%b %Y}" in html


def test_trend_words_name_the_year_of_mentions_from_another_year() -> None:
    today = date(2026, 11, 30)
    series = [MonthCount(date(2024, 11, 1), 2), MonthCount(date(2026, 11, 1), 0, 3)]
    assert describe(series, today) == "Came up twice in Nov 2024, 3 times since."
    assert describe(series[1:], today) == "Came up 3 times, all in Nov."
    # Beside a picture that starts in 2024, this year's months say their year too.
    since_2024 = [MonthCount(date(2024, 11, 1)), MonthCount(date(2026, 11, 1), 3)]
    assert describe(since_2024, today) == "Came up 3 times, all in Nov 2026."
    last_year = [MonthCount(date(2025, 11, 1), 1), MonthCount(date(2025, 12, 1), 1)]
    assert describe(last_year, date(2026, 1, 10)) == "Came up twice, all in Nov–Dec 2025."
