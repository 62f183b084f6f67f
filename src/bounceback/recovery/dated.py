"""Dated events read from an e-mail, proposed as steps: an interview, a test's deadline, the
day to answer an offer by, a first day.

Each is an ``Action`` of a dated kind, "suggested" until the person keeps it (then it is on
Today and in the calendar feed, with its time). It says where it came from: the e-mail's
subject and day, and the words the date was read from. A later e-mail that moves it (a
rescheduled interview) moves the same step, with a note, rather than adding a second one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils import timezone as django_tz

from bounceback.applications.models import Application
from bounceback.lib.mail.dates import MailEvent
from bounceback.recovery.models import Action, ActionStatus
from bounceback.recovery.templatetags.recovery_dates import day_words

TITLES = {
    "interview": "Interview with {company}",
    "assessment_due": "Finish the {company} test or task",
    "reply_by": "Answer {company}'s offer",
    "start": "First day at {company}",
}
WHY = {
    "interview": "A live conversation at a set time. Keep it to have it on Today and in your calendar.",
    "assessment_due": "The last moment to hand it in; a little earlier is kinder to yourself.",
    "reply_by": "The day they asked for your answer by. You can ask for more time if you need it.",
    "start": "Your first day. Well done for getting here.",
}
# How long each lasts in a calendar: an interview blocks an hour; a deadline is a moment.
LENGTH = {"interview": timedelta(hours=1)}
DEFAULT_LENGTH = timedelta(minutes=15)


def zone_key(zone: tzinfo | None) -> str:
    """How a zone is kept: a place ("Europe/Paris") or a fixed offset ("+01:00")."""
    if zone is None:
        return ""
    if isinstance(zone, ZoneInfo):
        return zone.key
    offset = zone.utcoffset(None) or timedelta()
    sign = "-" if offset < timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_from(key: str) -> tzinfo | None:
    if not key:
        return None
    if key[0] in "+-":
        hours, _, minutes = key[1:].partition(":")
        offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-offset if key[0] == "-" else offset)
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def moment(event: MailEvent) -> datetime | None:
    """The event's moment: in the e-mail's zone when it names one, else the person's own."""
    if event.at is None:
        return None
    wall = datetime.combine(event.day, event.at)
    if event.zone is not None:
        return wall.replace(tzinfo=event.zone)
    return django_tz.make_aware(wall)


def when_words(action: Action) -> str:
    """'Thu 10 Dec, 14:00 CET (13:00 your time)', 'Thu 10 Dec, 14:00', or the day alone."""
    if action.starts_at is None:
        return day_words(action.due_on)
    local = django_tz.localtime(action.starts_at)
    zone = zone_from(action.zone)
    if zone is None:
        return f"{day_words(local.date())}, {local:%H:%M}"
    theirs = action.starts_at.astimezone(zone)
    text = f"{day_words(theirs.date())}, {theirs:%H:%M} {action.zone_words}".rstrip()
    if theirs.utcoffset() != local.utcoffset():
        text += f" ({local:%H:%M} your time)"
    return text


def source_words(action: Action) -> str:
    """'from the e-mail “Interview: Data Analyst” of 30 Nov', for an event read from mail."""
    if not action.source_on and not action.source_subject:
        return ""
    subject = f" “{action.source_subject}”" if action.source_subject else ""
    day = f" of {day_words(action.source_on, weekday=False)}" if action.source_on else ""
    return f"from the e-mail{subject}{day}"


@transaction.atomic
def _upcoming(application: Application, kind: str) -> Action | None:
    """The step of this kind still ahead on the application (kept or only proposed)."""
    return (
        Action.objects.filter(
            owner=application.owner,
            application=application,
            kind=kind,
            status__in=[ActionStatus.PROPOSED, ActionStatus.OPEN],
            due_on__gte=django_tz.localdate(),
        )
        .order_by("due_on", "id")
        .first()
    )


def already_planned(application: Application, events: Iterable[MailEvent]) -> bool:
    """Whether the e-mail is about a step already ahead: a reschedule or a reminder.

    Such an e-mail moves (or confirms) that step; it is not a new interview or test,
    so the timeline should not gain a second entry for it.
    """
    kinds = {event.kind for event in events}
    return bool(kinds) and all(_upcoming(application, kind) is not None for kind in kinds)


def propose_from_mail(
    application: Application,
    events: Iterable[MailEvent],
    *,
    subject: str = "",
    sent_on: date | None = None,
) -> list[Action]:
    """Propose each event as a step on the application, or move the one already there."""
    changed = []
    for event in events:
        starts_at = moment(event)
        day = django_tz.localdate(starts_at) if starts_at else event.day
        if day < django_tz.localdate():
            continue  # already over (an old mailbox read today): history, not a step
        fields = {
            "due_on": day,
            "starts_at": starts_at,
            "zone": zone_key(event.zone),
            "zone_words": event.zone_words[:60],
            "evidence": event.evidence[:300],
            "source_subject": subject[:300],
            "source_on": sent_on,
        }
        current = _upcoming(application, event.kind)
        if current is not None:
            if (current.due_on, current.starts_at) == (day, starts_at):
                continue
            moved = f"Moved from {when_words(current)}"
            if sent_on:
                moved += f" by the e-mail of {day_words(sent_on, weekday=False)}"
            for name, value in fields.items():
                setattr(current, name, value)
            current.moved_note = moved[:200]
            current.save()
            changed.append(current)
            continue
        if Action.objects.filter(
            owner=application.owner, application=application, kind=event.kind, due_on=day
        ).exists():
            continue  # the person already dropped or did this very one
        changed.append(
            Action.objects.create(
                owner=application.owner,
                application=application,
                kind=event.kind,
                title=TITLES[event.kind].format(company=application.company.name)[:200],
                why=WHY[event.kind],
                status=ActionStatus.PROPOSED,
                **fields,
            )
        )
    return changed


def length(action: Action) -> timedelta:
    return LENGTH.get(action.kind, DEFAULT_LENGTH)
