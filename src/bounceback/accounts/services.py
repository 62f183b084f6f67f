"""The local person: in local mode one user owns everything, created on first run."""

from __future__ import annotations

from django.contrib.auth.models import User

from bounceback.accounts.models import LOCAL_USERNAME, Profile


def local_user() -> User:
    """The single local owner; created (without a usable password) the first time it is asked for."""
    user, created = User.objects.get_or_create(username=LOCAL_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        Profile.objects.get_or_create(user=user)
    return user
