"""One company matcher behind the web search, `list --search`, the warning on add (web and CLI
alike) and mail matching: legal forms, spacing, joined words and small typos."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application, Company
from bounceback.applications.services import add_application, match_application, search
from bounceback.lib.companies import alike, matching, same_company, similarity
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("nortwind", "Northwind Analytics"),
        ("lumen cloud", "LumenCloud"),
        ("lumencloud", "Lumen Cloud Ltd"),
        ("acme ltd", "Acme"),
        ("northwind analytcs", "Northwind Analytics"),
    ],
)
def test_typed_letters_find_the_company(typed: str, name: str) -> None:
    assert matching(typed, {1: name}) == [1]


@pytest.mark.parametrize(
    ("typed", "name"), [("acme", "Apex"), ("company 27", "Company 2"), ("data", "Globex")]
)
def test_other_names_are_not_found(typed: str, name: str) -> None:
    assert matching(typed, {1: name}) == []


def test_spacing_and_legal_forms_are_the_same_company_typos_only_alike() -> None:
    assert same_company("LumenCloud Ltd", "Lumen Cloud")
    assert not same_company("Nortwind", "Northwind")
    assert similarity("Nortwind", "Northwind") >= 88
    assert alike("Nortwind", {1: "Northwind", 2: "Acme", 3: "Nortwind"}) == [1]
    assert similarity("Studio 54", "Studio 45") == 0


def test_did_i_already_apply_answers_yes_on_the_web_and_the_cli(
    alice: Any, alice_client: Any, cli: Any
) -> None:
    add_application(alice, company="Northwind Analytics", role="Analyst")
    add_application(alice, company="LumenCloud", role="Engineer")
    for typed, company in (("nortwind", "Northwind Analytics"), ("lumen cloud", "LumenCloud")):
        page = alice_client.get(reverse("applications:list"), {"q": typed}).content.decode()
        assert "Yes: you applied to 1 role" in page and company in page
        listed = json.loads(cli("list", "--search", typed, "--json").stdout)
        assert [a["company"] for a in listed] == [company]
        assert [a.company.name for a in search(alice, typed)] == [company]


def test_acme_ltd_is_acme_on_the_web_and_in_the_cli(
    alice: Any, alice_client: Any, cli: Any
) -> None:
    add_application(alice, company="Acme", role="Analyst")
    alice_client.post(
        reverse("applications:add"),
        {"company_name": "Acme Ltd", "role": "Engineer", "applied_on": TODAY.isoformat()},
    )
    cli("add", "ACME Limited", "Designer")
    assert list(Company.objects.filter(owner=alice).values_list("name", flat=True)) == ["Acme"]
    assert Application.objects.filter(owner=alice, company__name="Acme").count() == 3


def test_a_close_name_is_asked_about_on_the_web_never_merged(alice: Any, alice_client: Any) -> None:
    northwind = add_application(alice, company="Northwind Analytics", role="Analyst").company
    form = {
        "company_name": "Nortwind Analytics",
        "role": "Engineer",
        "applied_on": TODAY.isoformat(),
    }
    page = alice_client.post(reverse("applications:add"), form).content.decode()
    assert "Is “Nortwind Analytics” one of these?" in page and "Nothing is saved yet" in page
    assert Application.objects.filter(owner=alice).count() == 1
    alice_client.post(reverse("applications:add"), {**form, "same_as": northwind.pk})
    assert Application.objects.filter(owner=alice, company=northwind).count() == 2
    alice_client.post(reverse("applications:add"), {**form, "save_anyway": "on"})
    assert Company.objects.filter(owner=alice).count() == 2  # "a different company"


def test_the_cli_warns_about_a_close_name_and_keeps_them_apart(alice: Any, cli: Any) -> None:
    add_application(alice, company="Northwind Analytics", role="Analyst")
    result = cli("add", "Nortwind Analytics", "Engineer")
    assert result.exit_code == 0
    assert "“Northwind Analytics” is close to “Nortwind Analytics”" in " ".join(
        result.stderr.split()
    )
    assert Company.objects.filter(owner=alice).count() == 2


def test_mail_naming_a_company_without_its_spacing_is_matched_for_certain(alice: Any) -> None:
    application = add_application(alice, company="Lumen Cloud", role="Engineer")
    match = match_application(alice, "LumenCloud Ltd", "Engineer")
    assert match.certain and match.application == application
    near = match_application(alice, "Lumen Clowd", "Engineer")
    assert not near.certain and list(near.candidates) == [application]
