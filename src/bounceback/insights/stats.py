"""Themes across rejections (how often, at which stage, over time, and did acting help) and wins.

A fixed number of queries whatever the size of the search: counts come from
GROUP BY in the database, never from looping over rows in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.models import User
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth

from bounceback.applications.models import Application
from bounceback.insights.models import Source
from bounceback.insights.tagging import all_themes, counted_tags, waiting_note, waiting_tags
from bounceback.insights.trend import (
    MonthCount,
    Period,
    describe,
    group,
    months_between,
    period_kind,
)
from bounceback.lib.themes import Theme
from bounceback.recovery.models import Action, ActionStatus, Rejection, StageReached, Win

SMALL_SAMPLE = 5  # fewer rejections than this: show counts, draw no conclusions
INTERVIEW_OR_LATER = ["interview", "final", "offer"]
REACHED_LABELS = {s.value: s.label for s in StageReached}


@dataclass(frozen=True)
class Effect:
    """Share of applications reaching an interview, before vs after the first action done.

    "Before": applications sent before the first action for this theme was done.
    "After": those sent on or after that day. Recent ones may still move on, so the
    "after" share can only grow; neither side proves the action caused anything.
    """

    since: date
    before_total: int
    before_interviews: int
    after_total: int
    after_interviews: int

    @property
    def before_rate(self) -> float | None:
        return self.before_interviews / self.before_total if self.before_total else None

    @property
    def after_rate(self) -> float | None:
        return self.after_interviews / self.after_total if self.after_total else None

    @property
    def too_small(self) -> bool:
        return self.before_total < SMALL_SAMPLE or self.after_total < SMALL_SAMPLE


@dataclass
class ThemeRow:
    theme: Theme
    employer: int = 0
    self_noted: int = 0
    by_stage: dict[str, int] = field(default_factory=dict)
    # Every month of the search, empty ones included, so a gap reads as a gap.
    by_month: list[MonthCount] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)  # the same, grouped for the picture
    summary: str = ""  # plain words; empty when there are too few rejections to say any
    actions_done: int = 0
    effect: Effect | None = None

    @property
    def total(self) -> int:
        """Mentions: texts (feedback or reflection answers) tagged with the theme."""
        return self.employer + self.self_noted

    @property
    def applications(self) -> int:
        """Applications it came up for, each once however many texts mention it."""
        return sum(self.by_stage.values())


@dataclass
class ThemesReport:
    rows: list[ThemeRow]
    rejections: int
    months: list[date]
    period_kind: str = "month"  # "month" or "quarter", see trend.MONTHLY_UP_TO
    # Suggested tags nobody has confirmed or removed yet: left out of every count above.
    waiting: int = 0

    @property
    def waiting_note(self) -> str:
        return waiting_note(self.waiting)

    @property
    def small_sample(self) -> bool:
        return self.rejections < SMALL_SAMPLE

    @property
    def found(self) -> list[ThemeRow]:
        return [r for r in self.rows if r.total]


def _month(value: date | datetime) -> date:
    """TruncMonth's value as a date: some backends give a datetime even for a date field."""
    return value.date() if isinstance(value, datetime) else value


def themes_report(
    owner: User, since: date | None = None, today: date | None = None
) -> ThemesReport:
    """Per theme: counts by source, by stage reached, by month and source, and actions done.

    A mention is one feedback text or reflection answer (one tag), so the months of a
    theme add up to its "the employer said" and "you noted" counts. Only tags the person
    confirmed or added count; suggestions still waiting are only counted, as ``waiting``.
    """
    today = today or date.today()
    themes = all_themes(owner)
    rows = {t.slug: ThemeRow(t) for t in themes}
    tags = counted_tags(owner)
    waiting = waiting_tags(owner)
    if since:
        tags = tags.filter(tagged_on__gte=since)
        waiting = waiting.filter(tagged_on__gte=since)
    # One rejection counts once per theme at its stage, however many texts mention it.
    for slug, stage, n in (
        tags.values("theme", "application__rejection__stage_reached")
        .annotate(n=Count("application", distinct=True))
        .values_list("theme", "application__rejection__stage_reached", "n")
    ):
        if slug in rows:
            rows[slug].by_stage[stage or StageReached.UNKNOWN] = n
    # Source totals are summed from this one month-by-source query rather than asked for.
    monthly: dict[str, dict[date, list[int]]] = {}
    for slug, source, month, n in (
        tags.annotate(month=TruncMonth("tagged_on"))
        .values("theme", "source", "month")
        .annotate(n=Count("id"))
        .values_list("theme", "source", "month", "n")
    ):
        if slug not in rows:
            continue
        counts = monthly.setdefault(slug, {}).setdefault(_month(month), [0, 0])
        if source == Source.EMPLOYER:
            rows[slug].employer += n
            counts[0] += n
        else:
            rows[slug].self_noted += n
            counts[1] += n
    months = _search_months(owner, since, today, monthly)
    kind = period_kind(months)
    rejections = Rejection.objects.filter(owner=owner)
    if since:
        rejections = rejections.filter(received_on__gte=since)
    report = ThemesReport(
        list(rows.values()), rejections.count(), months, kind, waiting=waiting.count()
    )
    for slug, row in rows.items():
        counts_by_month = monthly.get(slug, {})
        row.by_month = [MonthCount(m, *counts_by_month.get(m, [0, 0])) for m in months]
        row.periods = group(row.by_month, kind)
        if not report.small_sample:
            row.summary = describe(row.by_month, today)
    _add_effects(owner, rows)
    return report


def _search_months(
    owner: User, since: date | None, today: date, monthly: dict[str, dict[date, list[int]]]
) -> list[date]:
    """The months of the search: from ``since`` or the first application, up to today."""
    if since:
        first: date | None = since
    else:
        first = Application.objects.filter(owner=owner).aggregate(first=Min("applied_on"))["first"]
    seen = [m for counts in monthly.values() for m in counts]
    candidates = [d for d in [first, *seen] if d is not None]
    if not candidates:
        return []
    return months_between(min(candidates), max([today, *seen]))


def _add_effects(owner: User, rows: dict[str, ThemeRow]) -> None:
    done = (
        Action.objects.filter(owner=owner, status=ActionStatus.DONE, done_on__isnull=False)
        .exclude(theme="")
        .values("theme")
        .annotate(first=Min("done_on"), n=Count("id"))
        .values_list("theme", "first", "n")
    )
    firsts: dict[str, date] = {}
    for slug, first, n in done:
        if slug in rows:
            rows[slug].actions_done = n
            firsts[slug] = first
    if not firsts:
        return
    # One query for every theme at once: conditional counts either side of each date.
    aggregates: dict[str, Count] = {}
    for index, (_slug, first) in enumerate(firsts.items()):
        before, after = Q(applied_on__lt=first), Q(applied_on__gte=first)
        went = Q(stage__in=INTERVIEW_OR_LATER)
        aggregates[f"b{index}"] = Count("id", filter=before)
        aggregates[f"bi{index}"] = Count("id", filter=before & went)
        aggregates[f"a{index}"] = Count("id", filter=after)
        aggregates[f"ai{index}"] = Count("id", filter=after & went)
    counts = Application.objects.filter(owner=owner).aggregate(**aggregates)
    for index, (slug, first) in enumerate(firsts.items()):
        rows[slug].effect = Effect(
            first,
            counts[f"b{index}"],
            counts[f"bi{index}"],
            counts[f"a{index}"],
            counts[f"ai{index}"],
        )


@dataclass(frozen=True)
class WinsOverTime:
    total: int
    # Every month from the first win to this one, empty months included.
    by_month: list[tuple[date, int]]


def wins_over_time(
    owner: User, since: date | None = None, today: date | None = None
) -> WinsOverTime:
    today = today or date.today()
    wins = Win.objects.filter(owner=owner)
    if since:
        wins = wins.filter(occurred_on__gte=since)
    counted = {
        _month(month): n
        for month, n in wins.annotate(month=TruncMonth("occurred_on"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
        .values_list("month", "n")
    }
    if not counted:
        return WinsOverTime(0, [])
    months = months_between(min(counted), max([today, *counted]))
    return WinsOverTime(sum(counted.values()), [(m, counted.get(m, 0)) for m in months])
