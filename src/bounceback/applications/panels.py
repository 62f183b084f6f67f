"""Dashboard panels for the job search itself."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.template.loader import render_to_string

from bounceback.accounts.models import Profile
from bounceback.applications.models import Application, Status
from bounceback.applications.services import weeks_in_a_row
from bounceback.http import AuthedRequest


def overview(request: AuthedRequest) -> str | None:
    profile = Profile.for_user(request.user)
    owned = Application.objects.filter(owner=request.user)
    week_start = date.today() - timedelta(days=date.today().weekday())
    counts = owned.aggregate(
        total=Count("id"),
        open=Count("id", filter=Q(status__in=[Status.ACTIVE, Status.OFFER])),
        # A guessed day is some other, unknown week: counted only once confirmed.
        this_week=Count("id", filter=Q(applied_on__gte=week_start, applied_on_guessed=False)),
        guessed_this_week=Count(
            "id", filter=Q(applied_on__gte=week_start, applied_on_guessed=True)
        ),
        interviews=Count("id", filter=Q(stage__in=["interview", "final", "offer"])),
    )
    recent = owned.select_related("company")
    if profile.gentle_mode:
        # Gentle mode: the data stays, the dashboard just doesn't dwell on it.
        recent = recent.exclude(status=Status.REJECTED)
    context = {
        "counts": counts,
        "recent": list(recent[:6]),
        "gentle": profile.gentle_mode,
        "weekly_target": profile.weekly_target,
        "weeks_in_a_row": weeks_in_a_row(request.user),
    }
    return render_to_string("applications/_overview_panel.html", context, request=request)
