"""Dashboard panels for wellbeing (see bounceback.dashboard)."""

from __future__ import annotations

from django.template.loader import render_to_string

from bounceback.http import AuthedRequest
from bounceback.wellbeing import checkins


def checkin(request: AuthedRequest) -> str | None:
    """One calm line and the 1–5 buttons; gone for the day once answered, and never repeated."""
    if checkins.checked_in_today(request.user):
        return None
    return render_to_string("wellbeing/_checkin_offer.html", {}, request=request)
