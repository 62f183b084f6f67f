"""An honest forecast: how many more applications, and weeks, to a first offer — as a range.

Built only from the person's own numbers. Each simulated run draws a rate for every
step of the funnel from its Beta posterior (so thin data widens the range instead of
pretending), multiplies them into a chance of an offer per application, and counts
applications until the first offer (a geometric draw). Weeks are those applications
divided by the recent weekly pace. It leaves out applications already in progress and
the time an offer itself takes, and says so on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

RUNS = 5000
SEED = 20240601
IMPROVEMENT = 0.10  # "what if this step went 10 points better?"
MIN_DECIDED = 10  # fewer finished applications than this: no number, just a note
# With no offer ever seen, the last step rests on this many decided final rounds at least;
# below it, the step from final round to offer would be a guess dressed up as a range.
MIN_FINALS_WITHOUT_OFFER = 3
CAP = 10_000  # beyond this the simulation stops counting
# Shown as "over 100 applications", "over a year": past these, an exact figure adds only
# weight for someone already low, and says no more than "a long way, on these numbers".
SHOW_APPLICATIONS_UP_TO = 100
SHOW_WEEKS_UP_TO = 52


def applications_text(low: float, high: float) -> str:
    """'12–40', '12 to over 100', 'over 100' (the word "applications" is the caller's)."""
    lo, hi, cap = round(low), round(high), SHOW_APPLICATIONS_UP_TO
    if lo > cap:
        return f"over {cap}"
    if hi > cap:
        return f"{lo} to over {cap}"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def weeks_text(low: float, high: float) -> str:
    """'6–20 weeks', '6 weeks to over a year', 'over a year'."""
    lo, hi = max(1, round(low)), max(1, round(high))
    if lo > SHOW_WEEKS_UP_TO:
        return "over a year"
    if hi > SHOW_WEEKS_UP_TO:
        return f"{lo} week{'s' if lo != 1 else ''} to over a year"
    return f"{lo} week{'s' if lo != 1 else ''}" if lo == hi else f"{lo}–{hi} weeks"


@dataclass(frozen=True)
class Range:
    """Middle 50% and middle 80% of the simulated outcomes, plus the median."""

    p10: float
    p25: float
    median: float
    p75: float
    p90: float

    @classmethod
    def of(cls, values: np.ndarray) -> Range:
        p10, p25, p50, p75, p90 = np.percentile(values, [10, 25, 50, 75, 90])
        return cls(float(p10), float(p25), float(p50), float(p75), float(p90))

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 1) for k, v in self.__dict__.items()}

    @property
    def middle_applications(self) -> str:
        """The middle half, as applications: '12–40', '12 to over 100'."""
        return applications_text(self.p25, self.p75)

    @property
    def wide_applications(self) -> str:
        """Eight runs in ten, as applications."""
        return applications_text(self.p10, self.p90)

    @property
    def middle_weeks(self) -> str:
        return weeks_text(self.p25, self.p75)


@dataclass(frozen=True)
class Scenario:
    step: int
    label: str
    applications: Range
    weeks: Range | None


@dataclass
class Forecast:
    enough: bool
    reason: str = ""
    runs: int = RUNS
    pace: float = 0.0
    applications: Range | None = None
    weeks: Range | None = None
    scenarios: list[Scenario] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "enough_data": self.enough,
            "reason": self.reason,
            "runs": self.runs,
            "applications_per_week": round(self.pace, 2),
            "applications_to_offer": self.applications.as_dict() if self.applications else None,
            "weeks_to_offer": self.weeks.as_dict() if self.weeks else None,
            "if_one_step_improves": [
                {
                    "step": s.label,
                    "improvement_points": round(IMPROVEMENT * 100),
                    "applications_to_offer": s.applications.as_dict(),
                    "weeks_to_offer": s.weeks.as_dict() if s.weeks else None,
                }
                for s in self.scenarios
            ],
        }


def _draws(
    steps: list[tuple[int, int]], rng: np.random.Generator, runs: int, improve: int | None
) -> np.ndarray:
    p = np.ones(runs)
    for index, (went_on, decided) in enumerate(steps):
        rate = rng.beta(1 + went_on, 1 + decided - went_on, size=runs)
        if index == improve:
            rate = np.minimum(rate + IMPROVEMENT, 0.99)
        p *= rate
    # Same seed for every scenario: the runs differ only by the improvement.
    applications = rng.geometric(np.clip(p, 1 / CAP, 1.0))
    return np.minimum(applications, CAP).astype(float)


def simulate(
    steps: list[tuple[int, int]],
    labels: list[str],
    pace: float,
    *,
    reached_interview: int,
    runs: int = RUNS,
    seed: int = SEED,
) -> Forecast:
    """``steps``: (went on, decided) for applied→screen→interview→final→offer."""
    decided = steps[0][1] if steps else 0
    if decided < MIN_DECIDED:
        answered = (
            "None of your applications has an answer yet."
            if decided == 0
            else f"Only {decided} of your applications {'has' if decided == 1 else 'have'} "
            "an answer so far."
        )
        return Forecast(
            False,
            f"{answered} After about {MIN_DECIDED}, a range starts to mean something.",
            runs,
            pace,
        )
    if reached_interview == 0:
        return Forecast(
            False,
            "None of your applications has reached an interview yet, so there is nothing "
            "to base a forecast on. That says more about the early stage than about you.",
            runs,
            pace,
        )
    offers, finals_decided = steps[-1] if steps else (0, 0)
    if offers == 0 and finals_decided < MIN_FINALS_WITHOUT_OFFER:
        return Forecast(
            False,
            "No offer yet in your own numbers, so the last step, from final round to offer, "
            "would be a guess. Once a few final rounds have an answer, this will show a range.",
            runs,
            pace,
        )
    baseline = _draws(steps, np.random.default_rng(seed), runs, None)
    forecast = Forecast(True, "", runs, pace, Range.of(baseline))
    if pace > 0:
        forecast.weeks = Range.of(baseline / pace)
    for index, label in enumerate(labels):
        improved = _draws(steps, np.random.default_rng(seed), runs, index)
        forecast.scenarios.append(
            Scenario(index, label, Range.of(improved), Range.of(improved / pace) if pace else None)
        )
    return forecast


def weakest_step(steps: list[tuple[int, int]]) -> int:
    """The step with the lowest posterior mean: where an improvement would tell most."""
    means = [(1 + k) / (2 + n) for k, n in steps]
    return int(np.argmin(means))
