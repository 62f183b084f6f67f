"""Applications → "Bring in a spreadsheet": upload, choose the columns, see, confirm."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bounceback.applications.models import Application
from bounceback.recovery.models import Rejection
from bounceback.spreadsheets.models import SheetUpload
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

SENT = (TODAY - timedelta(days=16)).isoformat()
SHEET = (
    "Employer,Job,Applied,Status,Ad\n"
    f"Acme,Data Analyst,{SENT},Rejected,https://acme.example/1\n"
    f"Globex,Engineer,{SENT},Interview,javascript:alert(1)\n"
    f"Acme Ltd,data analyst,{SENT},Rejected,\n"
)


def _upload(client: Client, text: str | bytes = SHEET, **extra: str) -> Any:
    data = text.encode() if isinstance(text, str) else text
    return client.post(
        "/applications/import/",
        {"file": SimpleUploadedFile("jobs.csv", data, content_type="text/csv"), **extra},
    )


def test_the_applications_page_offers_to_bring_in_a_spreadsheet(alice_client: Client) -> None:
    page = alice_client.get("/applications/").content.decode()
    assert 'href="/applications/import/"' in page
    assert "Bring in a spreadsheet" in page


def test_an_upload_shows_the_guessed_columns_and_what_will_be_made(alice_client: Client) -> None:
    response = _upload(alice_client)
    assert response.status_code == 302
    page = alice_client.get(response["Location"]).content.decode()

    assert '<option value="company" selected>Company</option>' in page
    assert "2 applications to bring in" in page
    assert "1 duplicate left out" in page
    assert "Same as line 2 of this file" in page
    assert Application.objects.count() == 0  # nothing saved yet


def test_changing_a_column_answers_htmx_with_the_plan_alone(alice_client: Client) -> None:
    location = _upload(alice_client)["Location"]
    choice = {
        "col_0": "company",
        "col_1": "role",
        "col_2": "ignore",
        "col_3": "ignore",
        "col_4": "ignore",
    }

    fragment = alice_client.get(location, choice, HTTP_HX_REQUEST="true").content.decode()

    assert fragment.lstrip().startswith('<section id="sheet-plan"')
    assert "(a guess)" in fragment  # no date column now: the days are guesses
    assert 'name="col_2" value="ignore"' in fragment


def test_confirming_brings_in_the_rows_and_lets_the_file_go(
    alice_client: Client, alice: Any
) -> None:
    location = _upload(alice_client)["Location"]
    pk = location.rstrip("/").split("/")[-1]
    choice = {
        "col_0": "company",
        "col_1": "role",
        "col_2": "applied_on",
        "col_3": "status",
        "col_4": "link",
    }

    response = alice_client.post(f"/applications/import/{pk}/confirm/", choice)

    assert response.status_code == 302
    assert Application.objects.filter(owner=alice).count() == 2
    assert Rejection.objects.filter(owner=alice).count() == 1
    assert Application.objects.get(company__name="Globex").link == ""
    assert not SheetUpload.objects.exists()
    follow = alice_client.get(response["Location"]).content.decode()
    assert "Brought in 2 applications, 1 with their “not selected” recorded." in follow
    # A second yes (a double click) finds nothing waiting, and nothing doubles.
    assert alice_client.post(f"/applications/import/{pk}/confirm/", choice).status_code == 404
    assert Application.objects.count() == 2


def test_a_file_that_is_not_a_csv_is_refused_on_the_form(alice_client: Client) -> None:
    response = _upload(alice_client, b"PK\x03\x04 a workbook")

    assert response.status_code == 400
    assert "an Excel workbook (.xlsx)" in response.content.decode()
    assert not SheetUpload.objects.exists()


def test_ambiguous_dates_ask_for_the_order_on_the_page(alice_client: Client) -> None:
    location = _upload(alice_client, f"Company,Role,Date\nAcme,Analyst,3/11/{TODAY.year - 1}\n")[
        "Location"
    ]

    page = alice_client.get(location).content.decode()
    assert "could be day-first or month-first" in page
    assert "--date-order" not in page
    told = alice_client.get(location, {"date_order": "dmy"}).content.decode()
    assert "1 application to bring in" in told


def test_choosing_no_company_column_says_so(alice_client: Client) -> None:
    location = _upload(alice_client)["Location"]
    choice = dict.fromkeys([f"col_{i}" for i in range(5)], "ignore")

    page = alice_client.get(location, choice).content.decode()

    assert "Choose the column that holds the company." in page
    assert "Bring in 0" not in page


def test_someone_else_cannot_see_or_confirm_an_upload(
    alice_client: Client, bob_client: Client
) -> None:
    location = _upload(alice_client)["Location"]

    assert bob_client.get(location).status_code == 404
    assert bob_client.post(location + "confirm/", {"col_0": "company"}).status_code == 404
    assert Application.objects.count() == 0


def test_a_new_upload_replaces_the_one_left_waiting(alice_client: Client) -> None:
    _upload(alice_client)
    _upload(alice_client)

    assert SheetUpload.objects.count() == 1
