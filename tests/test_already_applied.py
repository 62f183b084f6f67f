"""Adding an application you already have: the CLI warns and saves, the web form asks first."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.applications.services import add_application, already_applied
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_the_same_role_at_the_same_company_is_found_forgivingly(alice: Any, bob: Any) -> None:
    first = add_application(alice, company="Acme", role="Analyst")
    add_application(alice, company="Acme", role="Engineer")
    add_application(bob, company="Acme", role="Analyst")
    assert already_applied(alice, "ACME Inc.", " analyst ") == [first]
    assert already_applied(alice, "Globex", "Analyst") == []


def test_the_cli_warns_about_a_duplicate_and_saves_it_anyway(cli: Any) -> None:
    cli("add", "Acme", "Analyst", "--on", "2026-11-01")
    result = cli("add", "ACME Inc.", "analyst")
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert "You already applied to Acme for Analyst on 1 Nov 2026 — saved anyway" in said
    assert "bounceback list --search acme" in said
    assert Application.objects.count() == 2


def test_with_json_the_warning_stays_off_stdout(cli: Any) -> None:
    cli("add", "Acme", "Analyst")
    result = cli("add", "Acme", "Analyst", "--json")
    assert json.loads(result.stdout)["company"] == "Acme"
    assert "already applied" in result.stderr


def test_a_new_role_gets_no_warning(cli: Any) -> None:
    cli("add", "Acme", "Analyst")
    assert "already applied" not in cli("add", "Acme", "Engineer").stderr


def test_the_web_form_asks_before_saving_a_duplicate(alice: Any, alice_client: Any) -> None:
    day = TODAY - timedelta(days=17)
    earlier = add_application(alice, company="Acme", role="Analyst", applied_on=day)
    fields = {"company_name": "ACME Inc.", "role": "analyst", "applied_on": TODAY.isoformat()}
    response = alice_client.post(reverse("applications:add"), fields)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"You already applied to Acme for Analyst on {day.day} {day:%b %Y}" in page
    assert earlier.get_absolute_url() in page and "Save it anyway" in page
    assert Application.objects.count() == 1
    response = alice_client.post(reverse("applications:add"), {**fields, "save_anyway": "on"})
    assert response.status_code == 302
    assert Application.objects.count() == 2
