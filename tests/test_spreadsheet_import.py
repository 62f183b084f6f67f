"""Bringing in a spreadsheet: `bounceback import-csv`, its preview, and what it makes."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.models import Application, EventKind, Stage, StageEvent, Status
from bounceback.applications.services import add_application
from bounceback.errors import UserError
from bounceback.recovery.models import Rejection, StageReached
from bounceback.spreadsheets import importing
from bounceback.spreadsheets.services import bring_in, preview
from tests.clock import TODAY
from tests.spreadsheet_sample import EXISTING_ROLE, messy_sheet

pytestmark = pytest.mark.django_db


def _file(tmp_path: Path, text: str | bytes, name: str = "jobs.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


YEAR = TODAY.year - 1  # numeric dates in a year that is past whatever the clock


def _day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


# --- The messy 500-row spreadsheet ------------------------------------------------------


@pytest.fixture
def messy(alice: Any) -> Any:
    sample = messy_sheet(TODAY)
    for company in sample.existing:
        add_application(alice, company=company, role=EXISTING_ROLE, applied_on=_day(40))
    return sample


def test_the_messy_sample_really_has_500_rows_and_blank_lines(messy: Any) -> None:
    assert messy.rows == 500
    assert messy.blank_lines == 25
    assert (messy.to_create, messy.duplicates_in_file, messy.duplicates_in_db, messy.skipped) == (
        420,
        42,
        18,
        20,
    )


def test_a_messy_spreadsheet_previews_with_exact_counts(alice: Any, messy: Any) -> None:
    plan = preview(alice, messy.data)

    assert plan.summary() == {
        "to_create": 420,
        "rejections": messy.rejections,
        "duplicates": 60,
        "skipped": 20,
        "blank_lines": 25,
    }
    assert plan.date_order == "dmy"
    in_db = [d for d in plan.duplicates if d.application_id]
    assert len(in_db) == 18
    assert all(
        d.of.startswith("Already in bounceback: Support Analyst at Longstanding") for d in in_db
    )
    reasons = {s.reason.split("(")[0].split(" is in")[0] for s in plan.skipped}
    assert reasons == {
        "No company on this line.",
        "Not applied yet ",
        "“sometime in spring” isn't a date bounceback can read.",
        "The date applied",
        "The company cell is a formula, not a name.",
    }
    assert Application.objects.filter(owner=alice).count() == 18  # a preview saves nothing


def test_a_dry_run_shows_the_preview_and_saves_nothing(
    cli: Any, messy: Any, tmp_path: Path
) -> None:
    result = cli("import-csv", _file(tmp_path, messy.data), "--dry-run")

    assert result.exit_code == 0, result.output
    assert "To create: 420" in result.output
    assert "Duplicates, left out: 60" in result.output
    assert "Skipped: 20" in result.output
    assert "Dry run: nothing was saved." in result.output
    assert Application.objects.count() == 18


def test_the_messy_spreadsheet_is_brought_in_with_its_rejections(
    cli: Any, alice: Any, messy: Any, tmp_path: Path
) -> None:
    result = cli("import-csv", _file(tmp_path, messy.data), "--yes", "--json")

    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["saved"] is True
    assert Application.objects.filter(owner=alice).count() == 18 + 420
    assert Rejection.objects.filter(owner=alice).count() == messy.rejections
    assert Application.objects.filter(status=Status.REJECTED).count() == messy.rejections
    # Only web addresses are kept as links; a HYPERLINK formula gives its address.
    links = set(Application.objects.exclude(link="").values_list("link", flat=True))
    assert all(link.startswith("https://jobs.example/") for link in links)
    assert not Application.objects.filter(link__icontains="javascript").exists()
    # Brought in again, everything is a duplicate and nothing doubles.
    again = json.loads(cli("import-csv", _file(tmp_path, messy.data), "--yes", "--json").output)
    assert again["summary"]["to_create"] == 0
    assert again["summary"]["duplicates"] == 480
    assert Application.objects.filter(owner=alice).count() == 438


# --- What each row becomes --------------------------------------------------------------

SHEET = (
    "Company,Role,Date Applied,Status,Last update,Link,Notes\n"
    f"Acme,Data Analyst,{_day(30).isoformat()},Rejected after 2nd interview,{_day(10).isoformat()},,\n"
    f"Globex,Engineer,{_day(30).isoformat()},No response,,,\n"
    f"Initech,Designer,{_day(30).isoformat()},Offer,{_day(5).isoformat()},,\n"
    f"Hooli,Writer,{_day(30).isoformat()},I withdrew,,,\n"
    f"Umbrella,Chemist,{_day(30).isoformat()},Phone screen,,,\n"
)


def test_a_rejected_row_records_the_rejection_the_way_the_app_does(alice: Any) -> None:
    bring_in(alice, preview(alice, SHEET.encode()))

    acme = Application.objects.get(company__name="Acme")
    assert (acme.stage, acme.status) == (Stage.INTERVIEW, Status.REJECTED)
    rejection = Rejection.objects.get(application=acme)
    assert rejection.received_on == _day(10)
    assert rejection.stage_reached == StageReached.INTERVIEW
    kinds = list(acme.events.values_list("kind", flat=True))
    assert kinds == [EventKind.APPLIED, EventKind.INTERVIEW, EventKind.REJECTED]


def test_statuses_become_stages_and_endings(alice: Any) -> None:
    bring_in(alice, preview(alice, SHEET.encode()))

    found = {a.company.name: (a.stage, a.status) for a in Application.objects.all()}
    assert found["Globex"] == (Stage.APPLIED, Status.GHOSTED)
    assert found["Initech"] == (Stage.OFFER, Status.OFFER)
    assert found["Hooli"] == (Stage.APPLIED, Status.WITHDRAWN)
    assert found["Umbrella"] == (Stage.SCREEN, Status.ACTIVE)
    # A step known only from the status column is dated with a guess, never as fact.
    screen = StageEvent.objects.get(application__company__name="Umbrella", kind=EventKind.SCREEN)
    assert screen.date_guessed
    offer = StageEvent.objects.get(application__company__name="Initech", kind=EventKind.OFFER)
    assert (offer.occurred_on, offer.date_guessed) == (_day(5), False)


def test_a_row_without_a_date_is_brought_in_with_a_guessed_day(alice: Any) -> None:
    plan = preview(alice, b"Company,Role,Date Applied\nAcme,Analyst,\n")
    bring_in(alice, plan)

    application = Application.objects.get()
    assert (application.applied_on, application.applied_on_guessed) == (TODAY, True)
    assert any("no date applied" in note for note in plan.notes)


def test_the_whole_file_is_one_transaction(alice: Any, monkeypatch: Any) -> None:
    real = importing.add_application
    calls = []

    def refuses_the_third(*args: Any, **kwargs: Any) -> Application:
        calls.append(1)
        if len(calls) == 3:
            raise UserError("That company name is not allowed.")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "add_application", refuses_the_third)
    with pytest.raises(UserError, match=r"^Line 4: That company name is not allowed\. Nothing"):
        bring_in(alice, preview(alice, SHEET.encode()))
    assert Application.objects.count() == 0
    assert StageEvent.objects.count() == 0


def test_a_duplicate_says_which_application_it_matches(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    earlier = add_application(alice, company="ACME Corp.", role="Data Analyst", applied_on=_day(50))

    result = cli("import-csv", _file(tmp_path, SHEET), "--dry-run", "--json")

    duplicate = json.loads(result.output)["duplicates"][0]
    assert duplicate["line"] == 2
    assert duplicate["application"] == earlier.pk
    assert f"(id {earlier.pk})" in duplicate["matches"]


# --- Dates --------------------------------------------------------------------------------


def test_ambiguous_numeric_dates_ask_for_the_order(cli: Any, tmp_path: Path) -> None:
    sheet = _file(
        tmp_path, f"Company,Role,Date Applied\nAcme,Analyst,3/11/{YEAR}\nGlobex,Dev,4/10/{YEAR}\n"
    )

    asked = cli("import-csv", sheet, "--dry-run")
    assert asked.exit_code == 1
    assert "--date-order dmy" in asked.output
    told = json.loads(cli("import-csv", sheet, "--dry-run", "--json", "--date-order", "mdy").output)
    assert [r["applied_on"] for r in told["to_create"]] == [f"{YEAR}-03-11", f"{YEAR}-04-10"]


def test_one_day_first_date_decides_the_whole_file(alice: Any) -> None:
    plan = preview(
        alice,
        f"Company,Role,Date Applied\nAcme,Analyst,3/11/{YEAR}\nGlobex,Dev,13/11/{YEAR}\n".encode(),
    )

    assert plan.date_order == "dmy"
    assert [p.applied_on for p in plan.to_create] == [date(YEAR, 11, 3), date(YEAR, 11, 13)]


# --- Presets and columns ------------------------------------------------------------------

# A day in the past whatever the clock, and one after the 12th, so month-first is certain.
SENT = TODAY - timedelta(days=16)
LATER = (TODAY - timedelta(days=40)).replace(day=20)
HUNTR = (
    "Company,Job Title,List,Date Applied,Job URL,Location,Notes\n"
    f"Acme,Analyst,Rejected,{SENT.isoformat()},https://a.example/1,Leeds,hi\n"
    "Globex,Dev,Wishlist,,,,\n"
)
TEAL = (
    "Company,Job Position,Status,Date Applied,Job URL,Location,Salary,Notes\n"
    f"Acme,Analyst,Not Selected,{SENT:%m/%d/%Y},https://a.example/1,Leeds,35-40k,\n"
    "Globex,Dev,Bookmarked,,,,,\n"
    f"Initech,PM,No Response 🔕,{LATER:%m/%d/%Y},,,,\n"
)
TEMPLATE = (
    "Company,Position,Date Applied,Status,Link,Notes,Source\n"
    f"Acme,Analyst,{SENT.day} {SENT:%b %Y},Interview,https://a.example/1,,LinkedIn\n"
)


@pytest.mark.parametrize(
    ("preset", "text", "created", "skipped"),
    [("huntr", HUNTR, 1, 1), ("teal", TEAL, 2, 1), ("template", TEMPLATE, 1, 0)],
)
def test_each_preset_reads_its_tracker_export(
    alice: Any, preset: str, text: str, created: int, skipped: int
) -> None:
    plan = preview(alice, text.encode(), preset=preset)

    assert (len(plan.to_create), len(plan.skipped)) == (created, skipped)
    first = plan.to_create[0]
    assert (first.company, first.role, first.applied_on) == ("Acme", "Analyst", SENT)
    assert first.link == "https://a.example/1"
    assert set(plan.mapping.how.values()) == {"preset"}


def test_a_preset_that_does_not_fit_the_file_says_so(alice: Any) -> None:
    with pytest.raises(UserError, match="doesn't look like an export from Huntr"):
        preview(alice, b"Firm,Job\nAcme,Analyst\n", preset="huntr")


def test_without_a_preset_the_columns_are_guessed_and_shown(cli: Any, tmp_path: Path) -> None:
    sheet = _file(
        tmp_path, f"Compnay,Job Titel,Applied,Stage\nAcme,Analyst,{SENT.isoformat()},Applied\n"
    )

    result = cli("import-csv", sheet, "--dry-run")

    assert result.exit_code == 0, result.output
    assert "guessed" in result.output
    assert "“Compnay” as company" in result.output.replace("\n", " ")


def test_map_says_which_column_is_which(cli: Any, tmp_path: Path) -> None:
    sheet = _file(tmp_path, f"Employer,Job,When\nAcme,Analyst,{SENT.isoformat()}\n")

    result = cli(
        "import-csv", sheet, "--map", "Employer=company, Job=role ,When=applied_on", "--yes"
    )

    assert result.exit_code == 0, result.output
    assert Application.objects.get().role == "Analyst"


# --- Bad input: one plain message, exit 1, nothing saved -----------------------------------


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", [], "This file is an Excel workbook (.xlsx)"),
        (b"", [], "This file is empty."),
        (b"\r\n\r\n", [], "This file is empty."),
        (b"Company,Role,Date Applied\r\n", [], "has its headings but no rows"),
        (b"Company,Role\nAcme,An\x00alyst\n", [], "NUL bytes"),
        (b"Company,Role\nAcme,\x81\x8d\n", [], "neither UTF-8 nor Windows text"),
        (b'Company,Role\nAcme,"' + b"x" * 30_000 + b'"\n', [], "longer than 20,000 characters"),
        (
            b"Company,Role\nAcme,Analyst\n",
            ["--map", "Company=employer"],
            "'employer' is not a field",
        ),
        (b"Company,Role\nAcme,Analyst\n", ["--map", "Firm=company"], "no column called “Firm”"),
        (b"Company,Role\nAcme,Analyst\n", ["--preset", "lever"], "no preset called 'lever'"),
        (b"Company,Role\nAcme,Analyst\n", ["--date-order", "ymd"], "'ymd' is not a date order"),
        (b"Foo,Bar\n1,2\n", [], "can't tell which column holds the company"),
    ],
)
def test_bad_input_gets_one_plain_message_and_nothing_is_saved(
    cli: Any, tmp_path: Path, content: bytes, args: list[str], message: str
) -> None:
    result = cli("import-csv", _file(tmp_path, content), "--yes", *args)

    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert Application.objects.count() == 0


def test_a_windows_file_is_read_and_the_person_is_told(cli: Any, tmp_path: Path) -> None:
    sheet = _file(tmp_path, "Company,Role\nCafé Müller,Barista\n".encode("cp1252"))

    result = cli("import-csv", sheet, "--yes")

    assert result.exit_code == 0, result.output
    assert "read as Windows text (cp1252)" in " ".join(result.output.split())
    assert Application.objects.get().company.name == "Café Müller"


def test_special_files_and_folders_are_refused(cli: Any, tmp_path: Path) -> None:
    for path, message in (
        (str(tmp_path), "is a folder"),
        ("/dev/zero", "not an ordinary file"),
    ):
        result = cli("import-csv", path)
        assert result.exit_code == 1
        assert message in result.output


def test_without_yes_and_no_terminal_it_asks_for_yes(cli: Any, tmp_path: Path) -> None:
    result = cli("import-csv", _file(tmp_path, TEMPLATE))

    assert result.exit_code == 1
    assert "Add --yes" in result.output
    assert Application.objects.count() == 0


def test_hostile_arguments_get_a_short_message(cli: Any, tmp_path: Path) -> None:
    sheet = _file(tmp_path, "Foo,Bar\n1,2\n")
    for args in (
        ["--map", "x" * 100_000 + "=company"],
        ["--preset", "p" * 100_000],
        ["--date-order", "d" * 100_000],
    ):
        result = cli("import-csv", sheet, *args)
        assert result.exit_code == 1
        assert len(result.output) < 600


def test_a_file_with_huge_headings_gets_a_short_message(cli: Any, tmp_path: Path) -> None:
    headings = ",".join("h" * 15_000 + str(i) for i in range(30))
    result = cli("import-csv", _file(tmp_path, headings + "\n" + "1," * 29 + "1\n"))
    assert result.exit_code == 1
    assert "can't tell which column holds the company" in " ".join(result.output.split())
    assert len(result.output) < 1500
