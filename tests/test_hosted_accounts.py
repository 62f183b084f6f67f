"""Accounts on a hosted bounceback: invitations, password links, a second step for staff and
coaches, and staff who never learn or set anyone's password."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bounceback.accounts.models import AccountLink, Role
from bounceback.cli import server
from bounceback.errors import UserError
from tests.people import person, signed_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "green-kettle-morning-42"


@pytest.fixture(autouse=True)
def hosted(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True
    # No SMTP unless a test sets it up: staff are then shown the links to hand over.
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


def with_smtp(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def staff() -> User:
    return person("erin@example.org", Role.STAFF)


def _link_on(page: str) -> str:
    found = re.search(r'value="https?://[^/"]+(/password/set/[^"]+)"', page)
    assert found, page
    return found.group(1)


def _choose_password(link: str) -> Client:
    client = Client()
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Choose a password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    return client


def test_staff_invite_someone_who_then_chooses_their_own_password(staff: User) -> None:
    page = signed_in(staff).post(
        reverse("accounts:people"), {"email": "Sam@Example.org", "role": Role.SEEKER}
    )
    assert page.status_code == 200
    _choose_password(_link_on(page.content.decode()))

    client = Client()
    signed = client.post(
        reverse("accounts:sign_in"), {"username": "sam@example.org", "password": NEW_PASSWORD}
    )
    assert signed.status_code == 302
    assert AccountLink.objects.get(user__username="sam@example.org").issued_by == staff


def test_a_password_link_works_once(staff: User) -> None:
    sam = person("sam@example.org")
    page = signed_in(staff).post(reverse("accounts:person_link", args=[sam.pk]))
    link = _link_on(page.content.decode())
    _choose_password(link)
    again = Client().get(link, follow=True)
    assert "has been used or has expired" in again.content.decode()


def test_staff_pages_never_show_or_take_a_password(staff: User) -> None:
    sam = person("sam@example.org")
    client = signed_in(staff)
    people = client.get(reverse("accounts:people")).content.decode()
    assert 'type="password"' not in people and "pbkdf2" not in people
    admin = signed_in(User.objects.create_superuser("root@example.org", "root@example.org", "x"))
    page = admin.get(f"/admin/auth/user/{sam.pk}/change/")
    assert page.status_code == 200
    assert 'name="password' not in page.content.decode()
    assert "/password/" not in page.content.decode().replace("/admin/password_change/", "")
    assert admin.get(f"/admin/auth/user/{sam.pk}/password/").status_code != 200
    assert admin.get("/admin/auth/user/add/").status_code == 403


def test_only_staff_see_the_people_page() -> None:
    assert signed_in(person("sam@example.org")).get(reverse("accounts:people")).status_code == 403
    coach = person("carol@example.org", Role.COACH)
    assert signed_in(coach).get(reverse("accounts:people")).status_code == 403


def test_nobody_can_invite_an_address_twice_or_a_made_up_role(staff: User) -> None:
    person("sam@example.org")
    page = signed_in(staff).post(
        reverse("accounts:people"), {"email": "sam@example.org", "role": Role.SEEKER}
    )
    assert "already has an account" in page.content.decode()
    page = signed_in(staff).post(
        reverse("accounts:people"), {"email": "lee@example.org", "role": "admin"}
    )
    assert not User.objects.filter(username="lee@example.org").exists()


def test_with_smtp_an_invitation_is_mailed_and_never_shown_to_staff(
    settings: Any, staff: User
) -> None:
    with_smtp(settings)
    page = signed_in(staff).post(
        reverse("accounts:people"), {"email": "sam@example.org", "role": Role.SEEKER}, follow=True
    )
    assert "/password/set/" not in page.content.decode()
    assert "We e-mailed sam@example.org" in page.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam@example.org"]
    assert AccountLink.objects.get(user__username="sam@example.org").emailed


def test_with_smtp_a_forgotten_password_is_mailed_to_the_person(settings: Any) -> None:
    with_smtp(settings)
    person("sam@example.org")
    Client().post(reverse("accounts:password_reset"), {"email": "sam@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/password/set/\S+)", mail.outbox[0].body)
    assert link
    _choose_password(link.group(1))


def test_without_smtp_the_reset_page_says_to_ask_staff_and_sends_nothing() -> None:
    person("sam@example.org")
    page = Client().post(reverse("accounts:password_reset"), {"email": "sam@example.org"})
    assert "Ask the staff at your career centre" in page.content.decode()
    assert mail.outbox == []


def test_a_signed_in_person_changes_their_own_password() -> None:
    sam = person("sam@example.org", password="old-pass-phrase-1")
    client = signed_in(sam)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "old-pass-phrase-1",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    assert sam.check_password(NEW_PASSWORD)


def test_a_coach_links_an_authenticator_before_seeing_anything() -> None:
    carol = person("carol@example.org", Role.COACH, password="coach-pass-phrase")
    client = Client()
    client.post(
        reverse("accounts:sign_in"),
        {"username": "carol@example.org", "password": "coach-pass-phrase"},
    )
    assert client.get(reverse("coaching:caseload")).url == reverse("accounts:two_factor_setup")
    assert client.get(reverse("wellbeing:help_now")).status_code == 200  # never behind a gate

    setup = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=carol)
    code = f"{totp(device.bin_key):06d}"
    client.post(reverse("accounts:two_factor_setup"), {"code": code})
    assert client.get(reverse("coaching:caseload")).status_code == 200


def test_next_time_the_coach_types_a_code_after_the_password(frozen_clock: Any) -> None:
    carol = person("carol@example.org", Role.COACH, password="coach-pass-phrase")
    device = TOTPDevice.objects.create(user=carol, name="phone", confirmed=True)
    client = Client()
    client.post(
        reverse("accounts:sign_in"),
        {"username": "carol@example.org", "password": "coach-pass-phrase"},
    )
    assert client.get(reverse("coaching:caseload")).url == reverse("accounts:two_factor_verify")
    wrong = client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    assert "That code didn" in wrong.content.decode()
    frozen_clock.shift(2)  # django-otp makes each wrong code wait a little longer
    client.post(reverse("accounts:two_factor_verify"), {"code": f"{totp(device.bin_key):06d}"})
    assert client.get(reverse("coaching:caseload")).status_code == 200


def test_staff_need_the_second_step_for_the_admin_too() -> None:
    erin = User.objects.create_superuser("erin@example.org", "erin@example.org", "pw-long-123")
    client = Client()
    client.force_login(erin)
    response = client.get("/admin/")
    assert response.status_code == 302 and "two-step" in response.url


def test_hosted_serve_makes_no_local_account_and_prints_no_link(monkeypatch: Any) -> None:
    from bounceback.cli import hosting

    started = []
    monkeypatch.setattr(hosting, "run_web", lambda *args: started.append(args))
    monkeypatch.setattr(server, "webbrowser", None)  # would fail if a browser were opened
    server._serve("127.0.0.1", 8812, no_browser=False)
    assert started
    assert not User.objects.filter(username="me").exists()


def test_hosted_has_no_local_person_for_the_cli(cli: Any) -> None:
    from bounceback.accounts.services import local_user

    with pytest.raises(UserError, match="hosted"):
        local_user()
    result = cli("signin-link")
    assert result.exit_code == 1
    assert not User.objects.filter(username="me").exists()


def test_the_cli_invites_the_first_staff_member(cli: Any) -> None:
    result = cli("invite", "lee@example.org", "--role", "staff", "--site", "https://c.example")
    assert result.exit_code == 0, result.output
    assert "https://c.example/password/set/" in "".join(result.output.split())
    assert User.objects.get(username="lee@example.org").profile.role == Role.STAFF
