"""A person's first minutes: sign in with the link, add an application, find it again."""

from __future__ import annotations

from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_add_an_application_and_find_it(signed_in_page: Any, live_server: Any) -> None:
    page = signed_in_page
    assert page.get_by_role("heading", name="Hello.").is_visible()
    screenshot(page, "foundation-1-dashboard-empty")

    page.get_by_role("link", name="Add an application").first.click()
    page.get_by_label("Company").fill("ACME Corp")
    page.get_by_label("Role").fill("Data Analyst")
    page.get_by_label("Applied on").fill(TODAY.isoformat())
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", name="Data Analyst").is_visible()

    page.get_by_label("What happened").select_option("screen")
    page.get_by_role("button", name="Add to timeline").click()
    page.locator(".timeline").get_by_text("Screening call").wait_for()
    screenshot(page, "foundation-2-application")

    page.goto(live_server.url + "/applications/")
    page.get_by_label("Did I already apply there?").fill("acme")
    page.get_by_text("Yes: you applied to 1 role").wait_for()
    screenshot(page, "foundation-3-search")


def test_the_dashboard_reads_well_on_a_phone(
    browser: Any, live_server: Any, transactional_db: Any
) -> None:
    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user
    from bounceback.demo import build_demo

    me = local_user()
    build_demo(me)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    page.goto(live_server.url + reverse("accounts:sign_in_link", args=[SignInToken.issue(me)]))
    assert page.get_by_role("link", name="Need help now?").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "nothing should scroll sideways on a phone"
    screenshot(page, "foundation-4-phone-dashboard")
    context.close()
