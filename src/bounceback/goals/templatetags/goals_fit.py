"""``{% fit_of application as fit %}``: an application's fit, for pages other areas own.

The person's goals are read once per page however many applications it lists.
"""

from __future__ import annotations

from typing import Any

from django import template

from bounceback.applications.models import Application
from bounceback.goals import notes
from bounceback.goals.fit import goals_of, job_of
from bounceback.goals.notes import GoalsNote
from bounceback.lib import fit as lib

register = template.Library()


@register.simple_tag(takes_context=True)
def fit_of(context: Any, application: Application) -> lib.Fit:
    cache = context.render_context
    key = ("goals", application.owner_id)
    if key not in cache:
        cache[key] = goals_of(application.owner)
    return lib.fit(job_of(application), cache[key])


@register.filter
def offer_words(application: Application) -> str:
    """What the job offers in one line: "Salary 35,000–40,000 · Leeds, hybrid · public health"."""
    parts = []
    if application.salary_from is not None:
        pay = lib.money(application.salary_from)
        if application.salary_to is not None:
            pay += f"–{lib.money(application.salary_to)}"
        parts.append(f"Salary {pay}")
    where = ", ".join(
        p for p in (application.place, application.get_work_place_display().lower()) if p
    )
    if where:
        parts.append(where)
    if application.sector:
        parts.append(application.sector)
    return " · ".join(parts)


@register.filter
def cut_reason(reason: str) -> str:
    """A reason without its details in brackets, for a table cell: "below your salary floor"."""
    return reason.split(" (")[0]


@register.simple_tag(takes_context=True)
def goals_note(context: Any) -> GoalsNote | None:
    """The kind note when many recent applications miss the person's goals (for insights)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return notes.goals_note(request.user)
