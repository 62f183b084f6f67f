"""Filing a job e-mail on an application, sender rules, and answering the review queue.

Shared by the importer (automatic filing) and the review views (the person's answer),
so an e-mail is filed the same way whoever decided where it goes.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from bounceback.applications.models import Application, EventKind
from bounceback.applications.services import (
    MAX_SEARCH_CHARS,
    add_application,
    record_event,
    search,
)
from bounceback.errors import UserError
from bounceback.lib.companies import company_key, role_key
from bounceback.lib.mail.dates import MailEvent, find_events
from bounceback.lib.mail.extract import domain_of, is_ats_domain, registrable
from bounceback.lib.mail.senders import FREEMAIL_DOMAINS
from bounceback.mailbox.learning import forget_everything, remember_example
from bounceback.mailbox.models import (
    ImportedMessage,
    Label,
    LabelCorrection,
    LearnedExample,
    Outcome,
    ReviewItem,
    ReviewStatus,
    SenderRule,
)
from bounceback.recovery.dated import already_planned, propose_from_mail
from bounceback.recovery.models import Action, StageReached
from bounceback.recovery.services import furthest_stage, record_rejection

_EVENT_FOR_LABEL = {
    Label.INTERVIEW_INVITE: EventKind.INTERVIEW,
    Label.ASSESSMENT_INVITE: EventKind.ASSESSMENT,
    Label.OFFER: EventKind.OFFER,
}


@dataclass(frozen=True)
class Details:
    """What an e-mail says, in the shape the filing needs (from an Analysis or a ReviewItem)."""

    label: str
    sent_at: datetime | None
    subject: str = ""
    text: str = ""
    stage: str | None = None
    has_feedback: bool | None = None
    reapply_invite: bool | None = None
    contact_name: str | None = None

    @property
    def day(self) -> date:
        """The day it arrived, never in the future (a sender's clock can be wrong)."""
        today = timezone.localdate()
        if self.sent_at is None:
            return today
        return min(self.sent_at.date(), today)


def new_application(owner: User, company: str, role: str | None, details: Details) -> Application:
    """An application the person had not recorded, started on the e-mail's day.

    When the e-mail does not name the role, the role stays empty (never a placeholder
    stored as if it were data). Only an "application received" e-mail dates the
    application itself; any other (a rejection, an invitation) came later, so its day
    is marked as a guess.
    """
    return add_application(
        owner,
        company=company,
        role=(role or "").strip(),
        applied_on=details.day,
        applied_on_guessed=details.label != Label.APPLICATION_RECEIVED,
        source="e-mail",
        allow_blank_role=True,
    )


def file_on(application: Application, details: Details, *, asked: bool) -> bool:
    """Record what the e-mail says on the application; False when there is nothing new.

    ``asked``: the person confirmed it (in review); otherwise the import filed it by itself
    and a rejection shows what was read as a suggestion until they confirm it.
    """
    day = max(details.day, application.applied_on)
    note = f"From the e-mail “{details.subject}”" if details.subject else "From an e-mail"
    if details.label == Label.REJECTION:
        if hasattr(application, "rejection"):
            return False
        record_rejection(
            application,
            received_on=day,
            # What the e-mail reads like never lowers what the timeline already shows.
            stage_reached=furthest_stage(
                details.stage if details.stage in StageReached.values else StageReached.UNKNOWN,
                application,
            ),
            source_text=details.text[:20_000],
            has_feedback=bool(details.has_feedback),
            reapply_invite=bool(details.reapply_invite),
            contact_name=details.contact_name or "",
            filed_from_mail=True,
            confirmed=asked,
        )
        return True
    kind = _EVENT_FOR_LABEL.get(Label(details.label)) if details.label in Label.values else None
    events = find_events(details.text, details.sent_at, details.label)
    if kind is None:
        # A receipt or other job mail adds nothing to the timeline, but a first day named
        # in onboarding mail is still worth a suggested step.
        return bool(propose_dated(application, details, events))
    if already_planned(application, events):
        # A reschedule or a reminder: the step already ahead moves (or stays); the
        # timeline keeps its one entry for that interview or test.
        return bool(propose_dated(application, details, events))
    record_event(application, kind, occurred_on=day, note=note)
    propose_dated(application, details, events)
    return True


def propose_dated(
    application: Application, details: Details, events: list[MailEvent] | None = None
) -> list[Action]:
    """The interview time, deadline or reply-by day the e-mail names, proposed as steps."""
    if events is None:
        events = find_events(details.text, details.sent_at, details.label)
    return propose_from_mail(
        application,
        events,
        subject=details.subject,
        sent_on=details.sent_at.date() if details.sent_at else None,
    )


# --- sender rules ----------------------------------------------------------------


def sender_keys(from_addr: str, from_name: str) -> list[str]:
    """Rule keys that may apply to a sender, most specific first.

    An applicant-tracking system sends for many employers from one address, so
    there the display name ("Acme Recruiting") is part of the key; a freemail
    address is one person; any other domain is one employer.
    """
    addr = from_addr.lower().strip()
    if not addr:
        return []
    domain = domain_of(addr)
    keys = []
    if from_name.strip():
        keys.append(f"{addr}|{from_name.strip().lower()}")
    if not is_ats_domain(domain):
        keys.append(addr)
        if domain not in FREEMAIL_DOMAINS:
            keys.append(f"@{domain}")
    return keys


def sender_in_words(key: str, name: str = "") -> str:
    """A sender key as the person would say it, for "What I've learned from you".

    Reads the keys of ``sender_keys`` and of the personal layer (``personal.sender_of``,
    which keeps an employer's domain without the "@"):

    - ``noreply@smartrecruiters.com|ocean blue cruises`` -> "Ocean Blue Cruises (via
      smartrecruiters.com)": the employer, and the tracking system that wrote for them;
    - ``@wayne.example`` (or ``wayne.example``) -> "anyone at wayne.example";
    - ``jo@gmail.com`` -> "jo@gmail.com".

    ``name`` is the display name as the e-mail gave it, when it was kept: the key holds it
    in lower case, so without it the name is capitalised word by word. Given for a key
    that carries no name, it leads, with the key in brackets: "Wayne HR (wayne.example)".
    """
    name = name.strip()
    address, _, kept_name = key.partition("|")
    if kept_name:
        shown = name if name.lower() == kept_name else string.capwords(kept_name)
        domain = domain_of(address)
        if is_ats_domain(domain):
            return f"{shown} (via {registrable(domain)})"
        return f"{shown} ({address})"
    where = address.removeprefix("@")
    if name and name.lower() != where:
        return f"{name} ({where})"
    return where if "@" in where else f"anyone at {where}"


def rule_key(from_addr: str, from_name: str) -> str | None:
    """The key a correction is remembered under (the broadest that is still safe)."""
    keys = sender_keys(from_addr, from_name)
    return keys[-1] if keys else None


def find_rule(owner: User, from_addr: str, from_name: str) -> SenderRule | None:
    keys = sender_keys(from_addr, from_name)
    if not keys:
        return None
    rules = {r.sender: r for r in SenderRule.objects.filter(owner=owner, sender__in=keys)}
    return next((rules[k] for k in keys if k in rules), None)


def remember(owner: User, item: ReviewItem, application: Application) -> SenderRule | None:
    """Keep the person's answer so later mail from this sender is filed the same way."""
    key = rule_key(item.from_addr, item.from_name)
    if key is None:
        return None
    rule, _ = SenderRule.objects.update_or_create(
        owner=owner,
        sender=key,
        defaults={"company": application.company.name, "application": application},
    )
    return rule


def remember_label(owner: User, item: ReviewItem, label: str) -> LabelCorrection | None:
    """Keep that the person read this sender's mail differently, so the next one is asked about."""
    key = rule_key(item.from_addr, item.from_name)
    if key is None or label == item.label:
        return None
    correction, _ = LabelCorrection.objects.update_or_create(
        owner=owner, sender=key, was=item.label, defaults={"now": label}
    )
    return correction


def find_label_correction(
    owner: User, from_addr: str, from_name: str, label: str
) -> LabelCorrection | None:
    """The person's earlier correction of this sender's mail read as ``label``, if any."""
    keys = sender_keys(from_addr, from_name)
    if not keys:
        return None
    found = {
        c.sender: c for c in LabelCorrection.objects.filter(owner=owner, sender__in=keys, was=label)
    }
    return next((found[k] for k in keys if k in found), None)


def rule_application(rule: SenderRule, role: str | None) -> Application | None:
    """The rule's application, when the e-mail does not name a different role."""
    app = rule.application
    if app is None:
        return None
    if role and app.role and role_key(role) != role_key(app.role):
        return None
    return app


# --- the review queue ------------------------------------------------------------


PAGE_SIZE = 20


def open_items(
    owner: User, *, after: int | None = None, size: int = PAGE_SIZE
) -> tuple[list[ReviewItem], bool]:
    """A page of the queue, newest first, starting after the item ``after``; and whether more wait.

    Pages start after an item rather than at an offset: answering e-mails on the
    first page would otherwise shift the second one, and "Show more" would skip
    some. Undated mail comes last on every database (NULLs sort differently in
    SQLite and PostgreSQL).
    """
    items = ReviewItem.objects.filter(owner=owner, status=ReviewStatus.OPEN).order_by(
        F("sent_at").desc(nulls_last=True), "-id"
    )
    if after is not None:
        last = ReviewItem.objects.filter(owner=owner, pk=after).values("sent_at", "id").first()
        if last is not None:
            items = items.filter(_later_than(last["sent_at"], last["id"]))
    page = list(
        items.select_related("message", "owner").prefetch_related("candidates__company")[: size + 1]
    )
    return page[:size], len(page) > size


def _later_than(sent_at: datetime | None, pk: int) -> Q:
    """Items after (sent_at, pk) in the queue's order."""
    if sent_at is None:
        return Q(sent_at__isnull=True, id__lt=pk)
    return Q(sent_at__lt=sent_at) | Q(sent_at=sent_at, id__lt=pk) | Q(sent_at__isnull=True)


def open_count(owner: User) -> int:
    return ReviewItem.objects.filter(owner=owner, status=ReviewStatus.OPEN).count()


def learned(owner: User) -> list[SenderRule]:
    """What the person's corrections taught bounceback, one rule per sender."""
    return list(SenderRule.objects.filter(owner=owner).select_related("application__company"))


def learned_labels(owner: User) -> list[LabelCorrection]:
    """Senders whose mail the person read differently from bounceback, one line per label."""
    return list(LabelCorrection.objects.filter(owner=owner))


def learned_count(owner: User) -> int:
    """How many things "What I've learned from you" lists."""
    return (
        SenderRule.objects.filter(owner=owner).count()
        + LabelCorrection.objects.filter(owner=owner).count()
        + LearnedExample.objects.filter(owner=owner).count()
    )


@transaction.atomic
def forget_all(owner: User) -> int:
    """Forget everything learned from the person: examples, sender rules, label notes.
    What was already filed stays where it is. Returns how many things were forgotten."""
    examples = forget_everything(owner)
    rules, _ = SenderRule.objects.filter(owner=owner).delete()
    labels, _ = LabelCorrection.objects.filter(owner=owner).delete()
    return examples + rules + labels


def forget(rule: SenderRule) -> None:
    """Drop a learned rule: later mail from that sender is recognised afresh (nothing filed moves)."""
    rule.delete()


def item_details(item: ReviewItem, label: str | None = None) -> Details:
    return Details(
        label=label or item.label,
        sent_at=item.sent_at,
        subject=item.subject,
        text=item.text,
        stage=item.stage or None,
        has_feedback=item.has_feedback,
        reapply_invite=item.reapply_invite,
        contact_name=item.contact_name or None,
    )


RECENT_CHOICES = 10
FOUND_CHOICES = 30


def all_applications(owner: User) -> list[Application]:
    """The person's applications, newest first: read once for every e-mail on a page."""
    return list(Application.objects.filter(owner=owner).select_related("company"))


def likely_applications(
    item: ReviewItem, applications: list[Application], recent: int = RECENT_CHOICES
) -> tuple[list[Application], list[Application]]:
    """What an e-mail is most likely about: its candidates and its company's applications,
    then the most recent others (``applications`` newest first)."""
    key = company_key(item.company)
    candidates = {a.pk for a in item.candidates.all()}
    likely = [a for a in applications if a.pk in candidates or (key and a.company.key == key)]
    chosen = {a.pk for a in likely}
    return likely, [a for a in applications if a.pk not in chosen][:recent]


def find_applications(owner: User, text: str) -> list[Application]:
    """The person's applications matching a few typed words (company or role)."""
    return list(search(owner, text[:MAX_SEARCH_CHARS])[:FOUND_CHOICES])


def proposed_application(item: ReviewItem) -> Application | None:
    """The one application the proposal points to, if there is exactly one."""
    candidates = list(item.candidates.all())
    return candidates[0] if len(candidates) == 1 else None


@transaction.atomic
def confirm(item: ReviewItem) -> Application | None:
    """Accept bounceback's proposal as it stands."""
    if item.label == Label.NOT_JOB:
        dismiss(item)
        return None
    application = proposed_application(item)
    if application is None:
        if item.candidates.exists():
            raise UserError("More than one application could fit. Pick the right one below.")
        if not item.company:
            raise UserError("The e-mail does not name the company. Choose the application below.")
        application = new_application(item.owner, item.company, item.role, item_details(item))
        created = True
    else:
        created = False
    _resolve(item, application, item_details(item), ReviewStatus.CONFIRMED, created)
    remember_example(item, item.label)
    return application


@transaction.atomic
def correct(
    item: ReviewItem,
    *,
    label: str,
    application: Application | None = None,
    company: str = "",
    role: str = "",
    keep_rule: bool = True,
) -> Application | None:
    """File the e-mail the way the person says, and remember it for this sender."""
    if label == Label.NOT_JOB:
        dismiss(item, learn=keep_rule)
        return None
    if label not in Label.values:
        raise UserError(f"'{label}' is not a kind of e-mail bounceback knows.")
    details = item_details(item, label)
    created = application is None
    if application is None:
        if not company.strip():
            raise UserError("Pick an application, or give the company to add a new one.")
        application = new_application(item.owner, company, role, details)
    elif application.owner_id != item.owner_id:
        raise UserError("That application is not yours.")
    _resolve(item, application, details, ReviewStatus.CORRECTED, created)
    if keep_rule:
        remember(item.owner, item, application)
        remember_label(item.owner, item, label)
        remember_example(item, label)
    return application


def dismiss(item: ReviewItem, *, learn: bool = True) -> None:
    """Not job mail after all: nothing is filed (and the sender's next job-like mail is asked
    about). ``learn``: keep the answer as an example for the personal layer too."""
    if item.label != Label.NOT_JOB:
        remember_label(item.owner, item, Label.NOT_JOB)
    if learn:
        remember_example(item, Label.NOT_JOB)
    item.status = ReviewStatus.DISMISSED
    item.resolved_at = timezone.now()
    item.save(update_fields=["status", "resolved_at"])
    ImportedMessage.objects.filter(pk=item.message_id).update(
        outcome=Outcome.SKIPPED, label=Label.NOT_JOB
    )


def _resolve(
    item: ReviewItem,
    application: Application,
    details: Details,
    status: str,
    created: bool,
) -> None:
    if not item.is_open:
        raise UserError("This e-mail has already been filed.")
    filed = file_on(application, details, asked=True)
    item.status = status
    item.application = application
    item.resolved_at = timezone.now()
    item.save(update_fields=["status", "application", "resolved_at"])
    ImportedMessage.objects.filter(pk=item.message_id).update(
        application=application,
        label=details.label,
        outcome=Outcome.CREATED if created else Outcome.UPDATED if filed else Outcome.SKIPPED,
    )
