"""Saving exercise answers, turning a planned fear into a next step and an Ikigai into goals."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.errors import NotFound, UserError
from bounceback.lib.distress import detect
from bounceback.wellbeing.exercise_texts import Exercise, exercise, exercises
from bounceback.wellbeing.models import ExerciseEntry, Goal, GoalKind

ANSWER_LIMIT = 4000


def get_exercise(slug: str) -> Exercise:
    found = exercise(slug)
    if found is None:
        names = ", ".join(item.slug for item in exercises())
        raise NotFound(f"There is no exercise called '{slug}'. The exercises are: {names}.")
    return found


def get_entry(owner: User, pk: object, slug: str | None = None) -> ExerciseEntry:
    """One of the owner's entries; someone else's looks exactly like a missing one."""
    try:
        entries = ExerciseEntry.objects.filter(owner=owner, pk=int(str(pk)))
    except ValueError:
        raise NotFound("That exercise entry doesn't exist.") from None
    if slug:
        entries = entries.filter(exercise=slug)
    found = entries.first()
    if found is None:
        raise NotFound("That exercise entry doesn't exist.")
    return found


def worksheet(owner: User, item: Exercise) -> ExerciseEntry | None:
    """A one-off worksheet (Ikigai) is kept and revisited; logs start fresh each time."""
    if item.repeatable:
        return None
    return ExerciseEntry.objects.filter(owner=owner, exercise=item.slug).first()


def save_answers(
    owner: User, item: Exercise, answers: Mapping[str, str], entry: ExerciseEntry | None = None
) -> ExerciseEntry:
    """Keep what was written (known prompts only). A first save creates the entry."""
    keys = {prompt.key for prompt in item.prompts}
    cleaned = {key: str(value) for key, value in answers.items() if key in keys}
    for value in cleaned.values():
        if len(value) > ANSWER_LIMIT:
            raise UserError(
                f"One answer is {len(value)} characters; each holds up to {ANSWER_LIMIT}. "
                "Your text is still in the box: shorten it a little and it will save."
            )
    if entry is None:
        entry = worksheet(owner, item) or ExerciseEntry(owner=owner, exercise=item.slug)
    entry.answers = {**entry.answers, **cleaned}
    entry.updated_at = timezone.now()
    entry.save()
    return entry


def sounds_distressed(entry: ExerciseEntry, before: Mapping[str, object] | None = None) -> bool:
    """Whether what the person has just written suggests they may be in danger.

    Only answers that changed since ``before`` are read: a worksheet is revisited for
    weeks, and an answer already read when it was written should not raise the help again
    each time another answer is saved (the page shows a quiet reminder after the first).
    """
    before = before or {}
    return any(
        detect(str(value))
        for key, value in entry.answers.items()
        if str(value) != str(before.get(key, ""))
    )


def history(owner: User, slug: str, limit: int = 20) -> list[ExerciseEntry]:
    return list(ExerciseEntry.objects.filter(owner=owner, exercise=slug)[:limit])


def add_fear_step(entry: ExerciseEntry, today: date | None = None) -> object:
    """The 'face a fear' plan becomes an open next step on the recovery to-do list."""
    from bounceback.recovery.models import Action, ActionKind, ActionStatus

    step = str(entry.answers.get("step", "")).strip()
    if not step:
        raise UserError(
            "Write the smallest version of the step first (the third box), then add it to your next steps."
        )
    today = today or timezone.localdate()
    title = step.splitlines()[0][:200]
    existing = Action.objects.filter(owner=entry.owner, title=title, status=ActionStatus.OPEN)
    if existing.exists():
        return existing.first()
    return Action.objects.create(
        owner=entry.owner,
        title=title,
        why="Facing one fear this week (from your exercise).",
        kind=ActionKind.CUSTOM,
        due_on=today + timedelta(days=7),
        status=ActionStatus.OPEN,
    )


def _items(text: str) -> list[str]:
    return [part.strip(" -•*\t") for part in re.split(r"[\n;]+", text) if part.strip(" -•*\t")]


def _salary_goal(entry: ExerciseEntry, text: str) -> Goal | None:
    """One salary floor, kept up to date from the worksheet rather than added again.

    Only an answer with a figure in it makes a floor ("£38,000", "45k"); words like
    "enough" stay in the worksheet, where they are still the person's own.
    """
    if not any(ch.isdigit() for ch in text):
        return None
    goal = Goal.objects.filter(owner=entry.owner, kind=GoalKind.SALARY, source=entry).first()
    if goal is None:
        return Goal.objects.create(
            owner=entry.owner, kind=GoalKind.SALARY, text=text[:200], source=entry
        )
    if goal.text != text[:200]:
        goal.text = text[:200]
        goal.save(update_fields=["text"])
        return goal
    return None


def goals_from_ikigai(entry: ExerciseEntry) -> list[Goal]:
    """Each line of the goal-shaped answers becomes a goal, once; edits stay the person's own."""
    item = get_exercise(entry.exercise)
    existing = {
        (goal.kind, goal.text.casefold()) for goal in Goal.objects.filter(owner=entry.owner)
    }
    made = []
    for prompt in item.prompts:
        if not prompt.goal_kind:
            continue
        text = str(entry.answers.get(prompt.key, ""))
        if prompt.goal_kind == GoalKind.SALARY:
            salary = _salary_goal(entry, text.strip())
            if salary is not None:
                made.append(salary)
            continue
        for line in _items(text):
            if not line or (prompt.goal_kind, line.casefold()) in existing:
                continue
            existing.add((prompt.goal_kind, line.casefold()))
            made.append(
                Goal.objects.create(
                    owner=entry.owner, kind=prompt.goal_kind, text=line[:200], source=entry
                )
            )
    if not made and not any(entry.answers.get(p.key) for p in item.prompts if p.goal_kind):
        raise UserError(
            "The goal boxes (roles, industries, salary, place, what matters, milestones) are empty so far. "
            "Fill in any of them and try again."
        )
    return made
