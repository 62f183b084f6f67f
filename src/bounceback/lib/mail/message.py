"""The shapes passed between the mailbox reader, the analyser and the importer.

This module is the contract between ``reader`` (bytes -> MailMessage) and
``analysis`` (MailMessage -> Analysis); keep it small and dependency-free.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Literal

Label = Literal[
    "rejection",
    "interview_invite",
    "offer",
    "application_received",
    "assessment_invite",
    "other_job",
    "not_job",
]
LABELS: tuple[Label, ...] = (
    "rejection",
    "interview_invite",
    "offer",
    "application_received",
    "assessment_invite",
    "other_job",
    "not_job",
)

# How far the candidate had got when rejected.
RejectionStage = Literal["application", "screen", "interview", "final", "unknown"]
REJECTION_STAGES: tuple[RejectionStage, ...] = (
    "application",
    "screen",
    "interview",
    "final",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class MailMessage:
    """One e-mail, decoded: what the analyser and the importer need, nothing more."""

    message_id: str | None  # normalised: no angle brackets, stripped; None when missing
    date: datetime | None  # timezone-aware when the header had a zone
    from_name: str  # display name of the sender ("" if none)
    from_addr: str  # lower-cased address ("" if none)
    subject: str
    text: str  # the best plain-text body: text/plain preferred, else HTML turned into text
    html: str | None = None  # the raw HTML part, if any; only ever shown after nh3 sanitising
    to: str = ""
    headers: dict[str, str] = field(
        default_factory=dict
    )  # a few useful extra headers, lower-case keys
    raw_hash: str = ""  # sha256 hex of the raw bytes: the dedupe key when message_id is missing

    @property
    def dedupe_key(self) -> str:
        return f"mid:{self.message_id.lower()}" if self.message_id else f"sha:{self.raw_hash}"


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analyser decided about one message. Fields that do not apply are None."""

    label: Label
    confidence: float  # 0..1; below policy.AUTO_FILE_AT the importer asks the person
    company: str | None = None
    role: str | None = None
    contact_name: str | None = None
    stage: RejectionStage | None = None  # rejections only
    # rejections only: something specific about how this candidate was judged, not a formula
    has_feedback: bool | None = None
    # rejections only: the employer asks them to apply again, or will keep them in mind for
    # a named kind of role ("we keep CVs on file" is not an invitation)
    reapply_invite: bool | None = None
    evidence: tuple[str, ...] = ()  # short phrases that drove the decision, for "why?" in the UI
    # rejections only: the reason lay outside the candidate's hands (role cancelled, hiring
    # freeze, filled internally) - the reflection then helps let go rather than fix.
    outside_control: bool | None = None
    # rejections only: the wait the employer names before applying again ("you may reapply
    # after 12 months" -> 12); None when it names none.
    reapply_after_months: int | None = None
    # Why a person should look before anything is filed, in words for them ("I can't read
    # this language well"); None when the analyser has no particular reason.
    review_reason: str | None = None
    language: str | None = None  # ISO 639-1 code of the body ("en", "fr"), None if unknown

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["evidence"] = list(self.evidence)
        return data
