"""A job seeker shares with a coach, the coach comments and suggests a step, the seeker revokes.

Everyone signs in with a password on a hosted bounceback; the coach links an
authenticator app first (the code is computed here, as the phone would).
"""

from __future__ import annotations

from typing import Any

import pytest

from bounceback.accounts.models import Role
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-pass-phrase"
SECRET = "I rushed the case study and ran out of time"


@pytest.fixture
def hosted(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


def _sign_in(browser: Any, url: str, username: str) -> Any:
    page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    page.goto(url + "/sign-in/")
    page.get_by_label("Your e-mail address").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


def test_a_seeker_shares_a_coach_comments_and_the_seeker_revokes(
    browser: Any, live_server: Any, hosted: None
) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bounceback.applications.services import add_application
    from bounceback.recovery.models import Reflection
    from bounceback.recovery.services import record_rejection
    from tests.people import person

    sam = person("sam@example.org", password=PASSWORD)
    person("carol@example.org", Role.COACH, password=PASSWORD)
    application = add_application(sam, company="Acme", role="Data Analyst")
    rejection = record_rejection(application)
    Reflection.objects.create(
        owner=sam,
        rejection=rejection,
        question_key="went_well",
        question="What went well?",
        answer=SECRET,
    )

    # Sam chooses what Carol sees: applications, and one reflection picked by hand.
    seeker = _sign_in(browser, live_server.url, "sam@example.org")
    seeker.get_by_role("link", name="Sharing").click()
    seeker.get_by_label("Your coach").select_option(label="carol@example.org")
    seeker.get_by_label("Your applications and their timelines").check()
    seeker.get_by_role("button", name="Share", exact=True).click()
    seeker.get_by_text("You now share with carol@example.org.").wait_for()
    seeker.get_by_role("link", name="Choose which").click()
    seeker.get_by_label("Acme: What went well?").check()
    seeker.get_by_role("button", name="Share the ticked ones").click()
    seeker.get_by_text("can now read 1 of your items").wait_for()
    shoot(seeker, "coaching-1-seeker-shares")

    # Carol links her authenticator, finds Sam, reads what he shared and leaves words.
    coach = _sign_in(browser, live_server.url, "carol@example.org")
    coach.get_by_role("heading", name="One more step, once").wait_for()
    shoot(coach, "coaching-0-coach-links-an-authenticator")
    device = TOTPDevice.objects.get(user__username="carol@example.org")
    coach.get_by_label("The 6-digit code your authenticator app shows").fill(
        f"{totp(device.bin_key):06d}"
    )
    coach.get_by_role("button", name="Link the app").click()
    coach.get_by_role("link", name="People you coach").click()
    shoot(coach, "coaching-2-caseload")
    coach.get_by_role("link", name="sam@example.org").click()
    coach.get_by_role("link", name="Acme: What went well?").click()
    assert coach.get_by_text(SECRET).is_visible()
    coach.go_back()
    coach.get_by_label("Comment").check()
    coach.get_by_label("Your words").fill("Good instinct to ask for feedback. Keep going.")
    coach.get_by_role("button", name="Send").click()
    coach.get_by_label("Suggested step").check()
    coach.get_by_label("Your words").fill("Do one timed case study this week")
    coach.get_by_role("button", name="Send").click()
    coach.get_by_text("Suggested; they'll choose.").wait_for()
    shoot(coach, "coaching-3-coach-comments")

    # Sam reads it, takes the step, sees what Carol opened, and stops sharing.
    seeker.reload()
    assert seeker.get_by_text("Good instinct to ask for feedback").is_visible()
    seeker.get_by_role("button", name="Add to my steps").click()
    seeker.get_by_text("Added to your steps: Do one timed case study this week").wait_for()
    seeker.get_by_text("What they opened").click()
    assert seeker.get_by_text("Acme: What went well?").first.is_visible()
    shoot(seeker, "coaching-4-seeker-reads")
    seeker.get_by_role("button", name="Stop sharing with carol@example.org").click()
    seeker.get_by_text("They can't see anything now.").wait_for()
    shoot(seeker, "coaching-5-revoked")

    coach.reload()
    assert "404" in coach.title() or coach.get_by_role("heading").first.is_visible()
    assert not coach.get_by_text(SECRET).count()
