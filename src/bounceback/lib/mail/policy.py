"""Every threshold of the mail recogniser, and the short table of overrides.

The model (``classifier``) proposes a label and a confidence. The importer files a
message on its own only when the confidence is at least ``AUTO_FILE_AT``; below it, the
message waits in Mail review. Then a few named overrides, in order, may change the
model's answer where a person would plainly read the mail otherwise. Each has a
specification in ``tests/test_mail_policy.py`` and its measured effect printed by
``scripts/evaluate_mail.py`` (the evaluation runs once without each of them).

Keep the table short: a new kind of mistake is fixed first with training mail and a
phrase cue (``data/cues.toml``); an override is for what the model cannot learn from
a few hundred examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from bounceback.lib.mail.extract import is_ats_domain
from bounceback.lib.mail.features import Features, Prepared
from bounceback.lib.mail.language import READABLE, UNKNOWN
from bounceback.lib.mail.message import LABELS, Label

# --- thresholds ----------------------------------------------------------------------------

# The importer files a message without asking at or above this confidence. Chosen by
# scripts/train_mail_model.py on out-of-fold predictions of the training mail (repeated
# 5-fold cross-validation) as the lowest threshold at which, in each labelled set, fewer
# than 1 in 100 such fillings is wrong; the model records the figure it chose
# (test_mail_policy checks they agree).
AUTO_FILE_AT: Final = 0.99
REVIEW_BELOW: Final = AUTO_FILE_AT  # the importer's old name for the same threshold
# The confidence an override gives when it wants a person to look: below AUTO_FILE_AT,
# and below the importer's former 0.6 too.
ASK: Final = 0.5
# Labels the importer files on an application by itself when sure.
FILED: Final = frozenset(
    {"rejection", "interview_invite", "offer", "application_received", "assessment_invite"}
)
# Calibration, one point per filed label: the model's probability from which that label
# is filed without asking (the model is surer of some labels than of others). Chosen by
# scripts/train_mail_model.py on the same out-of-fold analyses as AUTO_FILE_AT: from that
# threshold, each point is lowered 0.01 at a time (the label that takes the most mail out
# of review first) while no labelled set gets a wrong filing more, never below 0.80.
# ``calibrated`` moves each point onto AUTO_FILE_AT, so the importer, Mail review and the
# personal layer read one scale (test_mail_policy checks the points match the model's).
FILE_AT: Final[dict[str, float]] = {
    "application_received": 0.94,
    "assessment_invite": 0.99,
    "interview_invite": 0.91,
    "offer": 0.94,
    "rejection": 0.93,
}


def calibrated(label: str, probability: float) -> float:
    """The model's probability for ``label`` on the scale AUTO_FILE_AT reads.

    Monotone and piecewise linear: the label's own point ``FILE_AT[label]`` lands on
    AUTO_FILE_AT, 1 stays 1, and ASK and below stay where they are (an override's "ask"
    still asks). Labels the importer never files are left as they are.
    """
    point = FILE_AT.get(label)
    if point is None or probability <= ASK or point == AUTO_FILE_AT:
        return probability
    if probability >= point:
        return AUTO_FILE_AT + (probability - point) * (1 - AUTO_FILE_AT) / (1 - point)
    return ASK + (probability - ASK) * (AUTO_FILE_AT - ASK) / (point - ASK)


# Fast paths, decided before the model: no job word at all; one weak job word and no cue.
NO_JOB_WORDS_CONFIDENCE: Final = 0.97
QUIET_NOT_JOB_CONFIDENCE: Final = 0.9
# The header prefilter ("sender and subject show it is not job mail").
UNRELATED_CONFIDENCE: Final = 0.99
# A look-alike (a flat, a grant, a club) with no word only job mail uses.
LOOKALIKE_CONFIDENCE: Final = 0.8

# Cues that say, unconditionally, that this application ended.
_ENDED: Final = (
    "decision_no",
    "chose_other",
    "role_filled",
    "role_cancelled",
    "offer_withdrawn",
    "application_closed",
)
# The same, without a plain "we won't be progressing": said of a pause, that can be temporary.
_CLOSED: Final = tuple(cue for cue in _ENDED if cue != "decision_no")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The label so far, with its confidence and what a person would want to know."""

    label: Label
    confidence: float
    why: tuple[str, ...] = ()
    review_reason: str | None = None
    another_role: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What an override may look at: the message, its features and the model's view."""

    prep: Prepared
    features: Features
    probs: dict[Label, float]
    applied_to_name: bool  # "applying to Northgate Mortgage": a named organisation

    def has(self, *cues: str) -> bool:
        return any(cue in self.features.cues for cue in cues)

    @property
    def ats_sender(self) -> bool:
        return bool(self.prep.domain) and is_ats_domain(self.prep.domain)

    @property
    def job_only_word(self) -> bool:
        return self.features.job_only_word


Rule = Callable[[Context, Verdict], Verdict | None]


@dataclass(frozen=True, slots=True)
class Override:
    name: str
    says: str  # what it does and why, in one line
    rule: Rule


# --- the overrides, in the order they apply -----------------------------------------------


def _receipt_stays_receipt(ctx: Context, v: Verdict) -> Verdict | None:
    if v.label != "rejection" or not ctx.has("received", "conditional_outcome"):
        return None
    if ctx.has(*_ENDED):
        return None
    confidence = ctx.probs["application_received"] + ctx.probs["rejection"]
    return replace(
        v,
        label="application_received",
        confidence=calibrated("application_received", confidence),
        why=(*v.why, "a receipt: what it says might happen later is not a decision"),
    )


def _paused_is_not_closed(ctx: Context, v: Verdict) -> Verdict | None:
    if not ctx.has("still_waiting"):
        return None
    pair = ctx.probs["rejection"] + ctx.probs["other_job"]
    if v.label == "rejection" and ctx.has("temporary") and not ctx.has(*_CLOSED):
        return replace(v, label="other_job", confidence=pair, why=(*v.why, "paused, not decided"))
    if v.label == "other_job" and ctx.has(*_CLOSED):
        return replace(
            v,
            label="rejection",
            confidence=calibrated("rejection", pair),
            why=(*v.why, "the application is closed"),
        )
    return None


def _candidate_wrote_it(ctx: Context, v: Verdict) -> Verdict | None:
    if v.label not in FILED or not ctx.has("candidate_voice"):
        return None
    return replace(
        v,
        label="other_job",
        confidence=ctx.probs["other_job"] + ctx.probs[v.label],
        why=(*v.why, "written by the candidate"),
    )


def _another_opening(ctx: Context, v: Verdict) -> Verdict | None:
    if not ctx.has("another_opening") or v.label not in ("rejection", "other_job"):
        return None
    if v.label == "other_job":
        return replace(v, another_role=True)
    return replace(
        v,
        label="other_job",
        confidence=min(max(v.confidence, ASK + 0.1), 0.75),
        another_role=True,
        why=(*v.why, "another role offered instead"),
    )


def _lookalike(ctx: Context, v: Verdict) -> Verdict | None:
    if not ctx.has("lookalike_topic") or ctx.ats_sender:
        return None
    if ctx.job_only_word or ctx.applied_to_name:
        # Job words beside a scholarship, a tenancy or a volunteer shift: it may be either,
        # so a person looks before anything is filed (round 12: a scholarship "not
        # successful at the interview stage" was filed as a rejection out of fold).
        if v.label not in FILED or v.confidence < AUTO_FILE_AT:
            return None
        return replace(
            v,
            confidence=min(v.confidence, AUTO_FILE_AT - 0.01),
            why=(*v.why, "it may be about something other than a job: please check"),
            review_reason="It also talks about something other than a job, so please check it.",
        )
    if v.label == "not_job":
        return replace(v, confidence=max(v.confidence, LOOKALIKE_CONFIDENCE))
    return Verdict("not_job", LOOKALIKE_CONFIDENCE, (*v.why, "about something other than a job"))


def _unfamiliar_wording(ctx: Context, v: Verdict) -> Verdict | None:
    hint = ctx.features.cues.strongest_job_hint()
    if v.label != "not_job" or hint is None:
        return None
    if ctx.has("lookalike_topic") and not (ctx.job_only_word or ctx.applied_to_name):
        return None
    return Verdict(
        hint,
        ASK,
        (*v.why, "unfamiliar wording: please check"),
        review_reason="The wording is new to me, so I'd like you to check it.",
    )


def _no_job_only_word(ctx: Context, v: Verdict) -> Verdict | None:
    if v.label not in FILED or ctx.job_only_word or ctx.ats_sender:
        return None
    if v.confidence < AUTO_FILE_AT:
        return None
    return replace(
        v,
        confidence=ASK,
        why=(*v.why, "no word only job mail uses: please check"),
        review_reason="It doesn't mention a job, a role or an application, so please check it.",
    )


def _unreadable_language(ctx: Context, v: Verdict) -> Verdict | None:
    lang = ctx.features.language
    if lang in READABLE or lang == UNKNOWN:
        return None
    if v.label == "not_job" and not ctx.features.job_words and not ctx.ats_sender:
        return None
    label = v.label
    if label == "not_job":
        label = max((x for x in LABELS if x != "not_job"), key=ctx.probs.__getitem__)
    return Verdict(
        label,
        min(v.confidence, ASK),
        (*v.why, f"written in a language I read poorly ({lang})"),
        review_reason="I can't read this language well.",
    )


OVERRIDES: Final[tuple[Override, ...]] = (
    Override(
        "receipt_stays_receipt",
        "A receipt stays a receipt whatever it says might happen later: read as a "
        "rejection with no unconditional 'no' in it, it is a receipt.",
        _receipt_stays_receipt,
    ),
    Override(
        "paused_is_not_closed",
        "A role paused for now with no decision is other job mail; paused with the "
        "application closed is a rejection (the label guide's borderline case).",
        _paused_is_not_closed,
    ),
    Override(
        "candidate_wrote_it",
        "Mail the candidate wrote (withdrawing, accepting, declining, following up) is "
        "other job mail, never a decision to file.",
        _candidate_wrote_it,
    ),
    Override(
        "another_opening",
        "Not this role but a named other opening to discuss is other job mail: the "
        "importer must not file a rejection.",
        _another_opening,
    ),
    Override(
        "lookalike",
        "A flat, a grant, a club or a visa named, and no word only job mail uses: not job "
        "mail; named beside job words, a sure reading is asked about, not filed.",
        _lookalike,
    ),
    Override(
        "unfamiliar_wording",
        "The model says not job mail but a strong job phrase is there: ask rather than drop it.",
        _unfamiliar_wording,
    ),
    Override(
        "no_job_only_word",
        "No word only job mail uses and no tracking-system sender: ask rather than file.",
        _no_job_only_word,
    ),
    Override(
        "unreadable_language",
        "Mail in a language the cues and the model do not cover goes to review.",
        _unreadable_language,
    ),
)
OVERRIDE_NAMES: Final = tuple(o.name for o in OVERRIDES)


def decide(ctx: Context, disabled: frozenset[str] = frozenset()) -> Verdict:
    """The model's label, then each override in order (``disabled`` ones skipped)."""
    unknown = disabled - set(OVERRIDE_NAMES)
    if unknown:
        raise ValueError(f"No override called {', '.join(sorted(unknown))}.")
    label = max(LABELS, key=ctx.probs.__getitem__)
    verdict = Verdict(label, calibrated(label, ctx.probs[label]))
    for override in OVERRIDES:
        if override.name not in disabled:
            verdict = override.rule(ctx, verdict) or verdict
    return verdict
