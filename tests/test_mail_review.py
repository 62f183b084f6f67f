"""The review queue: confirm or correct in one step, with htmx or plain forms; corrections are kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.mailbox.importer import import_items
from bounceback.mailbox.models import ImportedMessage, ReviewItem, SenderRule
from bounceback.recovery.models import Rejection
from tests.test_mail_import import analysed, message

HX = {"HTTP_HX_REQUEST": "true"}


def queue(owner: Any, n: int = 1, **fields: Any) -> ReviewItem:
    msg_fields = {
        k: fields.pop(k) for k in ("from_addr", "from_name", "text", "html") if k in fields
    }
    fields.setdefault("confidence", 0.4)
    import_items(owner, [analysed(message(n, **msg_fields), **fields)])
    return ReviewItem.objects.get(message__dedupe_key=f"mid:m{n}@mail.example")


@pytest.mark.django_db
def test_the_queue_shows_sender_subject_proposal_and_the_reason(
    alice: Any, alice_client: Any
) -> None:
    queue(alice, company="Acme", role="Data Analyst", evidence=("not to move forward",))
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "Acme Recruiting &lt;no-reply@greenhouse.io&gt;" in page
    assert "Your application" in page and "Data Analyst" in page
    assert "not sure" in page and "not to move forward" in page
    assert "We will not move forward." in page  # the plain-text body


@pytest.mark.django_db
def test_an_html_only_body_is_shown_sanitised(alice: Any, alice_client: Any) -> None:
    queue(
        alice,
        text="",
        html='<p>Sorry</p><img src="https://track.example/p.gif"><script>alert(1)</script>',
    )
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "<p>Sorry</p>" in page
    assert "track.example" not in page and "alert(1)" not in page


@pytest.mark.django_db
def test_confirming_files_the_rejection_on_a_new_application(alice: Any, alice_client: Any) -> None:
    item = queue(alice, company="Acme", role="Data Analyst")
    response = alice_client.post(reverse("mailbox:confirm", args=[item.pk]), **HX)
    assert response.status_code == 200
    assert "Filed under Data Analyst at Acme" in response.content.decode()
    application = Application.objects.get(owner=alice)
    assert Rejection.objects.filter(application=application).exists()
    item.refresh_from_db()
    assert item.status == "confirmed" and item.application == application
    assert ImportedMessage.objects.get().outcome == "created"


@pytest.mark.django_db
def test_confirming_with_two_candidates_asks_to_pick_one(alice: Any, alice_client: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Designer")
    item = queue(alice, confidence=0.9)
    response = alice_client.post(reverse("mailbox:confirm", args=[item.pk]), **HX)
    assert "Pick the right one" in response.content.decode()
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_a_correction_links_the_chosen_application_and_is_kept_for_the_sender(
    alice: Any, alice_client: Any
) -> None:
    target = add_application(alice, company="Wayne Enterprises", role="Analyst")
    item = queue(alice, from_addr="jobs@wayne.example", from_name="Wayne Careers", company=None)
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {
            f"r{item.pk}-label": "rejection",
            f"r{item.pk}-application": target.pk,
            f"r{item.pk}-remember": "on",
        },
    )
    assert response.status_code == 302  # a plain form works without JavaScript
    assert Rejection.objects.get().application == target
    rule = SenderRule.objects.get(owner=alice)
    assert (rule.sender, rule.company, rule.application) == (
        "@wayne.example",
        "Wayne Enterprises",
        target,
    )
    # The next e-mail from that sender is filed without asking.
    report = import_items(
        alice,
        [
            analysed(
                message(2, from_addr="hr@wayne.example", from_name="HR"),
                label="interview_invite",
                company=None,
            )
        ],
    )
    assert report.updated == 1


@pytest.mark.django_db
def test_a_correction_can_create_a_new_application(alice: Any, alice_client: Any) -> None:
    item = queue(alice, company="Acme")
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {
            f"r{item.pk}-label": "interview_invite",
            f"r{item.pk}-company": "Acme Labs",
            f"r{item.pk}-role": "Engineer",
        },
        **HX,
    )
    assert "Filed under Engineer at Acme Labs" in response.content.decode()
    assert Application.objects.get().events.filter(kind="interview").exists()


@pytest.mark.django_db
def test_a_correction_without_an_application_or_company_is_refused(
    alice: Any, alice_client: Any
) -> None:
    item = queue(alice)
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]), {f"r{item.pk}-label": "rejection"}, **HX
    )
    assert "Pick the application this is about" in response.content.decode()
    item.refresh_from_db()
    assert item.is_open


@pytest.mark.django_db
def test_dismissing_sets_the_mail_aside(alice: Any, alice_client: Any) -> None:
    item = queue(alice)
    alice_client.post(reverse("mailbox:dismiss", args=[item.pk]), **HX)
    item.refresh_from_db()
    assert item.status == "dismissed"
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_bob_cannot_see_or_answer_alices_queue(alice: Any, bob_client: Any) -> None:
    item = queue(alice, company="Acme")
    assert "Your application" not in bob_client.get(reverse("mailbox:review")).content.decode()
    assert bob_client.post(reverse("mailbox:confirm", args=[item.pk])).status_code == 404


@pytest.mark.django_db
def test_bobs_applications_cannot_be_chosen_in_alices_correction(
    alice: Any, bob: Any, alice_client: Any
) -> None:
    bobs = add_application(bob, company="Acme", role="Data Analyst")
    item = queue(alice)
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {f"r{item.pk}-label": "rejection", f"r{item.pk}-application": bobs.pk},
        **HX,
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_the_dashboard_shows_how_many_emails_wait(alice: Any, alice_client: Any) -> None:
    assert "From your mailbox" not in alice_client.get(reverse("dashboard")).content.decode()
    queue(alice, 1)
    queue(alice, 2)
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "2 e-mails need" in page and reverse("mailbox:review") in page
