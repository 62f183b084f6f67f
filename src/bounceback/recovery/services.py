"""Recording a rejection and what follows it, shared by the web flow, the CLI and the importer."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from bounceback.applications.models import STAGE_ORDER, Application, Contact, EventKind
from bounceback.applications.services import check_not_future, record_event
from bounceback.errors import UserError
from bounceback.recovery.models import Rejection, StageReached, Win, WinKind

# The stage an application had reached, in the rejection's vocabulary.
_STAGE_TO_REACHED = {
    "applied": StageReached.APPLICATION,
    "screen": StageReached.SCREEN,
    "interview": StageReached.INTERVIEW,
    "final": StageReached.FINAL,
    "offer": StageReached.FINAL,
}
_REACHED_TO_EVENT = {
    StageReached.SCREEN: EventKind.SCREEN,
    StageReached.INTERVIEW: EventKind.INTERVIEW,
    StageReached.FINAL: EventKind.FINAL,
}


@transaction.atomic
def record_rejection(
    application: Application,
    *,
    received_on: date | None = None,
    stage_reached: str = StageReached.UNKNOWN,
    source_text: str = "",
    has_feedback: bool = False,
    reapply_invite: bool = False,
    contact: Contact | None = None,
) -> Rejection:
    """Record a "no" on an application: the rejection, its timeline entry, and any win it holds.

    When the stage is unknown, the application's own furthest stage is used; when the
    e-mail shows the person got further than the timeline says, the timeline catches up.
    """
    if hasattr(application, "rejection"):
        raise UserError(
            f"A rejection is already recorded for {application}. Open it to add feedback or change it."
        )
    received_on = received_on or date.today()
    check_not_future(received_on, "The date you heard back")
    if stage_reached not in StageReached.values:
        raise UserError(
            f"'{stage_reached}' is not a stage. Use one of: {', '.join(StageReached.values)}."
        )
    if stage_reached == StageReached.UNKNOWN:
        stage_reached = _STAGE_TO_REACHED[application.stage]
    else:
        event_kind = _REACHED_TO_EVENT.get(StageReached(stage_reached))
        app_reached = _STAGE_TO_REACHED[application.stage]
        if event_kind and _rank(stage_reached) > _rank(app_reached):
            record_event(
                application, event_kind, occurred_on=max(application.applied_on, received_on)
            )
            application.refresh_from_db()
    rejection = Rejection.objects.create(
        owner=application.owner,
        application=application,
        received_on=received_on,
        stage_reached=stage_reached,
        source_text=source_text,
        has_feedback=has_feedback,
        reapply_invite=reapply_invite,
        contact=contact,
    )
    record_event(
        application, EventKind.REJECTED, occurred_on=max(application.applied_on, received_on)
    )
    if _rank(stage_reached) >= _rank(StageReached.INTERVIEW):
        label = "the final round" if stage_reached == StageReached.FINAL else "the interviews"
        Win.objects.get_or_create(
            owner=application.owner,
            application=application,
            kind=WinKind.STAGE_PASSED,
            title=f"You reached {label} at {application.company.name}",
            automatic=True,
            defaults={"occurred_on": received_on},
        )
    return rejection


def _rank(reached: str) -> int:
    if reached == StageReached.APPLICATION:
        return STAGE_ORDER["applied"]
    if reached == StageReached.UNKNOWN:
        return -1
    return STAGE_ORDER[reached]
