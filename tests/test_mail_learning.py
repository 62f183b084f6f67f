"""Learning from the person: what they confirm or correct in Mail review teaches bounceback
how each sender writes, so the next mail from that sender is read their way, even worded
differently; bounded, explained, forgettable, and never past the importer's guards.
"""

from __future__ import annotations

import json
import math
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Status
from bounceback.lib.mail import personal
from bounceback.lib.mail.analysis import analyse
from bounceback.lib.mail.features import extract, prepare
from bounceback.lib.mail.message import LABELS, MailMessage
from bounceback.lib.mail.policy import AUTO_FILE_AT
from bounceback.mailbox import learning, services
from bounceback.mailbox.importer import import_mailbox
from bounceback.mailbox.models import (
    ImportedMessage,
    LabelCorrection,
    LearnedExample,
    ReviewItem,
    SenderRule,
)
from tests.clock import CURRENT_TIME
from tests.test_mail_reader import mbox
from tests.test_mail_suggest_then_confirm import offer_at

HOTEL = ("Harbourside People Team", "people@harbourside-hotels.example")
SIGN_OFF = "\n\nWarmly,\nThe Harbourside People Team"
# One hotel group's invitations to a trial shift (an assessment, by the label guide), each
# worded its own way; the shipped model reads them as interview invitations or not job mail.
TRIAL_SHIFTS = {
    "bar": (
        "Next step: a trial shift for Bar Supervisor",
        "Dear Sam,\n\nThank you for your application for Bar Supervisor. We would like to "
        "invite you to a paid two-hour trial shift at the Harbourside Quay hotel, so we can see "
        "you at work.\n\nPlease reply with the days you are free next week.",
    ),
    "chef": (
        "Sous Chef – trial shift invitation",
        "Dear Sam,\n\nThanks for your application for Sous Chef. Before we decide, we'd like "
        "to invite you for a short paid trial shift in the kitchen with the head chef.\n\n"
        "Let us know which mornings suit you and bring your knives.",
    ),
    "porter": (
        "Kitchen Porter – your trial shift",
        "Dear Sam,\n\nThank you for applying to be a Kitchen Porter with us. The next step is a "
        "short paid trial shift in our kitchen, so you can meet the team and see the work.\n\n"
        "Reply with a day that suits you.",
    ),
}


def trial_shift(which: str, sender: tuple[str, str] = HOTEL) -> MailMessage:
    subject, body = TRIAL_SHIFTS[which]
    return MailMessage(None, None, sender[0], sender[1], subject, body + SIGN_OFF)


def taught(*answers: tuple[MailMessage, str]) -> personal.PersonalModel:
    """The personal layer after the person answered these mails with these labels."""
    rows = []
    for i, (msg, label) in enumerate(answers, start=1):
        sender, hashes = personal.learn_from(msg)
        rows.append((i, sender, label, analyse(msg).label, hashes))
    return personal.examples_from(rows)


def eml(msg: MailMessage, n: int) -> bytes:
    return (
        f"From: {msg.from_name} <{msg.from_addr}>\nTo: Sam <sam@example.com>\n"
        f"Subject: {msg.subject}\nMessage-ID: <shift-{n}@harbourside.example>\n"
        f"Date: {(CURRENT_TIME - timedelta(days=10 - n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + msg.text + "\n"
    ).encode()


def import_mails(owner: Any, tmp_path: Path, *mails: tuple[MailMessage, int]) -> Any:
    path = tmp_path / f"box-{mails[0][1]}.mbox"
    path.write_bytes(mbox(*(eml(m, n) for m, n in mails)))
    return import_mailbox(owner, path)


# --- the personal layer ------------------------------------------------------------


def test_two_corrections_for_a_sender_flip_its_next_mail_worded_differently() -> None:
    porter = trial_shift("porter")
    assert analyse(porter).label == "not_job"  # the shipped model alone misreads it

    learned = taught(
        (trial_shift("bar"), "assessment_invite"), (trial_shift("chef"), "assessment_invite")
    )
    read = analyse(porter, personal=learned)

    assert read.label == "assessment_invite"
    assert (
        "learned from you: because you marked 2 similar mails from this sender as "
        "assessment invitations" in read.evidence
    )
    # Two answers are not enough to file on their own: the person is asked, with the reason.
    assert read.confidence < AUTO_FILE_AT
    assert read.review_reason is not None and "the way you taught me" in read.review_reason


def test_one_correction_from_another_sender_does_not_overturn_a_sure_reading() -> None:
    elsewhere = ("Quay Hotels Careers", "careers@quayhotels.example")
    bar = trial_shift("bar")
    sure = analyse(bar)
    learned = taught((trial_shift("bar", elsewhere), "not_job"))
    assert analyse(bar, personal=learned).label == sure.label


def test_a_correction_counts_more_than_a_confirmation() -> None:
    # The same mail answered both ways by two other senders (one sender's mail answered
    # both ways would be all letterhead, and vote nothing).
    bar = trial_shift("bar")
    sender, hashes = personal.learn_from(bar)
    confirmed = personal.Example(
        1, "quayhotels.example", "interview_invite", "interview_invite", frozenset(hashes)
    )
    corrected = personal.Example(
        2, "dockside.example", "assessment_invite", "interview_invite", frozenset(hashes)
    )
    near = personal.PersonalModel([confirmed, corrected]).neighbours(sender, frozenset(hashes))
    support = {n.example.label: n.support for n in near}
    assert support["assessment_invite"] == pytest.approx(2 * support["interview_invite"])


LETTERHEAD = (
    "\n\nKind regards,\nTalent Acquisition | Northwind Logistics\nNorthwind Logistics Ltd, "
    "Unit 4 Riverside Park, registered in England no. 01234567. This e-mail and any "
    "attachments are confidential; if you received it in error please tell the sender and "
    "delete it. Follow us for the latest vacancies and news from our depots."
)
NORTHWIND = ("Northwind Talent", "talent@northwind-logistics.example")


def northwind(subject: str, body: str) -> MailMessage:
    return MailMessage(None, None, *NORTHWIND, subject, body + LETTERHEAD)


def test_a_senders_letterhead_alone_does_not_carry_a_vote() -> None:
    # The person has answered three receipts and a rejection from one sender, all on one
    # letterhead. A mail that shares only the letterhead with them reads alike to none.
    receipts = [
        northwind(
            f"Application received: {role}",
            f"Hello Sam, thank you for applying for the {role} role. We have your application "
            "and will review it shortly.",
        )
        for role in ("Warehouse Operative", "Forklift Driver", "Shift Lead")
    ]
    rejection = northwind(
        "Your application",
        "Hello Sam, after careful review we will not be moving forward with your application.",
    )
    learned = taught(*((r, "application_received") for r in receipts), (rejection, "rejection"))
    news = northwind(
        "Depot open day this Saturday",
        "Come and see the new depot: tours every hour, food trucks and a bouncy castle.",
    )
    sender, hashes = personal.learn_from(news)
    assert learned.letterhead(sender)  # the lines on every mail, receipts and rejection alike
    assert learned.neighbours(sender, frozenset(hashes)) == ()
    assert analyse(news, personal=learned) == analyse(news)


def test_a_sure_reading_is_asked_about_when_the_person_marked_similar_mail_otherwise() -> None:
    # Learning lowers confidence more readily than it raises it: one similar mail from
    # this sender the person marked a receipt does not flip a sure rejection, but it is
    # enough to ask rather than file it.
    sender, hashes = personal.learn_from(trial_shift("bar"))
    receipt = personal.Example(
        1, sender, "application_received", "application_received", frozenset(hashes)
    )
    near = personal.Neighbour(receipt, 0.2, same_sender=True)
    sure = dict.fromkeys(personal.LABEL_PLURALS, 0.001)
    sure["rejection"] = 0.994
    adjustment = personal.Adjustment(sure, (near,), "application_received", False)

    probs, learned = personal.combine(sure, adjustment)

    assert max(probs, key=probs.__getitem__) == "rejection"
    assert learned is not None and learned.doubted
    assert learned.ceiling is not None and learned.ceiling < AUTO_FILE_AT
    assert learned.because == "because you marked 1 similar mail from this sender as receipts"


def _sure(label: str, p: float = 0.9994) -> dict[str, float]:
    """The shipped model's probabilities: ``label`` at ``p``, the rest shared out."""
    probs = dict.fromkeys(LABELS, (1 - p) / (len(LABELS) - 1))
    probs[label] = p
    return probs


def _adjust(model: personal.PersonalModel, msg: MailMessage, shipped: dict[str, float]) -> Any:
    prep = prepare(msg)
    return model.adjust(prep, extract(prep), shipped)  # type: ignore[arg-type]


def test_similar_mail_from_elsewhere_moves_the_odds_a_bounded_amount() -> None:
    bar = trial_shift("bar")
    _, hashes = personal.learn_from(bar)
    many = personal.PersonalModel(
        personal.Example(i, "quayhotels.example", "offer", "offer", frozenset(hashes))
        for i in range(50)
    )
    shipped = _sure("interview_invite")
    moved = _adjust(many, bar, shipped).probs
    # At most MAX_SHIFT in log-odds: a sure invitation does not become a sure offer.
    ratio = moved["offer"] / moved["interview_invite"]
    assert ratio <= shipped["offer"] / shipped["interview_invite"] * math.exp(personal.MAX_SHIFT)
    assert moved["interview_invite"] > moved["offer"]


def test_one_correction_cannot_take_over_a_sure_reading_it_is_asked_about() -> None:
    bar = trial_shift("bar")
    sender, hashes = personal.learn_from(bar)
    slip = personal.PersonalModel(
        [personal.Example(1, sender, "offer", "interview_invite", frozenset(hashes))]
    )
    shipped = _sure("interview_invite")
    probs, learned = personal.combine(shipped, _adjust(slip, bar, shipped))  # type: ignore[arg-type]
    assert max(probs, key=probs.__getitem__) == "interview_invite"
    assert learned is not None and learned.doubted
    assert learned.ceiling is not None and learned.ceiling < AUTO_FILE_AT


def test_a_template_the_person_labelled_again_and_again_overrules_a_sure_reading() -> None:
    bar = trial_shift("bar")
    sender, hashes = personal.learn_from(bar)
    many = personal.PersonalModel(
        personal.Example(i, sender, "offer", "interview_invite", frozenset(hashes))
        for i in range(50)
    )
    shipped = _sure("interview_invite")
    adjustment = _adjust(many, bar, shipped)
    probs, learned = personal.combine(shipped, adjustment)  # type: ignore[arg-type]
    assert max(probs, key=probs.__getitem__) == "offer"
    assert learned is not None and learned.label == "offer"
    assert learned.because == "because you marked 7 similar mails from this sender as offers"
    # The vote goes past one answer's bound, but within the bound of all of them together.
    voted = adjustment.voted
    ratio = voted["offer"] / voted["interview_invite"]
    bound = shipped["offer"] / shipped["interview_invite"] * math.exp(personal.MAX_SHIFT_ALL)
    assert ratio == pytest.approx(bound) or ratio < bound


# --- a sender's habitual misreadings ---------------------------------------------------

# Answers about the hotel's mail that share nothing with the next one: only the table of
# what bounceback read and what the person said can speak.
UNLIKE = frozenset({101, 202, 303})


def _answers(*pairs: tuple[str, str]) -> personal.PersonalModel:
    """The hotel's mails answered: (what bounceback read, what the person said)."""
    sender, _ = personal.learn_from(trial_shift("bar"))
    return personal.PersonalModel(
        personal.Example(i, sender, said, read, UNLIKE)
        for i, (read, said) in enumerate(pairs, start=1)
    )


def test_a_sender_misread_the_same_way_three_times_is_read_the_persons_way() -> None:
    bar = trial_shift("bar")
    assert analyse(bar).label == "interview_invite"  # the shipped model alone
    learned = _answers(*[("interview_invite", "assessment_invite")] * 3)
    assert not learned.neighbours(
        personal.learn_from(bar)[0], frozenset(personal.learn_from(bar)[1])
    )

    read = analyse(bar, personal=learned)

    assert read.label == "assessment_invite"
    assert (
        "learned from you: because you told me 3 times that mail from this sender I read as "
        "an interview invitation was an assessment invitation" in read.evidence
    )
    # Chosen by the sender's past misreadings, not by similar mail: always asked about.
    assert read.confidence < AUTO_FILE_AT
    assert read.review_reason is not None and "the way you taught me" in read.review_reason


def test_one_misreading_of_a_sender_does_not_change_the_label() -> None:
    bar = trial_shift("bar")
    learned = _answers(("interview_invite", "assessment_invite"))
    assert analyse(bar, personal=learned).label == "interview_invite"


def test_readings_the_person_confirmed_are_not_doubted() -> None:
    bar = trial_shift("bar")
    learned = _answers(*[("interview_invite", "interview_invite")] * 5)
    shipped = _sure("interview_invite", 0.98)
    probs, learned_ = personal.combine(shipped, _adjust(learned, bar, shipped))  # type: ignore[arg-type]
    assert probs == shipped and learned_ is None


def test_a_sure_reading_the_person_corrected_twice_for_this_sender_is_asked_about() -> None:
    bar = trial_shift("bar")
    learned = _answers(
        *[("interview_invite", "interview_invite")] * 4,
        *[("interview_invite", "assessment_invite")] * 2,
    )
    shipped = _sure("interview_invite", 0.98)
    probs, doubt = personal.combine(shipped, _adjust(learned, bar, shipped))  # type: ignore[arg-type]
    assert max(probs, key=probs.__getitem__) == "interview_invite"
    assert probs["interview_invite"] < AUTO_FILE_AT
    assert doubt is not None and doubt.doubted
    assert doubt.because == (
        "because you corrected 2 of the 6 mails from this sender I read as interview invitations"
    )


def test_without_examples_the_recogniser_is_exactly_the_shipped_one() -> None:
    for which in TRIAL_SHIFTS:
        msg = trial_shift(which)
        assert analyse(msg, personal=personal.PersonalModel([])) == analyse(msg)


# --- in the app: kept from Mail review, used by the import, forgotten -----------------


def _answer_two_trial_shifts(
    alice: Any, tmp_path: Path, sender: tuple[str, str] = HOTEL, company: str = "Harbourside Hotels"
) -> None:
    import_mails(alice, tmp_path, (trial_shift("bar", sender), 1), (trial_shift("chef", sender), 2))
    items = list(ReviewItem.objects.filter(owner=alice))
    assert {i.label for i in items} == {"interview_invite"}
    for item in items:
        services.correct(item, label="assessment_invite", company=company)


@pytest.mark.django_db
def test_corrections_in_review_teach_the_next_import(alice: Any, tmp_path: Path) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    assert LearnedExample.objects.filter(owner=alice, label="assessment_invite").count() == 2

    import_mails(alice, tmp_path, (trial_shift("porter"), 3))

    item = ReviewItem.objects.get(owner=alice, status="open")
    assert item.label == "assessment_invite"
    assert "you marked 2 similar mails from this sender" in item.reason


@pytest.mark.django_db
def test_forgetting_removes_the_effect(alice: Any, tmp_path: Path) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    for example in LearnedExample.objects.filter(owner=alice):
        assert learning.forget_example(alice, example.pk)

    report = import_mails(alice, tmp_path, (trial_shift("porter"), 3))

    assert report.not_job == 1  # read as the shipped model reads it, as on the first day
    assert not ReviewItem.objects.filter(owner=alice, status="open").exists()


@pytest.mark.django_db
def test_an_example_keeps_no_words_of_the_mail(alice: Any, tmp_path: Path) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    example = LearnedExample.objects.filter(owner=alice).first()
    assert example is not None
    stored = json.dumps([example.features, example.sender, example.label, example.proposed])
    assert all(isinstance(h, int) for h in example.features) and example.features
    for word in ("trial", "shift", "Sam", "kitchen", "Supervisor"):
        assert word.lower() not in stored.lower()


@pytest.mark.django_db
def test_unticking_remember_keeps_no_example(alice: Any, tmp_path: Path) -> None:
    import_mails(alice, tmp_path, (trial_shift("bar"), 1))
    item = ReviewItem.objects.get(owner=alice)
    services.correct(item, label="assessment_invite", company="Harbourside", keep_rule=False)
    assert not LearnedExample.objects.exists()


@pytest.mark.django_db
def test_a_confirmation_and_a_dismissal_are_kept_too(alice: Any, tmp_path: Path) -> None:
    import_mails(alice, tmp_path, (trial_shift("bar"), 1), (trial_shift("chef"), 2))
    first, second = ReviewItem.objects.filter(owner=alice).order_by("pk")
    assert first.company  # the proposal stands as it is: a plain yes
    services.confirm(first)
    services.dismiss(second)
    kept = {e.message_id: (e.proposed, e.label) for e in LearnedExample.objects.all()}
    assert kept[first.message_id] == ("interview_invite", "interview_invite")
    assert kept[second.message_id] == ("interview_invite", "not_job")


@pytest.mark.django_db
def test_learning_never_takes_an_offer_away(alice: Any, tmp_path: Path) -> None:
    """Three of the sender's "no"s taught: its next "no" is sure, and still asked about."""
    application = offer_at(alice, company="Harbourside Hotels", role="Bar Supervisor")
    no = MailMessage(
        None,
        None,
        *HOTEL,
        "Bar Supervisor",
        "Dear Sam,\n\nThank you for your interest in the Bar Supervisor role at Harbourside "
        "Hotels. We have decided to offer the role to another candidate.\n\nWarmly,\nThe "
        "Harbourside People Team",
    )
    sender, hashes = personal.learn_from(no)
    for n in range(3):
        LearnedExample.objects.create(
            owner=alice,
            message=ImportedMessage.objects.create(
                owner=alice, dedupe_key=f"k{n}", label="rejection", confidence=1, outcome="skipped"
            ),
            sender=sender,
            proposed="rejection",
            label="rejection",
            features=list(hashes),
        )

    import_mails(alice, tmp_path, (no, 5))

    record = ImportedMessage.objects.get(owner=alice, message_id="shift-5@harbourside.example")
    assert record.label == "rejection" and record.confidence >= AUTO_FILE_AT
    item = ReviewItem.objects.get(message=record)
    assert "never takes an offer away" in item.reason
    assert any("learned from you" in e for e in item.evidence)
    application.refresh_from_db()
    assert application.status == Status.OFFER


# --- the page and the command -----------------------------------------------------------


@pytest.mark.django_db
def test_the_learned_page_lists_examples_by_sender_and_forgets_one(
    alice: Any, alice_client: Any, tmp_path: Path
) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    page = alice_client.get(reverse("mailbox:learned")).content.decode()
    assert "What I&#x27;ve learned from you" in page or "What I've learned from you" in page
    assert "Harbourside People Team" in page and "assessment invitation" in page
    assert "Sous Chef – trial shift invitation" in page
    assert "you corrected me" in page
    # The sender's habitual misreading, said as the personal layer uses it.
    assert (
        "I read “Assessment invitation” mail from this sender as “Interview invitation” twice"
        in page
    )

    one = LearnedExample.objects.filter(owner=alice).first()
    assert one is not None
    answer = alice_client.post(reverse("mailbox:forget_example", args=[one.pk]), follow=True)
    assert "Forgotten." in answer.content.decode()
    assert LearnedExample.objects.filter(owner=alice).count() == 1


@pytest.mark.django_db
def test_forget_everything_forgets_examples_rules_and_label_notes(
    alice: Any, alice_client: Any, tmp_path: Path
) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    assert SenderRule.objects.filter(owner=alice).exists()
    alice_client.post(reverse("mailbox:forget_all"))
    for model in (LearnedExample, SenderRule, LabelCorrection):
        assert not model.objects.filter(owner=alice).exists()


@pytest.mark.django_db
def test_nobody_else_can_forget_what_she_taught(
    alice: Any, bob_client: Any, tmp_path: Path
) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    one = LearnedExample.objects.filter(owner=alice).first()
    assert one is not None
    assert bob_client.post(reverse("mailbox:forget_example", args=[one.pk])).status_code == 404
    bob_client.post(reverse("mailbox:forget_all"))
    assert LearnedExample.objects.filter(owner=alice).count() == 2


@pytest.mark.django_db
def test_the_learned_command_lists_and_forgets(alice: Any, cli: Any, tmp_path: Path) -> None:
    _answer_two_trial_shifts(alice, tmp_path)
    listed = json.loads(cli("learned", "--json").stdout)
    examples = listed["examples"]
    assert {e["label"] for e in examples} == {"assessment_invite"}
    assert all(e["corrected"] and e["proposed"] == "interview_invite" for e in examples)
    assert listed["sender_rules"] and listed["label_notes"]
    assert [m["label"] for m in listed["misreadings"]] == ["assessment_invite"]

    shown = " ".join(cli("learned").stdout.split())
    assert "Harbourside People Team" in shown and "corrected from interview invitation" in shown
    assert "as “Interview invitation” twice. When I read their next one as" in shown

    gone = cli("learned", "--forget", str(examples[0]["id"]))
    assert gone.exit_code == 0 and "Forgotten" in gone.stdout
    assert LearnedExample.objects.count() == 1

    cli("learned", "--forget-all")
    assert not LearnedExample.objects.exists() and not SenderRule.objects.exists()


# An applicant-tracking system writes for many employers from one address, so what was
# learned is kept under the address and the employer's name together; the person reads the
# employer, and the system it came through, never that key.
OCEAN_BLUE = ("Ocean Blue Cruises", "noreply@smartrecruiters.com")
OCEAN_BLUE_KEY = "noreply@smartrecruiters.com|ocean blue cruises"


@pytest.mark.django_db
def test_the_learned_page_names_a_tracking_systems_sender_in_words(
    alice: Any, alice_client: Any, tmp_path: Path
) -> None:
    _answer_two_trial_shifts(alice, tmp_path, OCEAN_BLUE, company="Ocean Blue Cruises")
    assert SenderRule.objects.get(owner=alice).sender == OCEAN_BLUE_KEY

    page = alice_client.get(reverse("mailbox:learned")).content.decode()

    assert "Ocean Blue Cruises (via smartrecruiters.com): assessment invitation" in page
    assert (
        "Mail from <strong>Ocean Blue Cruises (via smartrecruiters.com)</strong> is about" in page
    )
    assert OCEAN_BLUE_KEY not in page and "ocean blue cruises" not in page


@pytest.mark.django_db
def test_the_learned_command_names_a_tracking_systems_sender_in_words(
    alice: Any, cli: Any, tmp_path: Path
) -> None:
    _answer_two_trial_shifts(alice, tmp_path, OCEAN_BLUE, company="Ocean Blue Cruises")

    shown = " ".join(cli("learned").stdout.split())
    assert "Ocean Blue Cruises (via smartrecruiters.com): assessment invitation" in shown
    assert "Mail from Ocean Blue Cruises (via smartrecruiters.com) is about" in shown
    assert OCEAN_BLUE_KEY not in shown

    # Scripts keep the key they may match on, and get the words beside it.
    listed = json.loads(cli("learned", "--json").stdout)
    for part in ("examples", "misreadings", "sender_rules", "label_notes"):
        for entry in listed[part]:
            assert entry["sender"] == OCEAN_BLUE_KEY, part
            assert entry["sender_in_words"] == "Ocean Blue Cruises (via smartrecruiters.com)"


@pytest.mark.django_db
def test_forgetting_an_unknown_id_says_what_to_do(alice: Any, cli: Any) -> None:
    result = cli("learned", "--forget", "999")
    assert result.exit_code == 1
    assert "There is no e-mail with ID 999" in result.output
    assert "Traceback" not in result.output
    both = cli("learned", "--forget", "1", "--forget-all")
    assert both.exit_code == 1 and "not both" in both.output
