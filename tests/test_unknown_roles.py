"""An application whose role no e-mail named: stored empty, shown as "Role not named" on screens only."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.applications.services import add_application, search
from bounceback.errors import UserError
from bounceback.mailbox.importer import import_items
from tests.clock import TODAY
from tests.test_mail_import import analysed, message

pytestmark = pytest.mark.django_db


def _imported_without_role(owner: Any) -> Application:
    import_items(owner, [analysed(message(1), company="Acme", role=None)])
    return Application.objects.get(owner=owner)


def test_an_imported_application_without_a_role_stores_it_empty(alice: Any) -> None:
    application = _imported_without_role(alice)
    assert application.role == ""
    assert application.role_or_placeholder == "Role not named"
    assert str(application) == "Role not named at Acme"


def test_the_placeholder_is_not_data_json_gives_an_empty_role(alice: Any, cli: Any) -> None:
    _imported_without_role(alice)
    listed = json.loads(cli("list", "--json").output)
    assert [a["role"] for a in listed] == [""]
    assert list(search(alice, "Role not named")) == []


def test_the_terminal_shows_the_placeholder(alice: Any, cli: Any) -> None:
    application = _imported_without_role(alice)
    assert "Role not named" in cli("list").output
    assert "Role not named at Acme" in " ".join(cli("show", str(application.pk)).output.split())


def test_the_pages_show_the_placeholder(alice: Any, alice_client: Any) -> None:
    application = _imported_without_role(alice)
    detail = alice_client.get(reverse("applications:detail", args=[application.pk]))
    assert "<h1>Role not named</h1>" in detail.content.decode()
    listing = alice_client.get(reverse("applications:list")).content.decode()
    assert "Role not named" in listing


def test_an_application_without_a_role_can_be_edited_and_given_one_later(
    alice: Any, alice_client: Any
) -> None:
    application = _imported_without_role(alice)
    url = reverse("applications:edit", args=[application.pk])
    day = application.applied_on.isoformat()
    response = alice_client.post(url, {"company_name": "Acme", "role": "", "applied_on": day})
    assert response.status_code == 302
    alice_client.post(url, {"company_name": "Acme", "role": "Data Analyst", "applied_on": day})
    application.refresh_from_db()
    assert application.role == "Data Analyst"


def test_a_role_is_still_needed_when_the_person_adds_an_application(
    alice: Any, alice_client: Any
) -> None:
    response = alice_client.post(
        reverse("applications:add"),
        {"company_name": "Acme", "role": "", "applied_on": TODAY.isoformat()},
    )
    assert response.status_code == 200 and not Application.objects.exists()
    with pytest.raises(UserError, match="role"):
        add_application(alice, company="Acme", role=" ")


def test_the_migration_clears_the_old_placeholder_and_nothing_else(alice: Any) -> None:
    migration = importlib.import_module("bounceback.applications.migrations.0002_role_may_be_blank")
    old = add_application(alice, company="Acme", role="Analyst")
    Application.objects.filter(pk=old.pk).update(role="Role not named in the e-mail")
    kept = add_application(alice, company="Globex", role="Role not named in the e-mail, really")
    migration.clear_placeholder(apps, None)
    assert Application.objects.get(pk=old.pk).role == ""
    assert Application.objects.get(pk=kept.pk).role == "Role not named in the e-mail, really"
