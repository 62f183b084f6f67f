"""Recording a rejection and what follows it, shared by the web flow, the CLI and the importer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from bounceback.applications.models import (
    STAGE_ORDER,
    Application,
    Contact,
    EventKind,
    StageEvent,
)
from bounceback.applications.services import (
    check_sensible,
    get_application,
    record_event,
)
from bounceback.errors import UserError
from bounceback.recovery.models import (
    Action,
    ActionKind,
    ActionStatus,
    Rejection,
    StageReached,
)

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
    feedback_enough: bool = False,
    reapply_invite: bool = False,
    outside_control: bool = False,
    contact: Contact | None = None,
    contact_name: str = "",
    contact_email: str = "",
    filed_from_mail: bool = False,
    confirmed: bool = True,
) -> Rejection:
    """Record a "no" on an application: the rejection and its timeline entry.

    ``filed_from_mail`` and ``confirmed``: where it came from, and whether the person has
    seen it (the mailbox import files a sure one without asking: confirmed=False).

    When the stage is unknown, the application's own furthest stage is used; when the
    e-mail shows the person got further than the timeline says, the timeline catches up
    (and that step's win comes from the timeline: one fact, one win).
    A ``contact_name`` without a ``contact`` finds or adds that person at the company.
    """
    if hasattr(application, "rejection"):
        raise UserError(
            f"A rejection is already recorded for {application}. "
            f"Change it with `bounceback reject --app {application.pk} --on DATE --stage STAGE …`, "
            "or with “Correct the details” on its page."
        )
    received_on = received_on or date.today()
    check_heard_on(application, received_on)
    stage_reached = _checked_stage(stage_reached)
    if stage_reached == StageReached.UNKNOWN:
        stage_reached = timeline_stage(application)
    _catch_up_timeline(application, stage_reached, received_on)
    if contact is None and contact_name.strip():
        contact = contact_for(application, contact_name, contact_email)
    rejection = Rejection.objects.create(
        owner=application.owner,
        application=application,
        received_on=received_on,
        stage_reached=stage_reached,
        source_text=source_text,
        has_feedback=has_feedback,
        feedback_enough=feedback_enough,
        reapply_invite=reapply_invite,
        outside_control=outside_control,
        contact=contact,
        filed_from_mail=filed_from_mail,
        confirmed=confirmed,
    )
    record_event(application, EventKind.REJECTED, occurred_on=received_on)
    return rejection


@transaction.atomic
def unfile_rejection(rejection: Rejection) -> Application:
    """The person says an e-mail filed as a "no" was not one: take it off, as if never filed.

    Only for a rejection nobody has confirmed: the steps bounceback added from it go too,
    and the application's stage and status come back from what is left on its timeline.
    """
    if rejection.confirmed:
        raise UserError(
            "You confirmed this rejection earlier, so bounceback leaves it as it is. "
            "Correct its details instead, or delete the application."
        )
    application = rejection.application
    StageEvent.objects.filter(application=application, kind=EventKind.REJECTED).delete()
    from bounceback.recovery.wins import forget_wins_for_event

    for added in StageEvent.objects.filter(
        application=application, note=CAUGHT_UP_NOTE, date_guessed=True
    ):
        forget_wins_for_event(added)
        added.delete()
    rejection.delete()
    application.replay()
    application.save(update_fields=["stage", "status", "updated_at"])
    return application


def set_feedback_enough(rejection: Rejection, enough: bool) -> Rejection:
    """The person says what they have is enough (no feedback request), or takes that back.

    Saying it is enough also leaves out the feedback steps still only suggested.
    """
    rejection.feedback_enough = enough
    rejection.save(update_fields=["feedback_enough"])
    if enough:
        Action.objects.filter(
            rejection=rejection,
            kind__in=[ActionKind.FEEDBACK_REQUEST, ActionKind.FOLLOW_UP],
            status=ActionStatus.PROPOSED,
        ).update(status=ActionStatus.DROPPED)
    return rejection


def confirm_rejection(rejection: Rejection) -> Rejection:
    """The person looked at what bounceback read from the e-mail and says it is right."""
    if not rejection.confirmed:
        rejection.confirmed = True
        rejection.save(update_fields=["confirmed"])
    return rejection


@transaction.atomic
def update_rejection(
    rejection: Rejection,
    *,
    received_on: date | None = None,
    stage_reached: str | None = None,
    has_feedback: bool | None = None,
    feedback_enough: bool | None = None,
    reapply_invite: bool | None = None,
    outside_control: bool | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
) -> Rejection:
    """Correct a saved rejection; None leaves a field as it is.

    The timeline follows: the "Not selected" entry moves with the date, and a stage
    raised past the timeline adds that step (and its win) once. Lowering the stage
    leaves the timeline alone: steps that happened are not unrecorded here.
    """
    application = rejection.application
    if received_on is not None and received_on != rejection.received_on:
        # Steps bounceback added from the rejection itself move with it; the person's own don't.
        ours = StageEvent.objects.filter(
            application=application, note=CAUGHT_UP_NOTE, occurred_on=rejection.received_on
        )
        check_heard_on(application, received_on, ignore=[EventKind.REJECTED], ignore_ids=ours)
        ours.update(occurred_on=received_on)
        rejection.received_on = received_on
        StageEvent.objects.filter(application=application, kind=EventKind.REJECTED).update(
            occurred_on=received_on
        )
    if stage_reached is not None and stage_reached != rejection.stage_reached:
        stage_reached = _checked_stage(stage_reached)
        if stage_reached == StageReached.UNKNOWN:
            stage_reached = timeline_stage(application)
        _catch_up_timeline(application, stage_reached, rejection.received_on, before_rejected=True)
        rejection.stage_reached = stage_reached
    for name, value in (
        ("has_feedback", has_feedback),
        ("feedback_enough", feedback_enough),
        ("reapply_invite", reapply_invite),
        ("outside_control", outside_control),
    ):
        if value is not None:
            setattr(rejection, name, value)
    if contact_name is not None or contact_email is not None:
        rejection.contact = _corrected_contact(rejection, contact_name, contact_email)
    rejection.confirmed = True  # the person has looked, and corrected what needed it
    rejection.save()
    return rejection


def _corrected_contact(rejection: Rejection, name: str | None, email: str | None) -> Contact | None:
    """The person on the rejection after a correction; None for "nobody in particular"."""
    current = rejection.contact
    name = " ".join((name if name is not None else (current.name if current else "")).split())
    email = (email or "").strip().lower() if email is not None else None
    if email and not _EMAIL.match(email):
        raise UserError(f"“{email}” doesn't look like an e-mail address. Nothing was changed.")
    if not name:
        if email:
            raise UserError("Please add the person's name too, so the drafts can greet them.")
        return None
    if current is not None and current.name.lower() == name.lower():
        contact = current
        contact.name = name
    else:
        contact = contact_for(rejection.application, name)  # keeps that person's own address
    if email is not None:
        contact.email = email
    contact.save()
    return contact


_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def _checked_stage(stage: str) -> str:
    if stage not in StageReached.values:
        raise UserError(f"'{stage}' is not a stage. Use one of: {', '.join(StageReached.values)}.")
    return stage


def timeline_stage(application: Application) -> str:
    """How far the application's timeline says the person got, in the rejection's words."""
    return _STAGE_TO_REACHED[application.stage]


def furthest_stage(said: str, application: Application | None) -> str:
    """The further of what the e-mail says and what the timeline shows."""
    if application is None:
        return said
    known = timeline_stage(application)
    return said if _rank(said) > _rank(known) else known


def stage_note(said: str, application: Application | None) -> str:
    """A short note when the e-mail and the timeline disagree on how far the person got."""
    if application is None or said == StageReached.UNKNOWN:
        return ""
    known = timeline_stage(application)
    if _rank(said) == _rank(known):
        return ""
    said_label, known_label = StageReached(said).label.lower(), StageReached(known).label.lower()
    if _rank(said) < _rank(known):
        return (
            f"The e-mail reads like the {said_label} stage, but your timeline shows you reached "
            f"the {known_label} stage, so bounceback starts from there. Change it if that's not right."
        )
    return (
        f"The e-mail mentions the {said_label} stage; your timeline stops at the {known_label} "
        "stage. Saving adds that step to your timeline."
    )


def _catch_up_timeline(
    application: Application, reached: str, day: date, *, before_rejected: bool = False
) -> None:
    """Add the step the person reached when the timeline doesn't show it yet (once)."""
    event_kind = _REACHED_TO_EVENT.get(StageReached(reached))
    if event_kind is None or _rank(reached) <= _rank(timeline_stage(application)):
        return
    # The person got this far, but not on the day the "no" came: the day is a guess.
    record_event(application, event_kind, occurred_on=day, note=CAUGHT_UP_NOTE, date_guessed=True)
    if before_rejected:
        # Keep "Not selected" the last line of a day's timeline when a step is added afterwards.
        for rejected in StageEvent.objects.filter(application=application, kind=EventKind.REJECTED):
            rejected.pk = None
            StageEvent.objects.filter(
                application=application, kind=EventKind.REJECTED, occurred_on=rejected.occurred_on
            ).delete()
            rejected.save()
    application.refresh_from_db()


CAUGHT_UP_NOTE = "Added from the rejection"


def check_heard_on(
    application: Application,
    day: date,
    *,
    ignore: list[str] | None = None,
    ignore_ids: QuerySet[StageEvent] | None = None,
) -> None:
    """Refuse a day in the future, before the application, or before the timeline's last step."""
    check_sensible(day, "The date you heard back")
    if day < application.applied_on:
        raise UserError(
            f"That date is before you applied ({application.applied_on:%d %b %Y}). "
            "Check the date and try again. Nothing was saved."
        )
    events = StageEvent.objects.filter(application=application)
    if ignore:
        events = events.exclude(kind__in=ignore)
    if ignore_ids is not None:
        events = events.exclude(pk__in=ignore_ids.values("pk"))
    latest = events.order_by("-occurred_on").first()
    if latest is not None and day < latest.occurred_on:
        raise UserError(
            f"That date is before the last step on your timeline "
            f"({latest.get_kind_display()}, {latest.occurred_on:%d %b %Y}). "
            "Check the date and try again. Nothing was saved."
        )


def _rank(reached: str) -> int:
    if reached == StageReached.APPLICATION:
        return STAGE_ORDER["applied"]
    if reached == StageReached.UNKNOWN:
        return -1
    return STAGE_ORDER[reached]


def contact_for(application: Application, name: str, email: str = "") -> Contact:
    """The person with this name at the application's company, added if new, linked to it.

    An e-mail address (from the sender line) is kept when the person has none yet.
    """
    name = " ".join(name.split())
    email = email.strip().lower()
    contact = Contact.objects.filter(
        owner=application.owner, company=application.company, name__iexact=name
    ).first()
    if contact is None:
        contact = Contact.objects.create(
            owner=application.owner, name=name, company=application.company, email=email
        )
    elif email and not contact.email:
        contact.email = email
        contact.save(update_fields=["email"])
    contact.applications.add(application)
    return contact


def get_rejection(owner: User, pk: int | str) -> Rejection:
    """The owner's rejection, or a NotFound that says where to look."""
    from bounceback.errors import NotFound

    try:
        return Rejection.objects.select_related("application__company", "contact").get(
            owner=owner, pk=int(pk)
        )
    except (Rejection.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            f"There is no rejection with id {pk}. Open the application it belongs to instead."
        ) from None


def rejection_to_continue(owner: User, application_id: int) -> Rejection | None:
    """The rejection already on an application (e.g. imported from mail), to pick up its flow."""
    application = get_application(owner, application_id)
    return getattr(application, "rejection", None)


# A rejection that arrived by mail import and was never opened in the flow is
# easy to miss; after this long it is old news and no longer offered.
WAITING_DAYS = 45


def waiting_rejections(owner: User, today: date | None = None, limit: int = 3) -> list[Rejection]:
    """Recent rejections nobody has reflected on or planned steps for yet (often imported)."""

    from django.db.models import Q

    since = (today or date.today()) - timedelta(days=WAITING_DAYS)
    return list(
        Rejection.objects.filter(owner=owner, received_on__gte=since)
        # Untouched, or filed from mail without asking and not yet confirmed.
        .filter(Q(reflections__isnull=True, actions__isnull=True) | Q(confirmed=False))
        .distinct()
        .select_related("application__company")
        .order_by("-received_on", "-id")[:limit]
    )
