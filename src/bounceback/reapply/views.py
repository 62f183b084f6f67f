"""Cool-downs per company: when applying again makes sense, and the note that shows growth."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.reapply import cooldowns
from bounceback.reapply.models import Cooldown
from bounceback.recovery.drafts import TONES, check_tone
from bounceback.recovery.models import Rejection
from bounceback.recovery.templatetags.recovery_dates import day_words


class MonthsForm(forms.Form):
    months = forms.IntegerField(
        label="Wait this many months",
        min_value=1,
        max_value=cooldowns.MAX_MONTHS,
        error_messages={"invalid": "Write a number of months, e.g. 6."},
    )


def cooldown_list(request: AuthedRequest) -> HttpResponse:
    today = date.today()
    cooldowns.sync_steps(request.user, today)
    found = cooldowns.by_company(request.user)
    return render(
        request,
        "reapply/list.html",
        {
            "ready": [s for s in found if s.ended(today) or s.cooldown.reopened_on],
            "waiting": [s for s in found if not (s.ended(today) or s.cooldown.reopened_on)],
            "today": today,
        },
    )


def _cooldown(request: AuthedRequest, pk: int) -> Cooldown:
    try:
        return cooldowns.get_cooldown(request.user, pk)
    except NotFound:
        raise Http404("No such cool-down.") from None


def cooldown_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    cooldown = _cooldown(request, pk)
    tone = request.GET.get("tone", "warm")
    try:
        check_tone(tone)
    except UserError:
        tone = "warm"
    now = cooldowns.standing(cooldown)
    return render(
        request,
        "reapply/detail.html",
        {
            "now": now,
            "cooldown": cooldown,
            "today": date.today(),
            "proof": cooldowns.proof(cooldown.rejection),
            "note": cooldowns.note(cooldown.rejection, tone),
            "tones": TONES,
            "tone": tone,
            "form": MonthsForm(initial={"months": cooldown.months}),
        },
    )


def for_rejection(request: AuthedRequest, rejection_pk: int) -> HttpResponse:
    """The cool-down a rejection started (links from steps and rejection pages land here)."""
    rejection = get_object_or_404(Rejection, owner=request.user, pk=rejection_pk)
    return redirect("reapply:detail", pk=cooldowns.start(rejection).pk)


@require_POST
def months(request: AuthedRequest, pk: int) -> HttpResponse:
    cooldown = _cooldown(request, pk)
    form = MonthsForm(request.POST)
    if form.is_valid():
        now = cooldowns.set_months(cooldown, form.cleaned_data["months"])
        messages.success(request, f"Saved. You can apply again from {day_words(now.ends_on)}.")
    else:
        messages.error(request, f"Pick a wait from 1 to {cooldowns.MAX_MONTHS} months.")
    return redirect("reapply:detail", pk=cooldown.pk)


@require_POST
def reopened(request: AuthedRequest, pk: int) -> HttpResponse:
    cooldown = _cooldown(request, pk)
    cooldowns.role_reopened(cooldown)
    messages.success(request, "It's on today's list, with the note drafted below.")
    return redirect("reapply:detail", pk=cooldown.pk)
