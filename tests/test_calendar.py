"""The "today" list as a calendar: a download, a private subscribe address, and `bounceback calendar`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from bounceback.accounts.models import CalendarFeed
from bounceback.applications.services import add_application
from bounceback.recovery import calendar
from bounceback.recovery.feedback import record_feedback
from bounceback.recovery.models import Action, ActionStatus
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from bounceback.wellbeing import checkins, goals
from bounceback.wellbeing.models import ExerciseEntry
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def step(owner: Any, title: str, due_in: int | None = 1, **extra: Any) -> Action:
    due_on = TODAY + timedelta(days=due_in) if due_in is not None else None
    values = {"status": ActionStatus.OPEN, **extra}
    return Action.objects.create(owner=owner, title=title, due_on=due_on, **values)


def parse(body: bytes) -> Calendar:
    return Calendar.from_ical(body)


def summaries(body: bytes) -> list[str]:
    return [str(event["SUMMARY"]) for event in parse(body).walk("VEVENT")]


def feed_path(feed: CalendarFeed) -> str:
    return reverse("calendar_feed", args=[feed.token])


# The calendar itself


def test_it_holds_exactly_the_open_dated_steps(alice: Any, bob: Any) -> None:
    step(alice, "Send the thank-you note")
    step(alice, "Follow up once", due_in=-3)  # overdue: still on its own day
    step(alice, "Done already", status=ActionStatus.DONE)
    step(alice, "Not for me", status=ActionStatus.DROPPED)
    step(alice, "Only a suggestion", status=ActionStatus.PROPOSED)
    step(alice, "Some day", due_in=None)
    step(bob, "Bob's own step")

    events = parse(calendar.to_ics(alice, BASE)).walk("VEVENT")

    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "Follow up once",
        "Send the thank-you note",
    ]
    overdue = next(e for e in events if str(e["SUMMARY"]) == "Follow up once")
    assert overdue.start == TODAY - timedelta(days=3)


def test_each_step_is_an_all_day_event_with_a_stable_uid(alice: Any) -> None:
    action = step(alice, "Practise the stakeholder question", due_in=2)

    first = parse(calendar.to_ics(alice, BASE))
    again = parse(calendar.to_ics(alice, BASE))

    (event,) = first.walk("VEVENT")
    assert event.start == TODAY + timedelta(days=2)
    assert event.end == TODAY + timedelta(days=3)  # the day after, exclusive
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["UID"]) == f"action-{action.pk}@bounceback.local"
    assert str(again.walk("VEVENT")[0]["UID"]) == str(event["UID"])
    assert event.DTSTAMP is not None
    assert first.calendar_name == "bounceback — next steps"
    assert b"X-WR-CALNAME:bounceback \xe2\x80\x94 next steps" in first.to_ical()
    # Subscribed calendar apps are asked to look again every hour.
    text = first.to_ical()
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text
    assert b"X-PUBLISHED-TTL:PT1H" in text


def test_a_linked_step_names_the_role_and_company_and_links_back(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    step(alice, "Ask Priya for feedback", application=application, why="Framed as learning.")

    (event,) = parse(calendar.to_ics(alice, BASE)).walk("VEVENT")

    assert str(event["SUMMARY"]) == "Ask Priya for feedback · Data Analyst at Acme"
    description = str(event["DESCRIPTION"])
    assert description.startswith("Framed as learning.")
    assert f"{BASE}{reverse('recovery:today')}" in description


def test_dated_unfinished_goals_come_too(alice: Any) -> None:
    goals.add(alice, "Three applications a week", target_on=TODAY + timedelta(days=30))
    goals.add(alice, "Some day: a team that ships often")  # no date
    finished = goals.add(alice, "Update my CV", target_on=TODAY + timedelta(days=5))
    finished.done = True
    finished.save()

    assert summaries(calendar.to_ics(alice, BASE)) == ["Goal: Three applications a week"]


def test_private_writing_never_appears(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Data Analyst", notes="NOTE-ON-APPLICATION"
    )
    rejection = record_rejection(application, source_text="THE-REJECTION-EMAIL")
    save_answer(rejection, "struggled", "REFLECTION-ANSWER")
    record_feedback(application, "FEEDBACK-TEXT from the employer")
    checkins.record(alice, 2, note="CHECKIN-NOTE")
    ExerciseEntry.objects.create(owner=alice, exercise="fear", answers={"fear": "JOURNAL-TEXT"})
    step(alice, "Send the thank-you note", application=application, rejection=rejection)

    body = calendar.to_ics(alice, BASE).decode()

    assert "Send the thank-you note" in body
    for secret in (
        "NOTE-ON-APPLICATION",
        "THE-REJECTION-EMAIL",
        "REFLECTION-ANSWER",
        "FEEDBACK-TEXT",
        "CHECKIN-NOTE",
        "JOURNAL-TEXT",
    ):
        assert secret not in body


# The signed-in download


def test_the_download_is_an_ics_attachment_of_your_own_steps(
    alice_client: Client, alice: Any, bob: Any
) -> None:
    step(alice, "Alice's step")
    step(bob, "Bob's step")

    response = alice_client.get(reverse("recovery:calendar_download"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="bounceback.ics"'
    assert summaries(response.content) == ["Alice's step"]


def test_the_download_needs_signing_in(db: Any) -> None:
    response = Client().get(reverse("recovery:calendar_download"))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_today_and_settings_offer_the_calendar(alice_client: Client) -> None:
    for page in (reverse("recovery:today"), reverse("accounts:settings")):
        html = alice_client.get(page).content.decode()
        assert "Add to your calendar" in html
        assert reverse("recovery:calendar_download") in html
        assert "never your reflections" in html
        assert "Make my calendar address" in html


# The subscribe address


def test_turning_the_address_on_shows_it_once_made(alice_client: Client, alice: Any) -> None:
    response = alice_client.post(reverse("recovery:calendar_manage"), {"do": "on"}, follow=True)

    feed = CalendarFeed.objects.get(user=alice)
    assert len(feed.token) >= 32
    html = response.content.decode()
    assert f"http://testserver{feed_path(feed)}" in html
    assert "Anyone with this address can read" in html
    assert "webcal://testserver" in html
    # Asking again keeps the same address.
    alice_client.post(reverse("recovery:calendar_manage"), {"do": "on"})
    assert CalendarFeed.objects.get(user=alice).token == feed.token


def test_the_address_works_without_signing_in(alice: Any) -> None:
    step(alice, "Send the thank-you note")
    feed = CalendarFeed.turn_on(alice)

    response = Client().get(feed_path(feed))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert summaries(response.content) == ["Send the thank-you note"]


def test_the_address_only_answers_get(alice: Any) -> None:
    feed = CalendarFeed.turn_on(alice)
    assert Client().post(feed_path(feed)).status_code == 405


def test_an_unknown_token_is_not_found(alice: Any) -> None:
    CalendarFeed.turn_on(alice)
    assert Client().get(reverse("calendar_feed", args=["not-a-real-token"])).status_code == 404


def test_a_new_address_stops_the_old_one(alice_client: Client, alice: Any) -> None:
    old = CalendarFeed.turn_on(alice)
    old_path = feed_path(old)

    response = alice_client.post(
        reverse("recovery:calendar_manage"),
        {"do": "renew", "back": reverse("recovery:today")},
        HTTP_HX_REQUEST="true",
    )

    new = CalendarFeed.objects.get(user=alice)
    assert new.token != old.token
    html = response.content.decode()
    assert "The old one has stopped working" in html
    assert new.token in html
    # The swapped-in box still sends a plain form back to the page it sits on.
    assert f'name="back" value="{reverse("recovery:today")}"' in html
    assert Client().get(old_path).status_code == 404
    assert Client().get(feed_path(new)).status_code == 200


def test_turning_the_address_off_stops_it(alice_client: Client, alice: Any) -> None:
    feed = CalendarFeed.turn_on(alice)

    response = alice_client.post(
        reverse("recovery:calendar_manage"),
        {"do": "off", "back": reverse("accounts:settings")},
    )

    assert response["Location"] == reverse("accounts:settings") + "#calendar"
    assert not CalendarFeed.objects.filter(user=alice).exists()
    assert Client().get(feed_path(feed)).status_code == 404


def test_managing_the_address_refuses_a_link_elsewhere(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("recovery:calendar_manage"), {"do": "on", "back": "https://evil.example/"}
    )
    assert response["Location"] == reverse("recovery:today") + "#calendar"


def test_bob_cannot_reach_alices_calendar(bob_client: Client, alice: Any, bob: Any) -> None:
    step(alice, "Alice's private step")
    alice_feed = CalendarFeed.turn_on(alice)
    bob_client.post(reverse("recovery:calendar_manage"), {"do": "renew"})

    # Bob's own download and address hold only his steps, and his buttons leave Alice's alone.
    assert summaries(bob_client.get(reverse("recovery:calendar_download")).content) == []
    bob_feed = CalendarFeed.objects.get(user=bob)
    assert summaries(Client().get(feed_path(bob_feed)).content) == []
    assert CalendarFeed.objects.get(user=alice).token == alice_feed.token
    # A guess near Alice's token is nothing.
    near = alice_feed.token[:-1] + ("A" if alice_feed.token[-1] != "A" else "B")
    assert bob_client.get(reverse("calendar_feed", args=[near])).status_code == 404


# The command line


def test_the_cli_writes_a_file_calendar_apps_can_read(cli: Any, alice: Any, tmp_path: Path) -> None:
    step(alice, "Send the thank-you note")
    out = tmp_path / "next-steps.ics"

    result = cli("calendar", "--out", str(out))

    assert result.exit_code == 0
    assert "Saved 1 event" in result.output
    assert summaries(out.read_bytes()) == ["Send the thank-you note"]


def test_the_cli_prints_the_calendar_without_out(cli: Any, alice: Any) -> None:
    step(alice, "Send the thank-you note")
    result = cli("calendar")
    assert result.exit_code == 0
    assert summaries(result.stdout_bytes) == ["Send the thank-you note"]


def test_the_cli_explains_a_missing_folder(cli: Any, alice: Any, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "next-steps.ics"

    result = cli("calendar", "--out", str(out))

    assert result.exit_code == 1
    assert "There is no folder" in result.output
    assert "no-such-folder" in result.output
    assert not out.exists()


def test_the_cli_link_makes_the_address_once(cli: Any, alice: Any) -> None:
    first = cli("calendar", "--link", "--port", "8800")
    again = cli("calendar", "--link", "--port", "8800")

    feed = CalendarFeed.objects.get(user=alice)
    assert first.exit_code == 0
    assert first.output.strip() == f"http://127.0.0.1:8800{feed_path(feed)}"
    assert again.output == first.output
