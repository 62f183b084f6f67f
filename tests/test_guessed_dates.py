"""An application first seen in a later e-mail has a guessed date, and no made-up waiting time."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application, EventKind
from bounceback.applications.services import add_application, record_event, weeks_in_a_row
from bounceback.insights.funnel import response_times
from bounceback.mailbox.importer import import_items
from bounceback.mailbox.services import correct
from bounceback.recovery.capture import CaptureInput, capture_rejection
from tests.clock import CURRENT_TIME, TODAY
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
    assert "not the day you applied" in alice_client.get(url).content.decode()
    earlier = (application.applied_on - timedelta(days=14)).isoformat()
    alice_client.post(
        reverse("applications:edit", args=[application.pk]),
        {"company_name": "Globex", "role": "Analyst", "applied_on": earlier},
    )
    application.refresh_from_db()
    assert not application.applied_on_guessed
    page = alice_client.get(url).content.decode()
    assert "not the day you applied" not in page and "day guessed" not in page


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


def test_a_guessed_day_stays_out_of_this_weeks_count_until_confirmed(
    alice: Any, alice_client: Any
) -> None:
    add_application(alice, company="Acme", role="Analyst", applied_on=TODAY)
    import_items(
        alice,
        [analysed(message(1, date=CURRENT_TIME), company="Globex", role="Analyst")],
    )
    globex = Application.objects.get(company__name="Globex")
    assert globex.applied_on == TODAY and globex.applied_on_guessed
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "<dd>1 <span" in page  # this week: only Acme
    assert "1 more this week has a day guessed from an e-mail" in page
    alice_client.post(reverse("applications:applied_confirm", args=[globex.pk]))
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "<dd>2 <span" in page and "guessed from an e-mail" not in page
    globex.refresh_from_db()
    assert not globex.applied_on_guessed
    assert not globex.events.filter(date_guessed=True).exists()


def test_momentum_counts_only_weeks_with_a_day_the_person_gave(alice: Any) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    for weeks in (1, 2, 3):
        application = add_application(
            alice, company=f"Co {weeks}", role="Analyst", applied_on=monday - timedelta(weeks=weeks)
        )
        if weeks == 2:
            Application.objects.filter(pk=application.pk).update(applied_on_guessed=True)
    assert weeks_in_a_row(alice, TODAY) == 1


def test_a_pasted_rejection_for_a_new_application_guesses_and_says_so(alice: Any) -> None:
    rejection = capture_rejection(
        alice,
        CaptureInput(company="Acme", role="Analyst", stage="interview", received_on=TODAY),
    )
    application = rejection.application
    assert application.applied_on_guessed
    interview = application.events.get(kind=EventKind.INTERVIEW)
    assert interview.date_guessed and interview.occurred_on == TODAY
    assert response_times(alice).left_out == 1
    assert response_times(alice).answered == 0


def test_a_day_applied_given_with_the_paste_is_not_a_guess(alice: Any) -> None:
    rejection = capture_rejection(
        alice,
        CaptureInput(
            company="Acme",
            role="Analyst",
            received_on=TODAY,
            applied_on=TODAY - timedelta(days=9),
        ),
    )
    assert not rejection.application.applied_on_guessed


def test_confirming_a_guessed_step_day_lets_it_count(alice: Any, alice_client: Any) -> None:
    rejection = capture_rejection(
        alice,
        CaptureInput(
            company="Acme",
            role="Analyst",
            stage="interview",
            received_on=TODAY,
            applied_on=TODAY - timedelta(days=20),
        ),
    )
    application = rejection.application
    interview = application.events.get(kind=EventKind.INTERVIEW)
    assert response_times(alice).left_out == 1
    page = alice_client.get(reverse("applications:detail", args=[application.pk]))
    assert "That day is right" in page.content.decode()
    alice_client.post(reverse("applications:event_confirm", args=[application.pk, interview.pk]))
    times = response_times(alice)
    assert (times.answered, times.left_out, times.median_days) == (1, 0, 20.0)


def test_the_insights_page_and_json_say_what_they_left_out(
    alice: Any, alice_client: Any, cli: Any
) -> None:
    import_items(alice, [analysed(message(1), company="Globex", role="Analyst")])
    page = alice_client.get(reverse("insights:index")).content.decode()
    assert "1 application with a guessed day applied is left out of your weekly pace" in page
    data = json.loads(cli("insights", "--json").stdout)
    assert data["guessed_dates_left_out"] == 1
    assert data["response_days"]["left_out_guessed"] == 1


def test_the_cli_marks_guesses_and_confirms_them(alice: Any, cli: Any) -> None:
    import_items(alice, [analysed(message(1), company="Globex", role="Analyst")])
    application = Application.objects.get()
    listed = cli("list").stdout
    assert "*" in listed and "bounceback confirm ID" in " ".join(listed.split())
    assert cli("list", "--guessed", "--json").stdout.count('"id"') == 1
    result = cli("confirm", str(application.pk), "--on", (TODAY - timedelta(days=30)).isoformat())
    assert result.exit_code == 0
    assert "Confirmed on" in result.stdout
    application.refresh_from_db()
    assert application.applied_on == TODAY - timedelta(days=30)
    assert not application.applied_on_guessed
    rejection = application.rejection
    assert rejection.confirmed and rejection.filed_from_mail
    again = cli("confirm", str(application.pk))
    assert "Nothing on" in again.stdout
