"""Keeping in touch: exchanges, check-ins and their drafts, thank-yous after interviews.

Shared by the contact pages, Today and `bounceback contacts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.applications.models import Application, Contact, EventKind, StageEvent
from bounceback.contacts.models import Exchange, ExchangeKind, ThankYou
from bounceback.contacts.rhythm import LATER_DAYS, Standing
from bounceback.errors import NotFound, UserError
from bounceback.recovery.drafts import Draft, fill, sender_name, template_path

DRAFTS_DIR = Path(__file__).resolve().parent / "drafts"
# The interviews a thank-you follows.
INTERVIEW_KINDS = [EventKind.SCREEN, EventKind.INTERVIEW, EventKind.FINAL]
MAX_RHYTHM_DAYS = 730
NOTE_LIMIT = 300


def get_contact(owner: User, pk: int | str) -> Contact:
    try:
        return Contact.objects.select_related("company").get(owner=owner, pk=int(pk))
    except (Contact.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            f"There is no contact with id {pk}. `bounceback contacts` shows the ids."
        ) from None


def latest_application(contact: Contact) -> Application | None:
    return contact.applications.select_related("company").order_by("-applied_on", "-id").first()


@transaction.atomic
def log_exchange(
    contact: Contact,
    kind: str = ExchangeKind.WROTE,
    *,
    on: date | None = None,
    note: str = "",
    application: Application | None = None,
) -> Exchange:
    """Note one time the person and the contact were in touch; the next check-in starts from it."""
    on = on or date.today()
    if on > date.today():
        raise UserError(f"That day is in the future ({on:%d %b %Y}). Use today or an earlier day.")
    if kind not in ExchangeKind.values:
        raise UserError(
            f"'{kind}' is not a kind of exchange. Use one of: {', '.join(ExchangeKind.values)}."
        )
    note = " ".join(note.split())
    if len(note) > NOTE_LIMIT:
        raise UserError(f"Please keep the note under {NOTE_LIMIT} characters; it is {len(note)}.")
    exchange = Exchange.objects.create(
        owner=contact.owner,
        contact=contact,
        on=on,
        kind=kind,
        note=note,
        application=application,
    )
    if contact.next_check_in_on is not None:
        contact.next_check_in_on = None  # the rhythm starts again from this exchange
        contact.save(update_fields=["next_check_in_on"])
    return exchange


def later(contact: Contact, today: date | None = None) -> date:
    """ "Not now": the check-in moves a couple of weeks on, once; the rhythm itself is unchanged."""
    contact.next_check_in_on = (today or date.today()) + timedelta(days=LATER_DAYS)
    contact.save(update_fields=["next_check_in_on"])
    return contact.next_check_in_on


def set_rhythm(contact: Contact, days: int | None) -> Contact:
    """Every ``days`` days; None for the usual rhythm for their role, 0 for no reminders."""
    if days is not None and not 0 <= days <= MAX_RHYTHM_DAYS:
        raise UserError(
            f"Pick a number of days from 0 (no reminders) to {MAX_RHYTHM_DAYS}, "
            "or leave it empty for the usual rhythm."
        )
    contact.keep_in_touch_days = days
    contact.save(update_fields=["keep_in_touch_days"])
    return contact


def check_in_draft(standing: Standing) -> Draft:
    """A short note for a check-in, from drafts/check_in/<role>.txt (the person's copy first)."""
    contact = standing.contact
    application = latest_application(contact)
    role = contact.role if (DRAFTS_DIR / "check_in" / f"{contact.role}.txt").is_file() else "other"
    subject, body = fill(
        template_path("check_in", role, shipped=DRAFTS_DIR),
        {
            "contact_first": contact.first_name,
            "contact_name": contact.name,
            "company": contact.company.name if contact.company else "",
            "role": application.role if application and application.role else "",
            "ended": bool(application and not application.is_open),
            "my_name": sender_name(contact.owner),
        },
    )
    return Draft("check_in", role, subject, body, contact.name, contact.email)


# --- thank-yous after interviews ------------------------------------------------------

THANK_YOU_WINDOW = 3  # days after an interview when "thank-you sent?" is asked on Today


def mark_thank_you(event: StageEvent, on: date | None = None) -> ThankYou:
    """Note that the thank-you after this interview went out (and who it went to, if known)."""
    if event.kind not in INTERVIEW_KINDS:
        raise UserError("A thank-you is noted for a screening call, an interview or a final round.")
    on = on or date.today()
    if on < event.occurred_on or on > date.today():
        raise UserError("That day doesn't fit: use a day between the interview and today.")
    thanks, _ = ThankYou.objects.get_or_create(
        owner=event.owner, event=event, defaults={"sent_on": on}
    )
    for contact in event.application.contacts.filter(
        role__in=["interviewer", "hiring_manager", "recruiter"]
    )[:1]:
        log_exchange(contact, ExchangeKind.THANK_YOU, on=on, application=event.application)
    return thanks


def get_interview(owner: User, pk: int | str) -> StageEvent:
    try:
        return StageEvent.objects.select_related("application__company").get(
            owner=owner, pk=int(pk), kind__in=INTERVIEW_KINDS
        )
    except (StageEvent.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no interview with id {pk} on your timeline.") from None


def thanks_to_send(owner: User, today: date | None = None) -> list[StageEvent]:
    """The latest interview of the last few days on each open application, with no thank-you
    noted (one question per application, however many rounds there were)."""
    today = today or date.today()
    recent = (
        StageEvent.objects.filter(
            owner=owner,
            kind__in=INTERVIEW_KINDS,
            occurred_on__gte=today - timedelta(days=THANK_YOU_WINDOW),
            occurred_on__lte=today,
            thank_you__isnull=True,
            application__status__in=["active", "offer"],
        )
        .select_related("application__company")
        .order_by("occurred_on", "id")
    )
    latest = {event.application_id: event for event in recent}
    return sorted(latest.values(), key=lambda e: (e.occurred_on, e.pk))


# --- the history on a contact's page ---------------------------------------------------


@dataclass(frozen=True)
class HistoryLine:
    on: date
    what: str
    detail: str = ""
    source: str = "you"  # "you" (noted by hand), "mail", "timeline"


def history(contact: Contact, limit: int = 50) -> list[HistoryLine]:
    """Every exchange with the contact, newest first: noted by hand, from mail, from the timeline."""
    from bounceback.mailbox.models import ImportedMessage

    lines = [
        HistoryLine(e.on, e.get_kind_display(), e.note, "you")
        for e in contact.exchanges.all()[:limit]
    ]
    if contact.email:
        mails = ImportedMessage.objects.filter(
            owner=contact.owner, from_addr__iexact=contact.email, sent_at__isnull=False
        ).order_by("-sent_at")[:limit]
        lines += [
            HistoryLine(m.sent_at.date(), "They wrote to you", m.subject, "mail")
            for m in mails
            if m.sent_at is not None
        ]
    events = StageEvent.objects.filter(
        application__in=contact.applications.all(), kind__in=INTERVIEW_KINDS + [EventKind.REJECTED]
    ).select_related("application__company")
    lines += [
        HistoryLine(
            e.occurred_on,
            e.get_kind_display(),
            f"{e.application.role_or_placeholder} at {e.application.company.name}",
            "timeline",
        )
        for e in events[:limit]
    ]
    return sorted(lines, key=lambda line: line.on, reverse=True)[:limit]
