"""Weekly targets and the Sunday-evening look-back: what moved, what is next, one win.

Targets are aims the person sets (applications, people to get in touch with, practice
answers); the week shows how far it got, never a streak to lose and never a debt carried
into the next week. From Sunday 18:00 until Monday ends, the dashboard and Today show a
short look-back on the week just gone. A quiet week gets a kind word, not a count of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.accounts.models import Profile
from bounceback.applications.models import Application, EventKind, StageEvent
from bounceback.contacts.models import Exchange
from bounceback.errors import UserError
from bounceback.practice.models import Review
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Win, WinKind
from bounceback.weekly.models import WeeklyTargets

SHOW_FROM = time(18, 0)  # Sunday evening: the week is nearly done, Monday not yet begun
TARGET_MAX = 100
# Steps that are themselves getting in touch with someone.
OUTREACH_STEPS = [
    ActionKind.THANK_YOU,
    ActionKind.FEEDBACK_REQUEST,
    ActionKind.FOLLOW_UP,
    ActionKind.KEEP_IN_TOUCH,
]
# The win to name when several came in one week: the furthest along first.
WIN_ORDER: list[str] = [
    WinKind.OFFER,
    WinKind.INVITATION,
    WinKind.STAGE_PASSED,
    WinKind.FEEDBACK,
    WinKind.REPLY,
    WinKind.CUSTOM,
    WinKind.ACTION_DONE,
]
STAGE_WORDS: dict[str, str] = {
    EventKind.SCREEN: "a screening call",
    EventKind.ASSESSMENT: "an assessment",
    EventKind.INTERVIEW: "an interview",
    EventKind.FINAL: "a final round",
    EventKind.OFFER: "an offer",
}
QUIET_WEEK = (
    "A quiet week. That's allowed: rest and the rest of life are part of a long search, "
    "and nothing here is waiting to be made up."
)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _span(monday: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)


def targets_of(owner: User) -> WeeklyTargets:
    found, _ = WeeklyTargets.objects.get_or_create(owner=owner)
    return found


def set_targets(
    owner: User,
    *,
    applications: int | None = None,
    outreach: int | None = None,
    practice: int | None = None,
) -> WeeklyTargets:
    """Change any of the three aims; None leaves one as it is, 0 is a week off from it."""
    for name, value in (
        ("applications", applications),
        ("outreach", outreach),
        ("practice", practice),
    ):
        if value is not None and not 0 <= value <= TARGET_MAX:
            raise UserError(
                f"Pick a number from 0 (a week off) to {TARGET_MAX} for {name}. Nothing was changed."
            )
    targets = targets_of(owner)
    if applications is not None:
        profile = Profile.for_user(owner)
        profile.weekly_target = applications
        profile.save(update_fields=["weekly_target"])
    if outreach is not None:
        targets.outreach = outreach
    if practice is not None:
        targets.practice = practice
    targets.save()
    return targets


@dataclass(frozen=True)
class Progress:
    key: str  # "applications", "outreach", "practice"
    label: str
    done: int
    target: int

    @property
    def reached(self) -> bool:
        return self.target > 0 and self.done >= self.target

    def as_dict(self) -> dict[str, Any]:
        return {"done": self.done, "target": self.target}


def progress(owner: User, monday: date) -> list[Progress]:
    """How far the week got towards each aim (the week in progress, or one gone by)."""
    start, end = _span(monday)
    sunday = monday + timedelta(days=6)
    sent = Application.objects.filter(
        owner=owner, applied_on__range=(monday, sunday), applied_on_guessed=False
    ).count()
    exchanges = Exchange.objects.filter(owner=owner, on__range=(monday, sunday)).count()
    steps = Action.objects.filter(
        owner=owner,
        status=ActionStatus.DONE,
        kind__in=OUTREACH_STEPS,
        done_on__range=(monday, sunday),
    ).count()
    said = Review.objects.filter(owner=owner, reviewed_at__gte=start, reviewed_at__lt=end).count()
    targets = targets_of(owner)
    return [
        Progress("applications", "Applications", sent, Profile.for_user(owner).weekly_target),
        Progress("outreach", "People you got in touch with", exchanges + steps, targets.outreach),
        Progress("practice", "Answers practised out loud", said, targets.practice),
    ]


@dataclass(frozen=True)
class LookBack:
    monday: date
    progress: list[Progress]
    moved: list[str] = field(default_factory=list)
    coming: list[str] = field(default_factory=list)
    win: str = ""

    @property
    def quiet(self) -> bool:
        return not (self.moved or self.win)

    @property
    def kind_word(self) -> str:
        return QUIET_WEEK if self.quiet else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "week_of": self.monday,
            "moved": self.moved,
            "next": self.coming,
            "win": self.win or None,
            "kind_word": self.kind_word or None,
            "targets": {p.key: p.as_dict() for p in self.progress},
        }


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _moved(owner: User, monday: date, done: list[Progress]) -> list[str]:
    sunday = monday + timedelta(days=6)
    counts = {p.key: p.done for p in done}
    moved = []
    if counts["applications"]:
        moved.append(_plural(counts["applications"], "application sent", "applications sent"))
    events = StageEvent.objects.filter(
        owner=owner, kind__in=list(STAGE_WORDS), occurred_on__range=(monday, sunday)
    ).select_related("application__company")
    moved += [
        f"{STAGE_WORDS[e.kind].capitalize()} with {e.application.company.name}" for e in events
    ][:3]
    steps = Action.objects.filter(
        owner=owner, status=ActionStatus.DONE, done_on__range=(monday, sunday)
    ).count()
    if steps:
        moved.append(_plural(steps, "step done", "steps done"))
    if counts["outreach"]:
        moved.append(_plural(counts["outreach"], "time you got in touch", "times you got in touch"))
    if counts["practice"]:
        moved.append(
            _plural(counts["practice"], "answer practised out loud", "answers practised out loud")
        )
    return moved


def _coming(owner: User, next_monday: date) -> list[str]:
    from bounceback.contacts.rhythm import due as check_ins_due
    from bounceback.practice.deck import upcoming
    from bounceback.recovery.templatetags.recovery_dates import day_words

    next_sunday = next_monday + timedelta(days=6)
    coming = [
        f"{a.title} ({a.due_on:%a})"
        for a in Action.objects.filter(
            owner=owner,
            status=ActionStatus.OPEN,
            due_on__range=(next_monday, next_sunday),
        ).order_by("due_on", "id")[:3]
    ]
    coming += [
        f"{i.get_stage_display()} on {day_words(i.on)}"
        for i in upcoming(owner, next_monday)
        if i.on <= next_sunday
    ]
    checks = len(check_ins_due(owner, next_sunday))
    if checks:
        coming.append(_plural(checks, "person to check in with", "people to check in with"))
    return coming


def _win(owner: User, monday: date) -> str:
    wins = list(
        Win.objects.filter(owner=owner, occurred_on__range=(monday, monday + timedelta(days=6)))
    )
    wins.sort(key=lambda w: WIN_ORDER.index(w.kind) if w.kind in WIN_ORDER else len(WIN_ORDER))
    return wins[0].title if wins else ""


def lookback(owner: User, monday: date) -> LookBack:
    """The week from ``monday``: what moved, what comes next week, and one win."""
    done = progress(owner, monday)
    moved = _moved(owner, monday, done)
    win = _win(owner, monday)
    if not win and moved:
        win, moved = moved[0], moved[1:]  # the best of what moved, said once
    return LookBack(monday, done, moved, _coming(owner, monday + timedelta(days=7)), win)


def showing_now(now: datetime | None = None) -> date | None:
    """The Monday of the week to look back on, from Sunday 18:00 to the end of Monday; else None."""
    local = timezone.localtime(now or timezone.now())
    day = local.date()
    if day.weekday() == 6 and local.time() >= SHOW_FROM:
        return monday_of(day)
    if day.weekday() == 0:
        return day - timedelta(days=7)
    return None
