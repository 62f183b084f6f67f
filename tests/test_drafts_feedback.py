"""The feedback request is always drafted unless the person says what they have is enough;
drafts are signed with the person's own name (asked once) and can be edited before copying."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import Profile
from bounceback.applications.services import add_application
from bounceback.recovery.services import record_rejection

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejection(alice: Any) -> Any:
    # A stock line ("another candidate whose experience more closely matches") read as feedback.
    return record_rejection(
        add_application(alice, company="Acme", role="Analyst"),
        has_feedback=True,
        source_text="We chose another candidate whose experience more closely matches our needs.",
    )


def test_a_stock_line_read_as_feedback_leaves_the_request_in_place(
    alice_client: Any, rejection: Any
) -> None:
    page = alice_client.get(reverse("recovery:drafts", args=[rejection.pk])).content.decode()
    assert "Feedback request" in page
    assert "The e-mail seems to say something about how you were judged." in page
    app_page = alice_client.get(
        reverse("applications:detail", args=[rejection.application_id])
    ).content.decode()
    assert "Thank-you and feedback drafts" in app_page


def test_saying_it_is_enough_removes_the_request_and_can_be_taken_back(
    alice_client: Any, rejection: Any
) -> None:
    url = reverse("recovery:feedback_enough", args=[rejection.pk])
    alice_client.post(url, {"enough": "on"})
    page = alice_client.get(reverse("recovery:drafts", args=[rejection.pk])).content.decode()
    assert 'id="d-feedback_request"' not in page
    assert "Draft a feedback request after all" in page
    app_page = alice_client.get(
        reverse("applications:detail", args=[rejection.application_id])
    ).content.decode()
    assert "Thank-you draft" in app_page and "feedback drafts" not in app_page
    alice_client.post(url, {"enough": ""})
    page = alice_client.get(reverse("recovery:drafts", args=[rejection.pk])).content.decode()
    assert 'id="d-feedback_request"' in page


def test_the_capture_form_asks_whether_what_they_said_is_enough(
    alice: Any, alice_client: Any
) -> None:
    response = alice_client.post(
        reverse("recovery:capture"),
        {
            "step": "save",
            "company": "Globex",
            "role": "Tester",
            "application": "new",
            "stage": "unknown",
            "received_on": "2026-11-10",
            "feedback_enough": "on",
        },
    )
    assert response.status_code == 302
    from bounceback.recovery.models import Rejection

    assert Rejection.objects.get(owner=alice).feedback_enough


def test_drafts_ask_for_the_name_once_and_are_signed_with_it(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    url = reverse("recovery:drafts", args=[rejection.pk])
    page = alice_client.get(url).content.decode()
    assert "How do you sign your e-mails?" in page and "[your name]" in page
    assert "readonly" not in page  # the person can change any word before copying
    response = alice_client.post(
        reverse("accounts:sign_as"), {"sign_as": " Sam  Okafor ", "back": url}
    )
    assert response["Location"] == url
    assert Profile.for_user(alice).sign_as == "Sam Okafor"
    page = alice_client.get(url).content.decode()
    assert "How do you sign your e-mails?" not in page
    assert "Sam Okafor" in page and "[your name]" not in page
    settings_page = alice_client.get(reverse("accounts:settings")).content.decode()
    assert 'value="Sam Okafor"' in settings_page


def test_an_empty_name_is_refused_kindly(alice: Any, alice_client: Any) -> None:
    alice_client.post(reverse("accounts:sign_as"), {"sign_as": "   "})
    assert Profile.for_user(alice).sign_as == ""
