"""Bringing in a spreadsheet in the browser: upload, fix a column, see the plan, confirm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.clock import TODAY
from tests.conftest import screenshot, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_spreadsheet_is_previewed_mapped_and_brought_in(
    signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    from bounceback.applications.models import Application

    sheet = tmp_path / "my-search.csv"
    sheet.write_text(
        "Firm,Job,Sent on,Where things are\n"
        f"Acme,Data Analyst,{TODAY.isoformat()},Rejected after interview\n"
        f"Globex,Engineer,{TODAY.isoformat()},Phone screen\n"
        f"ACME Ltd,data analyst,{TODAY.isoformat()},Rejected\n",
        encoding="utf-8",
    )
    page = signed_in_page
    page.goto(live_server.url + "/applications/")
    page.get_by_role("link", name="Bring in a spreadsheet").click()
    page.get_by_label("Your spreadsheet, saved as CSV").set_input_files(str(sheet))
    page.get_by_role("button", name="Show me what it makes").click()

    page.get_by_role("heading", name="Check what will be made").wait_for()
    # "Firm" and "Job" read by their headings; the other two are not guessed: the person says.
    assert page.get_by_label("Read “Firm” as").input_value() == "company"
    page.get_by_label("Read “Sent on” as").select_option("applied_on")
    page.get_by_label("Read “Where things are” as").select_option("status")
    page.get_by_text("2 applications to bring in, 1 of them with a “not selected”").wait_for()
    page.get_by_text("Same as line 2 of this file").wait_for()
    assert Application.objects.count() == 0
    shoot(page, "spreadsheet-1-preview")

    page.get_by_role("button", name="Bring in 2 applications").click()
    page.get_by_text("Brought in 2 applications, 1 with their “not selected” recorded.").wait_for()
    screenshot(page, "spreadsheet-2-done")
    stages = {a.company.name: (a.stage, a.status) for a in Application.objects.all()}
    assert stages == {"Acme": ("interview", "rejected"), "Globex": ("screen", "active")}
