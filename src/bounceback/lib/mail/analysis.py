"""Recognising job-search e-mail: its label and confidence, company, role, contact, and
what a rejection says. This module is the pipeline and the public face; each step lives
in its own module, the way talon keeps an e-mail classifier:

1. **Header prefilter** (``is_clearly_unrelated``): sender and subject only, so the
   reader can skip decoding mail that is certainly not job mail.
2. **Fast paths**: a body with no job word at all, or one weak job word and no phrase
   cue, is not job mail (most of a mailbox ends here).
3. **Features** (``features``): words, phrase cues (``cues``, lists in ``data/``), the
   sender, the shape and language of the mail.
4. **Model** (``classifier``): a linear model trained offline
   (``scripts/train_mail_model.py``) turns the features into probabilities.
5. **Policy** (``policy``): every threshold, and a short table of named overrides where
   a person would plainly read the mail otherwise.
6. **Fields**: company (``company``), role and contact (``fields``), and for a
   rejection how far they got, feedback, an invitation to reapply (``rejection``).

How well it does is measured by ``evaluation`` (``scripts/evaluate_mail.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bounceback.lib.mail import personal as personal_layer
from bounceback.lib.mail import policy
from bounceback.lib.mail.classifier import Model, load_model
from bounceback.lib.mail.company import extract_company
from bounceback.lib.mail.cues import BY_NAME
from bounceback.lib.mail.extract import (
    clean_text,
    domain_of,
    is_ats_domain,
    is_no_reply,
    is_placeholder,
    parse_address,
    parse_header_block,
    registrable,
)
from bounceback.lib.mail.features import Features, Prepared, extract, prepare
from bounceback.lib.mail.fields import extract_contact, extract_role
from bounceback.lib.mail.language import UNKNOWN
from bounceback.lib.mail.message import LABELS, Analysis, Label, MailMessage
from bounceback.lib.mail.rejection import rejection_details
from bounceback.lib.mail.senders import (
    ATS_DOMAINS,
    FREEMAIL_DOMAINS,
    JOB_BOARD_DOMAINS,
    NON_JOB_DOMAINS,
)
from bounceback.lib.mail.vocabulary import (
    AGENCY_DOMAIN_RE,
    AGENCY_NAME_RE,
    JOB_BODY_RE,
    JOB_HEADER_RE,
    NON_JOB_SUBJECT_RE,
    WEAK_JOB_STEMS,
)

__all__ = [
    "analyse",
    "analyse_many",
    "analyse_text",
    "is_clearly_unrelated",
    "prepare",
]

LIST_HEADERS = ("list-id", "list-post")
# "applying to Northgate Mortgage": applying to a named organisation is a job application,
# whatever the organisation's name says.
_APPLIED_TO_NAME = re.compile(
    r"\b(?i:appl(?:y|ied|ying)|application) (?i:to|at|with) (?:[A-Z]|us\b)"
)


@dataclass(frozen=True, slots=True)
class _Pending:
    index: int
    prep: Prepared
    features: Features


def _job_text(prep: Prepared) -> str:
    return f"{prep.head}\n{prep.from_name}".lower()


def _fast_path(prep: Prepared) -> Analysis | None:
    """Not job mail, decided before any feature is computed: no job word at all."""
    if prep.from_addr and is_ats_domain(domain_of(prep.from_addr)):
        return None
    if prep.forwarded or JOB_BODY_RE.search(_job_text(prep)):
        return None
    return Analysis("not_job", policy.NO_JOB_WORDS_CONFIDENCE, evidence=("no job-search words",))


def _quietly_not_job(prep: Prepared, features: Features) -> bool:
    """No job cue at all and at most one weak job word ("offer" in a sale, "role" in a
    club): not job mail, and the model need not be asked."""
    if prep.forwarded or (prep.from_addr and is_ats_domain(domain_of(prep.from_addr))):
        return False
    if any(BY_NAME[name].hint != "not_job" for name in features.cues.found):
        return False
    stems = set(JOB_BODY_RE.findall(_job_text(prep)))
    return stems <= WEAK_JOB_STEMS and len(stems) <= 1


def _cue_probabilities(features: Features) -> dict[Label, float]:
    """Without a trained model: a softmax over the cues' hints, not job mail the prior."""
    logits = dict.fromkeys(LABELS, 0.0)
    logits["not_job"] = 1.0
    for name in features.cues.found:
        cue = BY_NAME[name]
        logits[cue.hint] += 2.0 if cue.strong else 1.0
    top = max(logits.values())
    exp = {label: math.exp(value - top) for label, value in logits.items()}
    total = sum(exp.values())
    return {label: value / total for label, value in exp.items()}


def _other_job_fields(
    prep: Prepared,
    features: Features,
    fields: tuple[str | None, str | None, str | None],
) -> tuple[str | None, str | None, str | None]:
    """An alert's companies and titles are not applications; an agency is not the employer;
    the candidate's own signature is not a contact."""
    if "alert" in features.cues:
        return None, None, None
    company, role, contact = fields
    domain = registrable(prep.domain) if prep.domain else ""
    if company and (
        AGENCY_DOMAIN_RE.search(domain.split(".")[0]) or AGENCY_NAME_RE.search(company)
    ):
        company = None  # "Brightstone Recruitment" writes about its client, unnamed
    if "candidate_voice" in features.cues or _written_by_candidate(prep):
        contact = None  # the signature is the candidate's own name
    return company, role, contact


def _written_by_candidate(prep: Prepared) -> bool:
    """From webmail to an organisation's address: most likely the candidate writing."""
    reg = registrable(prep.domain) if prep.domain else ""
    to_domain = domain_of(parse_address(prep.to)[1]) if prep.to else ""
    return (
        (reg in FREEMAIL_DOMAINS or reg.split(".")[0] == "example")
        and bool(to_domain)
        and registrable(to_domain) not in FREEMAIL_DOMAINS
    )


def _finish(pending: _Pending, verdict: policy.Verdict) -> Analysis:
    """The fields that apply to the label the policy settled on."""
    prep, features = pending.prep, pending.features
    label = verdict.label
    why = list(features.cues.evidence(label)) + list(verdict.why)
    if prep.domain and is_ats_domain(prep.domain):
        why.append(f"sent through {registrable(prep.domain)}")
    if prep.forwarded:
        why.append("forwarded message: analysed the original")
    language = None if features.language == UNKNOWN else features.language
    base = Analysis(
        label,
        round(float(verdict.confidence), 3),
        evidence=tuple(why),
        review_reason=verdict.review_reason,
        language=language,
    )
    if label == "not_job":
        return base
    company = extract_company(prep.subject, prep.body, prep.from_name, prep.from_addr, prep.to)
    # For "another role" the title in the mail is the old application's: don't file the new one under it.
    role = None if verdict.another_role else extract_role(prep.subject, prep.body, company)
    contact = extract_contact(prep.body, prep.from_name, prep.from_addr, company)
    if label == "other_job":
        company, role, contact = _other_job_fields(prep, features, (company, role, contact))
    # A template's blank ("[Company Name]", "XYZ Corp") is never a name to file mail under.
    company, role, contact = (None if is_placeholder(v) else v for v in (company, role, contact))
    base = replace(base, company=company, role=role, contact_name=contact)
    if label != "rejection":
        return base
    board = bool(prep.domain) and registrable(prep.domain) in JOB_BOARD_DOMAINS
    details = rejection_details(prep.subject, prep.body, job_board=board)
    if "offer_withdrawn" in features.cues:
        details = replace(details, stage="final")  # an offer made, then taken back
    elif details.stage == "unknown" and prep.history:
        # "RE: outcome" with the feedback on top: how far they got is in the quoted mail.
        earlier = rejection_details(prep.subject, prep.history.replace("\n>", "\n"))
        details = replace(details, stage=earlier.stage)
    return replace(
        base,
        stage=details.stage,
        has_feedback=details.has_feedback,
        reapply_invite=details.reapply_invite,
        reapply_after_months=details.reapply_after_months,
        outside_control=details.outside_control,
        evidence=base.evidence + details.evidence,
    )


def _analyse_prepared(
    preps: list[Prepared],
    *,
    model: Model | None = None,
    disabled: frozenset[str] = frozenset(),
    personal: personal_layer.PersonalModel | None = None,
) -> list[Analysis]:
    model = model or load_model()
    personal = personal if personal else None  # no examples: exactly the shipped recogniser
    results: list[Analysis | None] = [None] * len(preps)
    pending: list[_Pending] = []
    for i, prep in enumerate(preps):
        results[i] = _fast_path(prep)
        if results[i] is not None:
            continue
        features = extract(prep)
        # Mail from a sender the person taught bounceback about is always weighed.
        if _quietly_not_job(prep, features) and not (personal and personal.knows_sender(prep)):
            results[i] = Analysis(
                "not_job", policy.QUIET_NOT_JOB_CONFIDENCE, evidence=("no job-search phrase",)
            )
            continue
        pending.append(_Pending(i, prep, features))
    if pending:
        if model is None:
            all_probs = [_cue_probabilities(p.features) for p in pending]
        else:
            matrix = model.probabilities_many(
                [(p.features.tokens, p.features.dense) for p in pending]
            )
            all_probs = [dict(zip(LABELS, map(float, row), strict=True)) for row in matrix]
        for item, probs in zip(pending, all_probs, strict=True):
            shipped_label = max(LABELS, key=probs.__getitem__)
            learned: personal_layer.Learned | None = None
            if personal is not None:
                probs, learned = personal_layer.combine(
                    probs, personal.adjust(item.prep, item.features, probs)
                )
            context = policy.Context(
                item.prep,
                item.features,
                probs,
                applied_to_name=bool(_APPLIED_TO_NAME.search(item.prep.head)),
            )
            verdict = policy.decide(context, disabled)
            if learned is not None and learned.label == verdict.label:
                verdict = _learned(verdict, shipped_label, learned)
            results[item.index] = _finish(item, verdict)
    return [r for r in results if r is not None]


def _learned(
    verdict: policy.Verdict, shipped_label: Label, learned: personal_layer.Learned
) -> policy.Verdict:
    """The policy's verdict with what the person's examples did to it, in words."""
    because = learned.because
    if learned.ceiling is not None:
        verdict = replace(verdict, confidence=min(verdict.confidence, learned.ceiling))
    verdict = replace(verdict, why=(*verdict.why, f"learned from you: {because}"))
    if learned.doubted:
        if verdict.review_reason is None and verdict.confidence < policy.AUTO_FILE_AT:
            verdict = replace(
                verdict,
                review_reason=f"I'm asking rather than filing it ({because}). Is that right?",
            )
        return verdict
    if (
        verdict.label != shipped_label
        and verdict.confidence < policy.AUTO_FILE_AT
        and verdict.review_reason is None
    ):
        verdict = replace(
            verdict,
            review_reason=f"I read this one the way you taught me ({because}). Is that right?",
        )
    return verdict


def analyse(
    msg: MailMessage,
    *,
    disabled: frozenset[str] = frozenset(),
    personal: personal_layer.PersonalModel | None = None,
) -> Analysis:
    """Label one message and extract what applies.

    ``disabled`` names policy overrides to leave out (the evaluation measures each).

    >>> analyse(MailMessage(None, None, "Acme Recruiting", "no-reply@greenhouse.io",
    ...     "Your application to Acme", "Unfortunately we will not be moving forward.")).label
    'rejection'
    """
    return _analyse_prepared([prepare(msg)], disabled=disabled, personal=personal)[0]


def analyse_many(
    msgs: Iterable[MailMessage],
    *,
    model: Model | None = None,
    disabled: frozenset[str] = frozenset(),
    personal: personal_layer.PersonalModel | None = None,
) -> list[Analysis]:
    """Label many messages at once (one matrix product for the model part).

    ``model`` replaces the shipped one (the training script's cross-validation);
    ``personal`` is what this person taught bounceback in Mail review (``personal``).
    """
    return _analyse_prepared(
        [prepare(m) for m in msgs], model=model, disabled=disabled, personal=personal
    )


_WROTE_LINE = re.compile(r"^(?:On .{4,120} wrote:|-----Original Message-----)", re.M)
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.M)


def pasted_message(text: str) -> MailMessage:
    """A pasted e-mail as a message; header lines (From:, Subject:, To:) at the top are used."""
    cleaned = clean_text(text)
    quoted = sum(len(line) for line in cleaned.split("\n") if line.startswith(">"))
    if quoted >= 80 and not _WROTE_LINE.search(cleaned):
        # A forum post quotes the e-mail it is about ("> Hi, thank you for your time..."):
        # pasted, the quoted mail is the content, not an earlier message in a thread.
        cleaned = _QUOTE_MARK.sub("", cleaned)
    block = parse_header_block(cleaned)
    from_name, from_addr = (
        parse_address(block.fields["from"]) if "from" in block.fields else ("", "")
    )
    return MailMessage(
        message_id=None,
        date=None,
        from_name=from_name,
        from_addr=from_addr,
        subject=block.fields.get("subject", ""),
        text=block.body,
        to=block.fields.get("to", ""),
    )


def analyse_text(
    text: str,
    *,
    model: Model | None = None,
    disabled: frozenset[str] = frozenset(),
    personal: personal_layer.PersonalModel | None = None,
) -> Analysis:
    """Analyse a pasted e-mail; header lines (From:, Subject:, Date:, To:) at the top are used if present."""
    return _analyse_prepared(
        [prepare(pasted_message(text))], model=model, disabled=disabled, personal=personal
    )[0]


def is_clearly_unrelated(
    from_addr: str, from_name: str, subject: str, headers: dict[str, str]
) -> bool:
    """True only when the headers alone show the message is not job-search mail.

    Cheap enough to run on every message before its body is decoded. It never
    fires for an ATS or job-board sender, nor when the sender or subject has
    any job-ish word (in English, German, French, Spanish, Dutch, Nordic);
    then it needs a positive sign: a shop/social/service domain, a receipt,
    delivery or security subject, or a mailing-list header.
    """
    at = from_addr.rfind("@")
    domain = from_addr[at + 1 :].lower() if at >= 0 else ""
    if domain:
        dot = domain.rfind(".", 0, domain.rfind("."))
        parent = domain[dot + 1 :] if dot >= 0 else domain
        if (
            domain in ATS_DOMAINS
            or parent in ATS_DOMAINS
            or "workday" in domain
            or "greenhouse" in domain
        ):
            return False
    else:
        parent = ""
    lowered = subject.lower()
    if JOB_HEADER_RE.search(f"{lowered}\n{from_name.lower()}\n{from_addr.lower()}"):
        return False
    if domain in NON_JOB_DOMAINS or parent in NON_JOB_DOMAINS:
        return True
    if NON_JOB_SUBJECT_RE.search(lowered) or ("[" in lowered and "/" in lowered and "]" in lowered):
        return True  # the last: "[owner/repo] ..." notifications from code hosts
    # A mailing list, sent from a robot mailbox: newsletters and notifications. From a
    # person's address it could be a recruiter's mass mail, so that stays in.
    return any(key in headers for key in LIST_HEADERS) and is_no_reply(from_addr)
