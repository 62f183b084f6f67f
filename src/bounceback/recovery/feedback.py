"""Journey 2: the employer's reply, kept apart from the person's own reflection.

A reply without reasons is marked generic, so the person can ask once more for specifics
(and only once: asking twice would be pressing).
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.applications.models import Application
from bounceback.applications.services import check_sensible
from bounceback.errors import NotFound, UserError
from bounceback.recovery.models import (
    Action,
    ActionKind,
    ActionStatus,
    Feedback,
    Rejection,
    Win,
    WinKind,
)
from bounceback.recovery.reading import gives_reasons


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
        raise UserError("Their reply is empty: add what they wrote, then save. Nothing was saved.")
    received_on = received_on or date.today()
    check_sensible(received_on, "The date the feedback came")
    feedback = Feedback.objects.create(
        owner=application.owner,
        application=application,
        received_on=received_on,
        text=text,
        is_generic=not gives_reasons(text),
    )
    asked = Action.objects.filter(
        application=application,
        kind__in=[ActionKind.FEEDBACK_REQUEST, ActionKind.FOLLOW_UP],
        status__in=[ActionStatus.OPEN, ActionStatus.DONE],
    ).exists()
    # One fact, one win, named for what happened: a reply only when something was asked.
    title = (
        f"{application.company.name} replied to your feedback request"
        if asked
        else f"{application.company.name} shared feedback with you"
    )
    if not Win.objects.filter(
        application=application, kind=WinKind.FEEDBACK, automatic=True
    ).exists():
        Win.objects.create(
            owner=application.owner,
            application=application,
            kind=WinKind.FEEDBACK,
            title=title,
            automatic=True,
            occurred_on=received_on,
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
