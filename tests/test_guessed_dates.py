"""An application first seen in a later e-mail has a guessed date, and no made-up waiting time."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application, EventKind
from bounceback.applications.services import add_application, record_event
from bounceback.insights.funnel import response_times
from bounceback.mailbox.importer import import_items
from bounceback.mailbox.services import correct
from tests.clock import TODAY
from tests.test_mail_import import analysed, message
from tests.test_mail_review import queue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("label", "guessed"),
    [
        ("rejection", True),
        ("interview_invite", True),
        ("assessment_invite", True),
        ("offer", True),
        ("application_received", False),
    ],
)
def test_an_imported_application_knows_whether_its_date_is_a_guess(
    alice: Any, label: str, guessed: bool
) -> None:
    import_items(alice, [analysed(message(1), label=label, company="Acme", role="Analyst")])
    assert Application.objects.get(owner=alice).applied_on_guessed is guessed


def test_a_correction_that_adds_an_application_from_a_rejection_marks_the_guess(
    alice: Any,
) -> None:
    item = queue(alice, company="", role="")
    application = correct(item, label="rejection", company="Corvex", role="Analyst")
    assert application is not None and application.applied_on_guessed


def test_applications_the_person_adds_have_their_own_date(alice: Any, cli: Any) -> None:
    assert not add_application(alice, company="Acme", role="Analyst").applied_on_guessed
    added = json.loads(cli("add", "Globex", "Analyst", "--json").output)
    assert added["applied_on_guessed"] is False


def test_response_times_leave_out_guessed_dates(alice: Any) -> None:
    today = TODAY
    mine = add_application(
        alice, company="Acme", role="Analyst", applied_on=today - timedelta(days=6)
    )
    record_event(mine, EventKind.SCREEN, occurred_on=today - timedelta(days=1))
    import_items(alice, [analysed(message(1), company="Globex", role="Analyst")])
    assert Application.objects.get(company__name="Globex").applied_on_guessed
    times = response_times(alice)
    assert (times.answered, times.median_days) == (1, 5.0)


def test_the_application_page_says_the_date_was_guessed_and_editing_it_makes_it_yours(
    alice: Any, alice_client: Any
) -> None:
    import_items(alice, [analysed(message(1), company="Globex", role="Analyst")])
    application = Application.objects.get(owner=alice)
    url = reverse("applications:detail", args=[application.pk])
    assert "date guessed from the e-mail" in alice_client.get(url).content.decode()
    earlier = (application.applied_on - timedelta(days=14)).isoformat()
    alice_client.post(
        reverse("applications:edit", args=[application.pk]),
        {"company_name": "Globex", "role": "Analyst", "applied_on": earlier},
    )
    application.refresh_from_db()
    assert not application.applied_on_guessed
    assert "date guessed" not in alice_client.get(url).content.decode()


def test_the_migration_marks_applications_an_earlier_import_made_from_later_mail(
    alice: Any,
) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "bounceback.mailbox.migrations.0002_mark_guessed_application_dates"
    )
    import_items(
        alice,
        [
            analysed(message(1), company="Globex", role="Analyst"),
            analysed(message(2), label="application_received", company="Acme", role="Analyst"),
        ],
    )
    add_application(alice, company="Initech", role="Analyst")
    Application.objects.update(applied_on_guessed=False)  # as before the field existed
    migration.mark_guessed(apps, None)
    guessed = {a.company.name: a.applied_on_guessed for a in Application.objects.all()}
    assert guessed == {"Globex": True, "Acme": False, "Initech": False}
