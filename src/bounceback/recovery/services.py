"""Recording a rejection and what follows it, shared by the web flow, the CLI and the importer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.applications.models import STAGE_ORDER, Application, Contact, EventKind
from bounceback.applications.services import (
    add_application,
    check_not_future,
    get_application,
    match_application,
    record_event,
)
from bounceback.errors import UserError
from bounceback.recovery.capture import gives_reasons
from bounceback.recovery.models import (
    Action,
    ActionKind,
    ActionStatus,
    Feedback,
    Rejection,
    StageReached,
    Win,
    WinKind,
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
    reapply_invite: bool = False,
    contact: Contact | None = None,
    contact_name: str = "",
) -> Rejection:
    """Record a "no" on an application: the rejection, its timeline entry, and any win it holds.

    When the stage is unknown, the application's own furthest stage is used; when the
    e-mail shows the person got further than the timeline says, the timeline catches up.
    A ``contact_name`` without a ``contact`` finds or adds that person at the company.
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
    if contact is None and contact_name.strip():
        contact = contact_for(application, contact_name)
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
    already_kept = Win.objects.filter(
        application=application, kind=WinKind.STAGE_PASSED, automatic=True
    ).exists()  # e.g. "Reached the final round" from the timeline: one fact, one win
    if _rank(stage_reached) >= _rank(StageReached.INTERVIEW) and not already_kept:
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


def contact_for(application: Application, name: str) -> Contact:
    """The person with this name at the application's company, added if new, linked to it."""
    name = " ".join(name.split())
    contact = Contact.objects.filter(
        owner=application.owner, company=application.company, name__iexact=name
    ).first()
    if contact is None:
        contact = Contact.objects.create(
            owner=application.owner, name=name, company=application.company
        )
    contact.applications.add(application)
    return contact


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
    reapply_invite: bool = False
    application_id: int | None = None
    create_new: bool = False


class Unsure(UserError):
    """More than one application could be the one: the person picks (or creates a new one)."""

    def __init__(self, message: str, candidates: tuple[Application, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


def resolve_application(owner: User, data: CaptureInput) -> Application | None:
    """The application this rejection belongs to; None means "create a new one".

    Raises NotFound for an id that is not the owner's, Unsure when a match is not certain.
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
        raise Unsure(
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
    check_not_future(received_on, "The date you heard back")
    application = resolve_application(owner, data)
    if application is None:
        if not data.role.strip():
            raise UserError(
                f"This looks like a new application at {data.company.strip()}. "
                "Please add the role so you can find it again."
            )
        application = add_application(
            owner, company=data.company, role=data.role, applied_on=received_on
        )
    return record_rejection(
        application,
        received_on=received_on,
        stage_reached=data.stage or StageReached.UNKNOWN,
        source_text=data.text.strip(),
        has_feedback=data.has_feedback,
        reapply_invite=data.reapply_invite,
        contact_name=data.contact_name,
    )


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
    from datetime import timedelta

    since = (today or date.today()) - timedelta(days=WAITING_DAYS)
    return list(
        Rejection.objects.filter(owner=owner, received_on__gte=since)
        .filter(reflections__isnull=True, actions__isnull=True)
        .select_related("application__company")
        .order_by("-received_on", "-id")[:limit]
    )


@transaction.atomic
def record_feedback(
    application: Application, text: str, *, received_on: date | None = None
) -> Feedback:
    """Keep what the employer said (apart from the person's own reflection) and note the win.

    A reply without reasons is marked generic, so the person can ask once more for specifics.
    Reminders to chase the feedback are dropped: it has arrived.
    """
    text = text.strip()
    if not text:
        raise UserError("Paste what they wrote first. Nothing was saved.")
    received_on = received_on or date.today()
    check_not_future(received_on, "The date the feedback came")
    feedback = Feedback.objects.create(
        owner=application.owner,
        application=application,
        received_on=received_on,
        text=text,
        is_generic=not gives_reasons(text),
    )
    Win.objects.get_or_create(
        owner=application.owner,
        application=application,
        kind=WinKind.FEEDBACK,
        title=f"{application.company.name} replied to your feedback request",
        automatic=True,
        defaults={"occurred_on": received_on},
    )
    Action.objects.filter(
        owner=application.owner,
        application=application,
        kind__in=[ActionKind.FOLLOW_UP, ActionKind.FEEDBACK_REQUEST],
        status__in=[ActionStatus.PROPOSED, ActionStatus.OPEN],
    ).update(status=ActionStatus.DROPPED)
    if not feedback.is_generic:
        Rejection.objects.filter(application=application).update(has_feedback=True)
    return feedback


def get_feedback(owner: User, pk: int | str) -> Feedback:
    from bounceback.errors import NotFound

    try:
        return Feedback.objects.select_related("application__company").get(owner=owner, pk=int(pk))
    except (Feedback.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no feedback with id {pk}.") from None


def mark_second_ask_sent(feedback: Feedback) -> Feedback:
    """Note that the one follow-up question for specifics went out; asking twice would be pressing."""
    if feedback.second_ask_sent:
        raise UserError(
            "You have already asked once for more detail. It is kind to leave it there now."
        )
    if not feedback.is_generic:
        raise UserError("This feedback already gives reasons, so there is no need to ask again.")
    feedback.second_ask_sent = True
    feedback.save(update_fields=["second_ask_sent"])
    return feedback


def second_ask_sent_for(application: Application) -> Feedback:
    """Note the one request for specifics on the application's latest feedback."""
    latest = application.feedback.first()
    if latest is None:
        raise UserError(
            f"There is no feedback on {application} yet. Add their reply first with --text."
        )
    return mark_second_ask_sent(latest)
