"""The one door between the recovery flow and the e-mail analyser.

Everything the flow needs from ``bounceback.lib.mail`` goes through here, so the
analyser can change (or be missing) without touching views, services or the CLI.
When it cannot be imported, a small built-in guess keeps capture working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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

    @property
    def not_a_rejection(self) -> str | None:
        """'an interview invitation' etc. when the text is clearly something else, else None."""
        if self.label != "rejection" and self.confidence >= SURE_ENOUGH:
            return _NOT_A_REJECTION.get(self.label, "something other than a rejection")
        return None


def analyse(text: str) -> Guess:
    """Read a pasted e-mail (or the person's own words) into a Guess."""
    if not text.strip():
        return Guess()
    try:
        from bounceback.lib.mail.analysis import analyze_text
    except ImportError:  # the analyser is optional; capture must work without it
        return _fallback(text)
    found = analyze_text(text)
    return Guess(
        label=found.label,
        confidence=found.confidence,
        company=found.company or "",
        role=found.role or "",
        contact_name=found.contact_name or "",
        stage=found.stage or "unknown",
        has_feedback=bool(found.has_feedback),
        reapply_invite=bool(found.reapply_invite),
        outside_control=bool(found.outside_control),
        evidence=tuple(found.evidence),
    )


def gives_reasons(text: str) -> bool:
    """True when an employer's reply holds actual reasons rather than a polite formula."""
    try:
        from bounceback.lib.mail.analysis_rejection import rejection_details
    except ImportError:
        return _fallback_reasons(text)
    return rejection_details("", text).has_feedback or _fallback_reasons(text)


# --- built-in fallback: a few plain phrases, used only when the analyser is absent ---

_REJECT = re.compile(
    r"unfortunately|not (?:be )?(?:moving|progressing|proceeding) forward|other candidates|"
    r"not been successful|unsuccessful|decided not to|another candidate|regret",
    re.I,
)
_INVITE = re.compile(r"invite you to (?:an )?interview|schedule (?:an|a) (?:interview|call)", re.I)
_STAGE = [
    (
        "final",
        re.compile(r"final (?:round|stage|interview)|last (?:two|three|few) candidates", re.I),
    ),
    ("interview", re.compile(r"interview", re.I)),
    ("screen", re.compile(r"(?:phone|screening) call|speak(?:ing)? with me|our call", re.I)),
]
_REAPPLY = re.compile(
    r"apply (?:again|for future)|future (?:openings|roles|vacancies)|keep your (?:cv|details)", re.I
)
_COMPANY = re.compile(r"\b(?:at|with|from|join) ([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})")
_ROLE = re.compile(r"\bfor the ([A-Z][\w ()/-]{2,60}?) (?:role|position)\b")
_REASONS = re.compile(
    r"\b(?:because|felt (?:that|your)|looking for more|lacked|stronger in|would benefit|"
    r"where you lost|depth in|experience (?:with|in) \w+)",
    re.I,
)


def _fallback(text: str) -> Guess:
    if _INVITE.search(text) and not _REJECT.search(text):
        return Guess(label="interview_invite", confidence=0.7)
    stage = next((name for name, pattern in _STAGE if pattern.search(text)), "unknown")
    company = _COMPANY.search(text)
    role = _ROLE.search(text)
    return Guess(
        label="rejection",
        confidence=0.7 if _REJECT.search(text) else 0.4,
        company=company.group(1) if company else "",
        role=role.group(1) if role else "",
        stage=stage,
        has_feedback=_fallback_reasons(text),
        reapply_invite=bool(_REAPPLY.search(text)),
    )


def _fallback_reasons(text: str) -> bool:
    return bool(_REASONS.search(text))
