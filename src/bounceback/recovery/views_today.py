"""Today, the daily home: the page, and what its buttons do to one step (or all suggestions).

Every button works as a plain form (and returns to the page) and, with htmx, swaps just
its row.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest, back_to
from bounceback.recovery import actions
from bounceback.recovery import today as today_service
from bounceback.recovery.forms import ActionEditForm, KeepAllForm
from bounceback.recovery.today import today_list
from bounceback.recovery.views_calendar import section_context


def _today() -> date:
    return date.today()


def today(request: AuthedRequest) -> HttpResponse:
    """The daily home: what is due, events read from mail, suggestions, what is coming up."""
    from bounceback.weekly.panels import lookback_now  # the week's look-back, on its day

    return render(
        request,
        "recovery/today.html",
        {
            "view": today_list(request.user),
            "lookback": lookback_now(request),
            "today": _today(),
            **section_context(request),
        },
    )


@require_POST
def keep_all(request: AuthedRequest) -> HttpResponse:
    """Keep every suggestion waiting on Today (or the ones listed) in one click."""
    form = KeepAllForm(request.POST)
    ids = form.cleaned_data["ids"] if form.is_valid() else None
    kept = today_service.keep_all(request.user, ids or None)
    if not request.htmx:
        messages.success(request, f"Kept {kept} step{'s' if kept != 1 else ''} on your list.")
    return redirect(back_to(request, reverse("recovery:today")))


@require_POST
def action_update(request: AuthedRequest, pk: int) -> HttpResponse:
    """Keep, leave out (and undo), edit, move or finish one step; htmx swaps just its row."""
    try:
        action = actions.get_action(request.user, pk)
    except NotFound:
        raise Http404("No such step.") from None
    do = request.POST.get("do", "")
    was = action.status
    error = ""
    try:
        if do == "accept":
            actions.accept(action)
        elif do == "drop":
            actions.drop(action)
        elif do == "undo":
            actions.undo_drop(action, request.POST.get("was", ""))
        elif do == "done":
            actions.complete(action)
        elif do in ("edit", "move"):
            form = ActionEditForm(request.POST, move_only=do == "move")
            if form.is_valid():
                data = form.cleaned_data
                if do == "move":
                    actions.move(action, data["due_on"])
                else:
                    actions.edit(action, title=data["title"], due_on=data["due_on"], at=data["at"])
            else:
                error = form.problem()
        else:
            error = "bounceback did not understand that button. Please reload the page."
    except UserError as problem:
        error = str(problem)
    if request.htmx:
        template = (
            "recovery/_today_row.html"
            if request.POST.get("view") == "today"
            else "recovery/_step_row.html"
        )
        context = {"action": action, "error": error, "today": _today(), "was": was}
        return render(request, template, context)
    if error:
        messages.error(request, error)
    return redirect(back_to(request, reverse("recovery:today")))
