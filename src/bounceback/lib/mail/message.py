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
    confidence: float  # 0..1, calibrated-ish: below ~0.6 the importer asks the user
    company: str | None = None
    role: str | None = None
    contact_name: str | None = None
    stage: RejectionStage | None = None  # rejections only
    has_feedback: bool | None = None  # rejections only: gives actual reasons, not a formula
    reapply_invite: bool | None = (
        None  # rejections only: invites future applications / keeps CV on file
    )
    evidence: tuple[str, ...] = ()  # short phrases that drove the decision, for "why?" in the UI
    # rejections only: the reason lay outside the candidate's hands (role on hold or cancelled,
    # hiring freeze, filled internally) - the reflection then helps let go rather than fix.
    outside_control: bool | None = None

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["evidence"] = list(self.evidence)
        return data
