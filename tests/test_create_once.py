"""Every create happens once: Back, reload, a double click or a resubmit never make a second
rejection, application, timeline step, feedback or contact."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import SubmittedForm
from bounceback.accounts.once import new_token, run_once
from bounceback.applications.models import Application, Contact, StageEvent
from bounceback.applications.services import add_application
from bounceback.recovery.capture import CaptureInput, capture_rejection
from bounceback.recovery.models import Feedback, Rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

EMAIL = (
    "Dear Sam,\n\nThank you for applying for the Data Analyst role at Acme. Unfortunately "
    "we have decided to move ahead with another candidate.\n\nKind regards,\nPriya"
)


def test_back_after_save_and_continue_then_saving_again_makes_one_rejection(
    alice: Any, alice_client: Any
) -> None:
    paste = alice_client.get(reverse("recovery:capture")).content.decode()
    token = paste.split('name="once" value="')[1].split('"')[0]
    check = alice_client.post(
        reverse("recovery:capture"), {"step": "read", "text": EMAIL, "once": token}
    ).content.decode()
    assert f'name="once" value="{token}"' in check  # carried along from the paste page
    save = {
        "step": "save",
        "once": token,
        "text": EMAIL,
        "company": "Acme",
        "role": "Data Analyst",
        "application": "new",
        "stage": "unknown",
        "received_on": TODAY.isoformat(),
    }
    first = alice_client.post(reverse("recovery:capture"), save)
    # Back to the check page (the browser posts "read" again), then Save and continue again.
    alice_client.post(reverse("recovery:capture"), {"step": "read", "text": EMAIL, "once": token})
    second = alice_client.post(reverse("recovery:capture"), save, follow=True)
    assert first["Location"] == second.redirect_chain[0][0]
    assert "This was already saved. Here it is." in second.content.decode()
    assert Rejection.objects.filter(owner=alice).count() == 1
    assert Application.objects.filter(owner=alice).count() == 1


def test_without_a_token_the_same_capture_as_new_is_still_one(alice: Any) -> None:
    data = CaptureInput(
        text=EMAIL, company="Acme", role="Data Analyst", received_on=TODAY, create_new=True
    )
    assert capture_rejection(alice, data) == capture_rejection(alice, data)
    assert Application.objects.filter(owner=alice).count() == 1


def test_adding_an_application_twice_with_one_form_saves_one(alice: Any, alice_client: Any) -> None:
    form = {
        "company_name": "Globex",
        "role": "Tester",
        "applied_on": TODAY.isoformat(),
        "once": new_token(),
    }
    first = alice_client.post(reverse("applications:add"), form)
    second = alice_client.post(reverse("applications:add"), form)
    assert first["Location"] == second["Location"]
    assert Application.objects.filter(owner=alice).count() == 1


def test_a_double_clicked_timeline_step_is_added_once(alice: Any, alice_client: Any) -> None:
    application = add_application(alice, company="Globex", role="Tester")
    form = {"kind": "interview", "occurred_on": TODAY.isoformat(), "once": new_token()}
    url = reverse("applications:event_add", args=[application.pk])
    alice_client.post(url, form, HTTP_HX_REQUEST="true")
    again = alice_client.post(url, form, HTTP_HX_REQUEST="true").content.decode()
    assert StageEvent.objects.filter(application=application, kind="interview").count() == 1
    assert f'value="{form["once"]}"' not in again  # the next step gets a token of its own


def test_feedback_and_contacts_are_kept_once(alice: Any, alice_client: Any) -> None:
    application = add_application(alice, company="Globex", role="Tester")
    feedback = {"text": "You lacked depth in SQL.", "received_on": TODAY.isoformat()}
    feedback["once"] = new_token()
    for _ in range(2):
        alice_client.post(reverse("recovery:feedback_add", args=[application.pk]), feedback)
    assert Feedback.objects.filter(application=application).count() == 1
    contact = {"name": "Kate Moran", "role": "recruiter", "once": new_token()}
    for _ in range(2):
        alice_client.post(reverse("applications:contact_add", args=[application.pk]), contact)
    assert Contact.objects.filter(owner=alice).count() == 1


def test_a_failed_first_try_leaves_the_token_free(alice: Any) -> None:
    token = new_token()

    def broken() -> str:
        raise ValueError("the form had a problem")

    with pytest.raises(ValueError):
        run_once(alice, token, broken)
    assert not SubmittedForm.objects.exists()
    assert run_once(alice, token, lambda: "/done/") == ("/done/", True)
    assert run_once(alice, token, lambda: "/twice/") == ("/done/", False)


def test_one_persons_token_is_nothing_to_another(alice: Any, bob: Any) -> None:
    token = new_token()
    run_once(alice, token, lambda: "/alice/")
    assert run_once(bob, token, lambda: "/bob/") == ("/bob/", True)
