"""Journey 2 on the web (feedback arrives), wellbeing hooks, and keeping people's things apart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.recovery.feedback import record_feedback
from bounceback.recovery.models import Action, Feedback, Reflection
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

GENERIC = "Thank you for your interest. We had many strong candidates and chose someone else."


def test_pasted_generic_feedback_leads_to_one_polite_second_ask(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    record_rejection(application)
    response = alice_client.post(
        f"/rejections/feedback/for/{application.pk}/",
        {"text": GENERIC, "received_on": TODAY.isoformat()},
    )
    feedback = Feedback.objects.get()
    assert response["Location"] == f"/rejections/feedback/{feedback.pk}/second-ask/"
    page = alice_client.get(response["Location"]).content.decode()
    assert "Once is enough" in page and "Re: Analyst" in page
    alice_client.post(f"/rejections/feedback/{feedback.pk}/second-ask/sent/")
    assert Feedback.objects.get().second_ask_sent
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "you asked once more" in page and "ask once for specifics?" not in page


def test_empty_or_future_feedback_comes_back_with_the_text_kept(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    later = (TODAY + timedelta(days=2)).isoformat()
    page = alice_client.post(
        f"/rejections/feedback/for/{application.pk}/",
        {"text": "They liked my SQL", "received_on": later},
    ).content.decode()
    assert "That date is in the future" in page and "They liked my SQL" in page
    page = alice_client.post(
        f"/rejections/feedback/for/{application.pk}/",
        {"text": "", "received_on": TODAY.isoformat()},
    ).content.decode()
    assert "Paste what they wrote first" in page
    assert not Feedback.objects.exists()


def test_feedback_is_shown_on_the_application_page_apart_from_reflection(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application)
    record_feedback(
        application, "The panel felt you would benefit from more depth in experiment design."
    )
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "What they said" in page and "experiment design" in page
    assert Reflection.objects.filter(rejection=rejection).count() == 0


def test_a_distressed_answer_is_saved_and_brings_help_on_a_quiet_page(
    alice_client: Any, alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bounceback.recovery import views

    monkeypatch.setattr(views, "detect", lambda text: "hopeless" in text)
    rejection = record_rejection(add_application(alice, company="Acme", role="A"))
    url = f"/rejections/{rejection.pk}/reflect/"
    htmx = alice_client.post(
        url, {"key": "went_well", "answer": "I feel hopeless"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Saved" in htmx and "carry this alone" in htmx and "calm-cover" in htmx
    # Once the cover has been shown on the page, the next autosave brings a quiet link.
    again = alice_client.post(
        url,
        {"key": "went_well", "answer": "I feel hopeless.", "support_seen": "1"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "calm-cover" not in again and "People you can talk to" in again
    plain = alice_client.post(url, {"key": "went_well", "answer": "Still hopeless"})
    body = plain.content.decode()
    assert plain.status_code == 200 and "carry this alone" in body
    assert f'href="{url}#q-went_well"' in body and "Back to your reflection" in body
    assert "Acme" not in body  # nothing else on the page competes with the help
    assert Reflection.objects.get().answer == "Still hopeless"


def test_bob_cannot_touch_alices_steps_or_feedback(alice: Any, bob_client: Any) -> None:
    application = add_application(alice, company="Acme", role="A")
    action = Action.objects.create(owner=alice, title="Mine", due_on=TODAY)
    feedback = record_feedback(application, GENERIC)
    assert bob_client.post(f"/rejections/steps/{action.pk}/", {"do": "done"}).status_code == 404
    assert bob_client.get(f"/rejections/feedback/{feedback.pk}/second-ask/").status_code == 404
    assert (
        bob_client.post(f"/rejections/feedback/{feedback.pk}/second-ask/sent/").status_code == 404
    )
    assert (
        bob_client.post(f"/rejections/feedback/for/{application.pk}/", {"text": "x"}).status_code
        == 404
    )
    assert "Mine" not in bob_client.get("/rejections/today/").content.decode()
    action.refresh_from_db()
    assert action.status == "open"
