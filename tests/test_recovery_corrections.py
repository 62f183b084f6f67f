"""What the audit of "I just got rejected" asked for: corrections, honest defaults, kind numbers."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.models import Application, StageEvent
from bounceback.applications.services import add_application, record_event
from bounceback.recovery import actions, drafts
from bounceback.recovery.feedback import record_feedback
from bounceback.recovery.models import Action, ActionStatus, Rejection, Win
from bounceback.recovery.services import record_rejection
from bounceback.recovery.templatetags.recovery_dates import day_words
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def said(result: Any) -> str:
    return " ".join(result.output.split())


def _interviewed(alice: Any, company: str = "Acme", days_ago: int = 20) -> Application:
    application = add_application(
        alice, company=company, role="Analyst", applied_on=TODAY - timedelta(days=days_ago)
    )
    record_event(application, "interview", occurred_on=TODAY - timedelta(days=days_ago - 5))
    return application


HEARD = TODAY - timedelta(days=30)  # the day the e-mail below arrived
HEARD_AT = datetime.combine(HEARD, time(10, 12), tzinfo=timezone(timedelta(hours=1)))
MAIL = f"""Date: {format_datetime(HEARD_AT)}
From: Kate Moran <kate.moran@brightside-energy.co.uk>
To: alex@example.com
Subject: Your application for Energy Analyst

Dear Alex,

Thank you for your application for the Energy Analyst role at Brightside Energy.
Unfortunately we will not be moving forward with your application.

Kind regards,
Kate Moran
"""

ON_HOLD = """From: Kate Moran <kate.moran@brightside-energy.co.uk>
Subject: Energy Analyst

Dear Alex,

Thank you for interviewing with us for the Energy Analyst role at Brightside Energy.
Unfortunately the role has been put on hold and we have decided to close this role.

Kind regards,
Kate Moran
"""


# 1. A saved rejection can be corrected.


def test_the_rejection_page_links_to_a_form_that_corrects_it(alice_client: Any, alice: Any) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    page = alice_client.get(f"/rejections/{rejection.pk}/").content.decode()
    assert f"/rejections/{rejection.pk}/edit/" in page
    response = alice_client.post(
        f"/rejections/{rejection.pk}/edit/",
        {
            "stage_reached": "interview",
            "received_on": TODAY.isoformat(),
            "contact_name": "Priya Raman",
            "contact_email": "priya@acme.example",
            "has_feedback": "on",
            "reapply_invite": "on",
        },
    )
    assert response.status_code == 302
    rejection.refresh_from_db()
    assert rejection.stage_reached == "interview"
    assert (rejection.has_feedback, rejection.reapply_invite) == (True, True)
    assert rejection.contact is not None and rejection.contact.email == "priya@acme.example"


def test_raising_the_stage_adds_the_timeline_step_and_its_win_once(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application, stage_reached="application")
    for _ in range(2):
        alice_client.post(
            f"/rejections/{rejection.pk}/edit/",
            {"stage_reached": "interview", "received_on": TODAY.isoformat()},
        )
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == ["applied", "interview", "rejected"]
    assert Win.objects.filter(application=application).count() == 1


def test_a_correction_with_a_bad_date_is_refused_kindly(alice_client: Any, alice: Any) -> None:
    application = _interviewed(alice)
    rejection = record_rejection(application)
    response = alice_client.post(
        f"/rejections/{rejection.pk}/edit/",
        {"stage_reached": "interview", "received_on": (TODAY - timedelta(days=30)).isoformat()},
    )
    assert "That date is before you applied" in response.content.decode()
    rejection.refresh_from_db()
    assert rejection.received_on == TODAY


def test_bob_cannot_correct_alices_rejection(alice: Any, bob_client: Any) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    assert bob_client.get(f"/rejections/{rejection.pk}/edit/").status_code == 404


def test_reject_on_an_application_with_a_rejection_corrects_it(cli: Any, alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=10)
    )
    record_rejection(application, stage_reached="application")
    heard = (TODAY - timedelta(days=2)).isoformat()
    args = ["reject", "--app", str(application.pk), "--stage", "interview", "--on", heard]
    result = cli(
        *args, "--contact", "Priya Raman", "--contact-email", "priya@acme.example", "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["corrected"] is True
    assert data["rejection"]["stage_reached"] == "interview"
    assert data["rejection"]["received_on"] == heard
    assert data["rejection"]["contact_email"] == "priya@acme.example"
    assert cli(*args).exit_code == 0  # the same correction again changes nothing more
    assert Rejection.objects.count() == 1
    assert application.events.filter(kind="rejected").count() == 1
    assert application.events.filter(kind="interview").count() == 1
    assert Win.objects.filter(application=application).count() == 1
    assert "--app ID with any of --stage" in " ".join(cli("reject", "--help").output.split())


# 2. Capture starts from how far the person already got.


def test_the_check_screen_starts_from_the_timeline_when_it_knows_more(
    alice_client: Any, alice: Any
) -> None:
    application = _interviewed(alice, company="Brightside Energy")
    body = alice_client.post(
        "/rejections/new/", {"step": "read", "text": MAIL, "application": application.pk}
    ).content.decode()
    assert '<option value="interview" selected>' in body
    assert "your timeline shows you reached the interview stage" in body


def test_the_cli_keeps_the_furthest_stage_and_says_why(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    application = _interviewed(alice, company="Brightside Energy", days_ago=60)
    mail = tmp_path / "no.eml"
    mail.write_text(MAIL)
    result = cli("reject", "--email", str(mail), "--app", str(application.pk), "--no-input")
    assert result.exit_code == 0, result.output
    assert Rejection.objects.get().stage_reached == "interview"
    assert "your timeline shows you reached the interview stage" in said(result)
    assert Win.objects.filter(application=application).count() == 1


# 3. The e-mail's own Date: is the day the person heard.


def test_the_email_date_is_the_default_heard_on_day_in_the_cli(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    mail = tmp_path / "no.eml"
    mail.write_text("Received: from mx by mx\nMessage-ID: <a@b>\n" + MAIL)
    result = cli("reject", "--email", str(mail), "--no-input", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rejection"]["received_on"] == HEARD.isoformat()
    assert data["application"]["applied_on"] == HEARD.isoformat()


def test_a_pasted_date_line_fills_in_when_you_heard(alice_client: Any) -> None:
    as_pasted = f"{HEARD:%a}, {HEARD:%b} {HEARD.day}, {HEARD.year} at 10:12 AM"
    pasted = MAIL.replace(format_datetime(HEARD_AT), as_pasted)
    body = alice_client.post("/rejections/new/", {"step": "read", "text": pasted}).content.decode()
    assert f'value="{HEARD.isoformat()}"' in body


def test_a_future_email_date_is_not_trusted(cli: Any, alice: Any, tmp_path: Path) -> None:
    mail = tmp_path / "no.eml"
    next_year = HEARD_AT.replace(year=HEARD.year + 1, day=min(HEARD.day, 28))
    mail.write_text(MAIL.replace(format_datetime(HEARD_AT), format_datetime(next_year)))
    data = json.loads(cli("reject", "--email", str(mail), "--no-input", "--json").stdout)
    assert data["rejection"]["received_on"] == TODAY.isoformat()


# 4. Dates that contradict the timeline are refused.


def test_reject_refuses_a_date_before_the_timelines_last_step(cli: Any, alice: Any) -> None:
    application = _interviewed(alice)
    day = (TODAY - timedelta(days=17)).isoformat()
    result = cli("reject", "--app", str(application.pk), "--on", day, "--no-input")
    assert result.exit_code == 1
    assert "That date is before the last step on your timeline" in said(result)
    early = (TODAY - timedelta(days=40)).isoformat()
    result = cli("reject", "--app", str(application.pk), "--on", early, "--no-input")
    assert "That date is before you applied" in said(result)
    assert not Rejection.objects.exists()
    assert not application.events.filter(kind="rejected").exists()


def test_the_web_refuses_a_date_before_the_application_and_keeps_what_was_typed(
    alice_client: Any, alice: Any
) -> None:
    application = _interviewed(alice)
    response = alice_client.post(
        "/rejections/new/",
        {
            "step": "save",
            "text": "They said no.",
            "company": "Acme",
            "role": "Analyst",
            "stage": "interview",
            "received_on": (TODAY - timedelta(days=40)).isoformat(),
            "application": str(application.pk),
        },
    )
    assert "That date is before you applied" in response.content.decode()
    assert not Rejection.objects.exists()


# 5. The sender's address is kept and used.


def test_a_persons_from_address_addresses_the_drafts(cli: Any, alice: Any, tmp_path: Path) -> None:
    mail = tmp_path / "no.eml"
    mail.write_text(MAIL)
    data = json.loads(cli("reject", "--email", str(mail), "--no-input", "--json").stdout)
    assert data["drafts"][0]["to"] == "Kate Moran"
    assert data["drafts"][0]["email"] == "kate.moran@brightside-energy.co.uk"
    rejection = Rejection.objects.get()
    assert drafts.for_rejection(rejection)[0].mailto.startswith(
        "mailto:kate.moran@brightside-energy.co.uk?"
    )


def test_a_pasted_from_line_fills_in_the_address_but_a_no_reply_one_does_not(
    alice_client: Any,
) -> None:
    body = alice_client.post("/rejections/new/", {"step": "read", "text": MAIL}).content.decode()
    assert 'value="kate.moran@brightside-energy.co.uk"' in body
    no_reply = MAIL.replace("kate.moran@", "no-reply@")
    body = alice_client.post(
        "/rejections/new/", {"step": "read", "text": no_reply}
    ).content.decode()
    assert "no-reply@" not in body.split("Their e-mail address")[1].split("</div>")[0]


# 6. Suggested steps stay visible.


def test_today_lists_suggested_steps_and_reject_says_how_to_keep_them(cli: Any, alice: Any) -> None:
    result = cli("reject", "--company", "Acme", "--role", "Analyst", "--no-input")
    assert "bounceback step ID --keep" in said(result)
    today = said(cli("today"))
    assert "Suggested, not kept yet:" in today
    assert "Send the thank-you note to Acme" in today
    listed = json.loads(cli("today", "--json").stdout)
    assert listed["due"] == []
    assert "Send the thank-you note to Acme" in [a["title"] for a in listed["suggested"]]


# 7. Context numbers say something true and kind.


def test_open_applications_are_not_counted_as_stopped(alice_client: Any, alice: Any) -> None:
    for n in range(3):
        add_application(alice, company=f"Open {n}", role="Analyst")
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    body = alice_client.get(f"/rejections/{rejection.pk}/").content.decode()
    assert "stopped at an earlier step" not in body
    assert "got this far or further" not in body
    assert "still open" in body


def test_a_comparison_that_says_nothing_is_left_out(alice_client: Any, alice: Any) -> None:
    for n in range(2):
        record_rejection(add_application(alice, company=f"Old {n}", role="Analyst"))
    screened = add_application(alice, company="Screened", role="Analyst")
    record_event(screened, "screen")
    record_rejection(screened)
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    body = alice_client.get(f"/rejections/{rejection.pk}/").content.decode()
    assert "1 of your 3 finished applications went past this step" in body
    assert "of your 3 finished applications stopped" not in body


def test_interviews_are_counted_up_to_the_day_the_person_heard(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=100)
    )
    record_event(application, "interview", occurred_on=TODAY - timedelta(days=90))
    rejection = record_rejection(application, received_on=TODAY - timedelta(days=80))
    other = _interviewed(alice, company="Now")  # this month, long after they heard
    assert other.pk
    body = alice_client.get(f"/rejections/{rejection.pk}/").content.decode()
    assert "In the 30 days before you heard" in body
    assert "this was the one interview" in body
    assert "this month" not in body


# 8. A corrected role is kept, and the person is told.


def test_correcting_the_role_of_a_picked_application_updates_it(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    response = alice_client.post(
        "/rejections/new/",
        {
            "step": "save",
            "company": "Acme",
            "role": "Senior Analyst",
            "role_was": "Analyst",
            "stage": "application",
            "received_on": TODAY.isoformat(),
            "application": str(application.pk),
        },
        follow=True,
    )
    application.refresh_from_db()
    assert application.role == "Senior Analyst"
    assert "The application&#x27;s role is now" in response.content.decode()


# 9. Drafts read naturally at each stage; no feedback request when it was out of their hands.


def test_feedback_requests_ask_about_the_candidate_not_their_process(alice: Any) -> None:
    early = record_rejection(
        add_application(alice, company="A", role="Analyst"), stage_reached="application"
    )
    screened = record_rejection(
        add_application(alice, company="B", role="Analyst"), stage_reached="screen"
    )
    formal = drafts.render("feedback_request", "formal", early.application, early)
    assert "the application process" not in formal.body
    assert "any feedback on my application," in formal.body
    screen = drafts.render("feedback_request", "formal", screened.application, screened)
    assert "how I came across in our call" in screen.body


def test_a_role_put_on_hold_gets_a_keep_in_touch_note_and_the_feedback_request_stays_offered(
    cli: Any, alice: Any, tmp_path: Path
) -> None:
    mail = tmp_path / "hold.eml"
    mail.write_text(ON_HOLD)
    data = json.loads(cli("reject", "--email", str(mail), "--no-input", "--json").stdout)
    assert data["rejection"]["outside_control"] is True
    # "On hold" is bounceback's reading: the feedback request is still offered, unless the
    # person says what they have is enough.
    assert [d["kind"] for d in data["drafts"]] == ["thank_you", "keep_in_touch", "feedback_request"]
    assert "keep_in_touch" in {a["kind"] for a in data["actions"]}
    app = str(data["application"]["id"])
    enough = json.loads(cli("reject", "--app", app, "--enough", "--json").stdout)
    assert enough["rejection"]["feedback_enough"] is True


# 10. Due dates: none in the past, and a year when it isn't this year.


def test_a_past_due_date_is_refused_on_the_web_and_in_the_cli(
    cli: Any, alice: Any, alice_client: Any
) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    step = actions.propose(rejection)[0]
    result = cli("step", str(step.pk), "--due", "2025-01-01")
    assert result.exit_code == 1
    assert "That day has already passed" in said(result)
    alice_client.post(
        f"/rejections/steps/{step.pk}/",
        {"do": "edit", "title": "Send it", "due_on": "2020-01-01"},
    )
    step.refresh_from_db()
    assert step.due_on != date(2020, 1, 1)


def test_dates_outside_this_year_show_the_year() -> None:
    assert day_words(date(2025, 1, 1), today=date(2026, 11, 30)) == "Wed 1 Jan 2025"
    assert day_words(date(2026, 12, 3), today=date(2026, 11, 30)) == "Thu 3 Dec"


# 11. One fact, one win.


def test_an_interview_gives_one_win(alice: Any) -> None:
    application = _interviewed(alice)
    record_rejection(application, stage_reached="interview")
    assert list(Win.objects.filter(application=application).values_list("title", flat=True)) == [
        "Interview with Acme for Analyst"
    ]


def test_feedback_nobody_asked_for_is_not_called_a_reply(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    record_feedback(application, "You were great but lacked depth in SQL.")
    assert Win.objects.get(kind="feedback").title == "Acme shared feedback with you"
    asked = add_application(alice, company="Beta", role="Analyst")
    rejection = record_rejection(asked)
    for action in actions.propose(rejection):
        if action.kind == "feedback_request":
            actions.complete(action)
    record_feedback(asked, "Thanks for asking: more depth in SQL.")
    assert Win.objects.filter(title="Beta replied to your feedback request").exists()
    assert Action.objects.filter(status=ActionStatus.DONE).count() == 1
    assert StageEvent.objects.filter(kind="rejected").count() == 1


def test_a_new_contact_does_not_inherit_the_old_ones_address(alice: Any) -> None:
    from bounceback.recovery.services import update_rejection

    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(
        application, contact_name="Priya Raman", contact_email="priya@acme.example"
    )
    update_rejection(rejection, contact_name="Sam Lee")
    assert rejection.contact is not None
    assert (rejection.contact.name, rejection.contact.email) == ("Sam Lee", "")


def test_moving_the_date_moves_the_steps_the_rejection_added(alice: Any) -> None:
    from bounceback.recovery.services import update_rejection

    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    rejection = record_rejection(application, stage_reached="interview")
    update_rejection(rejection, received_on=TODAY - timedelta(days=5))
    days = dict(application.events.values_list("kind", "occurred_on"))
    assert days["interview"] == days["rejected"] == TODAY - timedelta(days=5)
