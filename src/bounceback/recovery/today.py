"""Today, the daily home: one list for the web page, the dashboard and `bounceback today`.

- **due**: steps kept, due today or earlier (an interview today included, with its time);
- **events**: dated events read from mail, waiting to be kept (an interview, a deadline);
- **suggested**: steps bounceback suggested, waiting to be kept or left out;
- **coming_up**: steps kept, with a later date;
- **waiting**: rejections that arrived (often by mail) and have not been looked at yet;
- **also**: what the momentum areas add (check-ins due, thank-yous, practice, reapplying),
  from ``bounceback.recovery.today_items``.

The web page, the dashboard panel, the CLI and `today --json` all read ``today_list``, so
they never disagree about what is on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.timezone import localtime

from bounceback.accounts.models import Profile
from bounceback.recovery import actions
from bounceback.recovery.dated import source_words, when_words
from bounceback.recovery.models import DATED_KINDS, Action, ActionStatus, Rejection
from bounceback.recovery.services import waiting_rejections
from bounceback.recovery.today_items import TodayItem, collect

COMING_UP = 10
SUGGESTED = 20


@dataclass
class TodayList:
    today: date
    due: list[Action] = field(default_factory=list)
    events: list[Action] = field(default_factory=list)
    suggested: list[Action] = field(default_factory=list)
    coming_up: list[Action] = field(default_factory=list)
    waiting: list[Rejection] = field(default_factory=list)
    also: list[TodayItem] = field(default_factory=list)

    @property
    def to_decide(self) -> int:
        """Suggestions and events from mail waiting to be kept or left out."""
        return len(self.events) + len(self.suggested)

    @property
    def empty(self) -> bool:
        return not (
            self.due or self.events or self.suggested or self.coming_up or self.waiting or self.also
        )


def _proposed(owner: User) -> Any:
    return (
        Action.objects.filter(owner=owner, status=ActionStatus.PROPOSED)
        .select_related("application__company")
        .order_by("due_on", "id")
    )


def today_list(owner: User, today: date | None = None) -> TodayList:
    """Everything on the person's Today, in the order it is shown."""
    today = today or date.today()
    # First: collecting may add a dated step (an "apply again" whose cool-down ended today).
    also = collect(owner, today)
    proposed = _proposed(owner)
    gentle = Profile.for_user(owner).gentle_mode
    return TodayList(
        today=today,
        due=actions.due(owner, today),
        events=list(proposed.filter(kind__in=DATED_KINDS)),
        suggested=list(
            proposed.exclude(kind__in=DATED_KINDS).order_by(
                "-rejection__received_on", "due_on", "id"
            )[:SUGGESTED]
        ),
        coming_up=actions.upcoming(owner, today, limit=COMING_UP),
        # Gentle mode asked not to be shown rejections here; they stay on their applications.
        waiting=[] if gentle else waiting_rejections(owner, today),
        also=also,
    )


@transaction.atomic
def keep_all(owner: User, ids: list[int] | None = None) -> int:
    """Keep every suggestion (or those listed) in one go; how many were kept."""
    chosen = Action.objects.filter(owner=owner, status=ActionStatus.PROPOSED)
    if ids is not None:
        chosen = chosen.filter(pk__in=ids)
    return chosen.update(status=ActionStatus.OPEN)


def action_dict(action: Action) -> dict[str, Any]:
    """One step as `today --json` and the other commands print it."""
    return {
        "id": action.pk,
        "title": action.title,
        "kind": action.kind,
        "status": action.status,
        "due_on": action.due_on,
        "starts_at": localtime(action.starts_at) if action.starts_at else None,
        "when": when_words(action) if action.due_on else None,
        "application": action.application_id,
        "company": action.application.company.name if action.application else None,
        "from_mail": source_words(action) or None,
        "evidence": action.evidence or None,
        "moved": action.moved_note or None,
    }


def as_json(view: TodayList) -> dict[str, Any]:
    """The shape of `bounceback today --json`."""
    return {
        "today": view.today,
        "due": [action_dict(a) for a in view.due],
        "events": [action_dict(a) for a in view.events],
        "suggested": [action_dict(a) for a in view.suggested],
        "coming_up": [action_dict(a) for a in view.coming_up],
        "waiting": [
            {
                "rejection": r.pk,
                "application": r.application_id,
                "company": r.application.company.name,
                "role": r.application.role,
                "received_on": r.received_on,
                "read_from_mail_unconfirmed": r.is_guess,
            }
            for r in view.waiting
        ],
        # Check-ins, thank-yous, practice, reapplying: no step id; "area" and "key" say what.
        "also": [item.as_dict() for item in view.also],
    }
