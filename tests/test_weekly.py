"""Weekly aims and the Sunday-evening look-back: what moved, what is next, one win. Never shame."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from bounceback.accounts.models import Profile
from bounceback.applications.services import add_application
from bounceback.weekly import lookback
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

MONDAY = lookback.monday_of(TODAY)
SUNDAY = MONDAY + timedelta(days=6)


def _at(day: Any, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_the_look_back_shows_from_sunday_evening_until_monday_ends() -> None:
    assert lookback.showing_now(_at(SUNDAY, 17, 59)) is None
    assert lookback.showing_now(_at(SUNDAY, 18, 0)) == MONDAY
    assert lookback.showing_now(_at(SUNDAY + timedelta(days=1), 23, 59)) == MONDAY
    assert lookback.showing_now(_at(SUNDAY + timedelta(days=2), 9)) is None


def test_what_moved_and_one_win_come_from_the_week(alice: Any) -> None:
    from bounceback.applications.services import record_event

    app = add_application(alice, company="Acme", role="Analyst", applied_on=MONDAY)
    record_event(app, "interview", occurred_on=MONDAY + timedelta(days=1))
    look = lookback.lookback(alice, MONDAY)
    assert "1 application sent" in look.moved
    assert "Acme" in look.win and not look.quiet  # the interview is the win, named once


def test_a_quiet_week_gets_a_kind_word_and_no_count_of_zeros(alice: Any) -> None:
    look = lookback.lookback(alice, MONDAY - timedelta(days=7))
    assert look.quiet and look.moved == []
    assert "allowed" in look.kind_word
    assert "0" not in look.kind_word


def test_aims_are_set_by_the_person_and_zero_is_a_week_off(alice: Any) -> None:
    lookback.set_targets(alice, applications=3, outreach=0, practice=8)
    assert Profile.for_user(alice).weekly_target == 3
    keys = {p.key: p.target for p in lookback.progress(alice, MONDAY)}
    assert keys == {"applications": 3, "outreach": 0, "practice": 8}
    with pytest.raises(lookback.UserError, match="Nothing was changed"):
        lookback.set_targets(alice, practice=500)


def test_the_dashboard_and_today_show_the_look_back_on_sunday_evening(
    alice: Any, alice_client: Any, frozen_clock: Any
) -> None:
    frozen_clock.move_to(_at(MONDAY + timedelta(days=2), 12))  # a Wednesday: no look-back
    add_application(alice, company="Acme", role="Analyst", applied_on=MONDAY)
    assert "Your week, looking back" not in alice_client.get("/").content.decode()
    frozen_clock.move_to(_at(SUNDAY, 19))
    for path in ("/", "/rejections/today/"):
        page = alice_client.get(path).content.decode()
        assert "Your week, looking back" in page and "1 application sent" in page


def test_week_and_targets_answer_in_json(cli: Any, alice: Any) -> None:
    saved = json.loads(cli("targets", "--outreach", "3", "--json").output)
    assert saved["outreach"] == 3 and saved["applications"] == 5
    week = json.loads(cli("week", "--json").output)
    assert week["this_week"]["outreach"] == {"done": 0, "target": 3}
    assert week["look_back"]["kind_word"]  # last week was quiet: said kindly
    bad = cli("targets", "--practice", "-2")
    assert bad.exit_code == 1 and "Nothing was changed" in bad.output


def test_the_week_page_saves_aims_and_explains_a_wrong_number(
    alice: Any, alice_client: Any
) -> None:
    answer = alice_client.post("/week/", {"applications": "4", "outreach": "x", "practice": "5"})
    assert answer.status_code == 400 and "whole number" in answer.content.decode()
    alice_client.post("/week/", {"applications": "4", "outreach": "1", "practice": "5"})
    assert lookback.targets_of(alice).outreach == 1
