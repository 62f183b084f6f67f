"""An e-mail that names no company: type the company, or look for the application as you type."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_company_opens_the_form_and_looking_finds_an_older_application(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.models import Rejection
    from tests.test_mail_review import queue

    me = local_user()
    for i in range(30):
        add_application(
            me, company=f"Company {i}", role="Analyst", applied_on=TODAY - timedelta(i + 1)
        )
    corvex = add_application(
        me, company="Corvex", role="Data Engineer", applied_on=TODAY - timedelta(days=60)
    )
    queue(me, company="", role="", subject="Your CodeSignal assessment for Corvex")
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/mail/review/")
    assert page.get_by_role("button", name="Yes, add it as a new application").count() == 0
    company = page.get_by_label("Company (new application)")
    assert company.is_visible()
    assert page.evaluate("document.activeElement.name").endswith("-company")
    page.get_by_label("Not in the list? Look for it").fill("corvex")
    page.locator("optgroup[label='Matching “corvex”']").wait_for(state="attached")
    shoot(page, "mail-review-no-company")
    page.get_by_label("About").select_option(str(corvex.pk))
    page.get_by_role("button", name="Save the correction").click()
    page.get_by_text("Filed under Data Engineer at Corvex.").wait_for()
    assert Rejection.objects.get().application == corvex
