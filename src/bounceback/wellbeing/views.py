"""Wellbeing pages: the hub, check-ins, exercises, goals and the ways to real help.

Private text only ever travels in POST bodies; nothing here logs it or puts it
in a URL or a flash message. Whether a text sounded distressed is worked out
for this one response and then forgotten.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.accounts.models import Profile
from bounceback.accounts.once import run_once, token_from
from bounceback.errors import UserError
from bounceback.http import AuthedRequest
from bounceback.lib.distress import detect
from bounceback.wellbeing import checkins, goals, support, trend
from bounceback.wellbeing.exercise_texts import exercises
from bounceback.wellbeing.forms import CheckInForm
from bounceback.wellbeing.helplines import helplines
from bounceback.wellbeing.models import CheckIn


@login_not_required
def help_now(request: HttpRequest) -> HttpResponse:
    """Reachable from every page, signed in or not: help must never sit behind a login."""
    return render(request, "wellbeing/help_now.html", {"help": helplines()})


@login_not_required
def professional(request: HttpRequest) -> HttpResponse:
    """When and how to look for a coach, counsellor or therapist; no sign-in needed either."""
    return render(request, "wellbeing/professional.html", {"help": helplines()})


def _kind_line(mood: int) -> str:
    if mood <= checkins.LOW_MOOD:
        return "Low days are part of a hard search, not a sign you're failing at it. Go easy on yourself today."
    if mood == 3:
        return "An okay day counts."
    return "Good to hear. Worth noticing what helped."


def checkin(request: AuthedRequest) -> HttpResponse:
    """The check-in form (GET) and saving one (POST), as a fragment for htmx or a full page."""
    if request.method != "POST":
        return render(
            request,
            "wellbeing/checkin.html",
            {"recent": checkins.recent(request.user), "moods": checkins.MOODS},
        )
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return _checkin_error(request, form, _first_error(form))
    made: list[CheckIn] = []

    def save() -> str:
        made.append(
            checkins.record(
                request.user,
                form.cleaned_data["mood"],
                form.cleaned_data["tags"],
                form.cleaned_data["note"],
            )
        )
        return f"{reverse('wellbeing:checkin')}?saved={made[0].pk}"

    try:
        url, _ = run_once(request.user, token_from(request.POST), save)
    except UserError as error:
        return _checkin_error(request, form, str(error))
    # A second submission of the same form (Back, reload, double click) shows the first one.
    saved = made[0] if made else _earlier_checkin(request, url)
    context: dict[str, Any] = {
        "saved": saved,
        "kind_line": _kind_line(saved.mood),
        "distress": detect(saved.note),
        "low_mood": checkins.sustained_low_mood(request.user),
    }
    if request.htmx:
        return render(request, "wellbeing/_checkin_saved.html", context)
    if context["distress"]:
        back = support.back_to(request, reverse("wellbeing:checkin"))
        return support.page(request, back, "Back to where I was")
    return render(request, "wellbeing/checkin_saved.html", context)


def _earlier_checkin(request: AuthedRequest, url: str) -> CheckIn:
    pk = url.rpartition("saved=")[2]
    return get_object_or_404(CheckIn, owner=request.user, pk=int(pk) if pk.isdigit() else 0)


def _first_error(form: CheckInForm) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return "Something in the check-in wasn't right. Please try again."


def _checkin_error(request: AuthedRequest, form: CheckInForm, message: str) -> HttpResponse:
    """Show what went wrong with everything the person typed still in place."""
    context = {
        "error": message,
        "once": token_from(request.POST),
        "note": request.POST.get("note", ""),
        "picked": request.POST.getlist("tags"),
        "recent": checkins.recent(request.user),
    }
    if request.htmx:
        return render(request, "wellbeing/_checkin_form.html", context)
    return render(request, "wellbeing/checkin.html", context, status=400)


def hub(request: AuthedRequest) -> HttpResponse:
    """The wellbeing page: check-in, how the weeks felt, exercises, goals, and help."""
    history = trend.weeks(request.user)
    return render(
        request,
        "wellbeing/hub.html",
        {
            "checked_in_today": checkins.checked_in_today(request.user),
            "weeks": history,
            "has_moods": any(week.checkins for week in history),
            "chart": trend.chart(history),
            "comparisons": trend.comparisons(request.user),
            "low_mood": checkins.sustained_low_mood(request.user),
            "exercises": exercises(),
            "goals": goals.for_owner(request.user)[:6],
            "gentle": Profile.for_user(request.user).gentle_mode,
        },
    )


@require_POST
def gentle_toggle(request: AuthedRequest) -> HttpResponse:
    """One click either way; the data behind the dashboard is never touched."""
    profile = Profile.for_user(request.user)
    profile.gentle_mode = not profile.gentle_mode
    profile.save(update_fields=["gentle_mode"])
    if request.htmx:
        return render(request, "wellbeing/_gentle.html", {"gentle": profile.gentle_mode})
    return redirect("wellbeing:hub")
