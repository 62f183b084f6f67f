"""The job search itself: companies, applications, their timeline, and the people met along the way.

A glossary of the domain:

- **Company**: an employer, named forgivingly ("ACME Corp" and "Acme" are one).
- **Application**: one try for one role at one company. Its *stage* is the furthest
  step reached (applied → screen → interview → final → offer); its *status* says
  whether it is still open or how it ended.
- **StageEvent**: one dated entry on an application's timeline (an interview round,
  a rejection, an offer, a silence that became "ghosted").
- **Contact**: a person (recruiter, interviewer, referrer, mentor) linked to applications.

An application may also say what the job offers (salary, place, sector), all optional:
``bounceback.goals`` judges that against the person's own goals.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.db.models import Value
from django.db.models.functions import Replace
from django.urls import reverse
from django.utils import timezone

from bounceback.lib.companies import company_key


class Stage(models.TextChoices):
    """How far an application got. The order is the funnel's order."""

    APPLIED = "applied", "Applied"
    SCREEN = "screen", "Screening"
    INTERVIEW = "interview", "Interview"
    FINAL = "final", "Final round"
    OFFER = "offer", "Offer"


STAGE_ORDER: dict[str, int] = {stage.value: index for index, stage in enumerate(Stage)}


class Status(models.TextChoices):
    """Whether an application is still open, and if not, how it ended."""

    ACTIVE = "active", "In progress"
    OFFER = "offer", "Offer received"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Not selected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    GHOSTED = "ghosted", "No reply"


# Shown where an application's role is unknown; the stored role stays empty.
ROLE_PLACEHOLDER = "Role not named"

CLOSED_STATUSES = {Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED}


class EventKind(models.TextChoices):
    """What happened on a given day."""

    APPLIED = "applied", "Applied"
    SCREEN = "screen", "Screening call"
    ASSESSMENT = "assessment", "Assessment"
    INTERVIEW = "interview", "Interview"
    FINAL = "final", "Final round"
    OFFER = "offer", "Offer"
    REJECTED = "rejected", "Not selected"
    WITHDRAWN = "withdrawn", "Withdrew"
    GHOSTED = "ghosted", "Marked as no reply"
    NOTE = "note", "Note"


# The stage an event proves was reached, and the status it leaves the application in.
EVENT_STAGE: dict[str, str] = {
    EventKind.APPLIED: Stage.APPLIED,
    EventKind.SCREEN: Stage.SCREEN,
    EventKind.ASSESSMENT: Stage.SCREEN,
    EventKind.INTERVIEW: Stage.INTERVIEW,
    EventKind.FINAL: Stage.FINAL,
    EventKind.OFFER: Stage.OFFER,
}
EVENT_STATUS: dict[str, str] = {
    EventKind.OFFER: Status.OFFER,
    EventKind.REJECTED: Status.REJECTED,
    EventKind.WITHDRAWN: Status.WITHDRAWN,
    EventKind.GHOSTED: Status.GHOSTED,
}

# After reaching a stage, the step that usually follows it.
NEXT_EVENT: dict[str, str] = {
    Stage.APPLIED: EventKind.SCREEN,
    Stage.SCREEN: EventKind.INTERVIEW,
    Stage.INTERVIEW: EventKind.INTERVIEW,
    Stage.FINAL: EventKind.OFFER,
    Stage.OFFER: EventKind.NOTE,
}


class Owned(models.Model):
    """Every row belongs to one person; queries always start from ``owned_by``."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class CompanyQuerySet(models.QuerySet["Company"]):
    def same_as(self, owner: User, name: str) -> list[Company]:
        """The owner's companies that are this one for certain (legal form, case and spacing
        set aside: "LumenCloud Ltd" is "Lumen Cloud")."""
        compact = company_key(name).replace(" ", "")
        if not compact:
            return []
        # Compared in SQL: loading every company to compare in Python made a 5,000-row
        # spreadsheet import quadratic.
        spaceless = Replace("key", Value(" "), Value(""))
        return list(self.filter(owner=owner).annotate(compact=spaceless).filter(compact=compact))

    def for_name(self, owner: User, name: str) -> Company:
        """The owner's company with this name, matched forgivingly; created if new."""
        key = company_key(name)
        if not key:
            raise ValueError("A company needs a name.")
        found: Company | None = self.filter(owner=owner, key=key).first()
        if found is None:
            same = self.same_as(owner, name)
            found = same[0] if len(same) == 1 else None
        if found is not None:
            return found
        company, _ = self.get_or_create(owner=owner, key=key, defaults={"name": name.strip()})
        return company


class Company(Owned):
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, help_text="Normalised name used for matching.")
    website = models.URLField(blank=True)
    notes = models.TextField(blank=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="company_unique_key_per_owner")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = company_key(self.name)
        super().save(*args, **kwargs)


class WorkPlace(models.TextChoices):
    """Where the work happens, when the ad says."""

    ON_SITE = "on_site", "On site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class Application(Owned):
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="applications")
    # Blank when the role is not known (an application found in the mailbox from a mail
    # that doesn't name it); screens show ``role_or_placeholder`` instead.
    role = models.CharField(max_length=200, blank=True)
    source = models.CharField("where you found it", max_length=120, blank=True)
    link = models.URLField(max_length=500, blank=True)
    applied_on = models.DateField(default=date.today)
    # True when applied_on is only the date of a later message (an application first seen
    # in a rejection or an invitation): not the person's own date, so never used for timings.
    applied_on_guessed = models.BooleanField(default=False)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.APPLIED)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    notes = models.TextField(blank=True)
    # What the job offers, as the ad says; all optional. Salaries are yearly, in whatever
    # currency the person uses (one number when the ad gives one).
    salary_from = models.PositiveIntegerField(null=True, blank=True)
    salary_to = models.PositiveIntegerField(null=True, blank=True)
    place = models.CharField("town or city", max_length=120, blank=True)
    work_place = models.CharField(
        "on site, hybrid or remote", max_length=10, choices=WorkPlace.choices, blank=True
    )
    sector = models.CharField("sector or industry", max_length=120, blank=True)
    referred_by = models.ForeignKey(
        "Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        help_text="The person who referred you, if someone did.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-applied_on", "-id"]
        indexes = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner", "applied_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.role_or_placeholder} at {self.company.name}"

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", args=[self.pk])

    @property
    def role_or_placeholder(self) -> str:
        """The role, or words saying it isn't known yet: for screens only, never stored."""
        return self.role or ROLE_PLACEHOLDER

    @property
    def is_open(self) -> bool:
        return self.status in (Status.ACTIVE, Status.OFFER)

    @property
    def stage_rank(self) -> int:
        return STAGE_ORDER[self.stage]

    @property
    def next_event_kind(self) -> str:
        """The step most likely to come next on the timeline, offered first in "Add a step"."""
        if not self.is_open:
            return EventKind.NOTE
        return NEXT_EVENT[self.stage]

    def replay(self) -> None:
        """Stage and status from the timeline alone (after an entry was taken off it)."""
        self.stage, self.status = Stage.APPLIED, Status.ACTIVE
        for event in self.events.order_by("occurred_on", "id"):
            self.apply_event(event)

    def apply_event(self, event: StageEvent) -> None:
        """Advance stage and status for a new timeline event (never moves the stage backwards)."""
        reached = EVENT_STAGE.get(event.kind)
        if reached and STAGE_ORDER[reached] > STAGE_ORDER[self.stage]:
            self.stage = reached
        if event.kind in EVENT_STATUS:
            self.status = EVENT_STATUS[event.kind]
        elif reached and self.status == Status.GHOSTED:
            # A reply after a long silence: the application is alive again.
            self.status = Status.ACTIVE


class StageEvent(Owned):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    occurred_on = models.DateField(default=date.today)
    round = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Interview round, if any."
    )
    note = models.TextField(blank=True)
    # True when the day is bounceback's guess, not the person's (a step added from a
    # rejection that shows the person got that far, dated the day the "no" came; the
    # "applied" entry of an application first seen in a later e-mail). Guessed days stay
    # out of timings until the person confirms or corrects them.
    date_guessed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["occurred_on", "id"]
        indexes = [models.Index(fields=["owner", "kind", "occurred_on"])]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.round:
            label = f"{label} (round {self.round})"
        return f"{label} on {self.occurred_on:%d %b %Y}"


class ContactRole(models.TextChoices):
    RECRUITER = "recruiter", "Recruiter"
    HIRING_MANAGER = "hiring_manager", "Hiring manager"
    INTERVIEWER = "interviewer", "Interviewer"
    REFERRER = "referrer", "Referrer"
    MENTOR = "mentor", "Mentor"
    OTHER = "other", "Other"


class Contact(Owned):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    role = models.CharField(
        max_length=20, choices=ContactRole.choices, default=ContactRole.RECRUITER
    )
    company = models.ForeignKey(
        Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts"
    )
    applications = models.ManyToManyField(Application, blank=True, related_name="contacts")
    notes = models.TextField(blank=True)
    keep_in_touch_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Get in touch every this many days. Empty: the usual rhythm for their role; 0: no reminders.",
    )
    last_contacted_on = models.DateField(null=True, blank=True)
    # A day the person picked for the next check-in ("not now"), instead of the rhythm once.
    next_check_in_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""
