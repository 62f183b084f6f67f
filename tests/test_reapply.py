"""Reapplying with proof: a cool-down per company, a dated step when it ends, a note citing growth."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.insights.models import Source, TagState, ThemeTag
from bounceback.reapply import cooldowns
from bounceback.reapply.models import MonthsFrom
from bounceback.recovery import actions
from bounceback.recovery.models import Action, ActionKind, ActionStatus, StageReached
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def _rejected(owner: Any, company: str = "Acme", days_ago: int = 10) -> Any:
    app = add_application(
        owner, company=company, role="Analyst", applied_on=TODAY - timedelta(days=days_ago + 5)
    )
    return record_rejection(
        app, received_on=TODAY - timedelta(days=days_ago), stage_reached=StageReached.INTERVIEW
    )


def _done(owner: Any, title: str, theme: str = "", days_ago: int = 1) -> Action:
    step = Action.objects.create(
        owner=owner, title=title, kind=ActionKind.PRACTICE, theme=theme, status=ActionStatus.OPEN
    )
    actions.complete(step, TODAY - timedelta(days=days_ago))
    return step


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 11, 18), 12, date(2027, 11, 18)),
    ],
)
def test_months_are_added_the_way_a_calendar_reads(day: date, months: int, expected: date) -> None:
    assert cooldowns.add_months(day, months) == expected


def test_a_rejection_starts_a_six_month_cool_down_for_its_company(alice: Any) -> None:
    rejection = _rejected(alice)
    [now] = cooldowns.by_company(alice)
    assert now.cooldown.months == 6 and now.cooldown.months_from == MonthsFrom.USUAL
    assert now.ends_on == cooldowns.add_months(rejection.received_on, 6)
    assert now.company == "Acme"


def test_the_wait_named_in_the_email_is_used(alice: Any) -> None:
    app = add_application(alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(15))
    record_rejection(
        app,
        received_on=TODAY - timedelta(days=10),
        source_text=(
            "Dear Sam,\n\nThank you for applying for the Analyst role at Acme. After careful"
            " consideration we will not be taking your application further. You are welcome"
            " to reapply after 12 months.\n\nKind regards,\nAcme Recruitment"
        ),
    )
    [now] = cooldowns.by_company(alice)
    assert (now.cooldown.months, now.cooldown.months_from) == (12, MonthsFrom.EMAIL)


def test_a_rejection_typed_by_hand_keeps_the_usual_wait(alice: Any) -> None:
    _rejected(alice)
    [now] = cooldowns.by_company(alice)
    assert (now.cooldown.months, now.cooldown.months_from) == (6, MonthsFrom.USUAL)


def test_the_step_appears_on_the_day_the_cool_down_ends_and_only_once(
    alice: Any, frozen_clock: Any
) -> None:
    from bounceback.recovery.today_items import collect

    rejection = _rejected(alice)
    collect(alice)
    assert not Action.objects.filter(kind=ActionKind.REAPPLY).exists()
    ends = cooldowns.add_months(rejection.received_on, 6)
    frozen_clock.move_to(ends.isoformat() + "T09:00:00+00:00")
    collect(alice)
    collect(alice)
    [step] = Action.objects.filter(kind=ActionKind.REAPPLY)
    assert step.due_on == ends and step.status == ActionStatus.OPEN
    assert step.title == "Apply again at Acme? Your cool-down has ended"


def test_a_role_reopening_brings_the_step_forward_to_today(alice: Any) -> None:
    rejection = _rejected(alice)
    step = cooldowns.role_reopened(cooldowns.start(rejection))
    assert step.due_on == TODAY and "A role has opened at Acme" in step.title


def test_the_person_sets_their_own_wait(alice: Any, alice_client: Any) -> None:
    rejection = _rejected(alice, days_ago=100)
    cooldown = cooldowns.start(rejection)
    alice_client.post(f"/reapply/{cooldown.pk}/months/", {"months": "3"})
    cooldown.refresh_from_db()
    assert (cooldown.months, cooldown.months_from) == (3, MonthsFrom.YOU)
    [step] = cooldowns.sync_steps(alice)
    assert step.due_on == TODAY
    answer = alice_client.post(f"/reapply/{cooldown.pk}/months/", {"months": "99"}, follow=True)
    assert "from 1 to 36 months" in answer.content.decode()


def test_the_note_cites_steps_done_since_on_the_themes_of_that_rejection(
    alice: Any, alice_client: Any
) -> None:
    rejection = _rejected(alice, days_ago=30)
    ThemeTag.objects.create(
        owner=alice,
        theme="examples",
        source=Source.EMPLOYER,
        application=rejection.application,
        state=TagState.CONFIRMED,
    )
    _done(alice, "Wrote three STAR stories", theme="examples")
    _done(alice, "Tidied the garden shed", theme="")
    _done(alice, "Old step before the no", theme="examples", days_ago=60)
    assert cooldowns.proof(rejection) == ["Wrote three STAR stories"]
    note = cooldowns.note(rejection)
    assert "what I've been doing:\n- Wrote three STAR stories\n" in note.body
    assert "garden shed" not in note.body
    page = alice_client.get(f"/reapply/rejection/{rejection.pk}/", follow=True).content.decode()
    assert "Wrote three STAR stories" in page and "Applying again at Acme" in page


def test_a_company_cool_down_follows_its_latest_rejection(alice: Any) -> None:
    _rejected(alice, days_ago=200)
    latest = _rejected(alice, days_ago=10)
    [now] = cooldowns.by_company(alice)
    assert now.rejection == latest


def test_someone_elses_cool_down_is_a_404(alice: Any, bob_client: Any) -> None:
    cooldown = cooldowns.start(_rejected(alice))
    assert bob_client.get(f"/reapply/{cooldown.pk}/").status_code == 404
    assert bob_client.post(f"/reapply/{cooldown.pk}/reopened/").status_code == 404
