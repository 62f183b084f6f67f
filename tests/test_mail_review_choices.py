"""Review queue: no one-click add without a company, and an "About" list of likely applications."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.recovery.models import Rejection
from tests.clock import TODAY
from tests.test_mail_review import HX, queue

pytestmark = pytest.mark.django_db


def _many(owner: Any, n: int = 30) -> None:
    for i in range(n):
        add_application(
            owner,
            company=f"Company {i}",
            role="Analyst",
            applied_on=TODAY - timedelta(days=i + 1),
        )


def _options(page: str, item_pk: int) -> list[str]:
    select = re.search(rf'<select name="r{item_pk}-application"[^>]*>(.*?)</select>', page, re.S)
    assert select, "no About select"
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", select.group(1))


def test_without_a_company_there_is_no_one_click_add_and_the_company_field_waits(
    alice: Any, alice_client: Any
) -> None:
    item = queue(alice, company="", role="", subject="CodeSignal assessment for Corvex")
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "Yes, add it as a new application" not in page
    assert "couldn&#x27;t tell which company" in page or "couldn't tell which company" in page
    assert "<details open>" in page
    company = re.search(rf'<input[^>]*name="r{item.pk}-company"[^>]*>', page)
    assert company and "autofocus" in company.group(0)


def test_only_the_first_email_without_a_company_takes_the_focus(
    alice: Any, alice_client: Any
) -> None:
    queue(alice, 1, company="", role="")
    queue(alice, 2, company="", role="")
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert page.count("autofocus") == 1


def test_typing_the_company_files_it_on_a_new_application(alice: Any, alice_client: Any) -> None:
    item = queue(alice, company="", role="")
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {f"r{item.pk}-label": "rejection", f"r{item.pk}-company": "Corvex"},
        **HX,
    )
    assert "Filed under Role not named at Corvex" in response.content.decode()
    assert Rejection.objects.get().application.company.name == "Corvex"


def test_about_offers_the_same_company_first_then_a_few_recent_ones(
    alice: Any, alice_client: Any
) -> None:
    _many(alice)
    acme = add_application(
        alice, company="Acme", role="Designer", applied_on=TODAY - timedelta(days=90)
    )
    item = queue(alice, company="ACME Inc.", role="Data Analyst")
    options = _options(alice_client.get(reverse("mailbox:review")).content.decode(), item.pk)
    assert options[0] == str(acme)
    assert len(options) == 11  # Acme, then the ten most recent
    assert options[1:] == [f"Analyst at Company {i}" for i in range(10)]


def test_looking_for_an_application_with_htmx_returns_matching_options(
    alice: Any, alice_client: Any
) -> None:
    _many(alice)
    item = queue(alice, company="", role="")
    response = alice_client.get(
        reverse("mailbox:find", args=[item.pk]), {f"r{item.pk}-find": "company 27"}, **HX
    )
    body = response.content.decode()
    assert "<html" not in body
    assert _options(body, item.pk) == ["Analyst at Company 27"]


def test_looking_for_nothing_that_exists_says_so_and_keeps_the_likely_ones(
    alice: Any, alice_client: Any
) -> None:
    _many(alice, 3)
    item = queue(alice, company="", role="")
    body = alice_client.get(
        reverse("mailbox:find", args=[item.pk]), {f"r{item.pk}-find": "zzz"}, **HX
    ).content.decode()
    assert "None of your applications matches “zzz”" in body
    assert len(_options(body, item.pk)) == 3


def test_looking_works_without_javascript(alice: Any, alice_client: Any) -> None:
    _many(alice)
    item = queue(alice, company="", role="")
    page = alice_client.get(
        reverse("mailbox:review"), {"find_for": item.pk, f"r{item.pk}-find": "company 27"}
    ).content.decode()
    assert _options(page, item.pk) == ["Analyst at Company 27"]
    assert "<details open>" in page and 'value="company 27"' in page


def test_any_of_the_persons_applications_can_still_be_chosen(alice: Any, alice_client: Any) -> None:
    _many(alice)
    old = Application.objects.get(company__name="Company 29")
    item = queue(alice, company="", role="")
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {f"r{item.pk}-label": "rejection", f"r{item.pk}-application": old.pk},
    )
    assert response.status_code == 302
    assert Rejection.objects.get().application == old


def test_bob_cannot_look_through_alices_queue(alice: Any, bob_client: Any) -> None:
    item = queue(alice, company="", role="")
    response = bob_client.get(reverse("mailbox:find", args=[item.pk]), {f"r{item.pk}-find": "a"})
    assert response.status_code == 404
