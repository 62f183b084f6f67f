"""The "I just got rejected" flow: paste, check, context, reflect, drafts, next steps.

One thing per screen; every step works as a plain form and gets nicer with htmx.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.accounts.once import earlier, run_once, token_from
from bounceback.applications.models import Application
from bounceback.applications.services import get_application, match_application
from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest, back_to
from bounceback.lib.distress import detect
from bounceback.recovery import actions, drafts, history, reflection, services
from bounceback.recovery.capture import (
    AmbiguousApplication,
    CaptureInput,
    capture_rejection,
    record_good_news,
)
from bounceback.recovery.forms import (
    AnswerForm,
    CaptureForm,
    EnoughForm,
    GoodNewsForm,
    PasteForm,
    RejectionEditForm,
    ToneForm,
)
from bounceback.recovery.models import ActionStatus, Rejection
from bounceback.recovery.reading import read_pasted
from bounceback.wellbeing import support
from bounceback.wellbeing.panels import checkin


def _rejection(request: AuthedRequest, pk: int) -> Rejection:
    try:
        return services.get_rejection(request.user, pk)
    except NotFound:
        raise Http404("No such rejection.") from None


def _choices(applications: tuple[Application, ...] | list[Application]) -> list[tuple[str, str]]:
    return [(str(a.pk), f"{a}, applied {a.applied_on:%d %b %Y}") for a in applications]


def _known_application(request: AuthedRequest, value: Any) -> Application | None:
    """An application id from the query or a form, only if it is the person's own."""
    if value in (None, "", "new"):
        return None
    try:
        return get_application(request.user, value)
    except NotFound:
        return None


def capture(request: AuthedRequest) -> HttpResponse:
    """Step 1 (paste) and step 2 (check what was read) of recording a rejection."""
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step == "save":
        return _save(request)
    application = _known_application(
        request, request.POST.get("application") or request.GET.get("application")
    )
    if application is not None and hasattr(application, "rejection"):
        return redirect("recovery:detail", pk=application.rejection.pk)
    if step in ("read", "anyway"):
        once = token_from(request.POST)
        paste = PasteForm(request.POST)
        if not paste.is_valid():
            return render(
                request,
                "recovery/capture_paste.html",
                {"form": paste, "application": application, "once": once},
            )
        text = paste.cleaned_data["text"]
        if not text.strip() and application is None:
            paste.add_error(
                "text",
                "There is nothing here yet. Paste the e-mail, or write a line or two about what happened.",
            )
            return render(
                request,
                "recovery/capture_paste.html",
                {"form": paste, "application": application, "once": once},
            )
        guess = read_pasted(text)
        if guess.not_a_rejection and step != "anyway":
            match = match_application(request.user, guess.company, guess.role or None)
            return render(
                request,
                "recovery/capture_not_rejection.html",
                {
                    "form": paste,
                    "reads_like": guess.not_a_rejection,
                    "match": match.application if match.certain else None,
                    "application": application,
                    "step_kind": guess.timeline_step,
                    "label": guess.label,
                    "step_day": guess.heard_on or date.today(),
                    "step_note": _first_line(text),
                    "once": once,
                },
            )
        return _check_form(request, text, guess, application, once)
    if request.GET.get("manual"):
        return _check_form(request, "", read_pasted(""), application)
    return render(
        request,
        "recovery/capture_paste.html",
        {
            "form": PasteForm(initial={"application": application.pk if application else None}),
            "application": application,
        },
    )


@require_POST
def good_news(request: AuthedRequest) -> HttpResponse:
    """A pasted invitation or offer: onto the application's timeline, with its dates proposed."""
    form = GoodNewsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "bounceback couldn't add that. Please paste the e-mail again.")
        return redirect("recovery:capture")
    data = form.cleaned_data
    application = _known_application(request, data["application"])
    if application is None:
        raise Http404("No such application.")
    proposed: list[Any] = []

    def add() -> str:
        proposed.extend(
            record_good_news(
                application,
                data["kind"],
                occurred_on=data["occurred_on"],
                note=data["note"],
                text=data["text"],
                label=data["label"],
            )
        )
        return application.get_absolute_url()

    try:
        url, made_now = run_once(request.user, token_from(request.POST), add)
    except UserError as error:
        messages.error(request, str(error))
        return redirect(application)
    if not made_now:
        messages.info(request, "This was already added. Here it is.")
        return redirect(url)
    if proposed:
        messages.success(
            request,
            "Added to the timeline. bounceback read a date in it: keep it on Today to have it "
            "in your list and calendar.",
        )
        return redirect(reverse("recovery:today") + "#events")
    messages.success(request, "Added to the timeline.")
    return redirect(application)


def _check_form(
    request: AuthedRequest,
    text: str,
    guess: Any,
    application: Application | None,
    once: str = "",
) -> HttpResponse:
    if application is not None:
        candidates: list[Application] = [application]
        chosen = str(application.pk)
        company, role = application.company.name, application.role
        picked: Application | None = application
    else:
        match = match_application(request.user, guess.company, guess.role or None)
        candidates = list(match.candidates)
        certain = match.application if match.certain else None
        chosen = str(certain.pk) if certain else ("new" if not candidates else "")
        company, role = guess.company, (certain.role if certain else guess.role)
        picked = certain
    form = CaptureForm(
        initial={
            "text": text,
            "company": company,
            "role": role,
            "role_was": role,
            "contact_name": guess.contact_name,
            "contact_email": guess.contact_email,
            # How far they got: the further of what the e-mail says and what the timeline shows.
            "stage": services.furthest_stage(guess.stage, picked),
            "received_on": guess.heard_on or date.today(),
            "has_feedback": guess.has_feedback,
            "reapply_invite": guess.reapply_invite,
            "outside_control": guess.outside_control,
            "application": chosen,
        },
        candidates=_choices(candidates),
    )
    return render(
        request,
        "recovery/capture_check.html",
        {
            "form": form,
            "guess": guess,
            "read_from_text": bool(text.strip()),
            "ambiguous": len(candidates) > 1 and not chosen,
            "stage_note": services.stage_note(guess.stage, picked),
            "heard_from_mail": guess.heard_on is not None,
            # The paste page's one-time token, carried along: going Back and saving again
            # finds the rejection the first save made.
            "once": once,
        },
    )


def _save(request: AuthedRequest) -> HttpResponse:
    once = token_from(request.POST)
    saved_before = earlier(request.user, once)
    if saved_before:
        # Back and "Save and continue" again, a reload or a double click: already saved.
        messages.info(request, "This was already saved. Here it is.")
        return redirect(saved_before)
    posted = request.POST.get("application", "")
    company = request.POST.get("company", "")
    known = _known_application(request, posted)
    if known is not None:
        candidates = [known]
    else:
        candidates = list(
            match_application(request.user, company, request.POST.get("role") or None).candidates
        )
    form = CaptureForm(request.POST, candidates=_choices(candidates))
    if form.is_valid():
        data = form.cleaned_data
        choice = data["application"]
        captured = CaptureInput(
            text=data["text"],
            company=data["company"],
            role=data["role"],
            contact_name=data["contact_name"],
            stage=data["stage"],
            received_on=data["received_on"],
            has_feedback=data["has_feedback"],
            feedback_enough=data["feedback_enough"],
            reapply_invite=data["reapply_invite"],
            outside_control=data["outside_control"],
            contact_email=data["contact_email"],
            application_id=int(choice) if choice and choice.isdigit() else None,
            create_new=choice == "new",
            rename_role=data["role"].strip() != data["role_was"].strip(),
            applied_on=data["applied_on"],
        )
        try:
            url, made_now = run_once(
                request.user,
                once,
                lambda: reverse(
                    "recovery:detail",
                    args=[capture_rejection(request.user, captured).pk],
                ),
            )
        except NotFound:
            form.add_error(
                "application",
                "That application isn't in your list (it may have been deleted). "
                "Save this as a new application, or start again from the application's page.",
            )
        except AmbiguousApplication as ambiguous:
            form = CaptureForm(request.POST, candidates=_choices(ambiguous.candidates))
            form.is_valid()
            form.add_error("application", str(ambiguous))
        except UserError as error:
            form.add_error(None, str(error))
        else:
            if not made_now:
                messages.info(request, "This was already saved. Here it is.")
            elif (
                known is not None
                and captured.rename_role
                and (role := " ".join(data["role"].split())) not in ("", known.role)
            ):
                messages.success(
                    request, f"The application's role is now “{role}”, as you corrected it."
                )
            return redirect(url)
    return render(
        request,
        "recovery/capture_check.html",
        {
            "form": form,
            "read_from_text": bool(request.POST.get("text", "").strip()),
            "ambiguous": False,
            "once": once,
        },
    )


def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """This rejection in the light of the person's own search."""
    rejection = _rejection(request, pk)
    return render(
        request,
        "recovery/detail.html",
        {"rejection": rejection, "context": history.context_for(rejection), "step": 1},
    )


def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Correct a saved rejection: how far they got, when they heard, who wrote, what it said."""
    rejection = _rejection(request, pk)
    contact = rejection.contact
    if request.method == "POST":
        form = RejectionEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_rejection(
                    rejection,
                    received_on=data["received_on"],
                    stage_reached=data["stage_reached"],
                    has_feedback=data["has_feedback"],
                    feedback_enough=data["feedback_enough"],
                    reapply_invite=data["reapply_invite"],
                    outside_control=data["outside_control"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                )
            except UserError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Saved your corrections.")
                return redirect("recovery:detail", pk=rejection.pk)
    else:
        form = RejectionEditForm(
            initial={
                "stage_reached": rejection.stage_reached,
                "received_on": rejection.received_on,
                "contact_name": contact.name if contact else "",
                "contact_email": contact.email if contact else "",
                "has_feedback": rejection.has_feedback,
                "feedback_enough": rejection.feedback_enough,
                "reapply_invite": rejection.reapply_invite,
                "outside_control": rejection.outside_control,
            }
        )
    return render(request, "recovery/edit.html", {"rejection": rejection, "form": form})


@require_POST
def confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    """One click: what bounceback read from the e-mail is right."""
    rejection = _rejection(request, pk)
    services.confirm_rejection(rejection)
    messages.success(request, "Thanks for checking. It stays as it is.")
    return redirect(back_to(request, reverse("recovery:detail", args=[rejection.pk])))


@require_POST
def unfile(request: AuthedRequest, pk: int) -> HttpResponse:
    """One click: the e-mail filed as a "no" was not one. It comes off the application."""
    rejection = _rejection(request, pk)
    try:
        application = services.unfile_rejection(rejection)
    except UserError as error:
        messages.error(request, str(error))
        return redirect("recovery:detail", pk=rejection.pk)
    messages.success(
        request,
        f"Taken off: {application} is {application.get_status_display().lower()} again. "
        "Sorry for the scare.",
    )
    return redirect(application)


def reflect(request: AuthedRequest, pk: int) -> HttpResponse:
    """Optional, stage-aware questions; each answer saves as it is typed (or with its button)."""
    rejection = _rejection(request, pk)
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return HttpResponse("Could not save that answer. Please try again.", status=400)
        try:
            saved = reflection.save_answer(
                rejection,
                form.cleaned_data["key"],
                form.cleaned_data["answer"],
                form.cleaned_data["control"],
            )
        except UserError as error:
            if request.htmx:
                return render(request, "recovery/_saved.html", {"error": str(error)})
            return render(
                request,
                "recovery/reflect.html",
                _reflect_context(rejection, error=str(error), posted=form.cleaned_data),
            )
        saved_key = form.cleaned_data["key"]
        back = reverse("recovery:reflect", args=[rejection.pk]) + f"#q-{saved_key}"
        distressed = detect(form.cleaned_data["answer"])
        if request.htmx:
            cover = support.cover(request, seen_field=True) if distressed else ""
            context = {"support": cover, "reflection": saved, "key": saved_key}
            return render(request, "recovery/_saved.html", context)
        calm = support.page(request, back, "Back to your reflection") if distressed else None
        return calm or redirect(back)
    return render(
        request,
        "recovery/reflect.html",
        _reflect_context(rejection),
    )


def _reflect_context(rejection: Rejection, **extra: Any) -> dict[str, Any]:
    answers = reflection.answers_by_key(rejection)
    posted = extra.pop("posted", None)
    items = []
    for question in reflection.questions_for(rejection):
        found = answers.get(question.key)
        answer, control = (found.answer, found.control) if found else ("", "")
        if posted and posted.get("key") == question.key:
            answer, control = posted.get("answer", ""), posted.get("control", "")
        items.append({"q": question, "answer": answer, "control": control, "reflection": found})
    # The first four questions are shown; the rest wait behind "more" unless already answered.
    more_answered = any(item["answer"] or item["control"] for item in items[4:])
    return {
        "rejection": rejection,
        "items": items,
        "more_answered": more_answered,
        "step": 2,
        **extra,
    }


def draft_list(request: AuthedRequest, pk: int) -> HttpResponse:
    rejection = _rejection(request, pk)
    form = ToneForm(request.GET or None)
    tone = (
        form.cleaned_data["tone"]
        if form.is_valid() and form.cleaned_data["tone"]
        else drafts.DEFAULT_TONE
    )
    return render(
        request,
        "recovery/drafts.html",
        {
            "rejection": rejection,
            "drafts": drafts.for_rejection(rejection, tone),
            "sign_as": drafts.sender_name(request.user),
            "done_since": drafts.done_since(rejection) if rejection.reapply_invite else [],
            "tone": tone,
            "tones": drafts.TONES,
            "step": 3,
        },
    )


@require_POST
def feedback_enough(request: AuthedRequest, pk: int) -> HttpResponse:
    """ "What they told me is enough" (no feedback request drafted), or taking it back."""
    rejection = _rejection(request, pk)
    form = EnoughForm(request.POST)
    enough = form.is_valid() and form.cleaned_data["enough"]
    services.set_feedback_enough(rejection, enough)
    messages.success(
        request,
        "Noted: no feedback request. What you have is enough."
        if enough
        else "The feedback request is drafted again below.",
    )
    return redirect(reverse("recovery:drafts", args=[rejection.pk]) + "#drafts-top")


def next_steps(request: AuthedRequest, pk: int) -> HttpResponse:
    rejection = _rejection(request, pk)
    steps = [a for a in actions.propose(rejection) if a.status != ActionStatus.DROPPED]
    return render(
        request,
        "recovery/next_steps.html",
        {"rejection": rejection, "steps": steps, "step": 4, "today": _today()},
    )


def done(request: AuthedRequest, pk: int) -> HttpResponse:
    rejection = _rejection(request, pk)
    kept = rejection.actions.filter(status=ActionStatus.OPEN).order_by("due_on", "id")
    return render(
        request,
        "recovery/done.html",
        {"rejection": rejection, "kept": kept, "checkin": checkin(request) or "", "step": 5},
    )


def _today() -> Any:
    return date.today()


def _first_line(text: str) -> str:
    """A short note for the timeline: the first line of what was pasted."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= 200 else line[:199] + "…"
