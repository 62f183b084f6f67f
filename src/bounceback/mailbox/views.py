"""The review queue: e-mails bounceback was not sure about, confirmed or corrected in one step.

Each action answers an htmx request with the item's fragment (branching on the
HX-Request header) and a plain form POST with a redirect, so it works without JS.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bounceback.applications.models import Application
from bounceback.errors import UserError
from bounceback.http import AuthedRequest
from bounceback.lib.mail.sanitize import safe_html
from bounceback.mailbox import services
from bounceback.mailbox.forms import CorrectForm
from bounceback.mailbox.models import ReviewItem


def _form(item: ReviewItem, data: object = None) -> CorrectForm:
    proposed = services.proposed_application(item)
    return CorrectForm(
        item.owner,
        data,
        prefix=f"r{item.pk}",
        initial={
            "label": item.label,
            "application": proposed.pk if proposed else None,
            "company": item.company,
            "role": item.role,
            "remember": True,
        },
    )


def _context(
    item: ReviewItem, form: CorrectForm | None = None, error: str = ""
) -> dict[str, object]:
    return {
        "item": item,
        "form": form or _form(item),
        "error": error,
        "proposed": services.proposed_application(item),
        "body_html": "" if item.text.strip() else safe_html(item.html),
    }


def review_list(request: AuthedRequest) -> HttpResponse:
    items = services.open_items(request.user)[:50]
    return render(
        request,
        "mailbox/review.html",
        {"entries": [_context(item) for item in items], "count": services.open_count(request.user)},
    )


def _item(request: AuthedRequest, pk: int) -> ReviewItem:
    return get_object_or_404(
        ReviewItem.objects.select_related("message"), owner=request.user, pk=pk
    )


def _done(
    request: AuthedRequest, item: ReviewItem, application: Application | None
) -> HttpResponse:
    if application is None:
        note = "Set aside: not about your job search."
    else:
        note = f"Filed under {application.role} at {application.company.name}."
    if request.htmx:
        return render(
            request,
            "mailbox/_review_done.html",
            {"item": item, "application": application, "note": note},
        )
    messages.success(request, note)
    return redirect("mailbox:review")


def _failed(
    request: AuthedRequest, item: ReviewItem, form: CorrectForm | None, error: str
) -> HttpResponse:
    if request.htmx:
        return render(request, "mailbox/_review_item.html", _context(item, form, error))
    messages.error(request, error)
    return redirect("mailbox:review")


@require_POST
def review_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    try:
        application = services.confirm(item)
    except UserError as error:
        return _failed(request, item, None, str(error))
    return _done(request, item, application)


@require_POST
def review_correct(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = _form(item, request.POST)
    if not form.is_valid():
        errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
        return _failed(request, item, form, errors)
    data = form.cleaned_data
    try:
        application = services.correct(
            item,
            label=data["label"],
            application=data["application"],
            company=data["company"],
            role=data["role"],
            keep_rule=data["remember"],
        )
    except UserError as error:
        return _failed(request, item, form, str(error))
    return _done(request, item, application)


@require_POST
def review_dismiss(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    if item.is_open:
        services.dismiss(item)
    return _done(request, item, None)
