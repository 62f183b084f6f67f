"""A rejection in the light of the person's own search: their numbers only, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bounceback.applications.models import STAGE_ORDER, Application, EventKind, StageEvent
from bounceback.recovery.models import Rejection, StageReached, Win, WinKind

_REACHED_RANK = {
    StageReached.APPLICATION: STAGE_ORDER["applied"],
    StageReached.SCREEN: STAGE_ORDER["screen"],
    StageReached.INTERVIEW: STAGE_ORDER["interview"],
    StageReached.FINAL: STAGE_ORDER["final"],
}


# How far the person got, in words that fit "You got as far as ...".
_REACHED_WORDS = {
    StageReached.APPLICATION: "the application itself",
    StageReached.SCREEN: "the screening call",
    StageReached.INTERVIEW: "the interviews",
    StageReached.FINAL: "the final round",
    StageReached.UNKNOWN: "a step bounceback doesn't know yet",
}


@dataclass(frozen=True)
class Context:
    stage_label: str
    others: int  # the person's other applications
    got_less_far: int  # of those, how many stopped at an earlier stage
    got_as_far: int  # of those, how many reached this stage or further
    interviews_this_month: int  # applications with an interview or final round this month
    win: Win | None


def context_for(rejection: Rejection, today: date | None = None) -> Context:
    today = today or date.today()
    owner = rejection.owner
    rank = _REACHED_RANK.get(StageReached(rejection.stage_reached), -1)
    others = Application.objects.filter(owner=owner).exclude(pk=rejection.application_id)
    stages = list(others.values_list("stage", flat=True))
    month_start = today.replace(day=1)
    interviews = (
        StageEvent.objects.filter(
            owner=owner,
            kind__in=[EventKind.INTERVIEW, EventKind.FINAL],
            occurred_on__gte=month_start,
            occurred_on__lte=today,
        )
        .values("application")
        .distinct()
        .count()
    )
    win = (
        Win.objects.filter(
            owner=owner, application=rejection.application, kind=WinKind.STAGE_PASSED
        )
        .order_by("-id")
        .first()
    )
    return Context(
        stage_label=_REACHED_WORDS[StageReached(rejection.stage_reached)],
        others=len(stages),
        got_less_far=sum(1 for s in stages if rank >= 0 and STAGE_ORDER[s] < rank),
        got_as_far=sum(1 for s in stages if rank >= 0 and STAGE_ORDER[s] >= rank),
        interviews_this_month=interviews,
        win=win,
    )
