"""Dashboard panels for recovery: what is due today, and recent wins."""

from __future__ import annotations

from django.template.loader import render_to_string

from bounceback.http import AuthedRequest
from bounceback.recovery.models import Win
from bounceback.recovery.today import today_list

PANEL_DUE = 8


def today(request: AuthedRequest) -> str | None:
    """What is due (with one-click done), what waits on Today, and a calm way into the flow."""
    view = today_list(request.user)
    return render_to_string(
        "recovery/_today_panel.html",
        {"view": view, "due": view.due[:PANEL_DUE], "today": view.today},
        request=request,
    )


def wins(request: AuthedRequest) -> str | None:
    recent = list(Win.objects.filter(owner=request.user)[:5])
    if not recent:
        return None
    return render_to_string("recovery/_wins_panel.html", {"wins": recent}, request=request)
