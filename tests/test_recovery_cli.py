"""`bounceback reject / today / done / feedback` from the terminal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.recovery.models import Action, Feedback, Rejection, Win
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def said(result: Any) -> str:
    """The command's output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


EMAIL = (
    "Subject: Your application for Data Analyst\n\n"
    "Dear Alex,\n\nThank you for interviewing with us for the Data Analyst role at Acme. "
    "Unfortunately we have decided to move ahead with another candidate.\n\n"
    "Kind regards,\nPriya Raman\nAcme"
)


def test_reject_with_an_email_saves_and_prints_everything_as_json(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    mail = tmp_path / "no.eml"
    mail.write_text(EMAIL)
    result = cli("reject", "--email", str(mail), "--no-input", "--json", "--tone", "brief")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["application"]["id"] == application.pk
    assert data["rejection"]["stage_reached"] == "interview"
    assert data["rejection"]["contact"] == "Priya Raman"
    assert data["win"]["title"] == "Interview with Acme for Data Analyst"
    assert [d["kind"] for d in data["drafts"]] == ["thank_you", "feedback_request"]
    assert data["drafts"][0]["body"].startswith("Hi Priya,")
    due = {a["kind"]: a["due_on"] for a in data["actions"]}
    assert due["thank_you"] == (TODAY + timedelta(days=1)).isoformat()
    assert due["follow_up"] == (TODAY + timedelta(days=8)).isoformat()
    assert {a["status"] for a in data["actions"]} == {"proposed"}


def test_reject_without_an_email_and_keep_steps_opens_them(cli: Any, alice: Any) -> None:
    result = cli(
        "reject",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--stage",
        "screen",
        "--keep-steps",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    assert "Thank-you note" in said(result)
    assert Action.objects.filter(status="open").count() == Action.objects.count() > 0
    assert cli("today", "--json").exit_code == 0


def test_reject_writes_drafts_to_a_folder(cli: Any, alice: Any, tmp_path: Path) -> None:
    result = cli(
        "reject",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--drafts-dir",
        str(tmp_path / "d"),
        "--tone",
        "formal",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    written = (tmp_path / "d" / "thank_you-formal.txt").read_text()
    assert written.startswith("Subject: Analyst – thank you\n\nDear Hiring Team,")


def test_reject_reads_the_email_from_standard_input_without_blocking(cli: Any, alice: Any) -> None:
    result = cli(
        "reject", "--email", "-", "--company", "Acme", "--role", "Data Analyst", input=EMAIL
    )
    assert result.exit_code == 0, result.output
    assert Rejection.objects.count() == 1


def test_an_empty_email_is_refused_and_nothing_is_saved(cli: Any, alice: Any) -> None:
    result = cli("reject", "--email", "-", "--no-input", input="  \n")
    assert result.exit_code == 1
    assert "The e-mail is empty" in said(result)
    assert not Rejection.objects.exists() and not Application.objects.exists()


def test_an_interview_invitation_is_not_saved_as_a_rejection(cli: Any, alice: Any) -> None:
    invite = "Hi Alex, we would like to invite you to an interview for the Data Analyst role at Acme next week."
    result = cli("reject", "--email", "-", "--no-input", input=invite)
    assert result.exit_code == 1
    assert "This reads like an interview invitation, not a rejection" in said(result)
    assert not Rejection.objects.exists()


def test_a_future_date_is_refused(cli: Any, alice: Any) -> None:
    later = (TODAY + timedelta(days=3)).isoformat()
    result = cli("reject", "--company", "Acme", "--role", "Analyst", "--on", later, "--no-input")
    assert result.exit_code == 1
    assert "is in the future" in said(result)
    assert not Rejection.objects.exists() and not Application.objects.exists()


def test_an_unknown_application_is_refused(cli: Any, alice: Any) -> None:
    result = cli("reject", "--app", "999", "--no-input")
    assert result.exit_code == 1
    assert "There is no application with id 999" in said(result)


def test_when_unsure_it_names_the_candidates_and_saves_nothing(cli: Any, alice: Any) -> None:
    a = add_application(alice, company="Acme", role="Data Analyst")
    b = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=9)
    )
    result = cli("reject", "--company", "Acme", "--role", "Data Analyst", "--no-input")
    assert result.exit_code == 1
    assert f"{a.pk}: Data Analyst at Acme" in said(result) and f"{b.pk}:" in said(result)
    assert "--app ID" in said(result)
    assert not Rejection.objects.exists()
    assert (
        cli(
            "reject", "--company", "Acme", "--role", "Data Analyst", "--new", "--no-input"
        ).exit_code
        == 0
    )
    assert Application.objects.count() == 3


def test_done_marks_a_step_and_records_a_win(cli: Any, alice: Any) -> None:
    action = Action.objects.create(owner=alice, title="Send the note", due_on=TODAY)
    listed = cli("today")
    assert "Send the note" in said(listed)
    result = cli("done", str(action.pk))
    assert result.exit_code == 0
    assert Win.objects.filter(kind="action_done").exists()
    assert cli("done", "777").exit_code == 1


def test_feedback_is_kept_and_a_generic_one_offers_a_second_ask(cli: Any, alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    generic = "Thank you for your interest. We had many strong candidates and chose to proceed with someone else."
    result = cli("feedback", str(application.pk), "--text", "-", "--json", input=generic)
    data = json.loads(result.stdout)
    assert data["is_generic"] is True
    assert data["second_ask"]["subject"] == "Re: Analyst"
    specific = "The panel felt you would benefit from more experience with dbt and data modelling."
    data = json.loads(
        cli("feedback", str(application.pk), "--text", "-", "--json", input=specific).stdout
    )
    assert data["is_generic"] is False and data["second_ask"] is None
    assert Feedback.objects.count() == 2
    assert Win.objects.filter(kind="feedback").count() == 1


def test_empty_feedback_is_refused(cli: Any, alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    result = cli("feedback", str(application.pk), "--text", "-", input="")
    assert result.exit_code == 1
    assert "Their reply is empty" in said(result)


def test_at_a_keyboard_it_asks_the_questions_and_enter_skips(
    cli: Any, alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bounceback.cli import recovery as commands
    from bounceback.recovery.models import PracticeQuestion, Reflection

    monkeypatch.setattr(commands, "_interactive", lambda no_input, reads_stdin: True)
    # screen-stage questions: went_well, screen_story (+control), stumbled, preparation (+control),
    # rapport, employer_wanted (+control), what_i_want, outside_control; then one y/n per step.
    answers = ["It felt friendly", "", "Why do you want to leave?", "", "", "", "", ""]
    result = cli(
        "reject",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--stage",
        "screen",
        input="\n".join(answers) + "\n" + "y\n" * 8,
    )
    assert result.exit_code == 0, result.output
    assert Reflection.objects.count() == 2
    assert PracticeQuestion.objects.get().text == "Why do you want to leave?"
    assert Action.objects.filter(status="open").exists()


def test_an_imported_rejection_is_picked_up_by_its_application_id(cli: Any, alice: Any) -> None:
    from bounceback.recovery.services import record_rejection

    application = add_application(alice, company="Globex", role="Analyst")
    record_rejection(application, stage_reached="interview")  # as `bounceback import` files it
    waiting = cli("today")
    assert f"bounceback reject --app {application.pk}" in said(waiting)
    result = cli("reject", "--app", str(application.pk), "--keep-steps", "--no-input", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rejection"]["stage_reached"] == "interview"
    assert {a["status"] for a in data["actions"]} == {"open"}
    assert Rejection.objects.filter(application=application).count() == 1
    assert "waiting for a look" not in said(cli("today"))


def test_a_step_can_be_kept_moved_reworded_or_dropped(cli: Any, alice: Any) -> None:
    action = Action.objects.create(
        owner=alice, title="Ask for feedback", status="proposed", due_on=TODAY
    )
    later = (TODAY + timedelta(days=3)).isoformat()
    data = json.loads(cli("step", str(action.pk), "--due", later, "--json").stdout)
    assert data["due_on"] == later and data["status"] == "open"  # changing it keeps it
    result = cli("step", str(action.pk), "--title", "Ask Priya for feedback", "--due", "none")
    assert result.exit_code == 0, result.output
    action.refresh_from_db()
    assert (action.title, action.due_on) == ("Ask Priya for feedback", None)
    assert cli("step", str(action.pk), "--drop").exit_code == 0
    action.refresh_from_db()
    assert action.status == "dropped"


def test_a_step_command_without_a_change_or_with_bad_input_changes_nothing(
    cli: Any, alice: Any
) -> None:
    action = Action.objects.create(owner=alice, title="Send the note", due_on=TODAY)
    for args in ([], ["--keep", "--drop"], ["--due", "next week"], ["--title", "  "]):
        result = cli("step", str(action.pk), *args)
        assert result.exit_code != 0, args
    assert cli("step", "999", "--drop").exit_code == 1
    action.refresh_from_db()
    assert (action.title, action.due_on, action.status) == ("Send the note", TODAY, "open")


def test_the_second_ask_is_noted_once_from_the_terminal(cli: Any, alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    assert cli("feedback", str(application.pk), "--asked-again").exit_code == 1  # no reply yet
    generic = "Thank you for your interest. We had many strong candidates and chose to proceed with someone else."
    cli("feedback", str(application.pk), "--text", "-", input=generic)
    assert cli("feedback", str(application.pk), "--asked-again").exit_code == 0
    assert Feedback.objects.get().second_ask_sent
    again = cli("feedback", str(application.pk), "--asked-again")
    assert again.exit_code == 1 and "already asked once" in said(again)
    assert cli("feedback", str(application.pk)).exit_code == 1  # neither --text nor --asked-again
