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
CAP = 10_000  # beyond this the number says nothing useful; shown as "more than"


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
        return Forecast(
            False,
            f"Only {decided} of your applications have an answer so far. After about "
            f"{MIN_DECIDED}, a range starts to mean something.",
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
