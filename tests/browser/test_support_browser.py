"""When words sound like danger, in a real browser: the page goes quiet, the help is plain,
the way back is one click, and nothing the person wrote is lost."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import SignInToken
from bounceback.accounts.services import local_user
from bounceback.applications.services import add_application
from bounceback.recovery.models import Reflection
from bounceback.recovery.services import record_rejection
from bounceback.wellbeing.exercises import get_exercise
from bounceback.wellbeing.models import CheckIn, ExerciseEntry
from tests.conftest import SCREENSHOTS, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEAVY = "Another no today. Honestly everyone would be better off without me."


def wait_until_modal(page: Any) -> None:
    """calm.js has made the cover modal: the page behind can't be reached until "Back"."""
    page.wait_for_function(
        "() => document.querySelector('dialog.calm-cover[open]')?.matches(':modal')"
    )


def cover_shots(page: Any, name: str) -> None:
    """The cover fills the window, so the window (not the whole page) is what a person sees."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    page.screenshot(path=SCREENSHOTS / f"{name}-phone.png")
    page.set_viewport_size({"width": 1200, "height": 900})


def test_a_heavy_check_in_on_the_dashboard_covers_it_with_help_and_a_way_back(
    signed_in_page: Any,
) -> None:
    page = signed_in_page
    page.set_default_timeout(15000)
    offer = page.locator("#checkin-offer")
    offer.get_by_text("How are you feeling?").wait_for()
    offer.get_by_text("Add a note or tags first").click()
    offer.get_by_label("A note, just for you").fill(HEAVY)
    offer.get_by_role("button", name="1 Rough").click()

    cover = page.get_by_role("dialog", name="You don't have to carry this alone")
    cover.wait_for()
    wait_until_modal(page)
    text = cover.inner_text()
    assert "988" in text and "116 123" in text and "What you wrote is saved" in text
    # Nothing from the busy dashboard competes with it: the cover is all that shows.
    box = cover.bounding_box()
    assert box["width"] >= 1190 and box["height"] >= 890
    assert CheckIn.objects.get().note == HEAVY
    cover_shots(page, "support-1-dashboard-cover")

    cover.get_by_role("button", name="Back to where I was").click()
    cover.wait_for(state="hidden")
    page.get_by_text("Saved — thank you for checking in.").wait_for()
    assert page.get_by_role("link", name="People you can talk to, any time").is_visible()


def test_a_heavy_reflection_answer_keeps_its_text_under_the_cover_and_shows_it_once(
    signed_in_page: Any, live_server: Any
) -> None:
    rejection = record_rejection(add_application(local_user(), company="Acme", role="Analyst"))
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/{rejection.pk}/reflect/")
    page.wait_for_load_state()
    answer = page.locator("textarea").first
    answer.fill("i have a plan now and it feels weirdly calm")
    answer.press("Tab")  # saved on leaving the box (and by its button)

    cover = page.get_by_role("dialog", name="You don't have to carry this alone")
    cover.wait_for()
    wait_until_modal(page)
    cover_shots(page, "support-2-reflection-cover")
    cover.get_by_role("button", name="Back to what I was writing").click()
    cover.wait_for(state="hidden")
    assert answer.input_value() == "i have a plan now and it feels weirdly calm"
    assert Reflection.objects.get().answer == "i have a plan now and it feels weirdly calm"

    # Writing on: it still saves, and the cover does not come back on this page.
    answer.click()
    answer.press("End")
    answer.press_sequentially(" and tired")
    answer.blur()
    for _ in range(60):  # saves as typed, or on leaving the box; whichever comes first
        if Reflection.objects.get().answer.endswith("and tired"):
            break
        page.wait_for_timeout(250)
    assert Reflection.objects.get().answer.endswith("and tired")
    page.locator(".saved .support-reminder").first.wait_for()
    assert not page.locator("dialog.calm-cover[open]").count()


def test_without_javascript_the_help_is_a_calm_page_of_its_own_with_a_way_back(
    browser: Any, live_server: Any, transactional_db: Any
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1200, "height": 900}
    )
    page = context.new_page()
    page.goto(
        live_server.url + reverse("accounts:sign_in_link", args=[SignInToken.issue(local_user())])
    )
    page.goto(live_server.url + "/wellbeing/exercises/self-compassion/")
    words = "Honestly I've been saving up my tablets."
    page.locator("textarea").first.fill(words)
    page.get_by_role("button", name="Save").click()

    page.get_by_role("heading", name="You don't have to carry this alone").wait_for()
    assert "988" in page.content()
    assert not page.get_by_role("link", name="Applications").count()  # the page is quiet
    shoot(page, "support-3-calm-page-no-js")
    page.get_by_role("link", name="Back to your exercise").click()
    assert page.locator("textarea").first.input_value() == words
    # The first box on the page is the exercise's first prompt; look it up by key, since
    # PostgreSQL's jsonb does not keep the order keys were written in.
    first_prompt = get_exercise("self-compassion").prompts[0].key
    assert ExerciseEntry.objects.get().answers[first_prompt] == words
    context.close()
