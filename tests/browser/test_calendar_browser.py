"""The "Add to your calendar" box on Today, in a real browser, desktop and phone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_today_offers_the_calendar_and_makes_a_private_address(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.models import Action, ActionStatus

    me = local_user()
    application = add_application(me, company="Acme", role="Data Analyst")
    for title, due_in in (("Send the thank-you note to Priya", 0), ("Follow up once", 7)):
        Action.objects.create(
            owner=me,
            title=title,
            application=application,
            due_on=TODAY + timedelta(days=due_in),
            status=ActionStatus.OPEN,
        )
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/rejections/today/")

    box = page.locator("#calendar")
    box.get_by_role("heading", name="Add to your calendar").wait_for()
    assert box.get_by_role("link", name="Download for your calendar").is_visible()
    box.get_by_role("button", name="Make my calendar address").click()
    box.get_by_text("Your calendar address is ready.").wait_for()

    address = page.get_by_label("Your private address").input_value()
    assert "/calendar/" in address and address.endswith(".ics")
    assert page.locator("#calendar").get_by_role("button", name="Copy the address").is_visible()
    page.locator("#calendar").scroll_into_view_if_needed()
    screenshot(page, "calendar-today-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "calendar-today-phone")

    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(live_server.url + "/settings/")
    assert page.locator("#calendar").get_by_label("Your private address").input_value() == address
    screenshot(page, "calendar-settings-desktop")
