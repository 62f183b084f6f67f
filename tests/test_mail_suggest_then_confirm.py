"""Suggest, then confirm: a sure e-mail is filed by itself only when nothing hard to undo changes.

Taking an application out of an offer, changing one that has ended, filing mail from a sender
the person corrected before, or under another company than the e-mail names: those wait in
Mail review with the reason in plain words.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Status
from bounceback.applications.services import add_application, record_event
from bounceback.mailbox.importer import AUTO_FILE_AT, import_items
from bounceback.mailbox.models import LabelCorrection, ReviewItem, SenderRule
from bounceback.recovery.models import Rejection
from tests.clock import CURRENT_TIME, TODAY
from tests.test_mail_import import analysed, message


def offer_at(owner: Any, company: str = "Acme", role: str = "Data Analyst") -> Any:
    application = add_application(
        owner, company=company, role=role, applied_on=TODAY - timedelta(days=30)
    )
    record_event(application, "interview", occurred_on=TODAY - timedelta(days=20))
    record_event(application, "offer", occurred_on=TODAY - timedelta(days=5))
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_a_vacancy_filled_notice_never_takes_an_offer_away(alice: Any) -> None:
    application = offer_at(alice)
    notice = message(text="Thank you for your interest. The vacancy has now been filled.")
    report = import_items(alice, [analysed(notice, confidence=0.999, role=None)])
    assert report.queued == 1
    application.refresh_from_db()
    assert application.status == Status.OFFER
    assert not Rejection.objects.exists()
    item = ReviewItem.objects.get()
    assert "offer stage" in item.reason and "never takes an offer away" in item.reason
    assert list(item.candidates.all()) == [application]


@pytest.mark.django_db
def test_confirming_the_notice_in_review_is_the_persons_own_choice(
    alice: Any, alice_client: Any
) -> None:
    application = offer_at(alice)
    import_items(alice, [analysed(message(), confidence=0.999, role=None)])
    item = ReviewItem.objects.get()
    alice_client.post(reverse("mailbox:confirm", args=[item.pk]))
    application.refresh_from_db()
    assert application.status == Status.REJECTED


@pytest.mark.django_db
def test_news_on_an_application_that_has_ended_is_asked_about(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    record_event(application, "withdrawn")
    report = import_items(alice, [analysed(message(), label="interview_invite")])
    assert report.queued == 1
    assert "has ended" in ReviewItem.objects.get().reason
    assert not application.events.filter(kind="interview").exists()


@pytest.mark.django_db
def test_a_no_after_you_withdrew_is_asked_about(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    record_event(application, "withdrawn")
    import_items(alice, [analysed(message())])
    assert "you withdrew" in ReviewItem.objects.get().reason


@pytest.mark.django_db
def test_a_sure_rejection_on_an_open_application_is_still_filed(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    report = import_items(alice, [analysed(message(), confidence=AUTO_FILE_AT + 0.01)])
    assert report.updated == 1
    assert Rejection.objects.get().application == application


@pytest.mark.django_db
def test_a_receipt_on_an_offer_changes_nothing_and_asks_nothing(alice: Any) -> None:
    application = offer_at(alice)
    report = import_items(alice, [analysed(message(), label="application_received")])
    assert (report.queued, report.skipped) == (0, 1)
    application.refresh_from_db()
    assert application.status == Status.OFFER


@pytest.mark.django_db
def test_a_role_that_differs_is_asked_about(alice: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    import_items(alice, [analysed(message(), role="Office Manager", confidence=0.99)])
    assert "role in the e-mail does not match" in ReviewItem.objects.get().reason
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_a_label_the_person_corrected_for_that_sender_is_asked_about_next_time(
    alice: Any, alice_client: Any
) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    import_items(alice, [analysed(message(1), confidence=0.4)])
    item = ReviewItem.objects.get()
    alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {
            f"r{item.pk}-label": "application_received",
            f"r{item.pk}-application": application.pk,
            f"r{item.pk}-remember": "on",
        },
    )
    correction = LabelCorrection.objects.get(owner=alice)
    assert (correction.was, correction.now) == ("rejection", "application_received")
    report = import_items(alice, [analysed(message(2), confidence=0.995)])
    assert report.queued == 1
    later = ReviewItem.objects.get(message__dedupe_key="mid:m2@mail.example")
    assert "last time mail from this sender read that way you said it was" in later.reason
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_setting_mail_aside_as_not_job_is_remembered_for_the_sender(
    alice: Any, alice_client: Any
) -> None:
    import_items(alice, [analysed(message(1), confidence=0.4)])
    item = ReviewItem.objects.get()
    alice_client.post(reverse("mailbox:dismiss", args=[item.pk]))
    assert LabelCorrection.objects.filter(owner=alice, was="rejection", now="not_job").exists()
    import_items(alice, [analysed(message(2), confidence=0.995)])
    assert ReviewItem.objects.filter(message__dedupe_key="mid:m2@mail.example").exists()
    page = alice_client.get(reverse("mailbox:learned")).content.decode()
    assert "you said it was “not about my job search”" in page


@pytest.mark.django_db
def test_a_sender_filed_under_one_company_is_asked_about_when_the_mail_names_another(
    alice: Any,
) -> None:
    application = add_application(alice, company="Wayne Enterprises", role="Analyst")
    SenderRule.objects.create(
        owner=alice, sender="@wayne.example", company="Wayne Enterprises", application=application
    )
    mail = message(from_addr="jobs@wayne.example", from_name="Jobs")
    import_items(alice, [analysed(mail, company="Globex", role=None)])
    item = ReviewItem.objects.get()
    assert "usually goes under Wayne Enterprises, but this one names Globex" in item.reason
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_a_rejection_filed_without_asking_shows_what_was_read_until_confirmed(
    alice: Any, alice_client: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=20)
    )
    import_items(alice, [analysed(message(date=CURRENT_TIME), stage="interview")])
    rejection = Rejection.objects.get()
    assert rejection.filed_from_mail and not rejection.confirmed
    for url in (
        reverse("recovery:detail", args=[rejection.pk]),
        reverse("applications:detail", args=[application.pk]),
    ):
        page = alice_client.get(url).content.decode()
        assert "without asking you" in page and "after the interview stage" in page
    alice_client.post(reverse("recovery:confirm", args=[rejection.pk]))
    rejection.refresh_from_db()
    assert rejection.confirmed
    page = alice_client.get(reverse("recovery:detail", args=[rejection.pk])).content.decode()
    assert "without asking you" not in page and "From the e-mail of" in page


@pytest.mark.django_db
def test_a_rejection_filed_by_mistake_comes_off_in_one_click(alice: Any, alice_client: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=20)
    )
    import_items(alice, [analysed(message(date=CURRENT_TIME), stage="interview")])
    rejection = Rejection.objects.get()
    application.refresh_from_db()
    assert (application.status, application.stage) == ("rejected", "interview")
    alice_client.post(reverse("recovery:unfile", args=[rejection.pk]))
    application.refresh_from_db()
    assert (application.status, application.stage) == ("active", "applied")
    assert list(application.events.values_list("kind", flat=True)) == ["applied"]
    assert not application.wins.exists()


@pytest.mark.django_db
def test_a_confirmed_rejection_is_not_taken_off(alice: Any, alice_client: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    import_items(alice, [analysed(message())])
    rejection = Rejection.objects.get()
    alice_client.post(reverse("recovery:confirm", args=[rejection.pk]))
    alice_client.post(reverse("recovery:unfile", args=[rejection.pk]))
    assert Rejection.objects.exists()


@pytest.mark.django_db
def test_what_a_rejection_reads_like_never_lowers_how_far_the_timeline_says(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=20)
    )
    record_event(application, "interview", occurred_on=TODAY - timedelta(days=5))
    import_items(alice, [analysed(message(date=CURRENT_TIME), stage="application")])
    assert Rejection.objects.get().stage_reached == "interview"
