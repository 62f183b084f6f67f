"""The forecast: a range from the person's own numbers, and silence when the data is too thin."""

from __future__ import annotations

from typing import Any

from bounceback.insights.forecast import simulate, weakest_step

LABELS = ["a→s", "s→i", "i→f", "f→o"]
# 40 answered applications: 16 calls, 8 interviews, 3 final rounds, 1 offer.
STEPS = [(16, 40), (8, 16), (3, 8), (1, 3)]


def test_too_few_answers_give_a_reason_and_no_number() -> None:
    forecast = simulate([(2, 6), (1, 2), (0, 1), (0, 0)], LABELS, 2.0, reached_interview=1)
    assert not forecast.enough and forecast.applications is None
    assert "Only 6" in forecast.reason


def test_no_interview_yet_gives_no_number() -> None:
    forecast = simulate([(3, 20), (0, 3), (0, 0), (0, 0)], LABELS, 2.0, reached_interview=0)
    assert not forecast.enough and forecast.weeks is None
    assert "interview" in forecast.reason


def test_the_forecast_is_a_range_and_the_same_every_time() -> None:
    first = simulate(STEPS, LABELS, 3.0, reached_interview=8)
    again = simulate(STEPS, LABELS, 3.0, reached_interview=8)
    assert first.enough and first.applications and first.weeks
    assert first.applications == again.applications
    r = first.applications
    assert 1 <= r.p10 <= r.p25 <= r.median <= r.p75 <= r.p90
    # Weeks follow from the pace: three applications a week.
    assert first.weeks.median == r.median / 3.0


def test_improving_one_step_shortens_the_likely_wait() -> None:
    forecast = simulate(STEPS, LABELS, 3.0, reached_interview=8)
    assert forecast.applications
    for scenario in forecast.scenarios:
        assert scenario.applications.median <= forecast.applications.median


def test_without_a_recent_pace_there_are_applications_but_no_weeks() -> None:
    forecast = simulate(STEPS, LABELS, 0.0, reached_interview=8)
    assert forecast.applications and forecast.weeks is None


def test_the_weakest_step_is_the_one_with_the_lowest_rate() -> None:
    assert weakest_step([(8, 10), (1, 10), (5, 10), (2, 3)]) == 1


def test_the_json_shape_names_intervals_and_scenarios() -> None:
    data: Any = simulate(STEPS, LABELS, 3.0, reached_interview=8).as_dict()
    assert data["enough_data"] is True and data["runs"] == 5000
    assert set(data["applications_to_offer"]) == {"p10", "p25", "median", "p75", "p90"}
    assert data["if_one_step_improves"][1]["improvement_points"] == 10
