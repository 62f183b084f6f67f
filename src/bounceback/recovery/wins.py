"""Wins recorded automatically: facts worth keeping when it feels like nothing is working."""

from __future__ import annotations

from django.db.models import Q

from bounceback.applications.models import Application, EventKind, StageEvent
from bounceback.recovery.models import Win, WinKind

_EVENT_WINS: dict[str, tuple[str, str]] = {
    EventKind.SCREEN: (WinKind.REPLY, "They called you back: a screening with {company}"),
    EventKind.ASSESSMENT: (WinKind.INVITATION, "Invited to an assessment by {company}"),
    EventKind.INTERVIEW: (WinKind.INVITATION, "Interview with {company} for {role}"),
    EventKind.FINAL: (WinKind.STAGE_PASSED, "Reached the final round at {company}"),
    EventKind.OFFER: (WinKind.OFFER, "Offer from {company} for {role}"),
}


def record_wins_for_event(event: StageEvent) -> Win | None:
    """Record the win an event stands for, once per application and fact."""
    found = _EVENT_WINS.get(event.kind)
    if found is None:
        return None
    kind, template = found
    application = event.application
    title = template.format(company=application.company.name, role=application.role or "a role")
    win, _ = Win.objects.get_or_create(
        owner=event.owner,
        application=application,
        kind=kind,
        title=title,
        automatic=True,
        defaults={"occurred_on": event.occurred_on},
    )
    return win


def forget_wins_for_event(event: StageEvent) -> None:
    """Take back the win an entry stood for, once no other entry on the timeline stands for it."""
    found = _EVENT_WINS.get(event.kind)
    application = event.application
    others = application.events.filter(kind=event.kind).exclude(pk=event.pk)
    if found is None or others.exists():
        return
    kind, template = found
    title = template.format(company=application.company.name, role=application.role or "a role")
    Win.objects.filter(application=application, kind=kind, title=title, automatic=True).delete()


def stage_win(application: Application, reached: str) -> Win | None:
    """The win that marks how far a rejected application got (an interview or the final round).

    It comes from the timeline ("Interview with …", "Reached the final round …"); older data
    may hold the rejection's own "You reached …" win instead.
    """
    if reached not in ("interview", "final"):
        return None
    found = Win.objects.filter(application=application, automatic=True).filter(
        Q(kind=WinKind.STAGE_PASSED)
        | Q(kind=WinKind.INVITATION, title__startswith="Interview with")
    )
    return found.order_by("-occurred_on", "-id").first()
