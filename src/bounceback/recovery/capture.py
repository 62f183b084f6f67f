"""Capturing a "no" the person pasted or typed: which application it is, a new one if none,
the rejection itself; and good news pasted by mistake, put on its timeline instead.

Shared by the web flow and `bounceback reject`; the bookkeeping of a rejection itself
(timeline, wins, contact) is ``services.record_rejection``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from bounceback.applications.models import Application
from bounceback.applications.services import (
    add_application,
    check_sensible,
    get_application,
    match_application,
    record_event,
)
from bounceback.errors import UserError
from bounceback.lib.companies import company_key
from bounceback.recovery.models import Action, Rejection, StageReached
from bounceback.recovery.services import furthest_stage, record_rejection


@dataclass
class CaptureInput:
    """Everything the person confirmed on the capture form (or the CLI's options)."""

    text: str = ""
    company: str = ""
    role: str = ""
    contact_name: str = ""
    stage: str = StageReached.UNKNOWN
    received_on: date | None = None
    has_feedback: bool = False
    feedback_enough: bool = False
    reapply_invite: bool = False
    outside_control: bool = False
    contact_email: str = ""
    application_id: int | None = None
    create_new: bool = False
    # The stage came from the e-mail, not from the person: the timeline may know better.
    stage_is_guess: bool = False
    # The person corrected the role of an application they picked: it is renamed.
    rename_role: bool = False
    # For a new application: the day they applied, when they remember it.
    applied_on: date | None = None


class AmbiguousApplication(UserError):
    """More than one application could be the one: the person picks (or creates a new one)."""

    def __init__(self, message: str, candidates: tuple[Application, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


def resolve_application(owner: User, data: CaptureInput) -> Application | None:
    """The application this rejection belongs to; None means "create a new one".

    Raises NotFound for an id that is not the owner's, AmbiguousApplication when a match is
    not certain.
    """
    if data.application_id is not None:
        return get_application(owner, data.application_id)
    if data.create_new:
        return None
    if not data.company.strip():
        raise UserError(
            "Which company was it? Type its name, or pick the application from your list."
        )
    match = match_application(owner, data.company, data.role or None)
    if match.certain and match.application is not None:
        return match.application
    if match.candidates:
        raise AmbiguousApplication(
            f"bounceback is not sure which of your applications at {data.company.strip()} this is. "
            "Pick one, or save it as a new application.",
            match.candidates,
        )
    return None


@transaction.atomic
def capture_rejection(owner: User, data: CaptureInput) -> Rejection:
    """Check what the person confirmed, find (or add) the application, record the rejection."""
    if not data.text.strip() and not data.company.strip() and data.application_id is None:
        raise UserError(
            "There is nothing to save yet. Paste the e-mail, or type the company and what happened."
        )
    received_on = data.received_on or date.today()
    check_sensible(received_on, "The date you heard back")
    again = _already_captured(owner, data, received_on)
    if again is not None:
        return again
    application = resolve_application(owner, data)
    stage = data.stage or StageReached.UNKNOWN
    if application is not None and data.stage_is_guess:
        stage = furthest_stage(stage, application)
    if application is not None and data.rename_role:
        rename_role(application, data.role)
    if application is None:
        if not data.role.strip():
            raise UserError(
                f"This looks like a new application at {data.company.strip()}. "
                "Please add the role so you can find it again."
            )
        # Unless the person says when they applied, the day they heard stands in, marked as
        # a guess so the weekly count and response times never count a made-up day.
        if data.applied_on is not None and data.applied_on > received_on:
            raise UserError(
                "The day you applied is after the day you heard back. Check the dates. "
                "Nothing was saved."
            )
        application = add_application(
            owner,
            company=data.company,
            role=data.role,
            applied_on=data.applied_on or received_on,
            applied_on_guessed=data.applied_on is None,
        )
    return record_rejection(
        application,
        received_on=received_on,
        stage_reached=stage,
        source_text=data.text.strip(),
        has_feedback=data.has_feedback,
        feedback_enough=data.feedback_enough,
        reapply_invite=data.reapply_invite,
        outside_control=data.outside_control,
        contact_name=data.contact_name,
        contact_email=data.contact_email,
    )


# A form sent twice within this long, for the same new application, is one capture.
RESUBMIT_WINDOW = timedelta(hours=6)


def _already_captured(owner: User, data: CaptureInput, received_on: date) -> Rejection | None:
    """The same capture saved as a new application a moment ago (a resubmitted form).

    The natural key behind the form's one-time token: the same company and role, the same
    day heard, the same pasted text, saved as new within the last few hours.
    """
    if not data.create_new or not company_key(data.company):
        return None
    return (
        Rejection.objects.filter(
            owner=owner,
            received_on=received_on,
            source_text=data.text.strip(),
            application__company__key=company_key(data.company),
            application__role=" ".join(data.role.split()),
            created_at__gte=timezone.now() - RESUBMIT_WINDOW,
        )
        .select_related("application__company")
        .first()
    )


def rename_role(application: Application, role: str) -> bool:
    """Correct an application's role; True when it changed."""
    role = " ".join(role.split())
    if not role or role == application.role:
        return False
    if len(role) > 200:
        raise UserError("Please keep the role under 200 characters. Nothing was saved.")
    application.role = role
    application.save(update_fields=["role", "updated_at"])
    return True


@transaction.atomic
def record_good_news(
    application: Application,
    kind: str,
    *,
    occurred_on: date,
    note: str = "",
    text: str = "",
    label: str = "",
) -> list[Action]:
    """A pasted invitation or offer: the step on the timeline, and its dates proposed.

    The interview time, test deadline or reply-by day the e-mail names become suggested
    steps (``recovery.dated``), kept in one click.
    """
    from bounceback.recovery.dated import propose_from_mail
    from bounceback.recovery.reading import read_dates

    record_event(application, kind, occurred_on=occurred_on, note=note)
    events = read_dates(text, occurred_on, label) if text.strip() else []
    return propose_from_mail(application, events, subject=note, sent_on=occurred_on)
