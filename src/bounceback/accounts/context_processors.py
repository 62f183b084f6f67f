from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from bounceback.accounts.models import Profile


def profile(request: HttpRequest) -> dict[str, Any]:
    """The signed-in person's preferences (gentle mode) and role, for every template."""
    user = getattr(request, "user", None)
    hosted = settings.BOUNCEBACK_HOSTED
    if user is None or not user.is_authenticated:
        return {"profile": None, "role": None, "hosted": hosted}
    found = Profile.for_user(user)
    role = "staff" if user.is_superuser else found.role
    return {"profile": found, "role": role, "hosted": hosted}
