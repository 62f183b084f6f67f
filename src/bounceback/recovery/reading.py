"""Reading a pasted rejection: the one door between the recovery flow and the e-mail analyser.

Everything the flow needs from ``bounceback.lib.mail`` goes through here, so the
analyser can change without touching views, services or the CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.parser import HeaderParser
from email.utils import parseaddr, parsedate_to_datetime
from typing import Any

from bounceback.lib.mail.analysis import analyse_text
from bounceback.lib.mail.dates import find_events
from bounceback.lib.mail.extract import domain_of, is_ats_domain, is_no_reply, looks_like_person
from bounceback.lib.mail.rejection import rejection_details

# Labels that clearly mean "this is not a rejection", and how to say so kindly.
_NOT_A_REJECTION = {
    "interview_invite": "an interview invitation",
    "offer": "a job offer",
    "application_received": "a confirmation that they received your application",
    "assessment_invite": "an invitation to an assessment",
    "other_job": "an invitation to talk about a different role",
    "not_job": "something other than a reply about a job",
}
SURE_ENOUGH = 0.6  # the analyser's own review threshold
# Good news that belongs on the timeline, as the timeline names it.
TIMELINE_STEP = {
    "interview_invite": "interview",
    "offer": "offer",
    "assessment_invite": "assessment",
}


@dataclass(frozen=True)
class Guess:
    """What we could read from a pasted text. Every field is a suggestion the person can correct."""

    label: str = "rejection"
    confidence: float = 0.0
    company: str = ""
    role: str = ""
    contact_name: str = ""
    stage: str = "unknown"
    has_feedback: bool = False
    reapply_invite: bool = False
    outside_control: bool = False
    evidence: tuple[str, ...] = field(default_factory=tuple)
    heard_on: date | None = None  # the e-mail's own Date:, when it has one that makes sense
    contact_email: str = ""  # the sender's address, only when it is a person's

    @property
    def timeline_step(self) -> str | None:
        """The timeline step this good news stands for ('interview', 'offer'...), if any."""
        return TIMELINE_STEP.get(self.label) if self.not_a_rejection else None

    @property
    def not_a_rejection(self) -> str | None:
        """'an interview invitation' etc. when the text is clearly something else, else None."""
        if self.label != "rejection" and self.confidence >= SURE_ENOUGH:
            return _NOT_A_REJECTION.get(self.label, "something other than a rejection")
        return None


def read_pasted(text: str) -> Guess:
    """Read a pasted e-mail (or the person's own words) into a Guess."""
    if not text.strip():
        return Guess()
    headers = read_headers(text)
    found = analyse_text(text)
    return Guess(
        label=found.label,
        confidence=found.confidence,
        company=found.company or "",
        role=found.role or "",
        contact_name=found.contact_name or _person_name(headers.person_name),
        stage=found.stage or "unknown",
        has_feedback=bool(found.has_feedback),
        reapply_invite=bool(found.reapply_invite),
        outside_control=bool(found.outside_control),
        evidence=tuple(found.evidence),
        heard_on=headers.day,
        contact_email=headers.person_email if _same_person(found.contact_name, headers) else "",
    )


@dataclass(frozen=True)
class MailHeaders:
    """The few header lines capture uses: when the e-mail came, and who sent it."""

    day: date | None = None
    person_name: str = ""  # the sender, only when the address is a person's
    person_email: str = ""


_HEADER_START = re.compile(r"^\s*(?:[\w-]+:[^\n]*\n)+", re.ASCII)
_LOOSE_DATE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<mon>[A-Za-z]{3})[a-z]*\.?,?\s+(?P<year>\d{4})"
    r"|(?P<mon2>[A-Za-z]{3})[a-z]*\.?\s+(?P<day2>\d{1,2}),?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
)


def read_headers(text: str, today: date | None = None) -> MailHeaders:
    """Date: and From: from the top of an .eml file or a paste that kept its header lines.

    A date in the future (a wrong clock, a typo) is ignored rather than trusted.
    """
    top = text.lstrip()
    if not _HEADER_START.match(top):
        return MailHeaders()
    fields = HeaderParser().parsestr(top)
    day = _parse_day(str(fields.get("Date", "") or ""))
    if day is not None and day > (today or date.today()):
        day = None
    name, address = parseaddr(str(fields.get("From", "") or ""))
    if not address or "@" not in address or not _is_person_address(address):
        return MailHeaders(day=day)
    return MailHeaders(day=day, person_name=name.strip().strip('"'), person_email=address.lower())


def _parse_day(value: str) -> date | None:
    value = " ".join(value.split())
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = _LOOSE_DATE.search(value)  # pasted from a mail program: "Wed, Apr 3, 2024 at 10:12"
    if not found:
        return None
    if found.group("iso"):
        text, pattern = found.group("iso"), "%Y-%m-%d"
    elif found.group("day"):
        text, pattern = f"{found['day']} {found['mon']} {found['year']}", "%d %b %Y"
    else:
        text, pattern = f"{found['day2']} {found['mon2']} {found['year2']}", "%d %b %Y"
    try:
        return datetime.strptime(text, pattern).date()
    except ValueError:
        return None


def _is_person_address(address: str) -> bool:
    """False for no-reply mailboxes and applicant-tracking systems, whose replies reach no one."""
    return not is_no_reply(address) and not is_ats_domain(domain_of(address))


def _person_name(name: str) -> str:
    """The sender's display name, only when it reads like a person ("Kate Moran", not "Acme Careers")."""
    if not name:
        return ""
    return name if looks_like_person(name) else ""


def _same_person(name: str | None, headers: MailHeaders) -> bool:
    """The sender's address belongs to the contact when no other name was read from the mail."""
    if not headers.person_email:
        return False
    if not name or not headers.person_name:
        return True
    return name.split()[0].lower() == headers.person_name.split()[0].lower()


def read_dates(text: str, heard_on: date | None, label: str) -> list[Any]:
    """Dated events in a pasted e-mail (lib/mail/dates.py), counted from the day it came."""
    return list(find_events(text, heard_on, label))


def gives_reasons(text: str) -> bool:
    """True when an employer's reply holds actual reasons rather than a polite formula."""
    return rejection_details("", text).has_feedback or bool(_REASONS.search(text))


# Reasons the analyser's feedback rule may miss ("we felt that...", "lacked depth in...").
_REASONS = re.compile(
    r"\b(?:because|felt (?:that|your)|looking for more|lacked|stronger in|would benefit|"
    r"where you lost|depth in|experience (?:with|in) \w+)",
    re.I,
)
