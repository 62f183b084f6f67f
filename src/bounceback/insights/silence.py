"""Silence and ghosting: open applications with no news for a while.

"Silent" means no event for N days, where N is the person's setting for that stage
(Profile.ghost_after_days unless a SilenceRule says otherwise). After twice that, the
application can be marked as ghosted in one click. Nothing is marked automatically.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from bounceback.accounts.models import (
    SILENCE_DAYS_MAX,
    SILENCE_DAYS_MESSAGE,
    SILENCE_DAYS_MIN,
    Profile,
)
from bounceback.applications.models import Application, Stage, StageEvent, Status
from bounceback.errors import UserError
from bounceback.insights.models import SilenceRule
from bounceback.recovery.models import Action, ActionKind, ActionStatus

GHOST_FACTOR = 2
PROPOSE_AT_MOST = 10  # waiting suggestions at any time, so silences never flood the list
# A nudge months after the last word reads oddly (imported mail can be years old): past
# this, bounceback offers "mark as no reply" instead of suggesting a follow-up.
FOLLOW_UP_AT_MOST_DAYS = 90


@cache
def wording() -> dict[str, Any]:
    raw = resources.files("bounceback.insights").joinpath("data/wording.toml").read_text("utf-8")
    return tomllib.loads(raw)


def thresholds(owner: User) -> dict[str, int]:
    """Days of silence per stage: the person's rules, else the data file, else the profile."""
    default = Profile.for_user(owner).ghost_after_days
    from_file = {k: int(v) for k, v in wording().get("silence", {}).items() if int(v) > 0}
    rules = dict(SilenceRule.objects.filter(owner=owner).values_list("stage", "days"))
    return {s.value: rules.get(s.value) or from_file.get(s.value) or default for s in Stage}


def set_threshold(owner: User, stage: str, days: int | None) -> None:
    """Set (or with None, clear) the silence for one stage."""
    if stage not in Stage.values:
        raise ValueError(stage)
    if days is not None and not SILENCE_DAYS_MIN <= days <= SILENCE_DAYS_MAX:
        raise UserError(SILENCE_DAYS_MESSAGE)
    if days is None:
        SilenceRule.objects.filter(owner=owner, stage=stage).delete()
    else:
        SilenceRule.objects.update_or_create(owner=owner, stage=stage, defaults={"days": days})


def _quiet(limits: dict[str, int], today: date, factor: int = 1) -> Q:
    quiet = Q()
    for stage, days in limits.items():
        quiet |= Q(stage=stage, last_news__lte=today - timedelta(days=days * factor))
    return quiet


def _silent(owner: User, today: date, limits: dict[str, int]) -> QuerySet[Any]:
    # A correlated subquery rather than MAX() + GROUP BY, so the result can still be
    # filtered, counted and combined with EXISTS like any plain queryset.
    latest = (
        StageEvent.objects.filter(application=OuterRef("pk"))
        .order_by("-occurred_on")
        .values("occurred_on")[:1]
    )
    return (
        Application.objects.filter(owner=owner, status=Status.ACTIVE)
        .annotate(last_news=Subquery(latest))
        .filter(_quiet(limits, today))
    )


@dataclass(frozen=True)
class SilentRow:
    id: int
    company: str
    role: str
    stage: str
    last_news: date
    days: int
    can_mark_ghosted: bool

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass
class Silence:
    count: int
    ghostable: int
    rows: list[SilentRow]
    limits: dict[str, int]


def silence(owner: User, today: date, show: int = 20) -> Silence:
    """The longest-silent open applications (a few), and how many there are in all."""
    limits = thresholds(owner)
    silent = _silent(owner, today, limits)
    counts = silent.aggregate(
        count=Count("id"), ghostable=Count("id", filter=_quiet(limits, today, GHOST_FACTOR))
    )
    rows = [
        SilentRow(
            id=pk,
            company=company,
            role=role,
            stage=stage,
            last_news=last,
            days=(today - last).days,
            can_mark_ghosted=(today - last).days >= limits[stage] * GHOST_FACTOR,
        )
        for pk, company, role, stage, last in silent.order_by("last_news", "id").values_list(
            "id", "company__name", "role", "stage", "last_news"
        )[:show]
    ]
    return Silence(counts["count"], counts["ghostable"], rows, limits)


def propose_follow_ups(owner: User, today: date) -> int:
    """Suggest one follow-up per silent application, once: never again for the same silence.

    An application already has its follow-up when a follow-up action for it exists that
    was created on or after its latest news, whatever became of it (done, dropped...).
    """
    limits = thresholds(owner)
    waiting = Action.objects.filter(
        owner=owner, kind=ActionKind.FOLLOW_UP, status=ActionStatus.PROPOSED
    ).count()
    room = max(0, PROPOSE_AT_MOST - waiting)
    already = Action.objects.filter(
        application=OuterRef("pk"),
        kind=ActionKind.FOLLOW_UP,
        created_at__date__gte=OuterRef("last_news"),
    )
    still_open = Action.objects.filter(
        application=OuterRef("pk"),
        kind=ActionKind.FOLLOW_UP,
        status__in=[ActionStatus.PROPOSED, ActionStatus.OPEN],
    )
    todo = (
        _silent(owner, today, limits)
        .filter(last_news__gte=today - timedelta(days=FOLLOW_UP_AT_MOST_DAYS))
        .filter(~Exists(already), ~Exists(still_open))
        .order_by("-last_news", "id")
        .values_list("id", "company__name", "role", "last_news")[:PROPOSE_AT_MOST]
    )
    text = wording()["follow_up"]
    new = [
        Action(
            owner=owner,
            application_id=pk,
            kind=ActionKind.FOLLOW_UP,
            status=ActionStatus.PROPOSED,
            title=text["title"].format(company=company, role=role, days=(today - last).days)[:200],
            why=text["why"].format(company=company, role=role, days=(today - last).days),
            due_on=today,
        )
        # Sliced here, not in SQL, so every visit asks the database the same questions.
        for pk, company, role, last in list(todo)[:room]
    ]
    Action.objects.bulk_create(new)
    return len(new)


def mark_ghosted(application: Application, today: date) -> None:
    """Record the long silence as "no reply" (the application can come back to life)."""
    from bounceback.applications.services import record_event

    if application.status != Status.ACTIVE:
        raise UserError(f"{application} is not open any more, so there is nothing to mark.")
    record_event(application, "ghosted", occurred_on=today)
