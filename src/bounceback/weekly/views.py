"""The week: aims the person set, how far this week got, and the last look-back."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from bounceback.accounts.models import Profile
from bounceback.http import AuthedRequest
from bounceback.weekly import lookback
from bounceback.weekly.forms import TargetsForm


def week(request: AuthedRequest) -> HttpResponse:
    targets = lookback.targets_of(request.user)
    initial = {
        "applications": Profile.for_user(request.user).weekly_target,
        "outreach": targets.outreach,
        "practice": targets.practice,
    }
    form = TargetsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        lookback.set_targets(request.user, **form.cleaned_data)
        messages.success(request, "Saved. Aims, not debts: change them whenever you like.")
        return redirect("weekly:week")
    monday = lookback.monday_of(date.today())
    shown = lookback.showing_now() or monday - timedelta(days=7)
    return render(
        request,
        "weekly/week.html",
        {
            "form": form,
            "progress": lookback.progress(request.user, monday),
            "look": lookback.lookback(request.user, shown),
            "monday": monday,
        },
        status=400 if form.errors else 200,
    )
