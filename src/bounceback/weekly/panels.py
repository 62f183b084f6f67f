"""The week on the dashboard: the Sunday-evening look-back, or how this week is going."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from bounceback.http import AuthedRequest
from bounceback.weekly import lookback


def lookback_now(request: AuthedRequest) -> str | None:
    """The look-back on the week just gone, from Sunday 18:00 to the end of Monday."""
    shown = lookback.showing_now()
    if shown is None:
        return None
    look = lookback.lookback(request.user, shown)
    return render_to_string("weekly/_lookback.html", {"look": look}, request=request)


def week(request: AuthedRequest) -> str | None:
    shown = lookback_now(request)
    if shown is not None:
        return shown
    monday = lookback.monday_of(date.today())
    progress = lookback.progress(request.user, monday)
    return render_to_string("weekly/_this_week.html", {"progress": progress}, request=request)
