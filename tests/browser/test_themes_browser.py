"""Suggest, then confirm, in a real browser: a reflection's themes are suggestions until the person says yes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "I was so nervous my mind went blank on the first question, and I hadn't researched "
    "the company at all, so I had nothing to say when they asked why them."
)


def test_a_reflection_suggests_themes_and_only_the_confirmed_one_counts(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.services import record_rejection

    application = add_application(
        local_user(), company="Northwind", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    rejection = record_rejection(application, stage_reached="interview")
    page = signed_in_page
    page.set_default_timeout(15000)

    # Write the answer: it saves as it is typed, and the suggestions appear under it.
    page.goto(f"{live_server.url}/rejections/{rejection.pk}/reflect/")
    page.locator("#a-struggled").fill(ANSWER)
    page.locator("#a-struggled").blur()  # the last save, so no save is still on its way
    themes = page.locator("#themes-struggled")
    themes.get_by_text("Preparation and company research", exact=True).wait_for()
    themes.get_by_text("Communication", exact=True).wait_for()
    # Each suggestion shows the words that led to it, quoted from the answer.
    preparation = themes.locator(".theme-tag", has_text="Preparation")
    assert "hadn't researched" in preparation.locator(".theme-tag-words").inner_text()
    assert "nervous" in themes.locator(".theme-tag", has_text="Communication").inner_text()
    page.wait_for_load_state("networkidle")
    shoot(page, "themes-suggested")

    # One click each: yes to preparation, no to communication.
    themes.get_by_role("button", name="Yes, fits for Preparation and company research").click()
    themes.locator(".theme-tag-confirmed", has_text="Preparation").wait_for()
    themes.get_by_role("button", name="Not this (remove Communication)").click()
    themes.locator(".theme-tag", has_text="Communication").wait_for(state="detached")
    assert themes.locator(".theme-tag-auto").count() == 0
    shoot(page, "themes-confirmed")

    # The dashboard counts the confirmed theme only, and nothing waits any more.
    page.goto(f"{live_server.url}/")
    panel = page.locator(".insights-panel")
    panel.get_by_text("Most common theme").wait_for()
    assert "Preparation and company research" in panel.inner_text()
    assert "Communication" not in panel.inner_text()
    assert "wait for a look" not in panel.inner_text()
    shoot(page, "themes-dashboard")

    page.goto(f"{live_server.url}/insights/themes/")
    card = page.locator("#theme-preparation")
    assert "1" in card.locator("dd").nth(1).inner_text()  # "You noted": the confirmed one
    assert page.locator("#theme-communication").count() == 0


def test_without_javascript_a_suggestion_is_confirmed_with_a_plain_form(
    browser: Any, live_server: Any, transactional_db: Any
) -> None:
    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.reflection import save_answer
    from bounceback.recovery.services import record_rejection

    rejection = record_rejection(
        add_application(local_user(), company="Acme", role="Analyst"), stage_reached="interview"
    )
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1200, "height": 900}
    )
    page = context.new_page()
    page.goto(
        live_server.url + reverse("accounts:sign_in_link", args=[SignInToken.issue(local_user())])
    )
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="1 suggested theme waits for a look").click()
    page.get_by_role(
        "button", name="Yes, fits for Stronger competition or an internal candidate"
    ).first.click()
    assert page.url.endswith("/insights/themes/")
    assert page.locator(".waiting-note").count() == 0
    assert page.locator("#theme-competition").count() == 1
    context.close()
