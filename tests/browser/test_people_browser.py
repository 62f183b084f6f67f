"""Staff invite someone; the person chooses their own password and signs in; too many wrong
passwords pause signing in."""

from __future__ import annotations

from typing import Any

import pytest

from bounceback.accounts.models import Role
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-pass-phrase"
CHOSEN = "blue-harbour-evening-7"


def test_staff_invite_and_the_person_chooses_a_password(
    browser: Any, live_server: Any, settings: Any
) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.people import person

    settings.BOUNCEBACK_HOSTED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    erin = person("erin@example.org", Role.STAFF, password=PASSWORD)
    device = TOTPDevice.objects.create(user=erin, name="phone", confirmed=True)

    staff = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    staff.goto(live_server.url + "/sign-in/")
    shoot(staff, "people-1-sign-in")
    staff.get_by_label("Your e-mail address").fill("erin@example.org")
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.get_by_label("The 6-digit code your authenticator app shows").fill(
        f"{totp(device.bin_key):06d}"
    )
    staff.get_by_role("button", name="Continue").click()
    staff.get_by_role("link", name="Accounts").click()
    staff.get_by_label("Their e-mail address (they sign in with it)").fill("sam@example.org")
    staff.get_by_role("button", name="Invite").click()
    link = staff.get_by_label("The one-time link").input_value()
    shoot(staff, "people-2-invitation-link")
    staff.get_by_role("link", name="Back to accounts").click()
    shoot(staff, "people-3-list")

    sam = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sam.goto(link)
    sam.get_by_label("New password:", exact=True).fill(CHOSEN)
    sam.get_by_label("New password confirmation").fill(CHOSEN)
    screenshot_phone(sam, "people-4-choose-a-password")
    sam.get_by_role("button", name="Save my password").click()
    sam.get_by_text("Your password is saved").wait_for()
    for attempt in range(10):
        sam.get_by_label("Your e-mail address").fill("sam@example.org")
        sam.get_by_label("Password").fill(f"not-it-{attempt}")
        sam.get_by_role("button", name="Sign in").click()
    sam.get_by_role("heading", name="Too many tries for now").wait_for()
    screenshot_phone(sam, "people-5-locked-out")


def screenshot_phone(page: Any, name: str) -> None:
    from tests.conftest import screenshot

    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    screenshot(page, name)
