"""Each application's fit with the person's goals, for the application page, the list and the CLI."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User

from bounceback.applications.models import Application
from bounceback.lib import fit as lib
from bounceback.wellbeing.models import Goal, GoalKind


def goals_of(owner: User) -> lib.Goals:
    """The person's goals a job can be held against; goals marked done still count."""
    texts: dict[str, list[str]] = {}
    for kind, text in Goal.objects.filter(owner=owner).values_list("kind", "text"):
        texts.setdefault(kind, []).append(text)
    floors = [lib.parse_money(t)[0] for t in texts.get(GoalKind.SALARY, [])]
    known = [f for f in floors if f is not None]
    return lib.Goals(
        titles=tuple(texts.get(GoalKind.TITLE, [])),
        sectors=tuple(texts.get(GoalKind.INDUSTRY, [])),
        # Several floors (an old one kept by mistake) are read as the highest: the person's
        # latest hope is rarely lower than their first.
        salary_floor=max(known) if known else None,
        places=tuple(texts.get(GoalKind.PLACE, [])),
        values=tuple(texts.get(GoalKind.VALUE, [])),
    )


def job_of(application: Application) -> lib.Job:
    return lib.Job(
        role=application.role,
        sector=application.sector,
        salary_from=application.salary_from,
        salary_to=application.salary_to,
        place=application.place,
        work_place=application.work_place,
        notes=application.notes,
    )


def fit_for(application: Application, goals: lib.Goals | None = None) -> lib.Fit:
    return lib.fit(job_of(application), goals or goals_of(application.owner))


def fits_for(owner: User, applications: Iterable[Application]) -> dict[int, lib.Fit]:
    """Fits for a page of applications, reading the goals once."""
    goals = goals_of(owner)
    return {a.pk: lib.fit(job_of(a), goals) for a in applications}
