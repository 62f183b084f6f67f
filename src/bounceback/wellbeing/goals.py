"""Goals: where the search is heading, in the person's words. Editable, never graded."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from bounceback.errors import NotFound, UserError
from bounceback.wellbeing.models import Goal, GoalKind


def get_goal(owner: User, pk: object) -> Goal:
    try:
        found = Goal.objects.filter(owner=owner, pk=int(str(pk))).first()
    except ValueError:
        found = None
    if found is None:
        raise NotFound("That goal doesn't exist.")
    return found


def _clean(text: str, kind: str) -> tuple[str, str]:
    text = (text or "").strip()
    if not text:
        raise UserError("A goal needs a few words. Write what you're aiming for, then save.")
    if len(text) > 200:
        raise UserError(
            f"That goal is {len(text)} characters; goals hold up to 200. Try the short version."
        )
    if kind not in GoalKind.values:
        kind = GoalKind.OTHER
    return text, kind


def add(owner: User, text: str, kind: str = GoalKind.OTHER, target_on: date | None = None) -> Goal:
    text, kind = _clean(text, kind)
    return Goal.objects.create(owner=owner, text=text, kind=kind, target_on=target_on)


def update(
    goal: Goal, text: str, kind: str, target_on: date | None, done: bool | None = None
) -> Goal:
    goal.text, goal.kind = _clean(text, kind)
    goal.target_on = target_on
    if done is not None:
        goal.done = done
    goal.save()
    return goal


def for_owner(owner: User) -> list[Goal]:
    return list(Goal.objects.filter(owner=owner))
