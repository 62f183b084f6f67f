from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bounceback.accounts.once import earlier, run_once, token_from
from bounceback.applications import services
from bounceback.applications.forms import (
    ApplicationForm,
    ContactForm,
    EventForm,
    SaveAnywayForm,
    SearchForm,
)
from bounceback.applications.models import Application, Company, Contact, StageEvent, Status
from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest


def application_list(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    status = request.GET.get("status", "")
    applications = Application.objects.filter(owner=request.user).select_related("company")
    query, guessed = "", False
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        applications = services.search(request.user, query)
    if form.is_valid() and form.cleaned_data["guessed"]:
        guessed = True
        applications = applications.filter(applied_on_guessed=True)
    if status in Status.values:
        applications = applications.filter(status=status)
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query": query,
        "guessed": guessed,
        "status": status,
        "statuses": Status.choices,
    }
    if request.htmx and request.htmx.target == "application-results":
        return render(request, "applications/_results.html", context)
    return render(request, "applications/list.html", context)


def application_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company"), owner=request.user, pk=pk
    )
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "events": application.events.all(),
            "contacts": application.contacts.all(),
            "event_form": EventForm(application=application),
            "contact_form": ContactForm(),
        },
    )


def application_add(request: AuthedRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None, owner=request.user)
    once = token_from(request.POST) if request.method == "POST" else ""
    saved_before = earlier(request.user, once)
    if saved_before:
        messages.info(request, "This application was already saved. Here it is.")
        return redirect(saved_before)
    earlier_ones: list[Application] = []
    similar: list[Company] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        choice = SaveAnywayForm(request.POST)
        anyway = choice.is_valid() and choice.cleaned_data["save_anyway"]
        same_as = choice.cleaned_data["same_as"] if choice.is_valid() else None
        if same_as:
            try:
                data["company_name"] = services.company_name(request.user, same_as)
            except NotFound as gone:
                form.add_error(None, str(gone))
            shown = request.POST.copy()  # shown again (if asked), it says the name chosen
            shown["company_name"] = data["company_name"]
            form.data = shown
        if not anyway:
            # Ask once before saving a second application to the same role, or under a name
            # only close to a company already there: two companies are never merged on a guess.
            earlier_ones = services.already_applied(
                request.user, data["company_name"], data["role"]
            )
            if not same_as:
                similar = services.similar_companies(request.user, data["company_name"])
        if not earlier_ones and not similar and not form.non_field_errors():
            made: list[Application] = []

            def save() -> str:
                made.append(
                    services.add_application(
                        request.user,
                        company=data["company_name"],
                        role=data["role"],
                        applied_on=data["applied_on"],
                        source=data["source"],
                        link=data["link"],
                        notes=data["notes"],
                        salary=data["salary"],
                        place=data["place"],
                        work_place=data["work_place"],
                        sector=data["sector"],
                        referred_by=data["referred_by"],
                    )
                )
                return made[0].get_absolute_url()

            try:
                url, _ = run_once(request.user, once, save)
            except UserError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, f"Saved: {made[0]}." if made else "This was already saved."
                )
                return redirect(url)
    context: dict[str, object] = {
        "form": form,
        "title": "Add an application",
        "once": once,
        "similar": similar,
    }
    if earlier_ones:
        context["earlier"] = earlier_ones
        context["already_applied"] = services.already_applied_hint(earlier_ones)
    return render(request, "applications/form.html", context)


def application_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application, owner=request.user, pk=pk)
    form = ApplicationForm(request.POST or None, instance=application, owner=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            edited = form.save(commit=False)
            edited.company = Company.objects.for_name(
                request.user, form.cleaned_data["company_name"]
            )
            edited.save()
            if "applied_on" in form.changed_data:
                services.confirm_applied_on(edited)  # the person's own date now, timeline too
        messages.success(request, "Changes saved.")
        return redirect(edited)
    return render(
        request,
        "applications/form.html",
        {"form": form, "title": f"Edit {application}", "application": application},
    )


@require_POST
def application_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application, owner=request.user, pk=pk)
    application.delete()
    messages.success(request, f"Deleted {application}.")
    return redirect("applications:list")


@require_POST
def applied_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    """One click: the guessed day the person applied is right, so it counts from now on."""
    application = get_object_or_404(Application, owner=request.user, pk=pk)
    services.confirm_applied_on(application)
    messages.success(
        request, f"Thanks. {application.applied_on.day} {application.applied_on:%b %Y} it is."
    )
    return redirect(application)


def _event(request: AuthedRequest, pk: int, event_pk: int) -> StageEvent:
    """One entry of one of the person's applications, or a 404."""
    return get_object_or_404(
        StageEvent.objects.select_related("application__company"),
        owner=request.user,
        application_id=pk,
        pk=event_pk,
    )


@require_POST
def event_confirm(request: AuthedRequest, pk: int, event_pk: int) -> HttpResponse:
    """One click: a guessed day on the timeline is right."""
    services.confirm_event_day(_event(request, pk, event_pk))
    messages.success(request, "Thanks. That day counts now.")
    return redirect("applications:detail", pk=pk)


@require_POST
def event_add(request: AuthedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company"), owner=request.user, pk=pk
    )
    form = EventForm(request.POST)
    once = token_from(request.POST)
    if form.is_valid():
        try:
            run_once(
                request.user,
                once,
                lambda: services.record_event(
                    application,
                    form.cleaned_data["kind"],
                    occurred_on=form.cleaned_data["occurred_on"],
                    note=form.cleaned_data["note"],
                ).application.get_absolute_url(),
            )
        except UserError as error:
            form.add_error(None, str(error))
        else:
            application.refresh_from_db()
            form, once = EventForm(application=application), ""  # a fresh form, a fresh token
    context = {
        "application": application,
        "events": application.events.all(),
        "event_form": form,
        "once": once,
    }
    if request.htmx:
        return render(request, "applications/_timeline.html", context)
    if form.errors:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(application)


def event_edit(request: AuthedRequest, pk: int, event_pk: int) -> HttpResponse:
    event = _event(request, pk, event_pk)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if edited.occurred_on < event.application.applied_on:
            form.add_error(
                "occurred_on", "That is before you applied. Check the date and try again."
            )
        else:
            if "occurred_on" in form.changed_data:
                edited.date_guessed = False  # the person's own day now
            edited.save()
            if edited.kind == "applied" and "occurred_on" in form.changed_data:
                services.confirm_applied_on(edited.application, edited.occurred_on)
            messages.success(request, "Timeline entry updated.")
            return redirect("applications:detail", pk=pk)
    return render(request, "applications/event_form.html", {"form": form, "event": event})


@require_POST
def event_delete(request: AuthedRequest, pk: int, event_pk: int) -> HttpResponse:
    _event(request, pk, event_pk).delete()
    messages.success(request, "Removed that entry from the timeline.")
    return redirect("applications:detail", pk=pk)


@require_POST
def contact_add(request: AuthedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company"), owner=request.user, pk=pk
    )
    form = ContactForm(request.POST)
    if form.is_valid():

        def add() -> str:
            contact = form.save(commit=False)
            contact.owner = request.user
            contact.company = application.company
            contact.save()
            contact.applications.add(application)
            messages.success(request, f"Added {contact.name}.")
            return application.get_absolute_url()

        run_once(request.user, token_from(request.POST), add)
    else:
        messages.error(
            request, "Please give at least the person's name (and a valid e-mail if you add one)."
        )
    return redirect(application)


def contact_list(request: AuthedRequest) -> HttpResponse:
    # People have their own pages now (bounceback.contacts); old links still work.
    return redirect("contacts:list")


def contact_edit(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    contact = get_object_or_404(Contact, owner=request.user, pk=contact_pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Changes saved.")
        return redirect("contacts:detail", pk=contact.pk)
    return render(request, "applications/contact_form.html", {"form": form, "contact": contact})
