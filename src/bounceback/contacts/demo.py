"""Sample keeping-in-touch for `bounceback demo`: exchanges, a mentor, a referral, thank-yous.

Most people have heard from the demo person lately; a few check-ins are due, the way a
real search looks after a few months.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User

from bounceback.applications.models import (
    Application,
    Contact,
    ContactRole,
    EventKind,
    StageEvent,
    Status,
)
from bounceback.applications.services import record_event
from bounceback.contacts.models import Exchange, ExchangeKind, ThankYou
from bounceback.contacts.services import INTERVIEW_KINDS

_NOTES = [
    "Sent a short update and a thank-you.",
    "She shared a role at a partner company.",
    "Quick call about what the team looks for.",
    "",
]


def build(owner: User, today: date, rng: random.Random) -> None:
    contacts = list(Contact.objects.filter(owner=owner).prefetch_related("applications"))
    for index, contact in enumerate(contacts):
        application = contact.applications.first()
        if application and application.stage in ("interview", "final") and index % 2:
            contact.role = ContactRole.INTERVIEWER
            contact.save(update_fields=["role"])
        if index % 4 == 0:
            continue  # a few nobody has been in touch with for a while: their check-ins are due
        Exchange.objects.create(
            owner=owner,
            contact=contact,
            on=today - timedelta(days=rng.randint(5, 60)),
            kind=rng.choice([ExchangeKind.WROTE, ExchangeKind.THEY_WROTE, ExchangeKind.CALL]),
            note=rng.choice(_NOTES),
        )
    mentor = Contact.objects.create(
        owner=owner,
        name="Sam Okoye",
        role=ContactRole.MENTOR,
        email="sam.okoye@example.org",
        notes="Former team lead; happy to look at my CV any time.",
    )
    Exchange.objects.create(
        owner=owner,
        contact=mentor,
        on=today - timedelta(days=33),
        kind=ExchangeKind.CALL,
        note="Talked through the final-round feedback; she suggested a small A/B testing project.",
    )
    interviewing = (
        Application.objects.filter(owner=owner, status=Status.ACTIVE, stage="interview")
        .select_related("company")
        .first()
    )
    if interviewing is not None:
        referrer = Contact.objects.create(
            owner=owner,
            name="Jo Whitfield",
            role=ContactRole.REFERRER,
            email="jo.whitfield@example.com",
            company=interviewing.company,
        )
        referrer.applications.add(interviewing)
        interviewing.referred_by = referrer
        interviewing.save(update_fields=["referred_by"])
        Exchange.objects.create(
            owner=owner,
            contact=referrer,
            on=interviewing.applied_on - timedelta(days=2),
            kind=ExchangeKind.MET,
            note="Coffee; she offered to refer me.",
        )
        last = interviewing.events.order_by("-occurred_on").first()
        if last is None or last.occurred_on < today - timedelta(days=1):
            # Yesterday's interview: "thank-you sent?" waits on Today.
            record_event(interviewing, EventKind.INTERVIEW, occurred_on=today - timedelta(days=1))
    older = StageEvent.objects.filter(
        owner=owner, kind__in=INTERVIEW_KINDS, occurred_on__lt=today - timedelta(days=3)
    )
    for event in older:
        if rng.random() < 0.7:
            ThankYou.objects.create(
                owner=owner, event=event, sent_on=event.occurred_on + timedelta(days=1)
            )
