"""The review queue: e-mails bounceback was not sure about, confirmed or corrected in one step.

Each action answers an htmx request with the item's fragment (branching on the
HX-Request header) and a plain form POST with a redirect, so it works without JS.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from bounceback.applications.models import Application
from bounceback.errors import UserError
from bounceback.http import AuthedRequest
from bounceback.lib.mail.sanitize import safe_html
from bounceback.mailbox import connection, learning, services
from bounceback.mailbox.forms import (
    Choices,
    CorrectForm,
    FindForm,
    QueuePageForm,
    found,
    grouped,
)
from bounceback.mailbox.models import Label, LabelCorrection, ReviewItem, SenderRule


def needs_company(item: ReviewItem) -> bool:
    """Job mail that names no company and matches nothing: there is nothing to say yes to."""
    return item.label != Label.NOT_JOB and not item.company.strip() and not item.candidates.all()


def _choices(
    item: ReviewItem, applications: list[Application] | None, find: str = ""
) -> tuple[Choices, str]:
    """The "About" options for one e-mail, and a note when a search found nothing."""
    if find:
        matches = services.find_applications(item.owner, find)
        if matches:
            return found(matches, find), ""
        note = f"None of your applications matches “{find}”. Here are the likely ones."
    else:
        note = ""
    if applications is None:
        applications = services.all_applications(item.owner)
    likely, recent = services.likely_applications(item, applications)
    return grouped(likely, recent, item.company), note


def _form(
    item: ReviewItem,
    data: object = None,
    choices: Choices | None = None,
    *,
    focus: bool = False,
    find: str = "",
) -> CorrectForm:
    proposed = services.proposed_application(item)
    return CorrectForm(
        item.owner,
        data,
        applications=choices if choices is not None else _choices(item, None)[0],
        focus_company=focus,
        prefix=f"r{item.pk}",
        initial={
            "label": item.label,
            "application": proposed.pk if proposed else None,
            "company": item.company,
            "role": item.role,
            "find": find,
            "remember": True,
        },
    )


def _context(
    item: ReviewItem,
    form: CorrectForm | None = None,
    error: str = "",
    applications: list[Application] | None = None,
    *,
    focus: bool = False,
    find: str = "",
) -> dict[str, object]:
    candidates = list(item.candidates.all())
    choices, find_note = _choices(item, applications, find) if form is None else (None, "")
    return {
        "item": item,
        "form": form or _form(item, choices=choices, focus=focus, find=find),
        "error": error,
        "proposed": candidates[0] if len(candidates) == 1 else None,
        "several": len(candidates) > 1,
        "needs_company": needs_company(item),
        # Open the correction straight away: when it is the only way to answer, or a
        # search without JavaScript just came back.
        "open": bool(error) or needs_company(item) or bool(find),
        "find_note": find_note,
        # Plain text when the e-mail has it; otherwise its HTML, only ever through the sanitiser.
        "body_html": "" if item.text.strip() else safe_html(item.html),
    }


def review_list(request: AuthedRequest) -> HttpResponse:
    form = QueuePageForm(request.GET)
    valid = form.is_valid()
    after = form.cleaned_data["after"] if valid else None
    find_for = form.cleaned_data["find_for"] if valid else None
    find = ""
    if find_for:
        words = FindForm(request.GET, prefix=f"r{find_for}")
        find = words.cleaned_data["find"].strip() if words.is_valid() else ""
    items, has_more = services.open_items(request.user, after=after)
    applications = services.all_applications(request.user) if items else []
    focused = False
    entries = []
    for item in items:
        # One autofocus per page: the first e-mail that needs its company typed.
        focus = not focused and needs_company(item) and not find_for
        focused = focused or focus
        entries.append(
            _context(
                item,
                applications=applications,
                focus=focus,
                find=find if item.pk == find_for else "",
            )
        )
    context = {
        "entries": entries,
        "has_more": has_more,
        "last": items[-1] if items else None,
        "after": after,
    }
    if request.htmx and after:
        return render(request, "mailbox/_review_page.html", context)
    context["count"] = services.open_count(request.user)
    context["learned"] = services.learned_count(request.user)
    context["mailbox_offered"] = connection.offered()
    return render(request, "mailbox/review.html", context)


def review_find(request: AuthedRequest, pk: int) -> HttpResponse:
    """Search-as-you-type for the "About" select (htmx): the select with matching options."""
    item = _item(request, pk)
    words = FindForm(request.GET, prefix=f"r{item.pk}")
    find = words.cleaned_data["find"].strip() if words.is_valid() else ""
    choices, note = _choices(item, None, find)
    form = _form(item, choices=choices)
    return render(
        request,
        "mailbox/_about_select.html",
        {"item": item, "field": form["application"], "find_note": note},
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
        note = f"Filed under {application}."
    if request.htmx:
        done = render_to_string(
            "mailbox/_review_done.html",
            {"item": item, "application": application, "note": note},
            request=request,
        )
        # The count at the top of the page falls as each e-mail is answered.
        count = render_to_string(
            "mailbox/_review_count.html",
            {"count": services.open_count(request.user), "oob": True},
            request=request,
        )
        return HttpResponse(done + count)
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


def learned_list(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "mailbox/learned.html",
        {
            "rules": services.learned(request.user),
            "labels": services.learned_labels(request.user),
            "groups": learning.learned_examples(request.user),
        },
    )


@require_POST
def learned_forget_example(request: AuthedRequest, pk: int) -> HttpResponse:
    if not learning.forget_example(request.user, pk):
        raise Http404
    messages.success(request, "Forgotten. That e-mail no longer counts when I read your next ones.")
    return redirect("mailbox:learned")


@require_POST
def learned_forget_all(request: AuthedRequest) -> HttpResponse:
    forgotten = services.forget_all(request.user)
    messages.success(
        request,
        "Forgotten: I read your mail afresh now, as on the first day; what is already filed "
        "stays where it is."
        if forgotten
        else "There was nothing to forget.",
    )
    return redirect("mailbox:learned")


@require_POST
def learned_forget_label(request: AuthedRequest, pk: int) -> HttpResponse:
    correction = get_object_or_404(LabelCorrection, owner=request.user, pk=pk)
    correction.delete()
    messages.success(
        request,
        "Forgotten. That sender's mail is filed as it reads again, when bounceback is sure.",
    )
    return redirect("mailbox:learned")


@require_POST
def learned_forget(request: AuthedRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(SenderRule, owner=request.user, pk=pk)
    services.forget(rule)
    messages.success(
        request,
        f"Forgotten. Mail from {services.sender_in_words(rule.sender)} will be recognised afresh; "
        "what was already filed stays where it is.",
    )
    return redirect("mailbox:learned")
