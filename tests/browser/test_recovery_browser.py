"""The whole "I just got rejected" flow in a real browser, desktop and phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.clock import TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = (
    "Dear Alex,\n\nThank you for interviewing with us for the Data Analyst role at Acme. "
    "Unfortunately we have decided to move ahead with another candidate.\n\n"
    "Kind regards,\nPriya Raman\nAcme"
)


def test_paste_reflect_copy_keep_steps_and_see_them_today(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application

    add_application(local_user(), company="Acme", role="Data Analyst")
    page = signed_in_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_default_timeout(15000)

    page.get_by_role("link", name="I was turned down").click()
    page.get_by_label("Paste the e-mail").fill(EMAIL)
    shoot(page, "recovery-1-paste")
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Here's what bounceback read.").wait_for()
    assert page.get_by_label("Company").input_value() == "Acme"
    page.get_by_label("How far you got").select_option("final")  # the person corrects a field
    shoot(page, "recovery-2-check")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("heading", name="Saved. Here's where this one sits.").wait_for()
    assert page.get_by_text("Kept in your wins").is_visible()
    shoot(page, "recovery-3-context")
    page.get_by_role("link", name="Next: a few questions").click()
    page.wait_for_load_state()  # htmx saves as you type only once its script has run

    page.get_by_label("What went well, even a little?").fill("The SQL exercise felt easy.")
    page.locator("#saved-went_well").get_by_text("Saved").wait_for()
    page.get_by_label("Which questions caught you off guard?").fill("Tell me about a disagreement")
    page.locator("#saved-stumbled").get_by_text("Saved").wait_for()
    shoot(page, "recovery-4-reflect")
    page.get_by_role("link", name="Next: ready-to-send drafts").click()

    assert "Hi Priya," in page.locator("#b-thank_you").input_value()
    page.get_by_role("button", name="Copy the message").first.click()
    # "Copied" shows for two seconds only, which a busy machine can miss: wait for the text.
    page.wait_for_function(
        "async () => (await navigator.clipboard.readText()).startsWith('Hi Priya,')"
    )
    shoot(page, "recovery-5-drafts")
    page.get_by_role("link", name="Next: your next steps").click()

    steps = page.locator(".step")
    assert steps.filter(has_text="Practise out loud").count() == 1
    for title in ("Send the thank-you note to Priya", "Do one kind thing for yourself today"):
        steps.filter(has_text=title).get_by_role("button", name="Keep this step").click()
        steps.filter(has_text=title).get_by_text("Kept").wait_for()
    steps.filter(has_text="If Acme hasn't replied").get_by_role("button", name="Not for me").click()
    steps.filter(has_text="If Acme hasn't replied").get_by_text("Left out").wait_for()
    shoot(page, "recovery-6-next-steps")
    page.get_by_role("link", name="I'm done for now").click()

    page.get_by_role("heading", name="That's enough for today.").wait_for()
    shoot(page, "recovery-7-done")
    page.get_by_role("link", name="See today's list").click()

    today = page.locator(".today-list")
    assert today.get_by_text("Do one kind thing for yourself today").is_visible()
    assert page.get_by_text(
        "Send the thank-you note to Priya"
    ).is_visible()  # tomorrow: "Coming up"
    shoot(page, "recovery-8-today")
    today.get_by_role("button", name="Mark done: Do one kind thing").click()
    today.get_by_text("Done: Do one kind thing").wait_for()

    page.get_by_role("link", name="Applications").click()
    page.get_by_role("link", name="Data Analyst").first.click()
    page.get_by_role("heading", name="What they said").wait_for()
    shoot(page, "recovery-9-application")
    page.get_by_role("link", name="bounceback").click()
    page.get_by_role("link", name="Got a no? Start here").wait_for()
    shoot(page, "recovery-10-dashboard")


def test_a_saved_rejection_is_corrected_from_its_page(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.services import record_rejection

    rejection = record_rejection(add_application(local_user(), company="Acme", role="Analyst"))
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/{rejection.pk}/")
    page.get_by_role("link", name="Correct the details").click()
    page.get_by_label("How far you got").select_option("interview")
    page.get_by_label("Who wrote to you").fill("Kate Moran")
    page.get_by_label("Their e-mail address").fill("kate@acme.example")
    shoot(page, "recovery-edit")
    page.get_by_role("button", name="Save the corrections").click()
    page.get_by_text("Saved your corrections.").wait_for()
    assert page.get_by_text("Kept in your wins: Interview with Acme for Analyst").is_visible()
    shoot(page, "recovery-edit-saved")


def test_the_check_screen_shows_the_timeline_note_and_the_senders_address(
    signed_in_page: Any, live_server: Any
) -> None:
    from datetime import timedelta

    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application, record_event

    application = add_application(
        local_user(),
        company="Acme",
        role="Data Analyst",
        applied_on=TODAY - timedelta(days=9),
    )
    record_event(application, "interview", occurred_on=TODAY - timedelta(days=3))
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/new/?application={application.pk}")
    page.get_by_label("Paste the e-mail").fill(
        "From: Priya Raman <priya.raman@acme.example>\n\n"
        "Thank you for applying for the Data Analyst role at Acme. Unfortunately we will "
        "not be moving forward with your application.\n\nPriya Raman"
    )
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Here's what bounceback read.").wait_for()
    assert page.get_by_label("How far you got").input_value() == "interview"
    assert page.get_by_label("Their e-mail address").input_value() == "priya.raman@acme.example"
    shoot(page, "recovery-check-timeline-note")


def test_changing_the_tone_keeps_the_persons_own_edits_to_bring_back(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.services import record_rejection

    app = add_application(local_user(), company="Acme", role="Data Analyst")
    rejection = record_rejection(app, source_text=EMAIL)
    page = signed_in_page
    page.goto(live_server.url + reverse("recovery:drafts", args=[rejection.pk]))
    page.wait_for_load_state()
    body = page.locator("#b-thank_you")
    body.fill("Hi Priya, thank you for the time you gave me. My own words.")

    page.get_by_role("button", name="Formal").click()
    page.wait_for_load_state()
    assert "My own words" not in body.input_value()  # the formal draft, as asked
    offer = page.locator('[data-kept-for="b-thank_you"]')
    offer.get_by_role("button", name="Bring back your version").click()
    assert body.input_value().endswith("My own words.")
    assert offer.is_hidden()
