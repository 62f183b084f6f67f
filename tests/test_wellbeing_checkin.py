"""Mood check-ins on the web: optional, private, kind, and a calm panel when words sound like danger."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bounceback.accounts.models import Profile
from bounceback.wellbeing.checkins import sustained_low_mood
from bounceback.wellbeing.models import CheckIn, ExerciseEntry, Goal
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

URL = "/wellbeing/checkin/"
CRISIS = "Honestly I don't see the point in going on, everyone would be better off without me"


def test_a_check_in_saves_mood_tags_and_a_private_note(alice_client: Any, alice: Any) -> None:
    response = alice_client.post(
        URL, {"mood": "4", "tags": ["exercised", "saw-friends"], "note": "Walked with Sam."}
    )
    assert response.status_code == 200
    saved = CheckIn.objects.get(owner=alice)
    assert (saved.mood, saved.tags, saved.note, saved.private) == (
        4,
        ["exercised", "saw-friends"],
        "Walked with Sam.",
        True,
    )
    assert "Saved" in response.content.decode()


def test_sending_the_same_check_in_twice_saves_it_once(alice_client: Any, alice: Any) -> None:
    page = alice_client.get(URL).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', page)
    assert once, "the form carries a one-time token"
    fields = {"mood": "2", "note": "Rough call.", "once": once.group(1)}
    first = alice_client.post(URL, fields)
    again = alice_client.post(URL, fields)  # Back and send again, or a double click
    assert CheckIn.objects.filter(owner=alice).count() == 1
    assert "Saved" in first.content.decode() and "Saved" in again.content.decode()


def test_htmx_gets_a_fragment_not_a_page(alice_client: Any) -> None:
    response = alice_client.post(URL, {"mood": "3"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Saved" in body and "<html" not in body


def test_a_missing_mood_is_explained_and_the_note_is_kept(alice_client: Any) -> None:
    response = alice_client.post(URL, {"note": "A long day of cover letters", "tags": ["applied"]})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Choose a number from 1" in body
    assert "A long day of cover letters" in body
    assert 'value="applied" checked' in body
    assert not CheckIn.objects.exists()


def test_a_mood_outside_one_to_five_is_refused_kindly(alice_client: Any) -> None:
    response = alice_client.post(URL, {"mood": "9", "note": "kept"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "1 (rough) to 5 (really good)" in body and "kept" in body
    assert not CheckIn.objects.exists()


def test_crisis_language_still_saves_and_shows_the_support_panel(alice_client: Any) -> None:
    response = alice_client.post(URL, {"mood": "1", "note": CRISIS})
    body = response.content.decode()
    assert CheckIn.objects.get().note == CRISIS
    assert "You don't have to carry this alone" in body
    assert "988" in body and "116 123" in body
    assert "Back to where I was" in body and 'href="/wellbeing/checkin/"' in body


def test_help_after_a_check_in_leads_back_to_the_page_it_came_from(alice_client: Any) -> None:
    body = alice_client.post(URL, {"mood": "1", "note": CRISIS, "back": "/"}).content.decode()
    assert "carry this alone" in body and 'href="/"' in body
    elsewhere = alice_client.post(
        URL, {"mood": "1", "note": CRISIS, "back": "https://example.org/"}
    ).content.decode()
    assert "example.org" not in elsewhere and 'href="/wellbeing/checkin/"' in elsewhere


def test_a_heavy_check_in_from_the_dashboard_covers_it_with_help(alice_client: Any) -> None:
    body = alice_client.post(
        URL, {"mood": "1", "note": CRISIS}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Saved — thank you for checking in." in body
    assert '<dialog open class="calm-cover"' in body and "Back to where I was" in body


def test_ordinary_job_search_talk_shows_no_support_panel(alice_client: Any) -> None:
    body = alice_client.post(
        URL,
        {"mood": "5", "note": "I killed it in the interview! This commute is killing me though."},
    ).content.decode()
    assert "carry this alone" not in body


def test_crisis_language_creates_no_flags_and_writes_nothing_to_the_log(
    alice_client: Any, alice: Any, caplog: pytest.LogCaptureFixture
) -> None:
    Profile.for_user(alice)  # created on a first visit anyway; not part of what we measure
    counts = (CheckIn.objects.count(), ExerciseEntry.objects.count(), Goal.objects.count())
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        alice_client.post(URL, {"mood": "2", "note": CRISIS})
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    # One insert for the check-in itself (the session may be touched by the test client too).
    assert sum("wellbeing_checkin" in sql for sql in writes) == 1
    assert not [sql for sql in writes if "wellbeing_checkin" not in sql and "session" not in sql]
    assert (CheckIn.objects.count(), ExerciseEntry.objects.count(), Goal.objects.count()) == (
        counts[0] + 1,
        counts[1],
        counts[2],
    )
    assert "better off" not in caplog.text and "point in going on" not in caplog.text


def test_the_check_in_never_travels_in_a_url(alice_client: Any) -> None:
    response = alice_client.get(URL, {"mood": "1", "note": CRISIS})
    assert not CheckIn.objects.exists()
    assert CRISIS not in response.content.decode()


def test_the_offer_used_after_a_rejection_posts_to_the_check_in(alice_client: Any) -> None:
    from django.template.loader import render_to_string

    html = render_to_string("wellbeing/_checkin_offer.html", {})
    assert f'action="{reverse("wellbeing:checkin")}"' in html
    assert 'method="post"' in html and "How are you feeling?" in html


def test_the_dashboard_offers_a_check_in_until_one_is_made_today(alice_client: Any) -> None:
    assert "How are you feeling?" in alice_client.get("/").content.decode()
    alice_client.post(URL, {"mood": "3"})
    assert "How are you feeling?" not in alice_client.get("/").content.decode()


def test_three_low_days_in_two_weeks_bring_a_kind_suggestion(alice_client: Any, alice: Any) -> None:
    today = TODAY
    for days_ago in (3, 9):
        CheckIn.objects.create(owner=alice, mood=2, day=today - timedelta(days=days_ago))
    CheckIn.objects.create(owner=alice, mood=1, day=today - timedelta(days=20))
    assert not sustained_low_mood(alice)
    body = alice_client.post(URL, {"mood": "1"}).content.decode()
    assert sustained_low_mood(alice)
    assert "talk to someone" in body


def test_many_low_check_ins_on_one_day_count_as_one_hard_day(alice: Any) -> None:
    for _ in range(5):
        CheckIn.objects.create(owner=alice, mood=1, day=TODAY)
    assert not sustained_low_mood(alice)


def test_bob_never_sees_alices_check_ins(alice: Any, bob_client: Any) -> None:
    CheckIn.objects.create(owner=alice, mood=2, note="alice's private words")
    assert "alice's private words" not in bob_client.get(URL).content.decode()
