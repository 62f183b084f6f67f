"""Journey 2: the employer's reply arrives; kept apart from the person's own reflection."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.accounts.once import run_once, token_from
from bounceback.applications.models import Application
from bounceback.applications.services import get_application
from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.recovery import drafts
from bounceback.recovery import feedback as feedback_service
from bounceback.recovery.forms import FeedbackForm, ToneForm
from bounceback.recovery.models import Feedback


def _application(request: AuthedRequest, pk: int) -> Application:
    try:
        return get_application(request.user, pk)
    except NotFound:
        raise Http404("No such application.") from None


def _feedback(request: AuthedRequest, pk: int) -> Feedback:
    try:
        return feedback_service.get_feedback(request.user, pk)
    except NotFound:
        raise Http404("No such feedback.") from None


def feedback_add(request: AuthedRequest, pk: int) -> HttpResponse:
    """Paste the employer's reply. On a problem, the page comes back with the text kept."""
    application = _application(request, pk)
    form = FeedbackForm(request.POST or None)
    once = token_from(request.POST) if request.method == "POST" else ""
    if request.method == "POST" and form.is_valid():

        def keep() -> str:
            feedback = feedback_service.record_feedback(
                application, form.cleaned_data["text"], received_on=form.cleaned_data["received_on"]
            )
            if feedback.is_generic:
                return reverse("recovery:second_ask", args=[feedback.pk])
            return application.get_absolute_url() + "#feedback"

        try:
            url, _ = run_once(request.user, once, keep)
        except UserError as error:
            form.add_error(None, str(error))
        else:
            return redirect(url)
    return render(
        request,
        "recovery/feedback_form.html",
        {"application": application, "form": form, "once": once},
    )


def second_ask(request: AuthedRequest, pk: int) -> HttpResponse:
    """Offer one short, polite request for specifics after a generic reply."""
    feedback = _feedback(request, pk)
    form = ToneForm(request.GET or None)
    tone = (
        form.cleaned_data["tone"]
        if form.is_valid() and form.cleaned_data["tone"]
        else drafts.DEFAULT_TONE
    )
    application = feedback.application
    rejection = getattr(application, "rejection", None)
    draft = drafts.render("second_ask", tone, application, rejection)
    return render(
        request,
        "recovery/second_ask.html",
        {
            "feedback": feedback,
            "draft": draft,
            "tone": tone,
            "tones": drafts.TONES,
            "application": application,
        },
    )


@require_POST
def second_ask_sent(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = _feedback(request, pk)
    try:
        feedback_service.mark_second_ask_sent(feedback)
    except UserError as error:
        from django.contrib import messages

        messages.info(request, str(error))
    return redirect(feedback.application.get_absolute_url() + "#feedback")
