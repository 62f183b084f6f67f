"""Smaller defects found by trying bounceback as a new user would."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import SignInToken
from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.wellbeing.models import ExerciseEntry
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

NONSENSE = "1900-01-01"


def test_a_date_that_makes_no_sense_is_refused_with_the_reason_on_the_web(
    alice: Any, alice_client: Any
) -> None:
    page = alice_client.post(
        reverse("applications:add"),
        {"company_name": "Acme", "role": "Analyst", "applied_on": NONSENSE},
    ).content.decode()
    assert "more than 20 years ago (1 Jan 1900). Check the year" in page
    assert not Application.objects.exists()
    application = add_application(alice, company="Acme", role="Analyst")
    response = alice_client.post(
        reverse("applications:event_add", args=[application.pk]),
        {"kind": "interview", "occurred_on": NONSENSE},
        HTTP_HX_REQUEST="true",
    )
    assert "Check the year" in response.content.decode()
    capture = alice_client.post(
        reverse("recovery:capture"),
        {
            "step": "save",
            "company": "Acme",
            "role": "Analyst",
            "application": str(application.pk),
            "stage": "unknown",
            "received_on": NONSENSE,
        },
    ).content.decode()
    assert "Check the year" in capture


def test_a_date_that_makes_no_sense_is_refused_in_the_cli(alice: Any, cli: Any) -> None:
    result = cli("add", "Acme", "Analyst", "--on", NONSENSE)
    assert result.exit_code == 1
    assert "more than 20 years ago" in " ".join(result.stderr.split())
    assert not Application.objects.exists()
    cli("add", "Acme", "Analyst")
    assert cli("stage", "1", "interview", "--on", NONSENSE).exit_code == 1
    assert cli("reject", "--app", "1", "--on", NONSENSE, "--no-input").exit_code == 1


def test_saving_the_ikigai_never_says_goals_were_made(alice: Any, alice_client: Any) -> None:
    alice_client.post(
        reverse("wellbeing:exercise", args=["ikigai"]),
        {"love": "Untangling messy data", "titles": "Data analyst"},
    )
    entry = ExerciseEntry.objects.get(owner=alice, exercise="ikigai")
    page = alice_client.get(
        reverse("wellbeing:exercise", args=["ikigai"]) + f"?entry={entry.pk}&saved=1"
    ).content.decode()
    assert "Nothing becomes a goal until you choose" in page
    assert "shows what this turned into" not in page
    made = alice_client.post(
        reverse("wellbeing:ikigai_goals", args=[entry.pk]), follow=True
    ).content.decode()
    assert "Made 1 goal from your worksheet." in made
    again = alice_client.post(
        reverse("wellbeing:ikigai_goals", args=[entry.pk]), follow=True
    ).content.decode()
    assert "nothing new was added" in again
    page = alice_client.get(reverse("wellbeing:exercise", args=["ikigai"])).content.decode()
    assert "1 of <a" in page and "came from this worksheet" in page


def test_reloading_a_used_link_while_signed_in_shows_the_app(client: Any, alice: Any) -> None:
    token = SignInToken.issue(alice)
    url = reverse("accounts:sign_in_link", args=[token])
    assert client.get(url)["Location"] == reverse("dashboard")
    again = client.get(url)
    assert again.status_code == 302 and again["Location"] == reverse("dashboard")


def test_someone_elses_used_link_is_still_called_used(client: Any, alice: Any, bob: Any) -> None:
    used = SignInToken.issue(bob)
    client.get(reverse("accounts:sign_in_link", args=[used]))
    client.logout()
    client.force_login(alice)
    assert client.get(reverse("accounts:sign_in_link", args=[used])).status_code == 403


def test_long_words_wrap_everywhere(alice_client: Any) -> None:
    css = alice_client.get("/static/bounceback/app.css")
    body = b"".join(css.streaming_content) if css.streaming else css.content  # type: ignore[attr-defined]
    assert b"overflow-wrap: anywhere" in body


def test_a_day_applied_today_is_fine(alice: Any) -> None:
    assert add_application(alice, company="Acme", role="Analyst", applied_on=TODAY)
