"""Dashboard panels for recovery: what is due today, and recent wins."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from bounceback.accounts.models import Profile
from bounceback.http import AuthedRequest
from bounceback.recovery.models import Action, Win
from bounceback.recovery.services import waiting_rejections


def today(request: AuthedRequest) -> str | None:
    """What is due (with one-click done), and a calm way into the rejection flow."""
    from bounceback.today_items import collect  # check-ins, practice, reapplying

    # First: collecting may add a dated step (an "apply again" whose cool-down ended today).
    items = collect(request.user)
    due = list(
        Action.objects.due_by(request.user, date.today()).select_related("application__company")[:8]
    )
    # Gentle mode asked not to be shown rejections here; they stay on their applications.
    waiting = [] if Profile.for_user(request.user).gentle_mode else waiting_rejections(request.user)
    return render_to_string(
        "recovery/_today_panel.html",
        {"due": due, "today": date.today(), "waiting": waiting, "items": items},
        request=request,
    )


def wins(request: AuthedRequest) -> str | None:
    recent = list(Win.objects.filter(owner=request.user)[:5])
    if not recent:
        return None
    return render_to_string("recovery/_wins_panel.html", {"wins": recent}, request=request)
