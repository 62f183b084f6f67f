"""A rejection in the light of the person's own search: their numbers only, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bounceback.applications.models import (
    CLOSED_STATUSES,
    STAGE_ORDER,
    Application,
    EventKind,
    StageEvent,
)
from bounceback.recovery.models import Rejection, StageReached, Win
from bounceback.recovery.wins import stage_win

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

# The window for "interviews lately", ending on the day the person heard.
RECENT_DAYS = 30


@dataclass(frozen=True)
class Context:
    stage_label: str
    others: int  # the person's other applications
    decided: int  # of those, the ones with an outcome (still-open ones haven't stopped anywhere)
    got_less_far: int  # of the decided, how many stopped at an earlier stage
    got_further: int  # of the decided, how many went past this stage
    recent_interviews: int  # applications with an interview in the RECENT_DAYS up to heard-on
    recent_since: date
    recent_until: date
    this_one_included: bool  # this application's own interview is in that count
    win: Win | None


def context_for(rejection: Rejection, today: date | None = None) -> Context:
    owner = rejection.owner
    rank = _REACHED_RANK.get(StageReached(rejection.stage_reached), -1)
    others = Application.objects.filter(owner=owner).exclude(pk=rejection.application_id)
    decided = list(others.filter(status__in=CLOSED_STATUSES).values_list("stage", flat=True))
    until = min(rejection.received_on, today or date.today())
    since = until - timedelta(days=RECENT_DAYS)
    interviewed = set(
        StageEvent.objects.filter(
            owner=owner,
            kind__in=[EventKind.INTERVIEW, EventKind.FINAL],
            occurred_on__gte=since,
            occurred_on__lte=until,
        ).values_list("application", flat=True)
    )
    return Context(
        stage_label=_REACHED_WORDS[StageReached(rejection.stage_reached)],
        others=others.count(),
        decided=len(decided),
        got_less_far=sum(1 for s in decided if rank >= 0 and STAGE_ORDER[s] < rank),
        got_further=sum(1 for s in decided if rank >= 0 and STAGE_ORDER[s] > rank),
        recent_interviews=len(interviewed),
        recent_since=since,
        recent_until=until,
        this_one_included=rejection.application_id in interviewed,
        win=stage_win(rejection.application, rejection.stage_reached),
    )
