from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bounceback.accounts.models import Profile


def profile(request: HttpRequest) -> dict[str, Any]:
    """Expose the signed-in person's preferences (gentle mode) to every template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"profile": None}
    return {"profile": Profile.for_user(user)}
