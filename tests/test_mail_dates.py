"""Dates read from job e-mail: interviews, deadlines, reply-by and start days, with their zone.

Written fresh for these tests (not taken from any corpus), in English, French, German,
Spanish and Dutch. The e-mail's own Date: is the reference for anything relative.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bounceback.lib.mail.dates import find_events, newest_part

# A Monday morning e-mail, sent from a UK office in winter.
SENT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def read(text: str, label: str, sent: datetime | None = SENT) -> list[tuple[str, str]]:
    return [(e.kind, e.iso()) for e in find_events(text, sent, label)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We'd love to meet you on Thursday 10 December at 2pm at our Leeds office.",
            "2026-12-10T14:00:00",
        ),
        (
            "Your interview is confirmed for 3 December 2026, 14:00 CET.",
            "2026-12-03T14:00:00+01:00",
        ),
        (
            "Date: Tuesday 8 December 2026\nTime: 11:30 (GMT)\nFormat: video call",
            "2026-12-08T11:30:00+00:00",
        ),
        (
            "Please join a video call with Dana on December 9, 2026 at 10:00 AM Eastern Time.",
            "2026-12-09T10:00:00-05:00",
        ),
        ("Could you pop in for a chat Friday at 4?", "2026-12-04T16:00:00"),
        (
            "Nous vous proposons un entretien le mercredi 9 décembre 2026 à 15h30 (heure de Paris).",
            "2026-12-09T15:30:00+01:00",
        ),
        (
            "Wir laden Sie zu einem Vorstellungsgespräch am Donnerstag, 3. Dezember 2026, um 9:00 Uhr ein.",
            "2026-12-03T09:00:00",
        ),
        (
            "Le invitamos a una entrevista el viernes 4 de diciembre de 2026 a las 12:30.",
            "2026-12-04T12:30:00",
        ),
        (
            "Graag nodigen we je uit voor een gesprek op dinsdag 8 december 2026 om 10:00 uur.",
            "2026-12-08T10:00:00",
        ),
    ],
)
def test_an_interview_invitation_names_its_day_time_and_zone(text: str, expected: str) -> None:
    assert read(text, "interview_invite") == [("interview", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please complete the coding test within three days.", "2026-12-03"),
        ("The online test must be finished by Friday.", "2026-12-04"),
        ("Your link expires on 7 December 2026 at 23:59 GMT.", "2026-12-07T23:59:00+00:00"),
        ("Send us your case study no later than 11/12/2026.", "2026-12-11"),
        (
            "Merci de rendre l'exercice avant le vendredi 11 décembre 2026 à midi.",
            "2026-12-11T12:00:00",
        ),
        ("Bitte schließen Sie den Test bis spätestens 6. Dezember 2026 ab.", "2026-12-06"),
        ("El plazo para completar la prueba termina el 9 de diciembre de 2026.", "2026-12-09"),
        ("Maak de opdracht uiterlijk woensdag 9 december 2026 af.", "2026-12-09"),
        ("The assessment window runs from 1 Dec 2026 to 4 Dec 2026 5pm.", "2026-12-04T17:00:00"),
    ],
)
def test_a_test_invitation_names_its_deadline(text: str, expected: str) -> None:
    assert read(text, "assessment_invite") == [("assessment_due", expected)]


def test_an_offer_has_a_reply_by_day_and_a_first_day() -> None:
    text = (
        "We are delighted to offer you the role.\n"
        "Start date: Monday 4 January 2027\n"
        "Please let us know whether you accept by Friday 11 December 2026."
    )
    assert read(text, "offer") == [("reply_by", "2026-12-11"), ("start", "2027-01-04")]


def test_an_offer_that_expires_in_so_many_days_is_answered_by_then() -> None:
    assert read("This offer expires in 7 days.", "offer") == [("reply_by", "2026-12-07")]


def test_a_time_zone_named_by_place_follows_its_summer_time() -> None:
    summer = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    events = find_events("Interview: 10 June 2026 at 3pm UK time.", summer, "interview_invite")
    assert events[0].when.utcoffset() == timedelta(hours=1)
    events = find_events("Interview: 10 June 2026 at 3pm (GMT+8).", summer, "interview_invite")
    assert events[0].when.utcoffset() == timedelta(hours=8)


def test_days_to_choose_from_are_no_event_yet() -> None:
    text = "Would Thursday 3 December at 10am or Friday 4 December at 2pm suit you for a call?"
    assert read(text, "interview_invite") == []


def test_days_before_the_email_are_history() -> None:
    text = "Thanks for the call on Tuesday 24 November at 3pm. Our next step is a short test."
    assert read(text, "interview_invite") == []


def test_rejections_and_receipts_carry_no_events() -> None:
    text = "We have decided not to proceed. We will keep your CV until 1 December 2027."
    assert read(text, "rejection") == []
    receipt = (
        "If you have not heard from us by 14 December 2026, please assume you were unsuccessful."
    )
    assert read(receipt, "application_received") == []


def test_an_interview_needs_a_time_to_be_an_event() -> None:
    assert read("We look forward to the interview on 9 December 2026.", "interview_invite") == []


def test_a_quoted_earlier_message_is_not_read() -> None:
    text = (
        "Great, you're confirmed for Thursday 3 December at 11:00.\n\n"
        "On Fri, 27 Nov 2026 at 16:02, Sam wrote:\n> Friday 4 December at 3pm works too."
    )
    assert newest_part(text).count("December") == 1
    assert read(text, "interview_invite") == [("interview", "2026-12-03T11:00:00")]


def test_without_the_emails_date_only_written_dates_are_read() -> None:
    assert read("Please complete the test within three days.", "assessment_invite", None) == []
    written = read("Please complete the test by 9 December 2026.", "assessment_invite", None)
    assert written == [("assessment_due", "2026-12-09")]
    no_year = find_events("Please complete the test by 9 December.", None, "assessment_invite")
    assert [e.day.month for e in no_year] == [12]


def test_a_date_without_a_year_is_the_next_one_after_the_email() -> None:
    january = read("We'd like to meet you on 6 January at 10am.", "interview_invite")
    assert january == [("interview", "2027-01-06T10:00:00")]


def test_every_event_says_what_it_was_read_from() -> None:
    (event,) = find_events("Interview: Thursday 10 December at 2pm.", SENT, "interview_invite")
    assert "Thursday 10 December at 2pm" in event.evidence
    assert event.zone is None and event.when.tzinfo is None
    (zoned,) = find_events("Interview: Thursday 10 December at 2pm CET.", SENT, "interview_invite")
    assert zoned.when.utcoffset() == timezone(timedelta(hours=1)).utcoffset(None)
