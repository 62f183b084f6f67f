"""The "today" list as a calendar: open, dated next steps (and dated goals) as all-day events,
and kept events read from mail (an interview, a deadline) at their time.

One builder for the signed-in download, the subscribe address and `bounceback calendar`.
Only titles, dates, the "why" bounceback wrote, and a link back go in: never reflections,
check-ins, journal text or feedback, because a calendar is often synced or shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth.models import User
from django.urls import reverse
from icalendar import CLASS, TRANSP, Calendar, Event, vDuration

from bounceback.accounts.models import CalendarFeed
from bounceback.recovery.dated import length, source_words
from bounceback.recovery.models import Action, ActionKind, ActionStatus
from bounceback.wellbeing.models import Goal

CALENDAR_NAME = "bounceback — next steps"
PRODID = "-//bounceback//next steps//EN"
UID_DOMAIN = "bounceback.local"
# How often a subscribed calendar app should look again; a step added today should
# show up within the hour without hammering a laptop that may be asleep.
REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class Entry:
    """One event (all-day, or at a time), before it becomes iCalendar text."""

    uid: str
    day: date
    summary: str
    description: str
    url: str
    starts_at: datetime | None = None  # a timed event (in UTC in the file)
    length: timedelta | None = None
    busy: bool = False  # an interview takes the time; a step or a deadline doesn't


def _action_entry(action: Action, base_url: str) -> Entry:
    assert action.due_on is not None  # only dated steps are asked for
    summary = action.title
    if action.application is not None:
        summary += f" · {action.application}"
    url = base_url + reverse("recovery:today")
    lines = [action.why.strip()] if action.why.strip() else []
    source = source_words(action)
    if source:
        lines.append(f"Read {source}" + (f": “{action.evidence}”" if action.evidence else ""))
    lines.append(f"Open in bounceback: {url}")
    return Entry(
        uid=f"action-{action.pk}@{UID_DOMAIN}",
        day=action.due_on,
        summary=summary,
        description="\n\n".join(lines),
        url=url,
        starts_at=action.starts_at,
        length=length(action) if action.starts_at else None,
        busy=action.kind == ActionKind.INTERVIEW,
    )


def _goal_entry(goal: Goal, base_url: str) -> Entry:
    assert goal.target_on is not None
    url = base_url + reverse("wellbeing:goals")
    return Entry(
        uid=f"goal-{goal.pk}@{UID_DOMAIN}",
        day=goal.target_on,
        summary=f"Goal: {goal.text}",
        description=f"A goal you set yourself. Open in bounceback: {url}",
        url=url,
    )


def entries(owner: User, base_url: str) -> list[Entry]:
    """The person's open dated steps (overdue ones stay on their day) and unfinished dated goals."""
    steps = (
        Action.objects.filter(owner=owner, status=ActionStatus.OPEN, due_on__isnull=False)
        .select_related("application__company")
        .order_by("due_on", "id")
    )
    goals = Goal.objects.filter(owner=owner, done=False, target_on__isnull=False).order_by(
        "target_on", "id"
    )
    found = [_action_entry(a, base_url) for a in steps] + [_goal_entry(g, base_url) for g in goals]
    return sorted(found, key=lambda e: (e.day, e.uid))


def build(owner: User, base_url: str, now: datetime | None = None) -> Calendar:
    """An iCalendar of the person's next steps; UIDs are stable so re-importing updates, not duplicates."""
    base_url = base_url.rstrip("/")
    stamp = now or datetime.now(UTC)
    calendar = Calendar.new(
        name=CALENDAR_NAME,
        description="Your next steps from bounceback, each on its day.",
        prodid=PRODID,
        method="PUBLISH",
        uid=f"next-steps-{owner.pk}@{UID_DOMAIN}",
        refresh_interval=REFRESH,
    )
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 asks for it
    # Outlook and older Apple Calendar read this instead of REFRESH-INTERVAL.
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    for entry in entries(owner, base_url):
        start: date | datetime
        end: date | datetime
        if entry.starts_at is not None:
            start = entry.starts_at.astimezone(UTC)
            end = start + (entry.length or timedelta(minutes=15))
        else:
            start, end = entry.day, entry.day + timedelta(days=1)  # all-day: the end is exclusive
        calendar.add_component(
            Event.new(
                uid=entry.uid,
                stamp=stamp,
                start=start,
                end=end,
                summary=entry.summary,
                description=entry.description,
                url=entry.url,
                # A step is not a meeting: keep the day free (an interview does take its hour),
                # and private where a calendar is shared.
                transparency=TRANSP.OPAQUE if entry.busy else TRANSP.TRANSPARENT,
                classification=CLASS.PRIVATE,
            )
        )
    return calendar


def to_ics(owner: User, base_url: str, now: datetime | None = None) -> bytes:
    ics: bytes = build(owner, base_url, now).to_ical()  # icalendar leaves to_ical unannotated
    return ics


def feed_url(feed: CalendarFeed, base_url: str) -> str:
    """The subscribe address for a calendar app (no sign-in: the token is the key)."""
    return base_url.rstrip("/") + reverse("calendar_feed", args=[feed.token])
