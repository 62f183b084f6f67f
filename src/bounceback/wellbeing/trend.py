"""How the weeks have felt beside how busy the search was: the person's own averages, plainly.

No causal claims and no scores: only "weeks like this averaged X (n check-ins),
weeks like that averaged Y (n)", and nothing at all when there is too little
to compare.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean, median

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.applications.models import Application
from bounceback.wellbeing.checkin_tags import tags
from bounceback.wellbeing.models import CheckIn

WEEKS = 12
MIN_EACH_SIDE = 3  # fewer check-ins than this on either side says nothing worth showing


@dataclass(frozen=True)
class Week:
    start: date
    mood: float | None  # average mood that week, None without check-ins
    checkins: int
    applications: int


@dataclass(frozen=True)
class Comparison:
    label: str
    with_label: str
    without_label: str
    with_mood: float
    with_n: int
    without_mood: float
    without_n: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[dict[str, object]]
    line: str
    dots: list[dict[str, object]]
    max_apps: int


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks(owner: User, today: date | None = None, count: int = WEEKS) -> list[Week]:
    today = today or timezone.localdate()
    first = _monday(today) - timedelta(weeks=count - 1)
    moods: dict[date, list[int]] = defaultdict(list)
    for day, mood in CheckIn.objects.filter(
        owner=owner, day__gte=first, day__lte=today
    ).values_list("day", "mood"):
        moods[_monday(day)].append(mood)
    apps: dict[date, int] = defaultdict(int)
    for day in Application.objects.filter(
        owner=owner, applied_on__gte=first, applied_on__lte=today
    ).values_list("applied_on", flat=True):
        apps[_monday(day)] += 1
    result = []
    for index in range(count):
        start = first + timedelta(weeks=index)
        values = moods.get(start, [])
        result.append(
            Week(
                start=start,
                mood=round(mean(values), 1) if values else None,
                checkins=len(values),
                applications=apps.get(start, 0),
            )
        )
    return result


def _compare(
    label: str, with_label: str, without_label: str, inside: list[int], outside: list[int]
) -> Comparison | None:
    if len(inside) < MIN_EACH_SIDE or len(outside) < MIN_EACH_SIDE:
        return None
    return Comparison(
        label=label,
        with_label=with_label,
        without_label=without_label,
        with_mood=round(mean(inside), 1),
        with_n=len(inside),
        without_mood=round(mean(outside), 1),
        without_n=len(outside),
    )


def comparisons(owner: User, today: date | None = None) -> list[Comparison]:
    """Busier vs quieter search weeks, and days with vs without the grouped tags."""
    found: list[Comparison] = []
    history = weeks(owner, today)
    busy = [week.applications for week in history if week.checkins]
    if busy:
        middle = median(busy)
        days = list(CheckIn.objects.filter(owner=owner).values_list("day", "mood"))
        by_week = {week.start: week.applications for week in history}
        inside = [mood for day, mood in days if by_week.get(_monday(day), -1) > middle]
        outside = [mood for day, mood in days if 0 <= by_week.get(_monday(day), -1) <= middle]
        result = _compare(
            "Search activity",
            f"check-ins in weeks with more than {middle:g} applications",
            f"check-ins in weeks with {middle:g} or fewer",
            inside,
            outside,
        )
        if result:
            found.append(result)
    rows = list(CheckIn.objects.filter(owner=owner).values_list("tags", "mood"))
    for tag in tags():
        if not tag.group:
            continue
        inside = [mood for tagged, mood in rows if tag.key in (tagged or [])]
        outside = [mood for tagged, mood in rows if tag.key not in (tagged or [])]
        result = _compare(
            tag.label,
            f"days tagged “{tag.label.lower()}”",
            "days without it",
            inside,
            outside,
        )
        if result:
            found.append(result)
    return found


def chart(history: list[Week], width: int = 600, height: int = 170) -> Chart:
    """Geometry for a small SVG: pale bars for applications, a line for mood (1 at the bottom, 5 at the top)."""
    top, bottom, left = 12, 26, 8
    plot = height - top - bottom
    slot = (width - left * 2) / max(len(history), 1)
    max_apps = max([week.applications for week in history] + [1])
    bars: list[dict[str, object]] = []
    dots: list[dict[str, object]] = []
    points: list[str] = []
    for index, week in enumerate(history):
        x = left + index * slot
        bar = plot * week.applications / max_apps
        bars.append(
            {
                "x": round(x + slot * 0.2, 1),
                "y": round(top + plot - bar, 1),
                "w": round(slot * 0.6, 1),
                "h": round(bar, 1),
                "label": f"{week.start.day} {week.start:%b}",
                "lx": round(x + slot / 2, 1),
                "apps": week.applications,
            }
        )
        if week.mood is not None:
            cx = round(x + slot / 2, 1)
            cy = round(top + plot - plot * (week.mood - 1) / 4, 1)
            points.append(f"{cx},{cy}")
            dots.append({"x": cx, "y": cy, "mood": week.mood, "n": week.checkins})
    return Chart(
        width=width,
        height=height,
        bars=bars,
        line=" ".join(points),
        dots=dots,
        max_apps=max_apps,
    )
