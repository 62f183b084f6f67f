"""Insights in a real browser: the charts, fixing a tag in one click, themes of your own."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from tests.clock import TODAY, local_zone
from tests.conftest import screenshot, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_insights_draw_the_search_and_a_wrong_tag_goes_in_one_click(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.demo import build_demo

    build_demo(local_user())
    page = signed_in_page
    page.set_default_timeout(15000)

    page.get_by_role("link", name="Insights").click()
    page.wait_for_selector("#chart-funnel svg[role=img]")
    assert page.locator("figure.chart").count() == 4
    shoot(page, "insights-overview")

    page.get_by_role("link", name="Themes", exact=True).click()
    first = page.locator(".tagged-item .theme-tag").first
    first.wait_for()
    before = page.locator(".tagged-item .theme-tag").count()
    first.locator("button.tag-remove, button.tag-remove-x").click()
    page.wait_for_function(
        f"() => document.querySelectorAll('.tagged-item .theme-tag').length === {before - 1}"
    )
    assert page.locator(".theme-card .trend svg[role=img]").count() >= 3
    assert page.locator(".theme-card .trend-words").first.inner_text().startswith("Came up")
    shoot(page, "insights-themes")

    # A theme of one's own: added, edited in place (htmx), deleted after a question.
    page.locator("#id_name").fill("Portfolio")
    page.locator("#id_triggers").fill("portfolio, case study")
    page.get_by_role("button", name="Add theme").click()
    page.get_by_role("link", name="Edit Portfolio").click()
    page.locator("#edit-name").fill("Portfolio and samples")
    screenshot(page, "insights-theme-edit-desktop")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved “Portfolio and samples”").wait_for()
    page.get_by_role("link", name="Delete Portfolio and samples").click()
    page.get_by_role("button", name="Delete the theme").click()
    page.get_by_text("Deleted “Portfolio and samples”").wait_for()
    assert page.locator(".own-theme").count() == 0

    page.get_by_role("link", name="Forecast").click()
    page.wait_for_selector("h1")
    shoot(page, "insights-forecast")
    page.get_by_role("link", name="Wins").click()
    page.wait_for_selector(".wins-timeline")
    shoot(page, "insights-wins")


@pytest.fixture
def early_february(frozen_clock: Any) -> date:
    """The 10th of February of the clock's year: the last twelve months reach into the one before."""
    day = date(TODAY.year, 2, 10)
    frozen_clock.move_to(datetime.combine(day, time(12), tzinfo=local_zone()))
    return day


def test_a_search_across_years_names_the_years_on_the_overview(
    early_february: date, signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.demo import build_demo
    from bounceback.recovery.models import Win

    owner = local_user()
    today = early_february
    build_demo(owner, today=today)
    long_ago = today - timedelta(days=768)
    add_application(owner, company="Oldco", role="Analyst", applied_on=long_ago)
    last_december = date(today.year - 1, 12, 10)
    Win.objects.create(owner=owner, title="A reply last December", occurred_on=last_december)
    first_win = min(Win.objects.filter(owner=owner).values_list("occurred_on", flat=True))
    months = (today.year - first_win.year) * 12 + today.month - first_win.month + 1
    page = signed_in_page
    page.set_default_timeout(15000)
    page.get_by_role("link", name="Insights").click()
    page.wait_for_selector("#chart-wins svg[role=img]")
    assert f"768 days since {long_ago.day} {long_ago:%b %Y}" in page.content()
    # Every month of the last twelve with a win, the empty ones too, the year under the axis.
    rows = page.locator("#chart-wins tbody tr")
    assert rows.count() == min(months, 12)
    assert (rows.first.text_content() or "").startswith(f"{first_win:%b %Y}")
    assert (rows.last.text_content() or "").startswith(f"{today:%b}")
    assert f">{today.year}</text>" in page.locator("#chart-wins svg").inner_html()
    shoot(page, "insights-years")
