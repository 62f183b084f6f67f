"""Timeline entries on the web: adding the next step, and editing one without changing what it says."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application, EventKind, StageEvent, Status
from bounceback.applications.services import add_application, record_event
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def _selected(page: str, name: str = "kind") -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no <select name={name}>"
    chosen = re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return chosen[0] if chosen else ""


def _options(page: str, name: str = "kind") -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select
    return re.findall(r'<option value="([^"]*)"', select.group(1))


def _rejected(alice: Any) -> tuple[Application, StageEvent]:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    record_rejection(application, received_on=TODAY - timedelta(days=2))
    return application, application.events.get(kind=EventKind.REJECTED)


def test_editing_a_not_selected_entry_shows_it_as_not_selected(
    alice: Any, alice_client: Any
) -> None:
    application, event = _rejected(alice)
    page = alice_client.get(
        reverse("applications:event_edit", args=[application.pk, event.pk])
    ).content.decode()
    assert _selected(page) == EventKind.REJECTED
    assert "Not selected" in page


def test_adding_a_note_to_a_not_selected_entry_keeps_it_not_selected(
    alice: Any, alice_client: Any
) -> None:
    application, event = _rejected(alice)
    url = reverse("applications:event_edit", args=[application.pk, event.pk])
    response = alice_client.post(
        url,
        {
            "kind": "rejected",
            "occurred_on": event.occurred_on.isoformat(),
            "note": "Kind call from Priya",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.kind, event.note) == (EventKind.REJECTED, "Kind call from Priya")


def test_a_not_selected_entry_cannot_quietly_become_another_step(
    alice: Any, alice_client: Any
) -> None:
    application, event = _rejected(alice)
    url = reverse("applications:event_edit", args=[application.pk, event.pk])
    response = alice_client.post(
        url, {"kind": "applied", "occurred_on": event.occurred_on.isoformat(), "note": ""}
    )
    assert response.status_code == 200
    assert "can&#x27;t become another step" in response.content.decode()
    event.refresh_from_db()
    application.refresh_from_db()
    assert event.kind == EventKind.REJECTED and application.status == Status.REJECTED


def test_editing_any_other_step_keeps_its_kind_selected(alice: Any, alice_client: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    event = record_event(application, EventKind.FINAL, occurred_on=TODAY)
    page = alice_client.get(
        reverse("applications:event_edit", args=[application.pk, event.pk])
    ).content.decode()
    assert _selected(page) == EventKind.FINAL
    assert EventKind.REJECTED not in _options(page)


def test_another_step_cannot_be_turned_into_a_rejection_behind_the_recovery_flow(
    alice: Any, alice_client: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    event = record_event(application, EventKind.SCREEN, occurred_on=TODAY)
    response = alice_client.post(
        reverse("applications:event_edit", args=[application.pk, event.pk]),
        {"kind": "rejected", "occurred_on": TODAY.isoformat(), "note": ""},
    )
    assert "I heard back: not selected" in response.content.decode()
    event.refresh_from_db()
    assert event.kind == EventKind.SCREEN


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], EventKind.SCREEN),
        ([EventKind.SCREEN], EventKind.INTERVIEW),
        ([EventKind.ASSESSMENT], EventKind.INTERVIEW),
        ([EventKind.INTERVIEW], EventKind.INTERVIEW),
        ([EventKind.FINAL], EventKind.OFFER),
        ([EventKind.WITHDRAWN], EventKind.NOTE),
    ],
)
def test_add_a_step_starts_on_the_step_that_usually_comes_next(
    alice: Any, alice_client: Any, steps: list[str], expected: str
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    for kind in steps:
        record_event(application, kind)
    page = alice_client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert _selected(page) == expected


def test_after_adding_a_step_the_form_moves_on_to_the_next_one(
    alice: Any, alice_client: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    response = alice_client.post(
        reverse("applications:event_add", args=[application.pk]),
        {"kind": "screen", "occurred_on": TODAY.isoformat(), "note": ""},
        HTTP_HX_REQUEST="true",
    )
    assert _selected(response.content.decode()) == EventKind.INTERVIEW
