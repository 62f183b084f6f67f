"""The coach's side: a caseload, and read-only pages of what each person chose to share.

Every page starts from ``services.share_for_coach``: a revoked share is a 404 on the next
request. Each page the coach opens goes into the log the seeker reads.
"""

from __future__ import annotations

from datetime import date

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from bounceback.applications.models import Application
from bounceback.coaching import services
from bounceback.coaching.access import for_coaches
from bounceback.coaching.forms import NoteForm
from bounceback.coaching.models import PARTS_FOR_COACH, NoteKind
from bounceback.errors import UserError
from bounceback.http import AuthedRequest


@for_coaches
def caseload(request: AuthedRequest) -> HttpResponse:
    return render(request, "coaching/caseload.html", {"shares": services.caseload(request.user)})


@for_coaches
def person(request: AuthedRequest, pk: int) -> HttpResponse:
    share = services.share_for_coach(request.user, pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_note(share, form.cleaned_data["kind"], form.cleaned_data["text"])
        except UserError as error:
            form.add_error("text", str(error))
        else:
            kind = form.cleaned_data["kind"]
            messages.success(
                request, "Suggested; they'll choose." if kind == NoteKind.STEP else "Comment left."
            )
            return redirect("coaching:person", pk=share.pk)
    applications = []
    if share.applications:
        applications = list(
            Application.objects.filter(owner=share.seeker).select_related("company")[:200]
        )
        services.record_opening(share, "Your applications")
    return render(
        request,
        "coaching/person.html",
        {
            "share": share,
            "form": form,
            "parts": [label for key, label in PARTS_FOR_COACH.items() if getattr(share, key)],
            "applications": applications,
            "items": services.shared_items(share),
            "notes": share.notes.all(),
        },
    )


@for_coaches
def application(request: AuthedRequest, pk: int, app_pk: int) -> HttpResponse:
    share = services.share_for_coach(request.user, pk)
    found = services.shared_application(share, app_pk)
    services.record_opening(share, str(found))
    return render(
        request,
        "coaching/application.html",
        {"share": share, "application": found, "events": found.events.all()},
    )


@for_coaches
def insights(request: AuthedRequest, pk: int) -> HttpResponse:
    from bounceback.insights import charts
    from bounceback.insights.funnel import funnel
    from bounceback.insights.stats import themes_report

    share = services.share_for_coach(request.user, pk)
    services.require_part(share, "insights")
    result = funnel(share.seeker)
    report = themes_report(share.seeker, today=date.today())
    services.record_opening(share, "Themes and insights")
    return render(
        request,
        "coaching/insights.html",
        {
            "share": share,
            "funnel": result,
            "themes": report,
            "charts": [charts.funnel_chart(result), charts.themes_chart(report)],
        },
    )


@for_coaches
# The report carries its own styles, to work as a file too (the stubs know only request-only views).
@csp_update({"style-src": [NONCE]})  # type: ignore[arg-type]
def report(request: AuthedRequest, pk: int) -> HttpResponse:
    """The same retrospective the person can export, without their private words."""
    from bounceback.insights import report as retrospective

    share = services.share_for_coach(request.user, pk)
    services.require_part(share, "report")
    built = retrospective.build(share.seeker, since=None, today=date.today())
    services.record_opening(share, "The retrospective report")
    page = retrospective.to_html(built, nonce=str(request.csp_nonce))  # type: ignore[attr-defined]
    return HttpResponse(mark_safe(page))  # noqa: S308 - our template


@for_coaches
def item(request: AuthedRequest, pk: int, item_pk: int) -> HttpResponse:
    share = services.share_for_coach(request.user, pk)
    found = services.shared_item(share, item_pk)
    services.record_opening(share, found.title)
    return render(request, "coaching/item.html", {"share": share, "item": found})
