"""Wellbeing pages: exercises that autosave, goals from the Ikigai, the hub's trend, gentle mode, help."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bounceback.accounts.models import Profile
from bounceback.applications.services import add_application
from bounceback.recovery.models import Action
from bounceback.wellbeing import trend
from bounceback.wellbeing.models import CheckIn, ExerciseEntry, Goal
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_every_exercise_opens_and_can_be_skipped(alice_client: Any) -> None:
    body = alice_client.get("/wellbeing/exercises/").content.decode()
    for slug in ("self-compassion", "face-a-fear", "reframe", "strengths", "ikigai"):
        assert f"/wellbeing/exercises/{slug}/" in body
        page = alice_client.get(f"/wellbeing/exercises/{slug}/").content.decode()
        assert "Skip for now" in page


def test_an_unknown_exercise_is_a_404(alice_client: Any) -> None:
    assert alice_client.get("/wellbeing/exercises/nope/").status_code == 404


def test_answers_autosave_and_the_entry_is_reused(alice_client: Any, alice: Any) -> None:
    url = "/wellbeing/exercises/reframe/"
    first = alice_client.post(url, {"thought": "I'll never get hired"}, HTTP_HX_REQUEST="true")
    entry = ExerciseEntry.objects.get(owner=alice)
    assert f'value="{entry.pk}"' in first.content.decode() and "Saved" in first.content.decode()
    alice_client.post(
        url,
        {"entry": entry.pk, "thought": "I'll never get hired", "balanced": "Not yet"},
        HTTP_HX_REQUEST="true",
    )
    entry.refresh_from_db()
    assert ExerciseEntry.objects.count() == 1
    assert entry.answers["balanced"] == "Not yet" and entry.private


def test_without_javascript_the_save_button_works_and_shows_the_entry(alice_client: Any) -> None:
    response = alice_client.post(
        "/wellbeing/exercises/strengths/", {"achievement": "Ran the volunteer rota"}
    )
    assert response.status_code == 302 and "entry=" in response["Location"]
    page = alice_client.get(response["Location"]).content.decode()
    assert "Ran the volunteer rota" in page and "Saved." in page
    assert "volunteer" not in response["Location"]


def test_crisis_words_in_an_exercise_save_and_bring_the_support_panel(alice_client: Any) -> None:
    text = "Honestly I want to end my life"
    response = alice_client.post("/wellbeing/exercises/self-compassion/", {"inner_voice": text})
    assert response.status_code == 200
    body = response.content.decode()
    assert "carry this alone" in body and "Back to your exercise" in body
    entry = ExerciseEntry.objects.get()
    assert entry.answers["inner_voice"] == text
    assert f"?entry={entry.pk}" in body and text not in body  # the way back, not the words
    autosaved = alice_client.post(
        "/wellbeing/exercises/self-compassion/",
        {"entry": entry.pk, "inner_voice": text + " tonight"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Saved." in autosaved and "calm-cover" in autosaved


def test_an_answer_read_when_it_was_written_does_not_raise_help_again(
    alice_client: Any, alice: Any
) -> None:
    """A worksheet is revisited for weeks: saving one answer reads that answer, not the rest."""
    entry = ExerciseEntry.objects.create(
        owner=alice, exercise="ikigai", answers={"good_at": "I want to end my life"}
    )
    response = alice_client.post(
        "/wellbeing/exercises/ikigai/",
        {"entry": entry.pk, "good_at": "I want to end my life", "love": "Gardening"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Saved." in response and "calm-cover" not in response
    rewritten = alice_client.post(
        "/wellbeing/exercises/ikigai/",
        {
            "entry": entry.pk,
            "good_at": "Everyone would be better off without me",
            "love": "Gardening",
        },
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "calm-cover" in rewritten


@pytest.mark.parametrize("htmx", [True, False])
def test_help_after_an_exercise_leaves_no_trace_beyond_the_answer(
    alice_client: Any, alice: Any, caplog: pytest.LogCaptureFixture, htmx: bool
) -> None:
    Profile.for_user(alice)  # created on a first visit anyway; not part of what we measure
    caplog.set_level(logging.DEBUG)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.post(
            "/wellbeing/exercises/self-compassion/",
            {"inner_voice": "I've been saving my pills up"},
            **headers,
        )
    assert "carry this alone" in response.content.decode()
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes and all("wellbeing_exerciseentry" in sql or "session" in sql for sql in writes)
    assert "pills" not in caplog.text and set(response.cookies) <= {"csrftoken"}
    assert "pills" not in response.get("Location", "")


def test_an_over_long_answer_is_refused_with_the_text_kept(alice_client: Any) -> None:
    text = "x" * 4001
    response = alice_client.post("/wellbeing/exercises/reframe/", {"thought": text})
    assert response.status_code == 400
    assert "up to 4000" in response.content.decode() and text in response.content.decode()


def test_facing_a_fear_can_become_a_next_step(alice_client: Any, alice: Any) -> None:
    alice_client.post(
        "/wellbeing/exercises/face-a-fear/", {"step": "Email Priya to ask for feedback"}
    )
    entry = ExerciseEntry.objects.get(owner=alice)
    body = alice_client.post(f"/wellbeing/exercises/fear/{entry.pk}/step/").content.decode()
    action = Action.objects.get(owner=alice)
    assert action.title == "Email Priya to ask for feedback" and action.due_on
    assert "Added to your next steps" in body
    alice_client.post(f"/wellbeing/exercises/fear/{entry.pk}/step/")
    assert Action.objects.filter(owner=alice).count() == 1


def test_the_ikigai_feeds_goals_once_and_they_stay_editable(alice_client: Any, alice: Any) -> None:
    alice_client.post(
        "/wellbeing/exercises/ikigai/",
        {
            "love": "Untangling messy data",
            "titles": "Product analyst\nData analyst",
            "industries": "Climate tech; Public health",
            "salary_floor": "£38,000",
            "milestones": "- Two coffee chats",
        },
    )
    entry = ExerciseEntry.objects.get(owner=alice, exercise="ikigai")
    alice_client.post(f"/wellbeing/exercises/ikigai/{entry.pk}/goals/")
    alice_client.post(f"/wellbeing/exercises/ikigai/{entry.pk}/goals/")
    goals = {(g.kind, g.text) for g in Goal.objects.filter(owner=alice)}
    assert goals == {
        ("title", "Product analyst"),
        ("title", "Data analyst"),
        ("industry", "Climate tech"),
        ("industry", "Public health"),
        ("salary", "£38,000"),
        ("milestone", "Two coffee chats"),
    }
    goal = Goal.objects.get(owner=alice, text="Data analyst")
    alice_client.post(
        f"/wellbeing/goals/{goal.pk}/",
        {"text": "Senior data analyst", "kind": "title", "target_on": "", "done": "on"},
    )
    goal.refresh_from_db()
    assert (goal.text, goal.done, goal.source_id) == ("Senior data analyst", True, entry.pk)
    # The worksheet is one sheet: opening it again shows the answers.
    assert (
        "Untangling messy data" in alice_client.get("/wellbeing/exercises/ikigai/").content.decode()
    )


def test_a_changed_salary_floor_updates_the_one_goal_and_words_alone_make_none(
    alice_client: Any, alice: Any
) -> None:
    page = "/wellbeing/exercises/ikigai/"
    alice_client.post(page, {"salary_floor": "£38,000"})
    entry = ExerciseEntry.objects.get(owner=alice, exercise="ikigai")
    alice_client.post(f"{page}{entry.pk}/goals/")
    alice_client.post(page, {"salary_floor": "£42,000"})
    alice_client.post(f"{page}{entry.pk}/goals/")
    assert list(Goal.objects.filter(owner=alice, kind="salary").values_list("text", flat=True)) == [
        "£42,000"
    ]
    alice_client.post(page, {"salary_floor": "lots", "titles": "Analyst"})
    alice_client.post(f"{page}{entry.pk}/goals/")
    assert list(Goal.objects.filter(owner=alice, kind="salary").values_list("text", flat=True)) == [
        "£42,000"
    ]


def test_a_goal_needs_words_and_a_real_date(alice_client: Any) -> None:
    response = alice_client.post("/wellbeing/goals/", {"text": "  ", "kind": "title"})
    assert response.status_code == 400 and "needs a few words" in response.content.decode()
    response = alice_client.post(
        "/wellbeing/goals/", {"text": "Two interviews", "target_on": "soon"}
    )
    body = response.content.decode()
    assert "YYYY-MM-DD" in body and "Two interviews" in body
    assert not Goal.objects.exists()


def test_the_hub_compares_the_persons_own_weeks_with_sample_sizes(
    alice_client: Any, alice: Any
) -> None:
    today = TODAY
    for days_ago in range(0, 20, 2):
        CheckIn.objects.create(
            owner=alice,
            mood=4 if days_ago % 4 == 0 else 2,
            tags=["exercised"] if days_ago % 4 == 0 else [],
            day=today - timedelta(days=days_ago),
        )
    for days_ago in range(0, 6):
        add_application(
            alice,
            company=f"Co {days_ago}",
            role="Analyst",
            applied_on=today - timedelta(days=days_ago),
        )
    body = alice_client.get("/wellbeing/").content.decode()
    assert "<svg" in body and "<table" in body
    assert "check-ins)" in body and "don't show cause" in body
    comparison = next(c for c in trend.comparisons(alice) if c.label == "Moved / exercised")
    assert (comparison.with_mood, comparison.without_mood) == (4.0, 2.0)
    assert comparison.with_n + comparison.without_n == 10


def test_with_few_check_ins_the_hub_makes_no_comparison(alice_client: Any, alice: Any) -> None:
    CheckIn.objects.create(owner=alice, mood=3, tags=["exercised"])
    assert trend.comparisons(alice) == []
    assert "After a few more check-ins" in alice_client.get("/wellbeing/").content.decode()


def test_gentle_mode_toggles_in_one_click_and_hides_the_rejection_tag(
    alice_client: Any, alice: Any
) -> None:
    assert "Heard a no" in alice_client.get("/").content.decode()
    alice_client.post("/wellbeing/gentle/")
    assert Profile.for_user(alice).gentle_mode
    assert "Heard a no" not in alice_client.get("/").content.decode()
    fragment = alice_client.post("/wellbeing/gentle/", HTTP_HX_REQUEST="true").content.decode()
    assert "Gentle mode is off" in fragment and not Profile.for_user(alice).gentle_mode


def test_help_pages_work_signed_out_and_say_what_bounceback_is() -> None:
    client = Client()
    help_page = client.get("/wellbeing/help/").content.decode()
    assert "988" in help_page and "116 123" in help_page and "findahelpline.com" in help_page
    assert "last checked on" in help_page and "not an emergency service" in help_page
    professional = client.get("/wellbeing/help/talk-to-someone/").content.decode()
    assert "Career coach" in professional and "Counsellor" in professional
    assert "self-help tool" in professional


def test_the_hub_says_plainly_what_it_is(alice_client: Any) -> None:
    body = alice_client.get("/wellbeing/").content.decode()
    assert "self-help tool" in body and "doesn't diagnose" in body


def test_bob_gets_404_on_alices_entries_and_goals(alice: Any, bob_client: Any) -> None:
    entry = ExerciseEntry.objects.create(owner=alice, exercise="ikigai", answers={"love": "secret"})
    fear = ExerciseEntry.objects.create(owner=alice, exercise="face-a-fear", answers={"step": "x"})
    goal = Goal.objects.create(owner=alice, text="Alice's goal")
    assert bob_client.get(f"/wellbeing/exercises/ikigai/?entry={entry.pk}").status_code == 404
    assert bob_client.post(f"/wellbeing/exercises/ikigai/{entry.pk}/goals/").status_code == 404
    assert bob_client.post(f"/wellbeing/exercises/fear/{fear.pk}/step/").status_code == 404
    assert bob_client.post(f"/wellbeing/goals/{goal.pk}/", {"text": "mine"}).status_code == 404
    assert "secret" not in bob_client.get("/wellbeing/exercises/ikigai/").content.decode()
    assert "Alice's goal" not in bob_client.get("/wellbeing/goals/").content.decode()
    assert (
        bob_client.post(
            "/wellbeing/exercises/ikigai/", {"entry": entry.pk, "love": "hijack"}
        ).status_code
        == 404
    )


def test_the_demo_adds_varied_calm_check_ins_an_entry_and_goals(alice: Any) -> None:
    from bounceback.demo import build_demo
    from bounceback.lib.distress import detect

    build_demo(alice, today=TODAY)
    checkins = list(CheckIn.objects.filter(owner=alice))
    assert len(checkins) >= 15 and len({c.mood for c in checkins}) >= 3
    assert not any(detect(c.note) for c in checkins)
    assert ExerciseEntry.objects.filter(owner=alice, exercise="strengths").exists()
    ikigai = ExerciseEntry.objects.get(owner=alice, exercise="ikigai")
    assert not ikigai.answers.get("paid_for")  # partly filled, as promised
    assert Goal.objects.filter(owner=alice, source=ikigai).count() >= 2
