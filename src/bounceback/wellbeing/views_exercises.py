"""Exercise and goal pages. Answers autosave with htmx and save with a button without it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.wellbeing import exercises as service
from bounceback.wellbeing import goals as goal_service
from bounceback.wellbeing import support
from bounceback.wellbeing.exercise_texts import Exercise
from bounceback.wellbeing.exercise_texts import exercises as all_exercises
from bounceback.wellbeing.models import ExerciseEntry, Goal, GoalKind


def _exercise(slug: str) -> Exercise:
    try:
        return service.get_exercise(slug)
    except NotFound:
        raise Http404("No such exercise.") from None


def _entry(request: AuthedRequest, pk: object, slug: str | None = None) -> ExerciseEntry:
    try:
        return service.get_entry(request.user, pk, slug)
    except NotFound:
        raise Http404("No such entry.") from None


def exercise_list(request: AuthedRequest) -> HttpResponse:
    return render(request, "wellbeing/exercises.html", {"exercises": all_exercises()})


def _page(
    request: AuthedRequest,
    item: Exercise,
    entry: ExerciseEntry | None,
    answers: dict[str, str] | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    answers = answers if answers is not None else dict(entry.answers if entry else {})
    return render(
        request,
        "wellbeing/exercise.html",
        {
            "exercise": item,
            "entry": entry,
            "prompts": [(prompt, answers.get(prompt.key, "")) for prompt in item.prompts],
            "history": [e for e in service.history(request.user, item.slug) if e != entry][:10],
            # The Ikigai says what it really turned into: goals only once asked for.
            "goals_made": Goal.objects.filter(source=entry).count() if entry else 0,
            **extra,
        },
        status=status,
    )


def exercise(request: AuthedRequest, slug: str) -> HttpResponse:
    """Show an exercise (a fresh sheet, a chosen entry, or the one worksheet) and save answers."""
    item = _exercise(slug)
    chosen = request.POST.get("entry") or request.GET.get("entry")
    entry = _entry(request, chosen, slug) if chosen else service.worksheet(request.user, item)
    if request.method != "POST":
        return _page(request, item, entry)
    answers = {prompt.key: request.POST.get(prompt.key, "") for prompt in item.prompts}
    before = dict(entry.answers) if entry else {}
    try:
        entry = service.save_answers(request.user, item, answers, entry)
    except UserError as error:
        if request.htmx:
            return render(request, "wellbeing/_autosaved.html", {"error": str(error)})
        return _page(request, item, entry, answers, status=400, error=str(error))
    distress = service.sounds_distressed(entry, before)
    back = reverse("wellbeing:exercise", args=[slug]) + f"?entry={entry.pk}"
    if request.htmx:
        cover = support.cover(request, seen_field=True) if distress else ""
        return render(request, "wellbeing/_autosaved.html", {"entry": entry, "support": cover})
    if distress:
        # Rendered here rather than redirected: the help is never stored or put in a URL.
        return support.page(request, back, "Back to your exercise")
    return redirect(back + "&saved=1")


@require_POST
def fear_to_action(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk, "face-a-fear")
    try:
        service.add_fear_step(entry)
    except UserError as error:
        return _page(request, _exercise("face-a-fear"), entry, status=400, error=str(error))
    return _page(request, _exercise("face-a-fear"), entry, added_action=True)


@require_POST
def ikigai_to_goals(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk, "ikigai")
    try:
        made = service.goals_from_ikigai(entry)
    except UserError as error:
        return _page(request, _exercise("ikigai"), entry, status=400, error=str(error))
    # Say what happened: a goal made, or none because they are all there already.
    messages.success(
        request,
        f"Made {len(made)} goal{'s' if len(made) != 1 else ''} from your worksheet."
        if made
        else "Your goals already hold everything in the worksheet, so nothing new was added.",
    )
    return redirect("wellbeing:goals")


def goal_list(request: AuthedRequest) -> HttpResponse:
    """Goals with an add form; each goal edits in place."""
    error, posted = "", {}
    if request.method == "POST":
        posted = request.POST.dict()
        try:
            goal_service.add(
                request.user,
                posted.get("text", ""),
                posted.get("kind", GoalKind.OTHER),
                _day(posted.get("target_on")),
            )
        except UserError as error_:
            error = str(error_)
        else:
            return redirect("wellbeing:goals")
    return render(
        request,
        "wellbeing/goals.html",
        {
            "goals": goal_service.for_owner(request.user),
            "kinds": GoalKind.choices,
            "error": error,
            "posted": posted,
            "ikigai": ExerciseEntry.objects.filter(owner=request.user, exercise="ikigai").first(),
        },
        status=400 if error else 200,
    )


def _day(value: str | None) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise UserError(
            f"'{value}' isn't a date bounceback understands. Use YYYY-MM-DD, or leave it empty."
        ) from None


@require_POST
def goal_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        goal = goal_service.get_goal(request.user, pk)
    except NotFound:
        raise Http404("No such goal.") from None
    if request.POST.get("delete"):
        goal.delete()
        return HttpResponse("") if request.htmx else redirect("wellbeing:goals")
    error = ""
    try:
        goal_service.update(
            goal,
            request.POST.get("text", ""),
            request.POST.get("kind", goal.kind),
            _day(request.POST.get("target_on")),
            done=request.POST.get("done") == "on",
        )
    except UserError as error_:
        error = str(error_)
    context = {
        "goal": goal,
        "kinds": GoalKind.choices,
        "error": error,
        "text": request.POST.get("text", goal.text),
    }
    if request.htmx:
        return render(request, "wellbeing/_goal.html", context)
    if error:
        return render(
            request,
            "wellbeing/goals.html",
            {
                "goals": goal_service.for_owner(request.user),
                "kinds": GoalKind.choices,
                "error": error,
            },
            status=400,
        )
    return redirect("wellbeing:goals")
