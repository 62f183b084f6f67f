"""A realistic sample job search for `bounceback demo`: varied, deterministic, a few months long.

Other areas add their own sample data (reflections, check-ins, themes…) with a
``build(owner, today, rng)`` function in their ``demo`` module, listed in DEMO_STEPS.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import import_module

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.applications.models import Application, ContactRole, EventKind
from bounceback.applications.models import Contact as ContactModel
from bounceback.applications.services import add_application, record_event
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Feedback, StageReached
from bounceback.recovery.services import record_rejection

DEMO_STEPS = [
    "bounceback.recovery.demo.build",
    "bounceback.insights.demo.build",
    "bounceback.wellbeing.demo.build",
    "bounceback.goals.demo.build",
    "bounceback.contacts.demo.build",
    "bounceback.practice.demo.build",
    "bounceback.reapply.demo.build",
    "bounceback.weekly.demo.build",
]

COMPANIES = [
    "Northwind Analytics",
    "Brightpath Health",
    "Keel & Compass Ltd",
    "Ostara Energy",
    "Lumen Retail Group",
    "Fjord Logistics AB",
    "Pinecone Insurance",
    "Tessellate GmbH",
    "Harbourline Bank",
    "Quillon Media",
    "Sable Mobility",
    "Meridian Council",
    "Copperleaf Games",
    "Atlas Freight Inc.",
    "Willowmere Foods",
    "Redkite Software",
    "Halcyon Labs",
    "Greyfield University",
    "Marigold Travel",
    "Juniper Robotics",
    "Castellan Pharma",
    "Bluestem Credit Union",
    "Orrery Space",
    "Lattice Learning",
    "Saltmarsh Water",
    "Nimbus Climate",
    "Foxglove Fashion",
    "Verity Research",
    "Cobalt City Transit",
    "Hearthstone Housing",
    "Palisade Security",
    "Tidewater Ports",
    "Kestrel Consulting",
    "Emberly Energy",
    "Moss & Finch",
    "Aurora Hospitals",
    "Ridgeway Outdoors",
    "Solace Care",
    "Parcelpoint",
]
ROLES = [
    "Data Analyst",
    "Senior Data Analyst",
    "Product Analyst",
    "Business Intelligence Analyst",
    "Analytics Engineer",
    "Insights Analyst",
    "Data Analyst (Operations)",
    "Marketing Analyst",
]
SOURCES = ["LinkedIn", "Company site", "Referral", "Indeed", "Recruiter", "Meetup contact", "Otta"]
PEOPLE = [
    "Priya Raman",
    "Tom Whitaker",
    "Sofia Marquez",
    "Daniel Okafor",
    "Hannah Berg",
    "Luca Rossi",
    "Amara Nwosu",
    "Jonas Lindqvist",
    "Claire Dubois",
    "Mei Chen",
    "Ravi Patel",
    "Ellen Murphy",
]

REJECTION_TEXTS = {
    "application": (
        "Hi Alex,\n\nThank you for applying for the {role} role at {company}. We received many applications "
        "and, after careful review, we have decided not to move forward with yours at this time.\n\n"
        "We will keep your details on file and encourage you to apply for future openings.\n\n"
        "Best wishes,\nThe {company} Talent Team"
    ),
    "screen": (
        "Hi Alex,\n\nThanks for taking the time to speak with me about the {role} position. After reviewing "
        "our conversation with the hiring manager, we've decided to progress with candidates whose experience "
        "more closely matches what the team needs right now.\n\nAll the best with your search,\n{contact}"
    ),
    "interview": (
        "Dear Alex,\n\nThank you for interviewing with us for the {role} role. The panel enjoyed meeting you. "
        "Unfortunately we have decided to move ahead with another candidate. The team felt your SQL was strong, "
        "but they were looking for more depth in experiment design and A/B testing.\n\n"
        "Kind regards,\n{contact}\n{company}"
    ),
    "final": (
        "Hi Alex,\n\nI wanted to let you know personally: it was a very close decision, and you were one of "
        "the last two candidates for the {role} role. In the end we offered it to someone with more direct "
        "experience in our industry. We'd love to stay in touch and would welcome an application from you in "
        "the future.\n\nWarmly,\n{contact}"
    ),
}

FEEDBACK_TEXTS = [
    "Your technical task was one of the best we saw. Where you lost ground was in the stakeholder scenario: "
    "the panel wanted a clearer story of how you handled disagreement.",
    "We felt you would benefit from more hands-on experience with dbt and data modelling before a role at this level.",
    "The team was impressed by your enthusiasm. The decision came down to experience with forecasting.",
    "Thank you for your interest. We had many strong candidates and chose to proceed with someone else.",
]

# (company index, days ago applied, furthest step, outcome) — a search that starts slowly,
# gets better at reaching interviews, and has a couple of promising threads still open.
PLAN: list[tuple[int, int, str, str]] = [
    (0, 150, "applied", "rejected"),
    (1, 146, "applied", "ghosted"),
    (2, 143, "screen", "rejected"),
    (3, 140, "applied", "rejected"),
    (4, 137, "applied", "ghosted"),
    (5, 133, "interview", "rejected"),
    (6, 130, "applied", "rejected"),
    (7, 126, "applied", "ghosted"),
    (8, 122, "screen", "rejected"),
    (9, 118, "applied", "rejected"),
    (10, 115, "applied", "withdrawn"),
    (11, 110, "interview", "rejected"),
    (12, 104, "applied", "rejected"),
    (13, 100, "screen", "rejected"),
    (14, 96, "applied", "ghosted"),
    (15, 92, "interview", "rejected"),
    (16, 88, "applied", "rejected"),
    (17, 84, "final", "rejected"),
    (18, 79, "applied", "rejected"),
    (19, 75, "screen", "rejected"),
    (20, 70, "applied", "ghosted"),
    (21, 66, "interview", "rejected"),
    (22, 61, "applied", "rejected"),
    (23, 57, "screen", "active"),
    (24, 52, "final", "rejected"),
    (25, 47, "applied", "rejected"),
    (26, 43, "interview", "rejected"),
    (27, 38, "screen", "rejected"),
    (28, 33, "applied", "active"),
    (29, 29, "interview", "active"),
    (30, 24, "applied", "active"),
    (31, 20, "screen", "active"),
    (32, 16, "applied", "active"),
    (33, 12, "interview", "active"),
    (34, 9, "applied", "active"),
    (35, 6, "applied", "active"),
    (36, 4, "applied", "active"),
    (37, 2, "screen", "active"),
    (38, 1, "applied", "active"),
]

_STEPS = ["screen", "interview", "final"]
_REACHED = {
    "applied": StageReached.APPLICATION,
    "screen": StageReached.SCREEN,
    "interview": StageReached.INTERVIEW,
    "final": StageReached.FINAL,
}


def has_demo_data(owner: User) -> bool:
    return Application.objects.filter(owner=owner).exists()


@transaction.atomic
def build_demo(owner: User, today: date | None = None, seed: int = 7) -> str:
    """Fill the owner's (empty) data with the sample search; returns a one-line summary."""
    today = today or date.today()
    rng = random.Random(seed)
    contacts: list[ContactModel] = []
    for index, (company_index, days_ago, furthest, outcome) in enumerate(PLAN):
        company = COMPANIES[company_index]
        applied_on = today - timedelta(days=days_ago)
        application = add_application(
            owner,
            company=company,
            role=ROLES[index % len(ROLES)],
            applied_on=applied_on,
            source=rng.choice(SOURCES),
        )
        day = applied_on
        contact = None
        if furthest != "applied":
            contact = ContactModel.objects.create(
                owner=owner,
                name=PEOPLE[index % len(PEOPLE)],
                role=ContactRole.RECRUITER,
                email=f"{PEOPLE[index % len(PEOPLE)].split()[0].lower()}@example.com",
                company=application.company,
                last_contacted_on=applied_on + timedelta(days=5),
            )
            contact.applications.add(application)
            contacts.append(contact)
        for step in _STEPS[: _STEPS.index(furthest) + 1] if furthest != "applied" else []:
            day = min(today, day + timedelta(days=rng.randint(4, 9)))
            record_event(application, step, occurred_on=day)
            if step == "interview" and rng.random() < 0.5:
                day = min(today, day + timedelta(days=rng.randint(3, 6)))
                record_event(
                    application, EventKind.INTERVIEW, occurred_on=day, note="Technical round"
                )
        heard_on = min(today, day + timedelta(days=rng.randint(3, 12)))
        if outcome == "rejected":
            text = REJECTION_TEXTS[_REACHED[furthest]].format(
                role=application.role, company=company, contact=contact.name if contact else ""
            )
            record_rejection(
                application,
                received_on=heard_on,
                stage_reached=_REACHED[furthest],
                source_text=text,
                has_feedback=furthest in ("interview", "final"),
                reapply_invite=furthest in ("application", "final"),
                contact=contact,
            )
            if furthest in ("interview", "final"):
                Feedback.objects.create(
                    owner=owner,
                    application=application,
                    received_on=min(today, heard_on + timedelta(days=4)),
                    text=FEEDBACK_TEXTS[index % len(FEEDBACK_TEXTS)],
                    is_generic=(index % len(FEEDBACK_TEXTS)) == 3,
                )
        elif outcome == "ghosted":
            record_event(
                application,
                EventKind.GHOSTED,
                occurred_on=min(today, applied_on + timedelta(days=30)),
            )
        elif outcome == "withdrawn":
            record_event(
                application,
                EventKind.WITHDRAWN,
                occurred_on=min(today, day + timedelta(days=6)),
                note="The salary range was well below what I need.",
            )
    latest = Application.objects.filter(owner=owner, status="active", stage="interview").first()
    for title, kind, due_in in [
        ("Send a thank-you note after yesterday's interview", ActionKind.THANK_YOU, 0),
        ("Practise the stakeholder-disagreement story out loud", ActionKind.PRACTICE, 1),
        ("Follow up on the feedback request to Juniper Robotics", ActionKind.FOLLOW_UP, 3),
        ("Ask a friend to read your CV summary", ActionKind.CUSTOM, 6),
    ]:
        Action.objects.create(
            owner=owner,
            title=title,
            kind=kind,
            due_on=today + timedelta(days=due_in),
            status=ActionStatus.OPEN,
            application=latest if kind == ActionKind.THANK_YOU else None,
        )
    for dotted in DEMO_STEPS:
        module_name, _, name = dotted.rpartition(".")
        getattr(import_module(module_name), name)(owner, today, rng)
    total = Application.objects.filter(owner=owner).count()
    rejected = Application.objects.filter(owner=owner, status="rejected").count()
    return (
        f"{total} applications over five months, {rejected} of them rejections at different stages"
    )
