"""`bounceback import`: file what triage found on the right applications, or ask.

Rules, in order of how costly a mistake is:

* Not-job mail is not stored at all.
* Each job e-mail is processed once (``ImportedMessage``, keyed on the normalised
  Message-ID or the raw hash), and all of its writes happen in one transaction,
  so a second run, or a run after a kill mid-import, changes nothing twice.
* What the analyser read is a suggestion. It is filed without asking only when the
  analyser is at least ``AUTO_FILE_AT`` sure *and* filing it changes nothing that is
  hard to take back. Otherwise the e-mail waits in the review queue with the reason in
  plain words: no company, two candidate applications, a company that only looks
  similar, a role that differs, and (``guard``) anything destructive — a "no" on an
  application at the offer stage or already closed, news on an application that has
  ended, a sender whose mail the person corrected before, a sender filed under another
  company than the one the e-mail names. Filing a rejection under the wrong application
  is worse than asking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from bounceback.applications.models import Application, Stage, Status
from bounceback.applications.services import match_application
from bounceback.errors import UserError
from bounceback.lib.companies import SIMILAR, similarity
from bounceback.lib.mail.message import Analysis, MailMessage
from bounceback.lib.mail.policy import AUTO_FILE_AT
from bounceback.lib.mail.reader import ParseProblem
from bounceback.lib.mail.triage import Analysed, analysed
from bounceback.mailbox.learning import personal_model
from bounceback.mailbox.models import ImportedMessage, Label, Outcome, ReviewItem, SenderRule
from bounceback.mailbox.originals import keep_late_original, keep_original, without_original
from bounceback.mailbox.services import (
    Details,
    file_on,
    find_label_correction,
    find_rule,
    new_application,
    rule_application,
)
from bounceback.recovery.models import DATED_KINDS, Action, ActionStatus

# The one threshold, kept with the recogniser's others: below it, nothing the analyser read
# is filed without asking. Chosen on the labelled mail so that fewer than 1 in 100 fillings
# above it is wrong (lib/mail/policy.py says how).


def aware(moment: datetime | None) -> datetime | None:
    """A Date: header without a zone ("-0000") is taken as UTC rather than local time."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


@dataclass
class ImportReport:
    total: int = 0  # messages read
    created: int = 0  # new applications
    updated: int = 0  # existing applications with something new
    queued: int = 0  # waiting in the review queue
    skipped: int = 0  # job mail with nothing new to record
    duplicates: int = 0  # already imported before
    not_job: int = 0
    dated: int = 0  # interview times, deadlines and reply-by days proposed on Today
    problems: list[str] = field(default_factory=list)  # one line per unreadable message

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "queued": self.queued,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "not_job": self.not_job,
            "dated_events_proposed": self.dated,
            "unreadable": len(self.problems),
            "problems": self.problems,
        }

    def count(self, outcome: str) -> None:
        setattr(self, str(outcome), getattr(self, str(outcome)) + 1)


@dataclass(frozen=True)
class Decision:
    application: Application | None = None
    company: str | None = None  # the company it is about (a new application's, if no match)
    review: str | None = None  # why to ask instead
    candidates: tuple[Application, ...] = ()


def import_mailbox(
    owner: User, path: Path | str, *, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Import every message of a mailbox file or folder (see ``reader.detect``)."""
    # The person's answers in Mail review weigh in on how their mail is read.
    items = analysed(path, progress=progress, personal=personal_model(owner))
    return import_items(owner, items, source=str(path))


def import_items(
    owner: User, items: Iterable[Analysed | ParseProblem], *, source: str = ""
) -> ImportReport:
    report = ImportReport()
    seen = set(ImportedMessage.objects.filter(owner=owner).values_list("dedupe_key", flat=True))
    bare = without_original(owner)  # imported before bounceback kept the e-mails themselves
    proposed = _proposed_dated(owner)
    for item in items:
        report.total += 1
        if isinstance(item, ParseProblem):
            report.problems.append(item.line())
            continue
        if item.analysis.label == "not_job":
            report.not_job += 1
            continue
        key = item.message.dedupe_key
        if key in seen:
            if key in bare and item.parsed.original:
                keep_late_original(owner, key, item.parsed.original, item.message.text)
                bare.discard(key)
            report.duplicates += 1
            continue
        try:
            with transaction.atomic():
                outcome = import_one(
                    owner, item.message, item.analysis, source, original=item.parsed.original
                )
        except IntegrityError:  # imported meanwhile by another run
            outcome = "duplicates"
        seen.add(key)
        report.count(outcome)
    report.dated = _proposed_dated(owner) - proposed
    return report


def _proposed_dated(owner: User) -> int:
    return Action.objects.filter(
        owner=owner, kind__in=DATED_KINDS, status=ActionStatus.PROPOSED
    ).count()


def import_one(
    owner: User,
    msg: MailMessage,
    analysis: Analysis,
    source: str = "",
    *,
    original: bytes | None = None,
) -> str:
    """File one job e-mail (call inside a transaction); returns the Outcome value.

    ``original``: the e-mail's bytes as they arrived, kept for the person's export."""
    details = Details(
        label=analysis.label,
        sent_at=msg.date,
        subject=msg.subject,
        text=msg.text,
        stage=analysis.stage,
        has_feedback=analysis.has_feedback,
        reapply_invite=analysis.reapply_invite,
        contact_name=analysis.contact_name,
    )
    decision = decide(owner, msg, analysis)
    application = decision.application
    outcome = Outcome.SKIPPED
    if decision.review is None:
        try:
            with transaction.atomic():
                if application is None and decision.company:
                    application = new_application(owner, decision.company, analysis.role, details)
                    file_on(application, details, asked=False)
                    outcome = Outcome.CREATED
                elif application is not None:
                    outcome = (
                        Outcome.UPDATED
                        if file_on(application, details, asked=False)
                        else Outcome.SKIPPED
                    )
        except UserError as error:
            decision = Decision(review=str(error), candidates=decision.candidates)
            application = None
    record = ImportedMessage.objects.create(
        owner=owner,
        dedupe_key=msg.dedupe_key,
        message_id=msg.message_id or "",
        raw_hash=msg.raw_hash,
        sent_at=aware(msg.date),
        from_addr=msg.from_addr[:320],
        subject=msg.subject[:500],
        label=analysis.label,
        confidence=analysis.confidence,
        outcome=Outcome.QUEUED if decision.review else outcome,
        application=application,
        source=source[:300],
    )
    if original:
        keep_original(record, original, msg.text)
    if decision.review:
        _queue(record, msg, analysis, decision)
        return Outcome.QUEUED
    return outcome


def decide(owner: User, msg: MailMessage, analysis: Analysis) -> Decision:
    """Where the e-mail goes: an application, a new one, or the review queue (and why)."""
    rule = find_rule(owner, msg.from_addr, msg.from_name)
    company = rule.company if rule else analysis.company
    if analysis.label == "other_job":
        # Job mail that changes nothing on a timeline (a recruiter's note, "another role
        # might suit you"): worth a look only when it is about one of the person's applications.
        match = match_application(owner, company or "")
        if match.application or match.candidates:
            return Decision(
                review="A job e-mail about one of your applications that is not a rejection "
                "or an invitation. Is there something to record?",
                candidates=match.candidates,
                company=company,
            )
        return Decision()
    if analysis.confidence < AUTO_FILE_AT or analysis.review_reason:
        return Decision(
            review=analysis.review_reason or "bounceback was not sure what this e-mail says.",
            candidates=match_application(owner, company or "", analysis.role).candidates,
            company=company,
        )
    if not company:
        return Decision(review="The e-mail does not say which company it is from.")
    corrected = find_label_correction(owner, msg.from_addr, msg.from_name, analysis.label)
    if corrected is not None:
        return Decision(
            review=f"It reads like {_label_words(analysis.label)}, but last time mail from this "
            f"sender read that way you said it was {_label_words(corrected.now)}.",
            candidates=match_application(owner, company, analysis.role).candidates,
            company=company,
        )
    if rule and analysis.company and similarity(rule.company, analysis.company) < SIMILAR:
        # The sender's mail usually goes under one company; filing it there although it
        # names another would quietly merge the two.
        return Decision(
            review=f"Mail from this sender usually goes under {rule.company}, but this one "
            f"names {analysis.company}.",
            candidates=match_application(owner, analysis.company, analysis.role).candidates,
            company=analysis.company,
        )
    chosen = decide_application(owner, rule, company, analysis)
    if chosen.application is not None:
        reason = guard(chosen.application, analysis.label)
        if reason:
            return Decision(review=reason, candidates=(chosen.application,), company=company)
    return chosen


def decide_application(
    owner: User, rule: SenderRule | None, company: str, analysis: Analysis
) -> Decision:
    """The application a sure, named e-mail belongs to; a new one; or why to ask."""
    if rule is not None:
        known = rule_application(rule, analysis.role)
        if known:
            return Decision(application=known)
    match = match_application(owner, company, analysis.role)
    if match.certain and match.application:
        return Decision(application=match.application)
    if match.candidates:
        names = {a.company.name for a in match.candidates}
        reason = (
            f"More than one application at {company} could fit."
            if len(match.candidates) > 1
            else f"The company name is close to {', '.join(sorted(names))} but not the same."
            if company.lower() not in {n.lower() for n in names}
            else f"The role in the e-mail does not match your application at {company}."
        )
        return Decision(review=reason, candidates=match.candidates, company=company)
    return Decision(company=company)


def guard(application: Application, label: str) -> str | None:
    """Why filing this e-mail on this application must wait for the person, or None.

    Never on a guess: taking an application out of an offer (or out of a job accepted or an
    application withdrawn), or changing one that has ended, where the e-mail may well be
    about another application (a bulk "the vacancy has been filled" from the same employer).
    """
    if label == Label.APPLICATION_RECEIVED:
        return None  # a receipt changes nothing on an application that exists
    where = f"your application for {application.role_or_placeholder} at {application.company.name}"
    if label == Label.REJECTION:
        if application.status in (Status.OFFER, Status.ACCEPTED) or (
            application.stage == Stage.OFFER and application.is_open
        ):
            return (
                f"It reads like a “not selected” notice, but {where} is at the offer stage. "
                "bounceback never takes an offer away on a guess: is this e-mail really about it?"
            )
        if application.status == Status.WITHDRAWN:
            return (
                f"It reads like a “not selected” notice, but you withdrew {where}. "
                "Is this e-mail about it, or about another application?"
            )
    if not application.is_open and application.status != Status.GHOSTED:
        return (
            f"It reads like {_label_words(label)}, but {where} has ended "
            f"({application.get_status_display().lower()}). Is it about that one, "
            "or about a new application?"
        )
    return None


_LABEL_WORDS = {
    Label.REJECTION: "a “not selected” notice",
    Label.INTERVIEW_INVITE: "an interview invitation",
    Label.OFFER: "a job offer",
    Label.APPLICATION_RECEIVED: "a confirmation that your application arrived",
    Label.ASSESSMENT_INVITE: "an invitation to a test or task",
    Label.OTHER_JOB: "other job-search mail",
    Label.NOT_JOB: "mail that isn't about your job search",
}


def _label_words(label: str) -> str:
    return _LABEL_WORDS.get(Label(label), "job-search mail") if label in Label.values else label


def _queue(
    record: ImportedMessage, msg: MailMessage, analysis: Analysis, decision: Decision
) -> None:
    item = ReviewItem.objects.create(
        owner=record.owner,
        message=record,
        from_name=msg.from_name[:300],
        from_addr=msg.from_addr[:320],
        subject=msg.subject[:500],
        sent_at=aware(msg.date),
        text=msg.text[:50_000],
        html=(msg.html or "")[:200_000],
        label=analysis.label,
        confidence=analysis.confidence,
        company=(decision.company or analysis.company or "")[:200],
        role=(analysis.role or "")[:200],
        contact_name=(analysis.contact_name or "")[:200],
        stage=analysis.stage or "",
        has_feedback=analysis.has_feedback,
        reapply_invite=analysis.reapply_invite,
        evidence=list(analysis.evidence)[:10],
        reason=(decision.review or "")[:300],
    )
    if decision.candidates:
        item.candidates.set(decision.candidates)
