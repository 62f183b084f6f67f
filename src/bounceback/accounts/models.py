"""Who owns the data, their preferences, and the one-time links that sign them in locally."""

from __future__ import annotations

import hashlib
import secrets
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

LOCAL_USERNAME = "me"


# How many days of silence before an application counts as silent: one range for the
# setting here and the per-stage rules in insights. Under 3 days nobody has had time to
# answer; past half a year a silence is an answer.
SILENCE_DAYS_MIN = 3
SILENCE_DAYS_MAX = 180
SILENCE_DAYS_MESSAGE = (
    f"Please choose between {SILENCE_DAYS_MIN} and {SILENCE_DAYS_MAX} days "
    "(three weeks, 21, suits most searches)."
)


class Role(models.TextChoices):
    """What a person does on a hosted bounceback. One person on their own computer is a seeker.

    A job seeker keeps their own search; a coach sees only what seekers share with them;
    staff look after accounts and never see anyone's private words.
    """

    SEEKER = "seeker", "Job seeker"
    COACH = "coach", "Coach"
    STAFF = "staff", "Staff"


class Profile(models.Model):
    """Per-person preferences. Every person has one (created on demand)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=80, blank=True)
    # The name drafts are signed with ("Sam Okafor"); asked once, on the first drafts page.
    sign_as = models.CharField(max_length=120, blank=True)
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
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.SEEKER)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @classmethod
    def for_user(cls, user: User) -> Profile:
        # Once per request (middleware.ProfilesPerRequest): a page may need gentle mode, the role and
        # the weekly target from a dozen places, and asked the database each time.
        seen = profiles_this_request.get()
        if seen is not None and user.pk in seen:
            return seen[user.pk]
        profile, _ = cls.objects.get_or_create(user=user)
        if seen is not None:
            seen[user.pk] = profile
        return profile


# The profiles looked up during the request being served, by user id; None outside one, so
# a command or a test holding a user across requests always reads the row as it is now.
profiles_this_request: ContextVar[dict[int, Profile] | None] = ContextVar(
    "profiles_this_request", default=None
)


class SignInToken(models.Model):
    """A single-use link printed by ``bounceback serve`` so a local user needs no password.

    Only a hash is stored: a copy of the database does not hold a working link. A used
    link's row is kept (marked used) until it would have expired anyway, so the person
    can be told "already used" rather than "unknown" — they need different advice.
    """

    LIFETIME = timedelta(hours=12)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

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
        """Return the user for a valid token and burn it; None if unknown, used or expired."""
        cutoff = timezone.now() - cls.LIFETIME
        cls.objects.filter(created_at__lt=cutoff).delete()
        found = cls.objects.filter(token_hash=cls.hash(token)).select_related("user").first()
        if found is None:
            return None
        # Burn it in one UPDATE: of two requests racing with the same link, only one signs in.
        burned = cls.objects.filter(pk=found.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not burned:
            return None
        user: User = found.user
        return user

    @classmethod
    def was_used(cls, token: str, by: User | None = None) -> bool:
        """Whether this link was made here and has already signed someone in (``by`` them)."""
        used = cls.objects.filter(token_hash=cls.hash(token), used_at__isnull=False)
        if by is not None:
            used = used.filter(user=by)
        return used.exists()


class CalendarFeed(models.Model):
    """A private address a calendar app can subscribe to without signing in.

    Unlike sign-in links, the token itself is kept: the person needs to see the address
    again to add it on another device. Lookups go through a hash of the token so the
    database index never compares the secret itself. A new link replaces the token;
    turning the feed off deletes the row, and with it every old address.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed for {self.user} from {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def for_user(cls, user: User) -> CalendarFeed | None:
        """The person's feed, or None while it is turned off."""
        return cls.objects.filter(user=user).first()

    @classmethod
    def turn_on(cls, user: User) -> CalendarFeed:
        """The person's feed, made the first time it is asked for."""
        return cls.for_user(user) or cls.renew(user)

    @classmethod
    def renew(cls, user: User) -> CalendarFeed:
        """A fresh address; the old one stops working at once."""
        token = secrets.token_urlsafe(32)
        feed, _ = cls.objects.update_or_create(
            user=user,
            defaults={
                "token": token,
                "token_hash": SignInToken.hash(token),
                "created_at": timezone.now(),
            },
        )
        return feed

    @classmethod
    def turn_off(cls, user: User) -> None:
        cls.objects.filter(user=user).delete()

    @classmethod
    def owner_of(cls, token: str) -> User | None:
        """Whose feed this token opens; None for an unknown, old or turned-off token."""
        found = (
            cls.objects.filter(token_hash=SignInToken.hash(token)).select_related("user").first()
        )
        # The hash lookup already matched; comparing in constant time as well keeps the
        # check safe even if the lookup ever changes.
        if found is None or not secrets.compare_digest(found.token.encode(), token.encode()):
            return None
        user: User = found.user
        return user


class AccountLink(models.Model):
    """A record that staff (or the person) were given a one-time link, never the link itself.

    Staff hand out invitations and reset links when the centre has no e-mail set up; this
    keeps who issued which, so a person can see it and a misuse leaves a trace.
    """

    class Kind(models.TextChoices):
        INVITATION = "invitation", "Invitation"
        RESET = "reset", "Password reset"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_links"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(default=timezone.now)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.user} on {self.issued_at:%Y-%m-%d}"


class SubmittedForm(models.Model):
    """A create form already sent: its one-time token and where its result is.

    A form that creates something carries a random token; the first submission stores it
    with the address of what it made, in the same transaction. Back, reload, a double click
    or a resubmit sends the same token again and is taken to that result instead of making
    a second one. Rows are small and only ever looked up by token.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="one_submission_per_form")
        ]

    def __str__(self) -> str:
        return f"Form {self.token[:8]}… → {self.url}"
