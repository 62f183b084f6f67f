"""Recognising job-search e-mail: label, confidence, company, role, contact, rejection details.

Who decides what:

* **Header prefilter** (``is_clearly_unrelated``): rules only, on sender and
  subject, so the reader can skip decoding mail that is certainly not job mail.
* **Fast path**: a body with no job-search word at all is ``not_job``.
* **Label**: a linear model (``analysis_model``) over words plus the scores of
  hand-written phrase rules (``rules.PHRASES``). The rules carry knowledge of
  real phrasings; the model weighs them against everything else. When the
  strongest rule and the model disagree, the confidence is capped below 0.6 so
  the message goes to the human review queue.
* **Two documented overrides**, because a person would read them this way:
  "not this role, but we'd like to talk about another one" is ``other_job``
  (the application ended, but a new opening is on the table: the importer
  should not file a rejection), and "the position has been put on hold" is a
  ``rejection`` with ``outside_control=True``.
* **Fields**: rules (``analysis_fields``, ``analysis_rejection``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import cast

from bounceback.lib.mail.analysis_fields import extract_company, extract_contact, extract_role
from bounceback.lib.mail.analysis_model import DENSE_FEATURES, Model, load_model, tokens
from bounceback.lib.mail.analysis_rejection import rejection_details
from bounceback.lib.mail.extract import (
    clean_text,
    domain_of,
    is_ats_domain,
    is_no_reply,
    is_placeholder,
    parse_address,
    parse_header_block,
    registrable,
    scrub_placeholders,
    strip_quoted,
    unwrap_forwarded,
)
from bounceback.lib.mail.message import LABELS, Analysis, Label, MailMessage
from bounceback.lib.mail.rules import (
    AGENCY_NAME_RE,
    AGENCY_RE,
    ALERT_RE,
    ANOTHER_ROLE_RE,
    APPLIED_TO_NAME_RE,
    CANDIDATE_VOICE_RE,
    CONDITIONAL_OUTCOME_RE,
    JOB_BODY_RE,
    JOB_HEADER_RE,
    JOB_STRONG_RE,
    LIST_HEADERS,
    NON_JOB_SUBJECT_RE,
    PHRASE_GATE,
    PHRASES,
    WEAK_JOB_STEMS,
)
from bounceback.lib.mail.senders import (
    ATS_DOMAINS,
    FREEMAIL_DOMAINS,
    JOB_BOARD_DOMAINS,
    NON_JOB_DOMAINS,
)

REVIEW_BELOW = 0.6  # the importer's threshold; kept here so confidence caps stay below it


@dataclass(frozen=True, slots=True)
class Prepared:
    """A message reduced to what is analysed: the original sender and content of a forward."""

    subject: str
    body: str
    from_name: str
    from_addr: str
    forwarded: bool
    history: str = ""  # the quoted earlier messages of a reply, for context only


def prepare(msg: MailMessage) -> Prepared:
    """Clean the text and, for a forward, switch to the forwarded message and its sender."""
    body = scrub_placeholders(clean_text(msg.text or ""))
    subject, from_name, from_addr, forwarded = (
        scrub_placeholders(msg.subject or ""),
        msg.from_name,
        msg.from_addr,
        False,
    )
    history = ""
    inner = unwrap_forwarded(body, subject)
    if inner is not None:
        forwarded = True
        if "from" in inner.fields:
            from_name, from_addr = parse_address(inner.fields["from"])
        subject = inner.fields.get("subject", subject)
        body = inner.body
    else:
        new_part = strip_quoted(body)
        if len(new_part) < len(body) - 40:
            history = body[len(new_part) :] if body.startswith(new_part) else body
        body = new_part
    return Prepared(
        subject.strip(),
        body.strip(),
        from_name.strip(),
        from_addr.strip().lower(),
        forwarded,
        history[:3000],
    )


def rule_scores(subject: str, body: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Summed phrase-rule weights per label, and the phrases that matched."""
    text = CONDITIONAL_OUTCOME_RE.sub(" ", (subject + "\n" + body[:4000]).lower())
    scores: dict[str, float] = dict.fromkeys(LABELS, 0.0)
    evidence: dict[str, list[str]] = {label: [] for label in LABELS}
    for index in PHRASE_GATE.active(text):
        match = PHRASE_GATE.patterns[index].search(text)
        if match:
            label, weight, _ = PHRASES[index]
            scores[label] += weight
            evidence[label].append(match.group(0).strip())
    another = ANOTHER_ROLE_RE.search(text)
    if another:
        scores["other_job"] += 3.0
        evidence["other_job"].append(another.group(0).strip())
    return scores, evidence


def _dense(prep: Prepared, scores: dict[str, float]) -> list[float]:
    domain = domain_of(prep.from_addr)
    reg = registrable(domain) if domain else ""
    values = [min(scores[label], 9.0) / 3.0 for label in LABELS]
    values += [
        float(reg in ATS_DOMAINS or domain in ATS_DOMAINS),
        float(reg in JOB_BOARD_DOMAINS),
        float(reg in FREEMAIL_DOMAINS),
        float(bool(prep.from_addr) and is_no_reply(prep.from_addr)),
        float(len(prep.body) < 400),
        float(prep.forwarded),
    ]
    assert len(values) == len(DENSE_FEATURES)
    return values


def features(
    prep: Prepared,
) -> tuple[list[str], list[float], dict[str, float], dict[str, list[str]]]:
    """Everything the label decision needs; shared with the training script."""
    scores, evidence = rule_scores(prep.subject, prep.body)
    return tokens(prep.subject, prep.body), _dense(prep, scores), scores, evidence


def _job_text(prep: Prepared) -> str:
    return f"{prep.subject}\n{prep.from_name}\n{prep.body[:4000]}".lower()


def _looks_job_related(prep: Prepared) -> bool:
    if prep.from_addr and is_ats_domain(domain_of(prep.from_addr)):
        return True
    return bool(JOB_BODY_RE.search(_job_text(prep)))


def _rules_only_probs(scores: dict[str, float]) -> list[float]:
    """Fallback before a model is trained: a softmax over rule scores, not_job as the prior."""
    import math

    logits = [scores[label] + (1.0 if label == "not_job" else 0.0) for label in LABELS]
    top = max(logits)
    exp = [math.exp(x - top) for x in logits]
    total = sum(exp)
    return [e / total for e in exp]


def _decide(
    prep: Prepared, probs: list[float], scores: dict[str, float], evidence: dict[str, list[str]]
) -> Analysis:
    ranked = sorted(range(len(LABELS)), key=lambda i: probs[i], reverse=True)
    label: Label = LABELS[ranked[0]]
    confidence = probs[ranked[0]]
    why: list[str] = []
    job_scores = {lab: scores[lab] for lab in LABELS if lab != "not_job"}
    rule_top = max(job_scores, key=job_scores.__getitem__)
    another_role = False
    head = prep.subject + "\n" + prep.body[:4000]
    # A flat, a grant, a club, a visa named, and no word only job mail uses: the job-ish
    # phrases ("we have received your application") are about that, and we can be sure.
    lookalike = (
        scores["not_job"] >= 3.0
        and not JOB_STRONG_RE.search(_job_text(prep))
        and not APPLIED_TO_NAME_RE.search(head)
    )
    if (
        label == "not_job"
        and job_scores[rule_top] >= 2.0
        and (
            scores["not_job"] == 0
            or (not lookalike and job_scores[rule_top] > scores["not_job"] + 1)
        )
    ):
        # The model has not seen this wording, but a job phrase is there. Losing a
        # rejection silently is the worst outcome: take the rule's label, ask a person.
        label, confidence = cast(Label, rule_top), REVIEW_BELOW - 0.05
        why.append("unfamiliar wording: please check")
    elif (
        job_scores[rule_top] >= 2.5 and rule_top != label and not (label == "not_job" and lookalike)
    ):
        # Strong phrase evidence for something else: let a person look.
        confidence = min(confidence, REVIEW_BELOW - 0.1)
        why.append(f"rules suggest {rule_top.replace('_', ' ')}")
    if label != "not_job" and scores["not_job"] >= 3.0:
        if not lookalike:
            # A flat, a loan, a university place beside job words: let a person look.
            confidence = min(confidence, REVIEW_BELOW - 0.1)
            why.append("may be about something other than a job")
        else:
            # The words of a rejection about a flat, a paper or a talk, and not one
            # word that only job mail uses: not job mail.
            label, confidence = "not_job", 0.8
            why.append("about something other than a job")
    offers_another_role = bool(ANOTHER_ROLE_RE.search(prep.subject + "\n" + prep.body[:4000]))
    if label == "rejection" and offers_another_role:
        label, confidence, another_role = "other_job", min(max(confidence, 0.6), 0.75), True
        why.append("another role offered instead")
    if label == "other_job" and offers_another_role:
        another_role = True
    if (
        label != "not_job"
        and job_scores[rule_top] < 3.0
        and not JOB_STRONG_RE.search(_job_text(prep))
        and not (prep.from_addr and is_ats_domain(domain_of(prep.from_addr)))
    ):
        # One soft phrase ("unfortunately") and not one word only job mail uses: a crew
        # selection, an insurance claim, a hackathon read the same. Ask rather than file.
        confidence = min(confidence, REVIEW_BELOW - 0.05)
        why.append("no job-only word: please check")
    if label != "not_job" and not any(job_scores.values()):
        # The model alone, with no phrase we recognise: plausible, not certain.
        confidence = min(confidence, 0.7)
    if label == "not_job" and lookalike:
        confidence = max(confidence, 0.8)
    elif label == "not_job" and len(set(JOB_BODY_RE.findall(_job_text(prep)))) >= 3:
        # Plenty of job words yet no job phrase we know: not sure enough to drop it.
        confidence = min(confidence, REVIEW_BELOW - 0.05)
    why = evidence.get(label, [])[:4] + why
    domain = domain_of(prep.from_addr)
    if domain and is_ats_domain(domain):
        why.append(f"sent through {registrable(domain)}")
    if prep.forwarded:
        why.append("forwarded message: analysed the original")
    if label == "not_job":
        return Analysis(label, round(float(confidence), 3), evidence=tuple(why))
    company = extract_company(prep.subject, prep.body, prep.from_name, prep.from_addr)
    # For "another role" the title in the mail is the old application's: don't file the new one under it.
    role = None if another_role else extract_role(prep.subject, prep.body, company)
    contact = extract_contact(prep.body, prep.from_name, prep.from_addr, company)
    if label == "other_job":
        company, role, contact = _other_job_fields(prep, company, role, contact)
    # A template's blank ("[Company Name]", "XYZ Corp") is never a name to file mail under.
    company, role, contact = (None if is_placeholder(v) else v for v in (company, role, contact))
    if label != "rejection":
        return Analysis(
            label, round(float(confidence), 3), company, role, contact, evidence=tuple(why)
        )
    sender_board = (
        bool(prep.from_addr) and registrable(domain_of(prep.from_addr)) in JOB_BOARD_DOMAINS
    )
    details = rejection_details(prep.subject, prep.body, job_board=sender_board)
    if details.stage == "unknown" and prep.history:
        # "RE: outcome" with the feedback on top: how far they got is in the quoted mail.
        earlier = rejection_details(prep.subject, prep.history.replace("\n>", "\n"))
        details = replace(details, stage=earlier.stage)
    return Analysis(
        label,
        round(float(confidence), 3),
        company,
        role,
        contact,
        stage=details.stage,
        has_feedback=details.has_feedback,
        reapply_invite=details.reapply_invite,
        evidence=tuple(why) + details.evidence,
        outside_control=details.outside_control,
    )


def _other_job_fields(
    prep: Prepared, company: str | None, role: str | None, contact: str | None
) -> tuple[str | None, str | None, str | None]:
    """An alert's companies and titles are not applications; an agency is not the employer."""
    text = prep.subject + "\n" + prep.body[:4000]
    if ALERT_RE.search(text):
        return None, None, None
    domain = registrable(domain_of(prep.from_addr)) if prep.from_addr else ""
    if company and (AGENCY_RE.search(domain.split(".")[0]) or AGENCY_NAME_RE.search(company)):
        company = None  # "Brightstone Recruitment" writes about its client, unnamed
    if CANDIDATE_VOICE_RE.search(text):
        contact = None  # the user wrote it: the signature is their own name
    return company, role, contact


_NOT_JOB_CONFIDENCE = 0.97
_QUIET_NOT_JOB_CONFIDENCE = 0.9


def _plainly_not_job(prep: Prepared, scores: dict[str, float]) -> bool:
    """No job phrase at all and at most one job word ("offer" in a sale, "role" in a club):
    not job mail, and the model need not be asked (most of a mailbox takes this path)."""
    if any(scores[label] for label in LABELS if label != "not_job") or prep.forwarded:
        return False
    if prep.from_addr and is_ats_domain(domain_of(prep.from_addr)):
        return False
    stems = set(JOB_BODY_RE.findall(_job_text(prep)))
    return stems <= WEAK_JOB_STEMS and len(stems) <= 1


def _analyze_prepared(preps: list[Prepared]) -> list[Analysis]:
    model: Model | None = load_model()
    results: list[Analysis | None] = [None] * len(preps)
    pending: list[
        tuple[int, Prepared, list[str], list[float], dict[str, float], dict[str, list[str]]]
    ] = []
    for i, prep in enumerate(preps):
        if not _looks_job_related(prep):
            results[i] = Analysis("not_job", _NOT_JOB_CONFIDENCE, evidence=("no job-search words",))
            continue
        scores, evidence = rule_scores(prep.subject, prep.body)
        if _plainly_not_job(prep, scores):
            results[i] = Analysis(
                "not_job", _QUIET_NOT_JOB_CONFIDENCE, evidence=("no job-search phrase",)
            )
            continue
        toks, dense = tokens(prep.subject, prep.body), _dense(prep, scores)
        pending.append((i, prep, toks, dense, scores, evidence))
    if pending:
        if model is None:
            all_probs = [_rules_only_probs(p[4]) for p in pending]
        elif len(pending) == 1:
            all_probs = [model.probabilities(pending[0][2], pending[0][3]).tolist()]
        else:
            all_probs = model.probabilities_many([(p[2], p[3]) for p in pending]).tolist()
        for (i, prep, _toks, _dense_values, scores, evidence), probs in zip(
            pending, all_probs, strict=True
        ):
            results[i] = _decide(prep, probs, scores, evidence)
    return [r for r in results if r is not None]


def analyze(msg: MailMessage) -> Analysis:
    """Label one message and extract what applies.

    >>> analyze(MailMessage(None, None, "Acme Recruiting", "no-reply@greenhouse.io",
    ...     "Your application to Acme", "Unfortunately we will not be moving forward.")).label
    'rejection'
    """
    return _analyze_prepared([prepare(msg)])[0]


def analyze_many(msgs: Iterable[MailMessage]) -> list[Analysis]:
    """Label many messages at once (one matrix product for the model part)."""
    return _analyze_prepared([prepare(m) for m in msgs])


_WROTE_LINE = re.compile(r"^(?:On .{4,120} wrote:|-----Original Message-----)", re.M)
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.M)


def analyze_text(text: str) -> Analysis:
    """Analyse a pasted e-mail; header lines (From:, Subject:, Date:, To:) at the top are used if present."""
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
    msg = MailMessage(
        message_id=None,
        date=None,
        from_name=from_name,
        from_addr=from_addr,
        subject=block.fields.get("subject", ""),
        text=block.body,
        to=block.fields.get("to", ""),
    )
    return analyze(msg)


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
