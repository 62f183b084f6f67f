"""The policy: thresholds in one place, and one specification per override.

The overrides are tested on their own, with the model's view given, so that each
specification says exactly when the override changes the model's answer and what to.
"""

from __future__ import annotations

import pytest

from bounceback.lib.mail import policy
from bounceback.lib.mail.classifier import load_model
from bounceback.lib.mail.cues import CueHits
from bounceback.lib.mail.features import Features, Prepared
from bounceback.lib.mail.message import LABELS, Label


def context(
    label: Label,
    confidence: float = 0.9,
    *,
    cues: tuple[str, ...] = (),
    job_only_word: bool = True,
    language: str = "en",
    job_words: int = 3,
    from_addr: str = "jobs@acme.example",
    applied_to_name: bool = False,
) -> policy.Context:
    rest = (1 - confidence) / (len(LABELS) - 1)
    probs: dict[Label, float] = {lab: rest for lab in LABELS}
    probs[label] = confidence
    features = Features(
        tokens=[],
        dense=[],
        cues=CueHits({name: name for name in cues}),
        language=language,
        job_words=job_words,
        job_only_word=job_only_word,
    )
    prep = Prepared("subject", "body", "", from_addr, False)
    return policy.Context(prep, features, probs, applied_to_name=applied_to_name)


def decide(ctx: policy.Context, only: str) -> policy.Verdict:
    """The model's answer with just one override switched on."""
    others = frozenset(policy.OVERRIDE_NAMES) - {only}
    return policy.decide(ctx, others)


# --- thresholds ----------------------------------------------------------------------


def test_asking_is_below_every_threshold_the_importer_has_used() -> None:
    assert policy.ASK < 0.6 <= policy.AUTO_FILE_AT
    assert policy.REVIEW_BELOW == policy.AUTO_FILE_AT


def test_the_auto_file_threshold_is_the_one_the_training_chose() -> None:
    model = load_model()
    assert model is not None
    assert model.meta["auto_file_at"] == policy.AUTO_FILE_AT, (
        "scripts/train_mail_model.py chose another threshold: copy it into policy.AUTO_FILE_AT"
    )
    assert model.meta["file_at"] == policy.FILE_AT, (
        "scripts/train_mail_model.py chose other calibration points: copy them into policy.FILE_AT"
    )
    out_of_fold = model.meta["out_of_fold"]
    assert out_of_fold["wrong"] < 0.01 * out_of_fold["filed"]


def test_every_filed_label_has_a_calibration_point_and_only_those() -> None:
    assert set(policy.FILE_AT) == set(policy.FILED)
    assert all(policy.ASK < point < 1 for point in policy.FILE_AT.values())


@pytest.mark.parametrize("label", sorted(policy.FILED))
def test_a_label_is_filed_from_its_own_calibration_point(label: Label) -> None:
    point = policy.FILE_AT[label]
    assert policy.calibrated(label, point) == pytest.approx(policy.AUTO_FILE_AT)
    assert policy.calibrated(label, point - 0.005) < policy.AUTO_FILE_AT
    assert policy.calibrated(label, 1.0) == pytest.approx(1.0)
    # An override's "ask" still asks, whatever the point.
    assert policy.calibrated(label, policy.ASK) == policy.ASK
    sure = policy.decide(context(label, point + 0.005), frozenset(policy.OVERRIDE_NAMES))
    assert sure.confidence >= policy.AUTO_FILE_AT


def test_calibration_keeps_the_order_of_confidences() -> None:
    steps = [0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0]
    for label in policy.FILED:
        mapped = [policy.calibrated(label, p) for p in steps]
        assert mapped == sorted(mapped)


def test_labels_never_filed_on_their_own_are_not_calibrated() -> None:
    assert policy.calibrated("other_job", 0.8) == 0.8
    assert policy.calibrated("not_job", 0.8) == 0.8


def test_an_unknown_override_name_is_refused() -> None:
    with pytest.raises(ValueError, match="No override called"):
        policy.decide(context("rejection"), frozenset({"no_such_rule"}))


def test_the_table_is_short_and_every_override_says_why() -> None:
    assert len(policy.OVERRIDES) <= 8
    assert all(o.says.endswith(".") for o in policy.OVERRIDES)


# --- one specification per override ---------------------------------------------------


def test_receipt_stays_receipt_turns_a_rejection_with_only_conditional_no_into_a_receipt() -> None:
    verdict = decide(
        context("rejection", 0.7, cues=("received", "conditional_outcome", "regret")),
        "receipt_stays_receipt",
    )
    assert verdict.label == "application_received"


def test_receipt_stays_receipt_leaves_a_real_no_alone() -> None:
    for ended in ("decision_no", "chose_other", "role_filled"):
        verdict = decide(
            context("rejection", 0.9, cues=("received", ended)), "receipt_stays_receipt"
        )
        assert verdict.label == "rejection", ended


def test_candidate_wrote_it_makes_the_candidates_own_mail_other_job_mail() -> None:
    for label in ("offer", "rejection", "interview_invite"):
        verdict = decide(context(label, cues=("candidate_voice",)), "candidate_wrote_it")
        assert verdict.label == "other_job", label
    assert decide(context("offer"), "candidate_wrote_it").label == "offer"


def test_another_opening_turns_not_this_role_but_that_one_into_other_job_mail() -> None:
    verdict = decide(context("rejection", 0.95, cues=("another_opening",)), "another_opening")
    assert verdict.label == "other_job"
    assert verdict.another_role
    assert verdict.confidence < policy.AUTO_FILE_AT  # a person looks at the new opening


def test_lookalike_reads_a_flat_or_a_grant_without_job_words_as_not_job_mail() -> None:
    verdict = decide(
        context("rejection", cues=("lookalike_topic",), job_only_word=False), "lookalike"
    )
    assert verdict.label == "not_job"


def test_lookalike_keeps_job_mail_that_names_a_job_or_an_organisation_applied_to() -> None:
    assert decide(context("rejection", cues=("lookalike_topic",)), "lookalike").label == (
        "rejection"
    )
    applied = context(
        "rejection", cues=("lookalike_topic",), job_only_word=False, applied_to_name=True
    )
    assert decide(applied, "lookalike").label == "rejection"


def test_lookalike_asks_before_filing_job_words_beside_a_scholarship_or_a_tenancy() -> None:
    sure = context("rejection", 0.999, cues=("lookalike_topic",))
    verdict = decide(sure, "lookalike")
    assert verdict.label == "rejection"
    assert verdict.confidence < policy.AUTO_FILE_AT
    assert verdict.review_reason is not None
    unsure = decide(context("rejection", 0.7, cues=("lookalike_topic",)), "lookalike")
    assert unsure.review_reason is None


def test_unfamiliar_wording_asks_rather_than_drops_a_strong_job_phrase() -> None:
    verdict = decide(context("not_job", 0.8, cues=("decision_no",)), "unfamiliar_wording")
    assert verdict.label == "rejection"
    assert verdict.confidence < policy.AUTO_FILE_AT
    assert verdict.review_reason


def test_unfamiliar_wording_lets_not_job_mail_without_job_phrases_go() -> None:
    assert decide(context("not_job", 0.8, cues=("regret",)), "unfamiliar_wording").label == (
        "not_job"
    )


def test_no_job_only_word_asks_before_filing_mail_that_names_no_job() -> None:
    verdict = decide(context("rejection", 0.95, job_only_word=False), "no_job_only_word")
    assert verdict.label == "rejection" and verdict.confidence < policy.AUTO_FILE_AT
    ats = context("rejection", 0.95, job_only_word=False, from_addr="x@greenhouse.io")
    assert decide(ats, "no_job_only_word").confidence == policy.calibrated("rejection", 0.95)


def test_unreadable_language_sends_job_mail_in_other_languages_to_review() -> None:
    verdict = decide(context("rejection", 0.97, language="it"), "unreadable_language")
    assert verdict.confidence < policy.AUTO_FILE_AT
    assert verdict.review_reason == "I can't read this language well."
    dropped = decide(context("not_job", 0.9, language="pl"), "unreadable_language")
    assert dropped.label != "not_job"  # job words in Polish: a person looks
    for readable in ("en", "fr", "de", "es", "nl"):
        assert decide(context("rejection", 0.97, language=readable), "unreadable_language") == (
            policy.Verdict("rejection", policy.calibrated("rejection", 0.97))
        )


def test_paused_is_not_closed_follows_the_label_guides_borderline_case() -> None:
    paused = context("rejection", 0.8, cues=("still_waiting", "temporary", "decision_no"))
    assert decide(paused, "paused_is_not_closed").label == "other_job"
    closed = context("other_job", 0.8, cues=("still_waiting", "application_closed"))
    assert decide(closed, "paused_is_not_closed").label == "rejection"
    # a pause that is not said to be temporary keeps the model's answer
    plain = context("rejection", 0.8, cues=("still_waiting", "decision_no"))
    assert decide(plain, "paused_is_not_closed").label == "rejection"
