"""Everything the insights page, `bounceback insights` and the report share, in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from bounceback.applications.services import weeks_in_a_row
from bounceback.insights import forecast as forecasting
from bounceback.insights.funnel import (
    STAGE_LABELS,
    Funnel,
    ResponseTimes,
    funnel,
    guessed_dates,
    response_times,
    weekly_activity,
    weekly_pace,
)
from bounceback.insights.second_opinion import Suggestion, suggestions
from bounceback.insights.silence import Silence, propose_follow_ups, silence
from bounceback.insights.stats import (
    REACHED_LABELS,
    ThemesReport,
    WinsOverTime,
    themes_report,
    wins_over_time,
)


@dataclass
class Overview:
    today: date
    funnel: Funnel
    response: ResponseTimes
    activity: list[tuple[date, int]]
    pace: float
    weeks_in_a_row: int
    silence: Silence
    forecast: forecasting.Forecast
    themes: ThemesReport
    wins: WinsOverTime
    # Applications with a guessed day applied: left out of pace, weeks and waits until confirmed.
    guessed: int = 0

    @property
    def second_opinions(self) -> list[Suggestion]:
        return suggestions(self.funnel, self.themes)

    @property
    def weakest(self) -> forecasting.Scenario | None:
        if not self.forecast.scenarios:
            return None
        steps = [(s.went_on, s.decided) for s in self.funnel.steps]
        return self.forecast.scenarios[forecasting.weakest_step(steps)]


def make_forecast(result: Funnel, pace: float) -> forecasting.Forecast:
    return forecasting.simulate(
        [(s.went_on, s.decided) for s in result.steps],
        [s.label for s in result.steps],
        pace,
        reached_interview=result.reached["interview"],
    )


def overview(owner: User, today: date | None = None, *, propose: bool = True) -> Overview:
    """Compute the whole picture; with ``propose``, also suggest follow-ups for silences."""
    today = today or date.today()
    if propose:
        propose_follow_ups(owner, today)
    result = funnel(owner)
    activity = weekly_activity(owner, today)
    pace = weekly_pace(activity)
    return Overview(
        today=today,
        funnel=result,
        response=response_times(owner),
        activity=activity,
        pace=pace,
        weeks_in_a_row=weeks_in_a_row(owner, today),
        silence=silence(owner, today),
        forecast=make_forecast(result, pace),
        themes=themes_report(owner, today=today),
        wins=wins_over_time(owner, today=today),
        guessed=guessed_dates(owner),
    )


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def as_json(view: Overview) -> dict[str, Any]:
    """The shape of `bounceback insights --json` (documented by its test)."""
    f = view.funnel
    return {
        "today": view.today,
        "funnel": {
            "applications": f.total,
            "open": f.open_count,
            "withdrawn": f.withdrawn,
            "reached": f.reached,
            "steps": [
                {
                    "from": s.from_stage,
                    "to": s.to_stage,
                    "went_on": s.went_on,
                    "decided": s.decided,
                    "rate_percent": _pct(s.rate),
                    # null below funnel.MIN_FOR_RANGE answers: too few for a range
                    "interval_80_percent": ([_pct(s.low), _pct(s.high)] if s.has_range else None),
                }
                for s in f.steps
            ],
            "rejections_by_stage": f.rejections_by_stage,
        },
        "response_days": {
            "answered": view.response.answered,
            "median": view.response.median_days,
            "fastest": view.response.fastest,
            "slowest": view.response.slowest,
            "left_out_guessed": view.response.left_out,
        },
        # Applications whose day applied is a guess: not in the pace, the weeks in a row,
        # the weekly chart or the waits above until the person confirms the day.
        "guessed_dates_left_out": view.guessed,
        "applications_per_week": round(view.pace, 2),
        "weeks_in_a_row": view.weeks_in_a_row,
        "themes": [
            {
                "slug": r.theme.slug,
                "name": r.theme.name,
                "employer": r.employer,
                "self": r.self_noted,
                "by_stage": r.by_stage,
                "actions_done": r.actions_done,
                # Every month of the search, empty ones included; the pages may show quarters.
                "by_month": [
                    {"month": f"{m.month:%Y-%m}", "employer": m.employer, "self": m.self_noted}
                    for m in r.by_month
                ],
                "trend": r.summary or None,
            }
            for r in view.themes.found
        ],
        "themes_sample_too_small": view.themes.small_sample,
        # Suggested tags not yet confirmed: left out of "themes" above until the person says yes.
        "themes_waiting": view.themes.waiting,
        "second_opinions": [
            {"kind": s.kind, "title": s.title, "because": s.because, "who": s.who}
            for s in view.second_opinions
        ],
        "silent": {
            "count": view.silence.count,
            "can_mark_ghosted": view.silence.ghostable,
            "days_by_stage": view.silence.limits,
            "longest": [
                {
                    "id": r.id,
                    "company": r.company,
                    "role": r.role,
                    "stage": r.stage,
                    "last_news": r.last_news,
                    "days": r.days,
                    "can_mark_ghosted": r.can_mark_ghosted,
                }
                for r in view.silence.rows
            ],
        },
        "forecast": view.forecast.as_dict(),
        "wins": view.wins.total,
    }


__all__ = ["REACHED_LABELS", "STAGE_LABELS", "Overview", "as_json", "overview"]
