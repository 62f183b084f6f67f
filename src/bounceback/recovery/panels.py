"""Dashboard panels for recovery: what is due today, and recent wins."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from bounceback.http import AuthedRequest
from bounceback.recovery.models import Action, Win


def today(request: AuthedRequest) -> str | None:
    """What is due (with one-click done), and a calm way into the rejection flow."""
    due = list(
        Action.objects.due_by(request.user, date.today()).select_related("application__company")[:8]
    )
    return render_to_string(
        "recovery/_today_panel.html", {"due": due, "today": date.today()}, request=request
    )


def wins(request: AuthedRequest) -> str | None:
    recent = list(Win.objects.filter(owner=request.user)[:5])
    if not recent:
        return None
    return render_to_string("recovery/_wins_panel.html", {"wins": recent}, request=request)
