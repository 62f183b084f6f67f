"""When to get in touch with each contact again: a rhythm per contact, with defaults by role.

Why these defaults: a recruiter who placed you once is glad of a short note each quarter;
a mentor's advice works best a month at a time; someone who referred you deserves to hear
how it went, then an occasional hello. Interviewers and hiring managers are left alone while
an application with them is open; once it has ended (often in a "no", after the thank-you),
a light check-in a few months on keeps the door open without pressing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parseaddr

from django.contrib.auth.models import User
from django.db.models import Count, Max, Q, QuerySet

from bounceback.applications.models import (
    CLOSED_STATUSES,
    Contact,
    ContactRole,
    EventKind,
    Status,
)

DEFAULT_DAYS: dict[str, int] = {
    ContactRole.RECRUITER: 91,  # every three months
    ContactRole.MENTOR: 30,  # monthly
    ContactRole.REFERRER: 60,
    ContactRole.INTERVIEWER: 120,  # a light check-in some months after it ended
    ContactRole.HIRING_MANAGER: 120,
}
# People met in a process wait until it has ended before any check-in.
WAIT_FOR_THE_END = {ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER}
# "Not now" on a check-in moves it this far on.
LATER_DAYS = 14
# Steps on the timeline that mean the person and the contact were in touch.
IN_TOUCH_EVENTS = [
    EventKind.SCREEN,
    EventKind.INTERVIEW,
    EventKind.FINAL,
    EventKind.OFFER,
    EventKind.REJECTED,
]
OPEN_STATUSES = [s for s in Status.values if s not in CLOSED_STATUSES]


def rhythm_days(contact: Contact) -> int | None:
    """Days between check-ins: the person's own choice, else the default for the role."""
    if contact.keep_in_touch_days is not None:
        return contact.keep_in_touch_days or None  # 0: "no reminders"
    return DEFAULT_DAYS.get(contact.role)


def rhythm_words(days: int | None) -> str:
    if not days:
        return "no reminders"
    for span, words in ((30, "month"), (91, "three months"), (7, "week")):
        if days == span:
            return f"every {words}"
    if days % 30 == 0:
        return f"every {days // 30} months"
    return f"every {days} days"


@dataclass(frozen=True)
class Standing:
    """Where one contact stands: when they were last in touch and when to get in touch next."""

    contact: Contact
    last_in_touch: date | None
    rhythm: int | None
    next_on: date | None
    waiting_for_the_end: bool  # an application with them is still open

    def is_due(self, today: date) -> bool:
        return self.next_on is not None and self.next_on <= today

    @property
    def uses_default(self) -> bool:
        return self.contact.keep_in_touch_days is None


def with_history(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts annotated with what the database knows of their last contact, in one query."""
    return contacts.select_related("company").annotate(
        last_exchange=Max("exchanges__on"),
        last_event=Max(
            "applications__events__occurred_on",
            filter=Q(applications__events__kind__in=IN_TOUCH_EVENTS),
        ),
        open_applications=Count(
            "applications", filter=Q(applications__status__in=OPEN_STATUSES), distinct=True
        ),
    )


def last_mail_by_address(owner: User) -> dict[str, date]:
    """The last day each address wrote, from the mailbox import (read, never copied)."""
    from bounceback.mailbox.models import ImportedMessage

    rows = (
        ImportedMessage.objects.filter(owner=owner, sent_at__isnull=False)
        .exclude(from_addr="")
        .values("from_addr")
        .annotate(last=Max("sent_at"))
    )
    found: dict[str, date] = {}
    for row in rows:
        address = parseaddr(row["from_addr"])[1].lower()
        day = row["last"].date()
        if address and (address not in found or found[address] < day):
            found[address] = day
    return found


def standing(contact: Contact, mail: dict[str, date] | None = None) -> Standing:
    """Where a contact stands; ``contact`` should come from ``with_history`` (else it is asked)."""
    if not hasattr(contact, "last_exchange"):
        contact = with_history(Contact.objects.filter(pk=contact.pk)).get()
    if mail is None:
        mail = last_mail_by_address(contact.owner)
    days = [
        contact.last_contacted_on,
        getattr(contact, "last_exchange", None),
        getattr(contact, "last_event", None),
        mail.get(contact.email.lower()) if contact.email else None,
    ]
    last = max((d for d in days if d is not None), default=None)
    rhythm = rhythm_days(contact)
    waiting = contact.role in WAIT_FOR_THE_END and getattr(contact, "open_applications", 0) > 0
    next_on = contact.next_check_in_on
    if next_on is None and rhythm and last is not None and not waiting:
        next_on = last + timedelta(days=rhythm)
    return Standing(contact, last, rhythm, next_on, waiting)


def standings(owner: User) -> list[Standing]:
    """Every contact's standing, those to get in touch with soonest first."""
    mail = last_mail_by_address(owner)
    contacts = list(with_history(Contact.objects.filter(owner=owner)))
    for contact in contacts:
        contact.owner = owner  # the person at hand: a check-in draft signs with their name
    found = [standing(c, mail) for c in contacts]
    return sorted(found, key=lambda s: (s.next_on or date.max, s.contact.name.lower()))


def due(owner: User, today: date | None = None) -> list[Standing]:
    today = today or date.today()
    return [s for s in standings(owner) if s.is_due(today)]
