"""`bounceback insights` and `bounceback report` from the terminal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.services import record_event
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY
from tests.suggestions import confirm_all
from tests.test_insights import applied, bulk_search


def offer_search(owner: Any) -> None:
    """Twelve answered applications in the last seven weeks, one of them an offer."""
    for i in range(8):
        record_rejection(applied(owner, f"No{i}", 10 + i * 4), stage_reached="application")
    for i in range(3):
        app = applied(owner, f"Call{i}", 20 + i * 5)
        record_event(app, "screen", occurred_on=TODAY - timedelta(days=10))
        record_rejection(app, stage_reached="screen")
    app = applied(owner, "Yes", 45)
    for days_ago, kind in [(40, "screen"), (30, "interview"), (20, "final"), (10, "offer")]:
        record_event(app, kind, occurred_on=TODAY - timedelta(days=days_ago))


pytestmark = pytest.mark.django_db


def test_insights_json_has_the_funnel_themes_silences_and_forecast(cli: Any, alice: Any) -> None:
    bulk_search(alice, 40)
    result = cli("insights", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["funnel"]["applications"] == 40
    step = data["funnel"]["steps"][0]
    assert step["from"] == "applied" and len(step["interval_80_percent"]) == 2
    assert {"count", "can_mark_ghosted", "longest"} <= set(data["silent"])
    assert "enough_data" in data["forecast"] and isinstance(data["themes"], list)


def test_insights_prints_tables_and_a_calm_note_when_empty(cli: Any, alice: Any) -> None:
    assert "No applications yet" in cli("insights").output
    bulk_search(alice, 40)
    output = cli("insights").output
    assert "How far your applications got" in output and "Looking ahead" in output


def test_insights_shows_counts_without_a_range_for_one_or_two_answers(cli: Any, alice: Any) -> None:
    record_rejection(applied(alice, "Acme", 20), stage_reached="final")
    output = cli("insights").output
    final = next(line for line in output.splitlines() if "Final round → Offer" in line)
    assert "0 of 1" in final and "too few answers" in final and "%–" not in final
    data = json.loads(cli("insights", "--json").output)
    last = data["funnel"]["steps"][-1]
    assert (last["went_on"], last["decided"], last["interval_80_percent"]) == (0, 1, None)


def test_the_forecast_speaks_of_applications_a_week_in_plain_words(cli: Any, alice: Any) -> None:
    offer_search(alice)
    output = " ".join(cli("insights").output.split())
    assert "in half of the searches simulated from your own numbers" in output
    assert "applications a week" in output and "simulations" not in output


def test_the_forecast_page_says_applications_a_week(alice: Any, alice_client: Any) -> None:
    offer_search(alice)
    for url in ("/insights/", "/insights/forecast/"):
        html = " ".join(alice_client.get(url).content.decode().split())
        assert "applications a week" in html
        assert " a week)" not in html.replace("applications a week)", "")


def test_insights_speaks_of_one_application_in_the_singular(cli: Any, alice: Any) -> None:
    applied(alice, "Quietco", 30)
    output = " ".join(cli("insights").output.split())
    assert "1 application, 1 still open." in output
    assert "1 open application without news for a while" in output
    assert "(s)" not in output and "30 days" in output
    assert "Only 0 of your" not in output and "None of your applications has an answer" in output


@pytest.fixture
def private_search(alice: Any) -> Any:
    rejection = record_rejection(applied(alice, "Acme", 20), stage_reached="interview")
    save_answer(
        rejection,
        "struggled",
        "My secret worry: I rambled and lost the thread on the stakeholder question.",
    )
    confirm_all(alice)
    return rejection


def test_the_report_is_self_contained_and_leaves_private_words_out(
    cli: Any, tmp_path: Path, private_search: Any
) -> None:
    result = cli("report", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    html = next(tmp_path.glob("*.html")).read_text()
    md = next(tmp_path.glob("*.md")).read_text()
    for text in (html, md):
        assert "Communication" in text and "secret worry" not in text
    assert "<style>" in html and "<svg" in html
    assert "<link" not in html and "<script" not in html and 'src="' not in html
    assert "Private notes were left out" in result.output


def test_the_report_gives_no_range_for_a_step_with_one_answer(
    cli: Any, tmp_path: Path, private_search: Any
) -> None:
    cli("report", "--out", str(tmp_path))
    md = next(tmp_path.glob("*.md")).read_text()
    html = next(tmp_path.glob("*.html")).read_text()
    assert "| Applied → Screening | 1 of 1 | 100% | too few answers |" in md
    assert "too few for a range" in html and "likely between" not in html


def test_the_report_includes_private_words_only_when_asked(
    cli: Any, tmp_path: Path, private_search: Any
) -> None:
    cli("report", "--out", str(tmp_path), "--format", "md", "--include-private")
    assert "secret worry" in next(tmp_path.glob("*.md")).read_text()
    assert not list(tmp_path.glob("*.html"))


def test_a_wrong_report_format_or_future_date_is_explained(cli: Any, tmp_path: Path) -> None:
    wrong = cli("report", "--out", str(tmp_path), "--format", "pdf")
    assert wrong.exit_code == 1 and "Use html, md or both" in wrong.output
    future = (TODAY + timedelta(days=3)).isoformat()
    later = cli("report", "--out", str(tmp_path), "--since", future)
    assert later.exit_code == 1 and "in the future" in later.output
    assert not list(tmp_path.iterdir())


def test_a_report_into_a_missing_folder_is_refused_and_nothing_is_created(
    cli: Any, tmp_path: Path, private_search: Any
) -> None:
    missing = tmp_path / "no-such" / "folder"
    result = cli("report", "--out", str(missing))
    assert result.exit_code == 1
    assert "There is no folder" in result.output and "Create it first" in result.output
    assert not (tmp_path / "no-such").exists()


def test_private_notes_name_the_role_so_two_at_one_company_differ(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    from bounceback.applications.services import add_application

    for role in ("Data Analyst", "Analytics Engineer"):
        app = add_application(
            alice, company="Acme", role=role, applied_on=TODAY - timedelta(days=20)
        )
        save_answer(record_rejection(app, received_on=TODAY), "struggled", f"Notes on {role}.")
    cli("report", "--out", str(tmp_path), "--format", "md", "--include-private")
    md = next(tmp_path.glob("*.md")).read_text()
    day = f"{TODAY.day} {TODAY:%b %Y}"
    assert f"**Data Analyst at Acme, {day}:" in md
    assert f"**Analytics Engineer at Acme, {day}:" in md
