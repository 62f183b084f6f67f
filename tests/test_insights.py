"""Insights: the funnel with uncertainty, where rejections cluster, silence and ghosting, pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bounceback.accounts.models import Profile
from bounceback.applications.models import Application, Company, StageEvent, Status
from bounceback.applications.services import add_application, record_event
from bounceback.errors import UserError
from bounceback.insights.funnel import exact_interval, funnel, response_times
from bounceback.insights.models import SilenceRule
from bounceback.insights.services import as_json, overview
from bounceback.insights.silence import (
    SILENCE_DAYS_MESSAGE,
    propose_follow_ups,
    set_threshold,
    silence,
)
from bounceback.insights.stats import themes_report
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Rejection, Win
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def bulk_search(owner: Any, n: int) -> None:
    """A search of n applications in a few queries: a quarter get a call, some an interview."""
    company = Company.objects.for_name(owner, f"Company {n}")
    plan = []
    for i in range(n):
        stage = "interview" if i % 8 == 0 else "screen" if i % 4 == 0 else "applied"
        status = Status.ACTIVE if i % 5 == 0 else Status.REJECTED
        plan.append((i, stage, status))
    apps = Application.objects.bulk_create(
        Application(
            owner=owner,
            company=company,
            role="Analyst",
            applied_on=TODAY - timedelta(days=1 + i % 150),
            stage=stage,
            status=status,
        )
        for i, stage, status in plan
    )
    StageEvent.objects.bulk_create(
        StageEvent(owner=owner, application=a, kind="applied", occurred_on=a.applied_on)
        for a in apps
    )
    StageEvent.objects.bulk_create(
        StageEvent(owner=owner, application=a, kind=a.stage, occurred_on=a.applied_on)
        for a in apps
        if a.stage != "applied"
    )
    Rejection.objects.bulk_create(
        Rejection(owner=owner, application=a, received_on=a.applied_on, stage_reached="screen")
        for a in apps
        if a.status == Status.REJECTED and a.stage == "screen"
    )
    Win.objects.bulk_create(
        Win(owner=owner, application=a, title="A reply", kind="reply", occurred_on=a.applied_on)
        for a in apps
        if a.stage != "applied"
    )


def applied(owner: Any, name: str, days_ago: int) -> Application:
    return add_application(
        owner, company=name, role="Analyst", applied_on=TODAY - timedelta(days=days_ago)
    )


def test_the_funnel_counts_how_far_each_application_got_with_an_honest_range(
    alice: Any,
) -> None:
    for i in range(4):
        record_rejection(applied(alice, f"No{i}", 30), stage_reached="application")
    for i in range(2):
        app = applied(alice, f"Call{i}", 30)
        record_event(app, "screen", occurred_on=TODAY - timedelta(days=25))
    applied(alice, "Waiting", 3)
    result = funnel(alice)
    assert result.total == 7 and result.reached["screen"] == 2 and result.open_count == 3
    first = result.steps[0]
    # The one still waiting at "applied" is left out until it is answered.
    assert (first.went_on, first.decided) == (2, 6)
    assert first.low < 2 / 6 < first.high
    assert result.rejections_by_stage == {"application": 4}


def test_the_range_is_the_exact_80_percent_interval_from_beta_quantiles() -> None:
    # Clopper-Pearson: Beta(3, 8) at 10% and Beta(4, 7) at 90% (values from scipy.stats.beta.ppf).
    low, high = exact_interval(3, 10) or (0, 0)
    assert low == pytest.approx(0.115825, abs=1e-5) and high == pytest.approx(0.551731, abs=1e-5)
    wide, narrow = exact_interval(1, 4) or (0, 1), exact_interval(50, 100) or (0, 1)
    assert wide[1] - wide[0] > narrow[1] - narrow[0]


@pytest.mark.parametrize("k, n", [(0, 3), (3, 3), (1, 3), (0, 12), (12, 12), (7, 9), (1, 50)])
def test_the_range_always_contains_the_share_actually_seen(k: int, n: int) -> None:
    low, high = exact_interval(k, n) or (None, None)
    assert low is not None and high is not None
    assert low <= k / n <= high
    assert (low == 0) == (k == 0) and (high == 1) == (k == n)


@pytest.mark.parametrize("k, n", [(0, 0), (0, 1), (1, 1), (1, 2), (0, 2)])
def test_fewer_than_three_answers_give_no_range(k: int, n: int) -> None:
    assert exact_interval(k, n) is None


def test_an_empty_search_has_no_rates_and_no_ranges_in_json(alice: Any) -> None:
    data = as_json(overview(alice, TODAY, propose=False))
    for step in data["funnel"]["steps"]:
        assert step["rate_percent"] is None and step["interval_80_percent"] is None


def test_the_funnel_page_says_likely_between_only_where_there_is_a_range(
    alice: Any, alice_client: Any
) -> None:
    for i in range(4):
        record_rejection(applied(alice, f"No{i}", 30), stage_reached="application")
    app = applied(alice, "Call", 30)
    record_event(app, "screen", occurred_on=TODAY - timedelta(days=25))
    record_rejection(app, stage_reached="screen")
    html = alice_client.get("/insights/").content.decode()
    # Applied → Screening: 1 of 5, a range from 2% to 58% (it holds the 20% seen).
    assert "20% went on (likely between 2% and 58%)" in html
    # Screening → Interview: 0 of 1, no range at all, and no "likely" about it.
    assert "0 of 1 went on so far (too few for a range)" in html
    assert html.count("likely between") == 1
    assert "too few answers" in html  # the table under "Show the numbers"


def test_response_time_runs_from_applying_to_the_first_answer(alice: Any) -> None:
    app = applied(alice, "Acme", 20)
    record_event(app, "screen", occurred_on=TODAY - timedelta(days=14))
    record_event(app, "interview", occurred_on=TODAY - timedelta(days=7))
    record_rejection(applied(alice, "Beta", 20), received_on=TODAY - timedelta(days=10))
    times = response_times(alice)
    assert (times.answered, times.fastest, times.slowest, times.median_days) == (2, 6, 10, 8.0)


def test_a_quiet_application_is_flagged_and_gets_one_follow_up_not_one_per_visit(
    alice: Any, alice_client: Any
) -> None:
    quiet = applied(alice, "Quietco", 30)
    applied(alice, "Recent", 3)
    assert [r.id for r in silence(alice, TODAY).rows] == [quiet.pk]
    alice_client.get("/insights/")
    alice_client.get("/insights/")
    follow_ups = Action.objects.filter(owner=alice, kind=ActionKind.FOLLOW_UP)
    assert follow_ups.count() == 1
    action = follow_ups.get()
    assert action.application == quiet and action.status == ActionStatus.PROPOSED
    action.status = ActionStatus.DROPPED
    action.save()
    assert propose_follow_ups(alice, TODAY) == 0  # dropped means "not now", not "ask again"


def test_a_silence_of_many_months_is_offered_as_no_reply_not_a_follow_up(alice: Any) -> None:
    old = applied(alice, "Longago", 400)  # e.g. found in an imported mailbox
    assert silence(alice, TODAY).rows[0].can_mark_ghosted
    assert propose_follow_ups(alice, TODAY) == 0
    assert not Action.objects.filter(application=old).exists()


def test_a_stage_can_wait_longer_than_the_general_setting(alice: Any, alice_client: Any) -> None:
    app = applied(alice, "Slowco", 40)
    record_event(app, "final", occurred_on=TODAY - timedelta(days=25))
    assert silence(alice, TODAY).count == 1
    response = alice_client.post("/insights/silence/", {"final": "30"})
    assert response.status_code == 302
    assert silence(alice, TODAY).count == 0


def test_a_wrong_silence_setting_is_explained_and_nothing_changes(
    alice: Any, alice_client: Any
) -> None:
    applied(alice, "Acme", 3)
    response = alice_client.post("/insights/silence/", {"final": "-3", "screen": "ten"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please choose between 3 and 180 days" in html
    assert "Please use a whole number of days, like 21." in html
    assert "greater than or equal" not in html
    assert not SilenceRule.objects.filter(owner=alice).exists()


@pytest.mark.parametrize(
    "days, ok", [("-5", False), ("2", False), ("3", True), ("180", True), ("181", False)]
)
def test_the_insights_page_and_settings_allow_the_same_silence(
    alice: Any, alice_client: Any, days: str, ok: bool
) -> None:
    from bounceback.accounts.forms import SettingsForm
    from bounceback.insights.forms import SilenceForm

    settings = SettingsForm(
        {"display_name": "", "weekly_target": 5, "ghost_after_days": days},
        instance=Profile.for_user(alice),
    )
    assert SilenceForm({"final": days}).is_valid() is ok
    assert settings.is_valid() is ok
    if not ok:
        assert SilenceForm({"final": days}).errors["final"] == [SILENCE_DAYS_MESSAGE]
        assert settings.errors["ghost_after_days"] == [SILENCE_DAYS_MESSAGE]
        with pytest.raises(UserError, match="between 3 and 180"):
            set_threshold(alice, "final", int(days))


def test_a_long_silence_can_be_marked_as_no_reply_in_one_click(
    alice: Any, alice_client: Any, bob_client: Any
) -> None:
    app = applied(alice, "Ghostco", 60)
    assert silence(alice, TODAY).rows[0].can_mark_ghosted
    assert bob_client.post(f"/insights/silence/{app.pk}/ghosted/").status_code == 404
    response = alice_client.post(f"/insights/silence/{app.pk}/ghosted/", follow=True)
    app.refresh_from_db()
    assert app.status == Status.GHOSTED
    assert "It can still come back" in response.content.decode()


def test_a_theme_report_warns_when_there_are_too_few_rejections(alice: Any) -> None:
    record_rejection(applied(alice, "One", 10))
    assert themes_report(alice).small_sample


def test_did_it_help_compares_applications_before_and_after_the_first_step_done(
    alice: Any,
) -> None:
    for i in range(6):
        applied(alice, f"Before{i}", 60)
    for i in range(5):
        app = applied(alice, f"After{i}", 10)
        if i < 2:
            record_event(app, "interview", occurred_on=TODAY - timedelta(days=5))
    Action.objects.create(
        owner=alice,
        title="Practise",
        theme="examples",
        status=ActionStatus.DONE,
        done_on=TODAY - timedelta(days=30),
    )
    row = next(r for r in themes_report(alice).rows if r.theme.slug == "examples")
    assert row.effect is not None
    assert (row.effect.before_total, row.effect.before_interviews) == (6, 0)
    assert (row.effect.after_total, row.effect.after_interviews) == (5, 2)
    assert row.effect.too_small is False


def test_the_insights_pages_show_charts_with_a_table_for_screen_readers(
    alice: Any, alice_client: Any
) -> None:
    bulk_search(alice, 40)
    html = alice_client.get("/insights/").content.decode()
    assert html.count('role="img"') == 4 and html.count("<details>") >= 4
    assert "<figcaption" in html and "aria-label=" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for url in ["/insights/themes/", "/insights/wins/", "/insights/forecast/"]:
        assert alice_client.get(url).status_code == 200


def test_an_empty_search_gets_a_kind_start_not_an_error(alice_client: Any) -> None:
    response = alice_client.get("/insights/")
    assert response.status_code == 200
    assert "Nothing to show yet" in response.content.decode()


def test_the_page_asks_the_database_the_same_number_of_times_for_a_small_and_a_big_search(
    alice: Any, alice_client: Any, bob: Any, bob_client: Any
) -> None:
    bulk_search(alice, 12)
    bulk_search(bob, 300)
    counts = []
    for client in (alice_client, bob_client):
        client.get("/insights/")  # the first visit may propose follow-ups; count the next one
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/insights/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_bob_sees_only_his_own_numbers(alice: Any, bob: Any) -> None:
    bulk_search(alice, 20)
    assert overview(bob).funnel.total == 0


def test_gentle_mode_keeps_rejection_counts_off_the_dashboard(
    alice: Any, alice_client: Any
) -> None:
    record_rejection(applied(alice, "Acme", 10))
    assert "rejection recorded so far" in alice_client.get("/").content.decode()
    profile = Profile.for_user(alice)
    profile.gentle_mode = True
    profile.save()
    html = alice_client.get("/").content.decode()
    assert "What you're learning" in html and "recorded so far" not in html


def test_the_wins_timeline_lists_every_win_newest_first(alice: Any, alice_client: Any) -> None:
    Win.objects.create(owner=alice, title="First reply", occurred_on=TODAY - timedelta(days=40))
    Win.objects.create(owner=alice, title="An interview", occurred_on=TODAY - timedelta(days=2))
    html = alice_client.get("/insights/wins/").content.decode()
    assert html.index("An interview") < html.index("First reply")
