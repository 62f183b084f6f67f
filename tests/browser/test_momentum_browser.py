"""Keeping momentum in a real browser: a practice session, a check-in from Today, a reapply
step when a cool-down ends, and the Sunday look-back, at desktop and phone widths."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.clock import TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _rejected(owner: Any, days_ago: int = 10) -> Any:
    from bounceback.applications.services import add_application
    from bounceback.recovery.models import StageReached
    from bounceback.recovery.services import record_rejection

    app = add_application(
        owner, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=days_ago + 9)
    )
    return record_rejection(
        app,
        received_on=TODAY - timedelta(days=days_ago),
        stage_reached=StageReached.INTERVIEW,
        contact_name="Priya Raman",
        contact_email="priya@acme.example",
    )


def _sign_in_again(page: Any, live_server: Any) -> None:
    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user

    token = SignInToken.issue(local_user())
    page.goto(live_server.url + reverse("accounts:sign_in_link", args=[token]))


def test_a_practice_session_one_card_at_a_time(signed_in_page: Any, live_server: Any) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.practice.models import Review
    from bounceback.recovery.reflection import save_answer

    save_answer(_rejected(local_user()), "stumbled", "Tell me about a disagreement")
    page = signed_in_page
    page.set_default_timeout(15000)
    page.get_by_role("link", name="Practise").first.click()
    question = page.locator("#question")
    assert question.inner_text() == "Tell me about a disagreement"
    assert page.get_by_text("Say your answer out loud now").is_visible()
    shoot(page, "practice-1-card")
    page.get_by_role("button", name="Good").click()
    page.wait_for_function(
        "() => document.querySelector('#question')?.innerText !== 'Tell me about a disagreement'"
    )
    page.get_by_text("After you've tried: what a good answer covers").click()
    shoot(page, "practice-2-hint")
    while page.locator("#question").count():
        before = page.locator("#question").inner_text()
        page.get_by_role("button", name="Easy").click()
        page.wait_for_function(
            f"() => document.querySelector('#question')?.innerText !== {before!r}"
        )
    page.get_by_text("That's the lot for now").wait_for()
    shoot(page, "practice-3-done")
    assert Review.objects.count() >= 2


def test_a_contact_check_in_from_today(signed_in_page: Any, live_server: Any) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.models import Contact, ContactRole
    from bounceback.contacts.models import Exchange

    Contact.objects.create(
        owner=local_user(),
        name="Tom Whitaker",
        role=ContactRole.RECRUITER,
        email="tom@recruit.example",
        last_contacted_on=TODAY - timedelta(days=100),
    )
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/rejections/today/")
    item = page.locator(".today-item", has_text="Check in with Tom Whitaker")
    item.get_by_text("A short draft to Tom Whitaker").click()
    assert item.locator("textarea").input_value().startswith("Hi Tom,")
    shoot(page, "contacts-1-today-check-in")
    item.get_by_role("button", name="I got in touch").click()
    page.get_by_text("Noted: you got in touch with Tom Whitaker").wait_for()
    assert Exchange.objects.get().kind == "check_in"
    page.goto(live_server.url + "/contacts/")
    shoot(page, "contacts-2-people")
    page.get_by_role("link", name="Tom Whitaker").click()
    page.get_by_role("heading", name="Every exchange").wait_for()
    assert page.locator(".timeline").get_by_text("A check-in").is_visible()
    shoot(page, "contacts-3-person")


def test_a_reapply_step_appears_when_the_cool_down_ends(
    signed_in_page: Any, live_server: Any, frozen_clock: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.reapply.cooldowns import add_months
    from bounceback.recovery.models import Action, ActionKind, ActionStatus
    from bounceback.wellbeing.models import Goal, GoalKind

    me = local_user()
    rejection = _rejected(me)
    rejection.application.salary_from = 30_000
    rejection.application.save()
    Goal.objects.create(owner=me, kind=GoalKind.TITLE, text="Data analyst")
    Goal.objects.create(owner=me, kind=GoalKind.SALARY, text="£38,000")
    step = Action.objects.create(
        owner=me,
        title="Wrote three STAR stories",
        kind=ActionKind.PRACTICE,
        status=ActionStatus.DONE,
        done_on=TODAY,
    )
    assert step.pk
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/rejections/today/")
    assert page.get_by_text("Apply again at Acme").count() == 0
    ends = add_months(rejection.received_on, 6)
    frozen_clock.move_to(timezone.make_aware(datetime.combine(ends, time(9))))
    _sign_in_again(page, live_server)  # six months on, yesterday's session has ended
    page.goto(live_server.url + "/rejections/today/")
    row = page.locator(".today-list li", has_text="Apply again at Acme? Your cool-down has ended")
    row.wait_for()
    shoot(page, "reapply-1-today")
    row.get_by_role("link", name="The note is drafted").click()
    page.get_by_role("heading", name="Applying again at Acme").wait_for()
    assert "- Wrote three STAR stories" in page.locator("#b-reapply_with_proof").input_value()
    shoot(page, "reapply-2-note")
    page.get_by_role("link", name="← Applying again").click()
    page.get_by_role("heading", name="Open to you again").wait_for()
    shoot(page, "reapply-3-companies")
    page.goto(live_server.url + rejection.application.get_absolute_url())
    page.get_by_role("heading", name="Fit with your goals").wait_for()
    assert page.get_by_text("Matches 1 of your 2 goals; below your salary floor").is_visible()
    shoot(page, "goals-fit-application")


def test_the_weekly_look_back_on_sunday_evening(
    signed_in_page: Any, live_server: Any, frozen_clock: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.weekly.lookback import monday_of

    monday = monday_of(TODAY)
    add_application(local_user(), company="Acme", role="Data Analyst", applied_on=monday)
    frozen_clock.move_to(
        timezone.make_aware(datetime.combine(monday + timedelta(days=6), time(19)))
    )
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    look = page.locator("#lookback")
    look.get_by_text("One win:").wait_for()
    assert look.get_by_text("One win: 1 application sent").is_visible()
    shoot(page, "week-1-lookback")
    look.get_by_role("link", name="Your aims for the week ahead").click()
    page.get_by_label("People to get in touch with").fill("3")
    page.get_by_role("button", name="Save my aims").click()
    page.get_by_text("Aims, not debts").first.wait_for()
    shoot(page, "week-2-aims")
