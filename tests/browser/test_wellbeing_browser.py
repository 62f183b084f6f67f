"""Looking after yourself in a real browser: check in, one exercise, and help when words sound like danger."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_check_in_do_an_exercise_and_see_help_offered(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.wellbeing.demo import build
    from bounceback.wellbeing.models import CheckIn, ExerciseEntry

    page = signed_in_page
    page.set_default_timeout(15000)

    # From the dashboard: one tap on a mood, via htmx, no page load.
    offer = page.locator("#checkin-offer")
    offer.get_by_text("How are you feeling?").wait_for()
    shoot(page, "wellbeing-1-dashboard-offer")
    offer.get_by_role("button", name="4 Good").click()
    page.get_by_text("Saved — thank you for checking in.").wait_for()
    assert CheckIn.objects.get().mood == 4
    shoot(page, "wellbeing-2-dashboard-saved")

    # One exercise: answers save as they are typed.
    page.get_by_role("link", name="Look after yourself").click()
    page.get_by_role("link", name="Reframe a thought").first.click()
    page.wait_for_load_state()  # htmx saves as you type only once its script has run
    page.get_by_label("The thought, word for word").fill("I'll never get a job in this field.")
    page.get_by_label("A fairer way to put it").fill(
        "Not yet. I've had three interviews this month."
    )
    page.locator("#autosave-status").get_by_text("Saved.").wait_for()
    page.wait_for_function(
        "() => document.querySelector('#entry-id').value !== ''"
    )  # later saves update the same entry
    entry = ExerciseEntry.objects.get(exercise="reframe")
    assert entry.answers["balanced"].startswith("Not yet")
    shoot(page, "wellbeing-3-exercise")

    # A check-in whose note sounds like danger: saved, and a calm panel appears.
    page.goto(live_server.url + "/wellbeing/checkin/")
    page.get_by_text("Add a note or tags first").click()
    page.get_by_label("A note, just for you").fill(
        "Another no today. Honestly everyone would be better off without me."
    )
    page.get_by_role("button", name="1 Rough").click()
    panel = page.get_by_role("dialog", name="You don't have to carry this alone")
    panel.wait_for()
    assert "988" in panel.inner_text() and "116 123" in panel.inner_text()
    assert CheckIn.objects.count() == 2
    panel.get_by_role("button", name="Back to where I was").click()

    # The hub with some history, for a look at the trend.
    build(local_user(), TODAY, random.Random(3))
    page.goto(live_server.url + "/wellbeing/")
    page.get_by_role("heading", name="How your weeks have felt").wait_for()
    shoot(page, "wellbeing-5-hub")
    page.goto(live_server.url + "/wellbeing/help/")
    shoot(page, "wellbeing-6-help")
