"""Today is the daily home, and complete: the web page, the dashboard and `bounceback today`
read one list (due, dates from mail, suggestions, coming up, rejections waiting)."""

from __future__ import annotations

import json
from datetime import time, timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import Profile
from bounceback.applications.services import add_application
from bounceback.recovery import actions
from bounceback.recovery.models import Action, ActionStatus
from bounceback.recovery.services import record_rejection
from bounceback.recovery.today import today_list
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def step(owner: Any, title: str, due_in: int | None = 0, **extra: Any) -> Action:
    values = {"status": ActionStatus.OPEN, **extra}
    due_on = TODAY + timedelta(days=due_in) if due_in is not None else None
    return Action.objects.create(owner=owner, title=title, due_on=due_on, **values)


@pytest.fixture
def everything(alice: Any) -> dict[str, Any]:
    application = add_application(alice, company="Globex", role="Analyst")
    return {
        "due": step(alice, "Send the note"),
        "later": step(alice, "Practise the intro", due_in=4),
        "suggested": step(alice, "Ask for feedback", due_in=1, status=ActionStatus.PROPOSED),
        "event": step(
            alice,
            "Interview with Globex",
            due_in=3,
            status=ActionStatus.PROPOSED,
            kind="interview",
            application=application,
            source_subject="Interview",
            source_on=TODAY,
        ),
        "waiting": record_rejection(add_application(alice, company="Initech", role="Tester")),
    }


def test_one_list_feeds_the_web_the_dashboard_and_the_cli(
    alice: Any, alice_client: Any, cli: Any, everything: dict[str, Any]
) -> None:
    view = today_list(alice)
    assert [a.title for a in view.due] == ["Send the note"]
    assert [a.title for a in view.events] == ["Interview with Globex"]
    assert [a.title for a in view.suggested] == ["Ask for feedback"]
    assert [a.title for a in view.coming_up] == ["Practise the intro"]
    assert [r.application.company.name for r in view.waiting] == ["Initech"]
    page = alice_client.get(reverse("recovery:today")).content.decode()
    said = " ".join(cli("today").stdout.split())
    listed = json.loads(cli("today", "--json").stdout)
    for title in (
        "Send the note",
        "Interview with Globex",
        "Ask for feedback",
        "Practise the intro",
    ):
        assert title in page and title in said
    assert "Initech" in page and "Initech" in said
    assert {k: len(v) for k, v in listed.items() if isinstance(v, list)} == {
        "due": 1,
        "events": 1,
        "suggested": 1,
        "coming_up": 1,
        "waiting": 1,
        "also": 0,  # check-ins, thank-yous, practice and reapplying (none here)
    }
    dashboard = alice_client.get(reverse("dashboard")).content.decode()
    assert "Send the note" in dashboard
    assert "1 date read from your mail, 1 suggested step" in dashboard


def test_suggestions_stay_on_today_after_the_flow_is_left(alice: Any, alice_client: Any) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    alice_client.get(reverse("recovery:next_steps", args=[rejection.pk]))
    alice_client.get(reverse("recovery:done", args=[rejection.pk]))  # "I'm done for now"
    page = alice_client.get(reverse("recovery:today")).content.decode()
    assert "Suggested, not kept yet" in page and "Send the thank-you note to Acme" in page


def test_keep_all_keeps_the_suggestions_shown(
    alice: Any, alice_client: Any, everything: dict[str, Any]
) -> None:
    shown = [everything["suggested"].pk]
    arrived_meanwhile = step(alice, "Arrived meanwhile", status=ActionStatus.PROPOSED)
    response = alice_client.post(reverse("recovery:keep_all"), {"ids": ",".join(map(str, shown))})
    assert response.status_code == 302
    everything["suggested"].refresh_from_db()
    arrived_meanwhile.refresh_from_db()
    assert everything["suggested"].status == ActionStatus.OPEN
    assert arrived_meanwhile.status == ActionStatus.PROPOSED


def test_not_for_me_can_be_undone(
    alice: Any, alice_client: Any, everything: dict[str, Any]
) -> None:
    suggestion = everything["suggested"]
    url = reverse("recovery:action", args=[suggestion.pk])
    row = alice_client.post(url, {"do": "drop", "view": "today"}, **HX).content.decode()
    assert "Left out" in row and "Undo" in row and 'name="was" value="proposed"' in row
    alice_client.post(url, {"do": "undo", "was": "proposed", "view": "today"}, **HX)
    suggestion.refresh_from_db()
    assert suggestion.status == ActionStatus.PROPOSED


def test_coming_up_steps_have_done_and_edit(
    alice: Any, alice_client: Any, everything: dict[str, Any]
) -> None:
    page = alice_client.get(reverse("recovery:today")).content.decode()
    later = everything["later"]
    assert f'aria-label="Mark done: {later.title}"' in page
    assert f'aria-label="Edit or move: {later.title}"' in page
    new_day = TODAY + timedelta(days=9)
    alice_client.post(
        reverse("recovery:action", args=[later.pk]),
        {"do": "edit", "title": "Practise the intro aloud", "due_on": new_day.isoformat()},
    )
    later.refresh_from_db()
    assert (later.title, later.due_on) == ("Practise the intro aloud", new_day)


def test_moving_an_event_keeps_its_time_and_a_new_time_is_your_own(
    alice: Any, alice_client: Any, everything: dict[str, Any]
) -> None:
    from django.utils import timezone

    event = everything["event"]
    event.starts_at = timezone.make_aware(timezone.datetime.combine(event.due_on, time(14, 0)))
    event.zone, event.zone_words = "+01:00", "CET"
    event.save()
    actions.move(event, TODAY + timedelta(days=5))
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at).date() == TODAY + timedelta(days=5)
    assert timezone.localtime(event.starts_at).time() == time(14, 0)
    alice_client.post(
        reverse("recovery:action", args=[event.pk]),
        {"do": "edit", "title": event.title, "due_on": event.due_on.isoformat(), "at": "09:15"},
    )
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at).time() == time(9, 15)
    assert event.zone == "" and event.status == ActionStatus.OPEN


def test_a_day_years_away_is_refused_with_the_reason(
    alice: Any, alice_client: Any, everything: dict[str, Any]
) -> None:
    later = everything["later"]
    response = alice_client.post(
        reverse("recovery:action", args=[later.pk]),
        {"do": "edit", "title": later.title, "due_on": "2099-01-01", "view": "today"},
        **HX,
    )
    assert "more than 3 years ahead" in response.content.decode()


def test_gentle_mode_leaves_the_rejections_out(alice: Any, everything: dict[str, Any]) -> None:
    profile = Profile.for_user(alice)
    profile.gentle_mode = True
    profile.save()
    assert today_list(alice).waiting == []


def test_step_all_keep_keeps_every_suggestion(
    cli: Any, alice: Any, everything: dict[str, Any]
) -> None:
    result = cli("step", "all", "--keep")
    assert result.exit_code == 0 and "Kept 2 steps" in result.stdout
    assert not Action.objects.filter(owner=alice, status=ActionStatus.PROPOSED).exists()
    assert cli("step", "all", "--drop").exit_code == 1
