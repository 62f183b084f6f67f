"""The forecast: a range from the person's own numbers, and silence when the data is too thin."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.template.loader import render_to_string

from bounceback.insights.forecast import applications_text, simulate, weakest_step, weeks_text

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


def test_no_offer_ever_and_fewer_than_three_final_rounds_decided_gives_no_number() -> None:
    # The demo's shape: plenty of answers and interviews, two final rounds, no offer yet.
    steps = [(17, 31), (9, 14), (2, 7), (0, 2)]
    forecast = simulate(steps, LABELS, 1.9, reached_interview=9)
    assert not forecast.enough and forecast.applications is None
    assert forecast.reason.startswith("No offer yet in your own numbers")
    assert "Once a few final rounds have an answer" in forecast.reason


def test_three_decided_final_rounds_or_one_offer_are_enough_for_a_range() -> None:
    no_offer = simulate([(17, 31), (9, 14), (3, 7), (0, 3)], LABELS, 1.9, reached_interview=9)
    one_offer = simulate([(17, 31), (9, 14), (1, 7), (1, 1)], LABELS, 1.9, reached_interview=9)
    assert no_offer.enough and one_offer.enough


@pytest.mark.parametrize(
    "low, high, words",
    [(12, 40, "12–40"), (4, 313, "4 to over 100"), (140, 900, "over 100"), (3, 3, "3")],
)
def test_a_long_tail_of_applications_is_shown_as_over_100(
    low: float, high: float, words: str
) -> None:
    assert applications_text(low, high) == words


@pytest.mark.parametrize(
    "low, high, words",
    [(6, 20, "6–20 weeks"), (6, 160, "6 weeks to over a year"), (60, 90, "over a year")],
)
def test_a_long_wait_is_shown_as_over_a_year(low: float, high: float, words: str) -> None:
    assert weeks_text(low, high) == words


def test_the_forecast_text_never_shows_a_number_above_100_applications() -> None:
    # One offer in 60 answers: the tail of the simulation runs to hundreds.
    steps = [(6, 60), (3, 6), (2, 3), (1, 2)]
    forecast = simulate(steps, LABELS, 0.5, reached_interview=3)
    assert forecast.applications and forecast.applications.p90 > 100
    view = SimpleNamespace(forecast=forecast, pace=0.5, weakest=None)
    html = render_to_string("insights/_forecast_summary.html", {"view": view})
    assert "over 100" in html
    assert all(int(n) <= 100 for n in re.findall(r"\d+", html) if n != "10")


@pytest.mark.parametrize(
    "decided, words",
    [
        (0, "None of your applications has an answer yet."),
        (1, "Only 1 of your applications has an answer so far."),
        (6, "Only 6 of your applications have an answer so far."),
    ],
)
def test_the_reason_counts_answers_in_proper_english(decided: int, words: str) -> None:
    steps = [(0, decided), (0, 0), (0, 0), (0, 0)]
    assert simulate(steps, LABELS, 1.0, reached_interview=0).reason.startswith(words)
