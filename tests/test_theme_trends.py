"""Themes over time: mentions counted by month and by source, quarters for a long search, plain words."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bounceback.applications.services import add_application
from bounceback.insights.models import ThemeTag
from bounceback.insights.stats import themes_report
from bounceback.insights.tagging import retag_all
from bounceback.insights.trend import MonthCount, describe, group, months_between, period_kind
from bounceback.recovery.models import Feedback, Rejection
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY
from tests.suggestions import confirm_all
from tests.test_insights import bulk_search

DEPTH = "Your SQL was not strong enough for the technical round."
MID_MARCH = date(2026, 3, 15)  # "today" for the tests written with fixed dates


def rejected(owner: Any, name: str, applied_on: date, received_on: date) -> Rejection:
    application = add_application(owner, company=name, role="Analyst", applied_on=applied_on)
    return record_rejection(application, received_on=received_on, stage_reached="interview")


def feedback(rejection: Rejection, on: date, text: str = DEPTH) -> Feedback:
    """The employer's feedback, its suggested themes confirmed (as the person would)."""
    saved = Feedback.objects.create(
        owner=rejection.owner, application=rejection.application, received_on=on, text=text
    )
    confirm_all(rejection.owner)
    return saved


def months(report: Any, slug: str) -> dict[str, tuple[int, int]]:
    row = next(r for r in report.rows if r.theme.slug == slug)
    return {f"{m.month:%Y-%m}": (m.employer, m.self_noted) for m in row.by_month}


@pytest.mark.django_db
def test_mentions_fall_in_the_month_the_text_arrived_either_side_of_a_month_end(
    alice: Any,
) -> None:
    first = rejected(alice, "Acme", date(2025, 12, 20), date(2026, 1, 31))
    second = rejected(alice, "Beta", date(2026, 1, 5), date(2026, 2, 1))
    feedback(first, date(2026, 1, 31))
    feedback(second, date(2026, 2, 1))
    save_answer(second, "struggled", "My SQL was rusty in the technical round.")
    confirm_all(alice)
    report = themes_report(alice, today=MID_MARCH)
    assert report.months[0] == date(2025, 12, 1) and report.months[-1] == date(2026, 3, 1)
    # Employer and own notes stay apart, and an empty month is a month, not a gap.
    assert months(report, "core-skill") == {
        "2025-12": (0, 0),
        "2026-01": (1, 0),
        "2026-02": (1, 1),
        "2026-03": (0, 0),
    }
    row = next(r for r in report.rows if r.theme.slug == "core-skill")
    assert sum(m.total for m in row.by_month) == row.employer + row.self_noted == 3


@pytest.mark.django_db
def test_a_removed_tag_leaves_the_trend_too(alice: Any) -> None:
    rejection = rejected(alice, "Acme", date(2026, 1, 2), date(2026, 2, 10))
    feedback(rejection, date(2026, 2, 10))
    ThemeTag.objects.filter(owner=alice, theme="core-skill").update(state="rejected")
    assert months(themes_report(alice, today=MID_MARCH), "core-skill")["2026-02"] == (0, 0)


def test_a_year_is_shown_by_month_and_a_longer_search_by_quarter() -> None:
    year = months_between(date(2025, 4, 3), date(2026, 3, 30))
    assert len(year) == 12 and period_kind(year) == "month"
    longer = months_between(date(2025, 2, 1), date(2026, 3, 1))
    assert period_kind(longer) == "quarter"
    series = [MonthCount(m, 1 if m.month in (3, 4) else 0, 1) for m in longer]
    quarters = group(series, "quarter")
    assert [(q.label, q.employer, q.self_noted) for q in quarters] == [
        ("Jan–Mar 2025", 1, 2),  # February and March only: the search began in February
        ("Apr–Jun 2025", 1, 3),
        ("Jul–Sep 2025", 0, 3),
        ("Oct–Dec 2025", 0, 3),
        ("Jan–Mar 2026", 1, 3),
    ]


def counts(today: date, **by_month: int) -> list[MonthCount]:
    """Employer mentions by month name, e.g. aug=2, over the six months up to today."""
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    span = months_between(today - timedelta(days=200), today)
    return [MonthCount(m, by_month.get(names[m.month - 1], 0)) for m in span]


@pytest.mark.parametrize(
    ("mentions", "words"),
    [
        ({"aug": 2, "sep": 1, "dec": 1}, "Came up 3 times in Aug–Sep, once since."),
        ({"jul": 1, "aug": 1}, "Came up twice in Jul–Aug, not since."),
        ({"oct": 1, "nov": 3}, "Came up 4 times, all in Oct–Nov."),
        ({"dec": 1}, "Came up once, all in Dec."),
        ({"jun": 1, "nov": 2}, "Came up once in Jun, twice since."),
    ],
)
def test_the_words_say_when_a_theme_came_up_without_judging_it(
    mentions: dict[str, int], words: str
) -> None:
    assert describe(counts(date(2026, 12, 15), **mentions), date(2026, 12, 15)) == words


def test_the_words_name_the_year_when_it_is_not_this_one() -> None:
    series = [MonthCount(date(2025, 11, 1), 2), MonthCount(date(2026, 2, 1), 0, 1)]
    assert describe(series, date(2026, 2, 10)) == "Came up twice in Nov 2025, once since."


@pytest.mark.django_db
def test_below_five_rejections_the_counts_show_but_no_trend_words(
    alice: Any, alice_client: Any
) -> None:
    rejection = rejected(alice, "Acme", TODAY - timedelta(days=60), TODAY)
    feedback(rejection, TODAY)
    report = themes_report(alice)
    row = next(r for r in report.found if r.theme.slug == "core-skill")
    assert report.small_sample and row.summary == "" and row.employer == 1
    html = alice_client.get("/insights/themes/").content.decode()
    assert "Came up" not in html and 'id="trend-core-skill"' in html


@pytest.mark.django_db
def test_with_five_rejections_the_page_says_when_it_came_up(alice: Any, alice_client: Any) -> None:
    today = TODAY
    for i in range(5):
        rejection = rejected(alice, f"Co{i}", today - timedelta(days=200), today)
        feedback(rejection, today - timedelta(days=150 if i < 3 else 0))
    html = alice_client.get("/insights/themes/").content.decode()
    assert "Came up 3 times in" in html and "twice since." in html
    overview = alice_client.get("/insights/").content.decode()
    assert "Themes over time" in overview and "twice since." in overview


@pytest.mark.django_db
def test_bobs_mentions_never_reach_alices_trend(alice: Any, bob: Any) -> None:
    feedback(rejected(bob, "Acme", date(2020, 1, 5), date(2020, 2, 1)), date(2020, 2, 1))
    rejected(alice, "Beta", date(2026, 1, 5), date(2026, 2, 1))
    report = themes_report(alice, today=MID_MARCH)
    assert report.found == [] and report.months[0] == date(2026, 1, 1)
    assert all(m.total == 0 for r in report.rows for m in r.by_month)


def tagged_search(owner: Any, n: int) -> None:
    """n applications, a quarter rejected after a screening, each with feedback and its tags."""
    bulk_search(owner, n)
    Feedback.objects.bulk_create(
        Feedback(
            owner=owner,
            application=r.application,
            received_on=r.received_on,
            text=DEPTH if i % 2 else "A clearer story about stakeholders, please.",
        )
        for i, r in enumerate(Rejection.objects.filter(owner=owner).select_related("application"))
    )
    retag_all(owner)
    confirm_all(owner)


@pytest.mark.django_db
def test_the_themes_page_asks_the_database_as_often_for_a_small_and_a_big_search(
    alice: Any, alice_client: Any, bob: Any, bob_client: Any
) -> None:
    tagged_search(alice, 24)
    tagged_search(bob, 400)
    assert (
        ThemeTag.objects.filter(owner=bob).count()
        > 5 * ThemeTag.objects.filter(owner=alice).count()
    )
    for url in ("/insights/themes/", "/insights/"):
        counts = []
        for client in (alice_client, bob_client):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], url


@pytest.mark.django_db
def test_insights_json_has_each_themes_months_by_source_and_the_words(cli: Any, alice: Any) -> None:
    today = TODAY
    for i in range(5):
        rejection = rejected(alice, f"Co{i}", today - timedelta(days=120), today)
        feedback(rejection, today - timedelta(days=100 if i else 0))
    data = json.loads(cli("insights", "--json").output)
    theme = next(t for t in data["themes"] if t["slug"] == "core-skill")
    by_month = theme["by_month"]
    assert by_month[0]["month"] == f"{today - timedelta(days=120):%Y-%m}"
    assert by_month[-1] == {"month": f"{today:%Y-%m}", "employer": 1, "self": 0}
    assert sum(m["employer"] for m in by_month) == theme["employer"] == 5
    assert theme["trend"].startswith("Came up 4 times in") and theme["trend"].endswith(
        "once since."
    )
    assert f"Depth in the core skill: {theme['trend']}" in cli("insights").output


@pytest.mark.django_db
def test_the_report_carries_the_trend_in_html_and_markdown(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    today = TODAY
    for i in range(5):
        feedback(rejected(alice, f"Co{i}", today - timedelta(days=90), today), today)
    assert cli("report", "--out", str(tmp_path)).exit_code == 0
    html = next(tmp_path.glob("*.html")).read_text()
    md = next(tmp_path.glob("*.md")).read_text()
    assert "Themes over time" in html and 'id="trend-core-skill"' in html
    assert "### Over time" in md and "Came up 5 times, all in" in md
    assert f"| {today:%b %Y} | 5 | 0 |" in md


@pytest.mark.django_db
def test_the_dashboard_and_the_themes_chart_count_the_same_thing_and_say_so(
    alice: Any, alice_client: Any
) -> None:
    # "Examples" fills six texts about two applications; "depth" one text each about four.
    stories = "I rambled and gave no concrete example; my stories had no structure."
    for i in range(2):
        rejection = rejected(alice, f"Story{i}", TODAY - timedelta(days=60), TODAY)
        for n in range(3):
            feedback(rejection, TODAY, f"{stories} ({n})")
    for i in range(4):
        feedback(rejected(alice, f"Depth{i}", TODAY - timedelta(days=60), TODAY), TODAY)
    retag_all(alice)
    confirm_all(alice)
    report = themes_report(alice, today=TODAY)
    rows = {r.theme.slug: r for r in report.found}
    assert (rows["examples"].total, rows["examples"].applications) == (6, 2)
    assert (rows["core-skill"].total, rows["core-skill"].applications) == (4, 4)
    dashboard = alice_client.get("/").content.decode()
    assert "Most common theme: <strong>Depth in the core skill</strong>, in 4 applications" in (
        dashboard
    )
    assert "wait for a look" not in dashboard
    page = alice_client.get("/insights/").content.decode()
    assert "Counted in applications" in page
    assert "Themes by stage. Depth in the core skill: 4 applications;" in page


@pytest.mark.django_db
def test_a_stray_word_never_becomes_the_most_common_theme_on_the_dashboard(
    alice: Any, alice_client: Any
) -> None:
    # Issue 11: "explain" alone made Communication the most common theme and a step.
    for i in range(3):
        rejection = rejected(alice, f"Co{i}", TODAY - timedelta(days=60), TODAY)
        save_answer(rejection, "struggled", "I would explain how I ran the tests.")
    one = rejected(alice, "Depth", TODAY - timedelta(days=60), TODAY)
    save_answer(one, "struggled", "I was nervous, and I hadn’t researched the company.")
    dashboard = alice_client.get("/").content.decode()
    assert "Most common theme" not in dashboard
    assert "2 suggested themes wait for a look" in dashboard
    ThemeTag.objects.filter(owner=alice, theme="preparation").update(state="confirmed")
    ThemeTag.objects.filter(owner=alice, theme="communication").update(state="rejected")
    dashboard = alice_client.get("/").content.decode()
    assert "Most common theme: <strong>Preparation and company research</strong>" in dashboard
    assert "wait for a look" not in dashboard
