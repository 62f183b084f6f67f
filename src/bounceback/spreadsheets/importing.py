"""Carrying out a preview: every row through the services the app uses everywhere else.

One transaction for the whole file: a row the services refuse leaves nothing saved, and
the message says which line it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.applications.models import Application, EventKind
from bounceback.applications.services import add_application, record_event
from bounceback.errors import UserError
from bounceback.spreadsheets.plan import Plan, Planned

# The timeline's note on a step known only from the spreadsheet's status column.
FROM_SHEET = "From your spreadsheet"
_STAGE_EVENT = {
    "screen": EventKind.SCREEN,
    "interview": EventKind.INTERVIEW,
    "final": EventKind.FINAL,
    "offer": EventKind.OFFER,
}
_REACHED = {
    "applied": "application",
    "screen": "screen",
    "interview": "interview",
    "final": "final",
    "offer": "final",
}


@dataclass(frozen=True)
class Result:
    created: int
    rejections: int


def _bring_in(owner: User, row: Planned) -> Application:
    application = add_application(
        owner,
        company=row.company,
        role=row.role,
        applied_on=row.applied_on,
        applied_on_guessed=row.applied_on_guessed,
        source=row.source,
        link=row.link,
        notes=row.notes,
        salary=row.salary,
        place=row.place,
        allow_blank_role=True,
    )
    # The status says how far it got, not when: the day of the latest news (or the day
    # applied) stands in, marked as a guess, unless nothing came after it.
    day = row.status_on or row.applied_on
    ending = row.outcome.ending
    if ending == "rejected":
        from bounceback.recovery.services import record_rejection  # recovery builds on this

        record_rejection(
            application,
            received_on=day,
            stage_reached=_REACHED[row.outcome.stage],
            source_text=row.status_text,
        )
        return application
    stage_kind = _STAGE_EVENT.get(row.outcome.stage)
    if stage_kind is not None:
        note = "Accepted, as your spreadsheet says" if ending == "accepted" else FROM_SHEET
        record_event(
            application,
            stage_kind,
            occurred_on=day,
            note=note,
            date_guessed=bool(ending) or row.status_on is None,
        )
    if ending in ("ghosted", "withdrawn"):
        kind = EventKind.GHOSTED if ending == "ghosted" else EventKind.WITHDRAWN
        record_event(
            application, kind, occurred_on=day, note=FROM_SHEET, date_guessed=row.status_on is None
        )
    return application


@transaction.atomic
def carry_out(owner: User, plan: Plan) -> Result:
    """Create what the preview showed; all of it, or (if one row is refused) none of it."""
    for row in plan.to_create:
        try:
            _bring_in(owner, row)
        except UserError as error:
            raise UserError(f"Line {row.line}: {error} Nothing was brought in.") from None
    return Result(len(plan.to_create), plan.rejections)
