"""Named people for hosted tests: seekers, coaches and staff, signed in as a browser would be."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from bounceback.accounts.models import Profile, Role


def person(username: str, role: str = Role.SEEKER, password: str = "a-long-pass-phrase") -> User:
    user = User.objects.create_user(username=username, email=username, password=password)
    Profile.objects.create(user=user, role=role)
    return user


def signed_in(user: Any) -> Client:
    """A client signed in; staff and coaches also past their authenticator code."""
    client = Client()
    client.force_login(user)
    if not (user.is_superuser or user.profile.role in (Role.COACH, Role.STAFF)):
        return client
    device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True, name="phone")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
