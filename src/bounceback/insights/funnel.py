"""The funnel, where rejections cluster, response times and pace: counted in the database.

Every function here runs a fixed number of queries whatever the size of the search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from django.contrib.auth.models import User
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncWeek

from bounceback.applications.models import Application, EventKind, Stage, StageEvent, Status
from bounceback.lib.beta import betaincinv
from bounceback.recovery.models import Rejection, StageReached

STAGES: list[str] = [s.value for s in Stage]
STAGE_LABELS: dict[str, str] = {s.value: s.label for s in Stage}
# A step has "ended" at a stage when the answer there was no (or no answer at all).
# Withdrawn applications are the person's own choice, so they count on neither side.
_ENDED = [Status.REJECTED, Status.GHOSTED]
# Events that mean the employer answered.
REPLY_KINDS = [
    EventKind.SCREEN,
    EventKind.ASSESSMENT,
    EventKind.INTERVIEW,
    EventKind.FINAL,
    EventKind.OFFER,
    EventKind.REJECTED,
]
INTERVAL = 0.8  # the range shown for each step
# Fewer answers at a step than this and a range would be mostly guesswork ("1 of 1: likely
# 32%-95%"), so the step shows its counts and no range.
MIN_FOR_RANGE = 3


def exact_interval(k: int, n: int, level: float = INTERVAL) -> tuple[float, float] | None:
    """The exact (Clopper-Pearson) interval for k of n, or None below MIN_FOR_RANGE answers.

    Unlike a Bayesian interval with a flat prior, it always contains the share actually
    seen: it starts at 0 when none went on and ends at 1 when all did.
    """
    if n < MIN_FOR_RANGE:
        return None
    tail = (1 - level) / 2
    low = 0.0 if k == 0 else float(betaincinv(k, n - k + 1, tail))
    high = 1.0 if k == n else float(betaincinv(k + 1, n - k, 1 - tail))
    return low, high


@dataclass(frozen=True)
class Step:
    from_stage: str
    to_stage: str
    went_on: int  # reached the next stage
    decided: int  # reached the next stage, or ended at this one
    low: float | None  # the 80% range; None when too few answers to give one
    high: float | None

    @property
    def rate(self) -> float | None:
        return self.went_on / self.decided if self.decided else None

    @property
    def label(self) -> str:
        return f"{STAGE_LABELS[self.from_stage]} → {STAGE_LABELS[self.to_stage]}"

    @property
    def has_range(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def range_text(self) -> str:
        """'43%–66%', or why there is none, for tables (the page, the CLI, the report)."""
        if self.low is None or self.high is None:
            return "no answers yet" if not self.decided else "too few answers"
        return f"{self.low * 100:.0f}%–{self.high * 100:.0f}%"

    @property
    def words(self) -> str:
        """The step in a sentence, saying 'likely between' only where there is a range."""
        if not self.decided:
            return "no answers yet"
        if self.low is None or self.high is None:
            return f"{self.went_on} of {self.decided} went on so far (too few for a range)"
        return (
            f"{self.went_on * 100 / self.decided:.0f}% went on "
            f"(likely between {self.low * 100:.0f}% and {self.high * 100:.0f}%)"
        )


@dataclass
class Funnel:
    total: int
    reached: dict[str, int]  # applications that got at least this far
    open_count: int
    withdrawn: int
    steps: list[Step]
    rejections_by_stage: dict[str, int] = field(default_factory=dict)

    @property
    def rejections_labelled(self) -> list[tuple[str, int]]:
        labels = {s.value: str(s.label) for s in StageReached}
        return [(labels[stage], n) for stage, n in self.rejections_by_stage.items()]

    @property
    def rejections(self) -> int:
        return sum(self.rejections_by_stage.values())


def funnel(owner: User, since: date | None = None) -> Funnel:
    """Counts per stage and the conversion of each step, in two queries."""
    applications = Application.objects.filter(owner=owner)
    rejections = Rejection.objects.filter(owner=owner)
    if since:
        applications = applications.filter(applied_on__gte=since)
        rejections = rejections.filter(application__applied_on__gte=since)
    aggregates: dict[str, Count] = {
        "total": Count("id"),
        "open": Count("id", filter=Q(status__in=[Status.ACTIVE, Status.OFFER])),
        "withdrawn": Count("id", filter=Q(status=Status.WITHDRAWN)),
    }
    for index, stage in enumerate(STAGES):
        aggregates[f"reached_{stage}"] = Count("id", filter=Q(stage__in=STAGES[index:]))
        aggregates[f"ended_{stage}"] = Count("id", filter=Q(stage=stage, status__in=_ENDED))
    counts = applications.aggregate(**aggregates)
    reached = {stage: counts[f"reached_{stage}"] for stage in STAGES}
    steps = []
    for here, there in zip(STAGES, STAGES[1:], strict=False):
        went_on = reached[there]
        decided = went_on + counts[f"ended_{here}"]
        low, high = exact_interval(went_on, decided) or (None, None)
        steps.append(Step(here, there, went_on, decided, low, high))
    by_stage = dict(
        rejections.values_list("stage_reached")
        .annotate(n=Count("id"))
        .values_list("stage_reached", "n")
    )
    ordered = {s.value: by_stage.get(s.value, 0) for s in StageReached if by_stage.get(s.value)}
    return Funnel(
        total=counts["total"],
        reached=reached,
        open_count=counts["open"],
        withdrawn=counts["withdrawn"],
        steps=steps,
        rejections_by_stage=ordered,
    )


@dataclass(frozen=True)
class ResponseTimes:
    answered: int
    median_days: float | None
    fastest: int | None
    slowest: int | None
    # Answered applications left out because a day in it is a guess, until confirmed.
    left_out: int = 0


def response_times(owner: User) -> ResponseTimes:
    """Days from applying to the first answer of any kind, over answered applications.

    An application whose date was guessed from a later e-mail, or whose first answer is on a
    guessed day (a step added from a rejection), is left out and counted in ``left_out``:
    its "wait" would be made up (often 0 days), not the person's own.
    """
    rows = (
        StageEvent.objects.filter(owner=owner, kind__in=REPLY_KINDS)
        .values("application_id")
        .annotate(
            first=Min("occurred_on"),
            applied=Min("application__applied_on"),
            guessed_app=Count("id", filter=Q(application__applied_on_guessed=True)),
        )
        .values_list("application_id", "first", "applied", "guessed_app")
    )
    guessed_first = set(
        StageEvent.objects.filter(owner=owner, kind__in=REPLY_KINDS, date_guessed=True).values_list(
            "application_id", "occurred_on"
        )
    )
    days, left_out = [], 0
    for application_id, first, applied, guessed_app in rows:
        if guessed_app or (application_id, first) in guessed_first:
            left_out += 1
            continue
        days.append((first - applied).days)
    if not days:
        return ResponseTimes(0, None, None, None, left_out)
    return ResponseTimes(len(days), float(median(days)), min(days), max(days), left_out)


def weekly_activity(owner: User, today: date, weeks: int = 26) -> list[tuple[date, int]]:
    """Applications sent per week (Monday to Sunday) for the last ``weeks`` weeks.

    Applications whose date is a guess are left out (``guessed_dates`` counts them):
    they were sent some other, unknown week.
    """
    this_monday = today - timedelta(days=today.weekday())
    start = this_monday - timedelta(weeks=weeks - 1)
    counted = {
        (week.date() if hasattr(week, "date") else week): n
        for week, n in Application.objects.filter(
            owner=owner, applied_on__gte=start, applied_on_guessed=False
        )
        .annotate(week=TruncWeek("applied_on"))
        .values("week")
        .annotate(n=Count("id"))
        .values_list("week", "n")
    }
    return [
        (start + timedelta(weeks=i), counted.get(start + timedelta(weeks=i), 0))
        for i in range(weeks)
    ]


def guessed_dates(owner: User) -> int:
    """How many applications have a day applied that is only a guess, not yet confirmed."""
    return Application.objects.filter(owner=owner, applied_on_guessed=True).count()


def weekly_pace(activity: list[tuple[date, int]], recent: int = 8) -> float:
    """Applications per week over the last ``recent`` full weeks (this week is still going)."""
    full_weeks = activity[:-1][-recent:]
    if not full_weeks:
        return 0.0
    return sum(n for _, n in full_weeks) / len(full_weeks)
