"""People and their accounts: the local person, and on a hosted install invitations and links.

In local mode one user owns everything, created on first run, signed in by links that
``bounceback serve`` prints. Hosted, staff invite people and hand out one-time links to
choose a password; nobody but the person ever types or sees their password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from bounceback.accounts.models import LOCAL_USERNAME, AccountLink, Profile, Role
from bounceback.errors import UserError

HOSTED_HAS_NO_LOCAL_PERSON = (
    "This bounceback is hosted for many people (BOUNCEBACK_HOSTED, or a DATABASE_URL), so it "
    "has no local account to work on. Sign in to the web app with your password instead, or "
    "unset DATABASE_URL to use your own data on this computer."
)


def local_user() -> User:
    """The single local owner; created (without a usable password) the first time it is asked for.

    Refused on a hosted install: a passwordless account there would let anyone with a
    sign-in link in.
    """
    if settings.BOUNCEBACK_HOSTED:
        raise UserError(HOSTED_HAS_NO_LOCAL_PERSON)
    user, created = User.objects.get_or_create(username=LOCAL_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        Profile.objects.get_or_create(user=user)
    return user


def hosted_person(email: str) -> User:
    """The account someone signs in to a hosted install with, found by their e-mail address.

    For commands staff run on a person's behalf (`restore --user`). On one computer there is
    only the local person, so asking for anyone else is refused.
    """
    if not settings.BOUNCEBACK_HOSTED:
        raise UserError(
            "This bounceback keeps one person's data, on this computer, so there is no one "
            "to choose: leave out --user."
        )
    address = email.strip().lower()
    try:
        validate_email(address)  # which also keeps what is quoted below short and printable
    except ValidationError:
        raise UserError(
            "--user takes the e-mail address the person signs in with, e.g. sam@example.org."
        ) from None
    user = User.objects.filter(username=address).first()
    if user is None:
        raise UserError(
            f"No one signs in here as {address}. Check the address (it is the one they sign "
            "in with), or invite them first: bounceback invite ADDRESS."
        )
    return user


def mail_is_set_up() -> bool:
    """Whether the centre configured SMTP (BOUNCEBACK_SMTP_HOST); otherwise nothing is sent."""
    return not settings.EMAIL_BACKEND.endswith("dummy.EmailBackend")


def password_link(user: User) -> str:
    """The path of a one-time page where the person chooses a new password.

    Django's token is made from the password itself: the link stops working once it is
    used, once the password changes another way, and after PASSWORD_RESET_TIMEOUT.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_set", args=[uid, token])


@transaction.atomic
def invite(email: str, role: str, *, by: User | None) -> User:
    """A new account for this address, with no password until the person chooses one."""
    address = email.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        raise UserError(
            f"'{email}' does not look like an e-mail address. Check it and try again."
        ) from None
    if role not in Role.values:
        raise UserError("Choose a role: job seeker, coach or staff.")
    if User.objects.filter(username=address).exists():
        raise UserError(
            f"{address} already has an account. Give them a new link from their row instead."
        )
    user = User(username=address, email=address)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role=role)
    AccountLink.objects.create(user=user, kind=AccountLink.Kind.INVITATION, issued_by=by)
    return user


def issue_reset(user: User, *, by: User | None) -> AccountLink:
    """Record that a fresh password link was given out (by staff, or asked for by e-mail)."""
    if not user.is_active:
        raise UserError("This account is switched off. Switch it on first.")
    return AccountLink.objects.create(user=user, kind=AccountLink.Kind.RESET, issued_by=by)


def set_role(user: User, role: str, *, by: User) -> None:
    if role not in Role.values:
        raise UserError("Choose a role: job seeker, coach or staff.")
    if user == by and role != Role.STAFF:
        raise UserError("You can't take away your own staff role; ask another member of staff.")
    profile = Profile.for_user(user)
    profile.role = role
    profile.save(update_fields=["role"])


def set_active(user: User, active: bool, *, by: User) -> None:
    """Switch an account off (nothing is deleted; the person can't sign in) or back on."""
    if user == by and not active:
        raise UserError("You can't switch off your own account.")
    user.is_active = active
    user.save(update_fields=["is_active"])


def forget_second_factor(user: User) -> None:
    """For a lost phone: the person sets up their authenticator again at the next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
