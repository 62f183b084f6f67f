"""Dates read from mail become suggested steps: on Today, kept in one click, then in the calendar.

An interview invitation naming a day and a time is proposed with where it came from; kept,
it is on Today and in the .ics at its time; a later e-mail that moves it moves the same step.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils.timezone import localtime, make_aware
from icalendar import Calendar

from bounceback.applications.services import add_application
from bounceback.mailbox.importer import import_items
from bounceback.recovery import calendar
from bounceback.recovery.models import Action, ActionStatus
from tests.clock import CURRENT_TIME, TODAY
from tests.test_mail_import import analysed, message

pytestmark = pytest.mark.django_db

IN_A_WEEK = TODAY + timedelta(days=7)


def invitation(n: int = 1, day: Any = IN_A_WEEK, at: str = "2pm", zone: str = "") -> Any:
    text = (
        "Hi Sam,\n\nThanks for applying for the Data Analyst role. We'd like to invite you "
        f"to an interview on {day:%A} {day.day} {day:%B %Y} at {at}{zone} at our office.\n"
    )
    return analysed(
        message(n, text=text, subject="Interview invitation", date=CURRENT_TIME),
        label="interview_invite",
        role="Data Analyst",
    )


@pytest.fixture
def application(alice: Any) -> Any:
    return add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=10)
    )


def test_an_invitation_with_a_day_and_time_is_proposed_with_where_it_came_from(
    alice: Any, application: Any
) -> None:
    import_items(alice, [invitation()])
    event = Action.objects.get(kind="interview")
    assert event.status == ActionStatus.PROPOSED and event.application == application
    assert event.title == "Interview with Acme"
    assert event.due_on == IN_A_WEEK
    assert event.starts_at is not None
    assert localtime(event.starts_at).time() == time(14, 0)  # no zone named: the person's own
    assert event.source_subject == "Interview invitation" and event.source_on == TODAY
    assert "at 2pm" in event.evidence


def test_today_shows_it_and_keeping_it_puts_it_in_the_calendar_at_its_time(
    alice: Any, alice_client: Any, application: Any
) -> None:
    import_items(alice, [invitation()])
    event = Action.objects.get(kind="interview")
    page = alice_client.get(reverse("recovery:today")).content.decode()
    assert "Read from your mail" in page and "Interview with Acme" in page
    assert "from the e-mail “Interview invitation”" in page
    # Not in the calendar until kept.
    assert not Calendar.from_ical(calendar.to_ics(alice, "http://x")).walk("VEVENT")
    alice_client.post(reverse("recovery:action", args=[event.pk]), {"do": "accept"})
    (entry,) = Calendar.from_ical(calendar.to_ics(alice, "http://x")).walk("VEVENT")
    assert entry.start == make_aware(datetime.combine(IN_A_WEEK, time(14, 0))).astimezone(UTC)
    assert entry.end - entry.start == timedelta(hours=1)
    assert str(entry["TRANSP"]) == "OPAQUE"
    assert "Read from the e-mail “Interview invitation”" in str(entry["DESCRIPTION"])


def test_a_zone_the_email_names_is_kept_and_shown_beside_your_own_time(
    alice: Any, alice_client: Any, application: Any
) -> None:
    import_items(alice, [invitation(zone=" CET")])
    event = Action.objects.get(kind="interview")
    assert event.starts_at.astimezone(UTC).time() == time(13, 0)
    page = alice_client.get(reverse("recovery:today")).content.decode()
    mine = localtime(event.starts_at)
    if mine.utcoffset() == timedelta(hours=1):
        assert "14:00 CET" in page and "your time" not in page
    else:
        assert f"14:00 CET ({mine:%H:%M} your time)" in page


def test_a_later_email_that_moves_it_moves_the_same_step(alice: Any, application: Any) -> None:
    import_items(alice, [invitation(1)])
    Action.objects.filter(kind="interview").update(status=ActionStatus.OPEN)
    import_items(alice, [invitation(2, day=IN_A_WEEK + timedelta(days=1), at="10am")])
    (event,) = Action.objects.filter(kind="interview")
    assert event.due_on == IN_A_WEEK + timedelta(days=1)
    assert event.status == ActionStatus.OPEN  # still kept: the calendar entry just moves
    assert event.moved_note.startswith("Moved from") and "14:00" in event.moved_note
    # One interview, moved: the timeline keeps one entry for it.
    assert application.events.filter(kind="interview").count() == 1


def test_a_second_round_after_the_first_is_over_is_a_new_entry(
    alice: Any, application: Any, frozen_clock: Any
) -> None:
    import_items(alice, [invitation(1)])
    Action.objects.filter(kind="interview").update(status=ActionStatus.OPEN)
    frozen_clock.move_to(CURRENT_TIME + timedelta(days=9))
    later = TODAY + timedelta(days=16)
    import_items(alice, [invitation(2, day=later)])
    assert application.events.filter(kind="interview").count() == 2
    assert Action.objects.filter(kind="interview").count() == 2


def test_the_same_email_twice_changes_nothing(alice: Any, application: Any) -> None:
    import_items(alice, [invitation(1)])
    import_items(alice, [invitation(2)])  # another copy, another Message-ID
    assert Action.objects.filter(kind="interview").count() == 1


def test_a_past_date_in_an_old_email_proposes_nothing(alice: Any, application: Any) -> None:
    old = analysed(
        message(
            1,
            text="We'd like to invite you to an interview on 3 March 2025 at 2pm.",
            date=datetime(2025, 2, 20, 9, tzinfo=UTC),
        ),
        label="interview_invite",
    )
    import_items(alice, [old])
    assert not Action.objects.filter(kind="interview").exists()


def test_today_json_carries_the_dated_events(alice: Any, cli: Any, application: Any) -> None:
    import_items(alice, [invitation()])
    listed = json.loads(cli("today", "--json").stdout)
    (event,) = listed["events"]
    assert event["kind"] == "interview" and event["title"] == "Interview with Acme"
    assert event["starts_at"].startswith(f"{IN_A_WEEK.isoformat()}T14:00")
    assert event["from_mail"].startswith("from the e-mail “Interview invitation”")
    said = " ".join(cli("today").stdout.split())
    assert "Read from your mail, not kept yet:" in said and "Interview with Acme" in said
    cli("step", str(event["id"]), "--keep")
    kept = json.loads(cli("today", "--json").stdout)
    assert kept["events"] == [] and [a["kind"] for a in kept["coming_up"]] == ["interview"]


def test_a_pasted_invitation_added_to_the_timeline_proposes_its_date(
    alice: Any, alice_client: Any, application: Any
) -> None:
    day = IN_A_WEEK
    text = f"We'd like to invite you to an interview on {day:%A} {day.day} {day:%B %Y} at 11:30."
    response = alice_client.post(
        reverse("recovery:good_news"),
        {
            "application": application.pk,
            "kind": "interview",
            "label": "interview_invite",
            "occurred_on": TODAY.isoformat(),
            "note": "Interview invitation",
            "text": text,
        },
    )
    assert response["Location"] == reverse("recovery:today") + "#events"
    assert application.events.filter(kind="interview").exists()
    event = Action.objects.get(kind="interview")
    assert localtime(event.starts_at).time() == time(11, 30)


def test_the_import_says_how_many_dates_wait_on_today(
    alice: Any, application: Any, cli: Any, tmp_path: Any
) -> None:
    day = IN_A_WEEK
    box = tmp_path / "box.mbox"
    box.write_text(
        "From someone@example.org Mon Nov 16 09:00:00 2026\n"
        "From: Acme Talent <talent@acme.example>\nSubject: Interview invitation\n"
        f"Message-ID: <cli-1@acme.example>\nDate: {CURRENT_TIME:%a, %d %b %Y %H:%M:%S %z}\n\n"
        "Hi Sam,\n\nThanks for applying for the Data Analyst role at Acme. We'd like to invite "
        f"you to an interview on {day:%A} {day.day} {day:%B %Y} at 2pm.\n\nBest,\nDana\n",
        encoding="utf-8",
    )
    result = cli("import", str(box))
    said = " ".join(result.stdout.split())
    assert "1 date read from your mail (an interview, a deadline) waits on Today" in said
    assert json.loads(cli("import", str(box), "--json").stdout)["dated_events_proposed"] == 0


def test_a_first_day_named_in_onboarding_mail_is_suggested_once_the_mail_is_filed(
    application: Any,
) -> None:
    from bounceback.mailbox.services import Details, file_on

    first_day = TODAY + timedelta(days=30)
    details = Details(
        label="other_job",
        sent_at=CURRENT_TIME,
        subject="Welcome aboard: your paperwork",
        text=(
            "Hi Sam,\n\nWelcome to Acme! Please fill in the forms attached. Your first day "
            f"will be {first_day:%A} {first_day.day} {first_day:%B %Y}; come to reception at 9am.\n"
        ),
    )
    before = application.events.count()
    assert file_on(application, details, asked=True)
    (step,) = Action.objects.filter(kind="start")
    assert step.due_on == first_day and step.status == ActionStatus.PROPOSED
    assert step.title == "First day at Acme"
    assert application.events.count() == before  # paperwork is not a step on the timeline
