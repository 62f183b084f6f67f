"""Contact pages: who to get in touch with, each person's history, and the one-click answers."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.applications.models import Contact
from bounceback.contacts import rhythm, services
from bounceback.contacts.forms import ExchangeForm, RhythmForm
from bounceback.contacts.models import ExchangeKind
from bounceback.contacts.today import check_in_item
from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.recovery.templatetags.recovery_dates import day_words
from bounceback.recovery.today_items import back_url


def contact_list(request: AuthedRequest) -> HttpResponse:
    today = date.today()
    everyone = rhythm.standings(request.user)
    only_due = request.GET.get("due") == "1"
    shown = [s for s in everyone if s.is_due(today)] if only_due else everyone
    return render(
        request,
        "contacts/list.html",
        {
            "standings": shown,
            "today": today,
            "only_due": only_due,
            "due_count": sum(1 for s in everyone if s.is_due(today)),
        },
    )


def _contact(request: AuthedRequest, pk: int) -> Contact:
    try:
        return services.get_contact(request.user, pk)
    except NotFound:
        raise Http404("No such contact.") from None


def contact_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    standing = rhythm.standing(contact)
    today = date.today()
    return render(
        request,
        "contacts/detail.html",
        {
            "contact": contact,
            "standing": standing,
            "today": today,
            "rhythm_words": rhythm.rhythm_words(standing.rhythm),
            "default_words": rhythm.rhythm_words(rhythm.DEFAULT_DAYS.get(contact.role)),
            "item": check_in_item(standing) if standing.is_due(today) else None,
            "history": services.history(contact),
            "applications": contact.applications.select_related("company"),
            "referrals": contact.referrals.select_related("company"),
            "exchange_form": ExchangeForm(initial={"kind": ExchangeKind.WROTE, "on": today}),
            "rhythm_form": RhythmForm(initial={"days": contact.keep_in_touch_days}),
        },
    )


def _answered(request: AuthedRequest, message: str) -> HttpResponse:
    """After a one-click answer: a line in place of the item (htmx), or back where it was."""
    if request.htmx:
        return render(request, "_today_item_done.html", {"message": message})
    messages.success(request, message)
    return redirect(back_url(request.POST.get("back", ""), reverse("recovery:today")))


@require_POST
def checked_in(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    services.log_exchange(contact, ExchangeKind.CHECK_IN)
    next_on = rhythm.standing(contact).next_on
    after = f" Next check-in: {day_words(next_on)}." if next_on else ""
    return _answered(request, f"Noted: you got in touch with {contact.name}.{after}")


@require_POST
def check_in_later(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    day = services.later(contact)
    return _answered(request, f"Fine. {contact.name} comes up again on {day_words(day)}.")


@require_POST
def exchange_add(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    form = ExchangeForm(request.POST)
    if form.is_valid():
        try:
            services.log_exchange(
                contact,
                form.cleaned_data["kind"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except UserError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Noted.")
    else:
        messages.error(request, _errors(form))
    return redirect("contacts:detail", pk=contact.pk)


def _errors(form: ExchangeForm | RhythmForm) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@require_POST
def rhythm_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    form = RhythmForm(request.POST)
    if form.is_valid():
        services.set_rhythm(contact, form.cleaned_data["days"])
        messages.success(request, "Saved. The next check-in follows the new rhythm.")
    else:
        messages.error(request, _errors(form))
    return redirect("contacts:detail", pk=contact.pk)


@require_POST
def thank_you(request: AuthedRequest, event_pk: int) -> HttpResponse:
    try:
        event = services.get_interview(request.user, event_pk)
    except NotFound:
        raise Http404("No such interview.") from None
    try:
        services.mark_thank_you(event)
    except UserError as error:
        messages.error(request, str(error))
        return redirect(event.application)
    return _answered(request, f"Noted: thank-you sent to {event.application.company.name}.")
