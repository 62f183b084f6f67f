"""Who owns the data, their preferences, and the one-time links that sign them in locally."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

LOCAL_USERNAME = "me"


class Profile(models.Model):
    """Per-person preferences. Every person has one (created on demand)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=80, blank=True)
    gentle_mode = models.BooleanField(
        default=False,
        help_text="Hide rejection counts and rejected applications from the dashboard. Nothing is deleted.",
    )
    weekly_target = models.PositiveSmallIntegerField(
        default=5, help_text="How many applications you aim to send in a week."
    )
    ghost_after_days = models.PositiveSmallIntegerField(
        default=21, help_text="Days without any reply before an application counts as silent."
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @classmethod
    def for_user(cls, user: User) -> Profile:
        profile, _ = cls.objects.get_or_create(user=user)
        return profile


class SignInToken(models.Model):
    """A single-use link printed by ``bounceback serve`` so a local user needs no password.

    Only a hash is stored: a copy of the database does not hold a working link.
    """

    LIFETIME = timedelta(hours=12)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Sign-in link for {self.user} from {self.created_at:%Y-%m-%d %H:%M}"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User) -> str:
        token = secrets.token_urlsafe(32)
        cls.objects.create(user=user, token_hash=cls.hash(token))
        return token

    @classmethod
    def redeem(cls, token: str) -> User | None:
        """Return the user for a valid token and burn it; None if unknown or expired."""
        cutoff = timezone.now() - cls.LIFETIME
        cls.objects.filter(created_at__lt=cutoff).delete()
        found = cls.objects.filter(token_hash=cls.hash(token)).select_related("user").first()
        if found is None:
            return None
        user: User = found.user
        found.delete()
        return user
