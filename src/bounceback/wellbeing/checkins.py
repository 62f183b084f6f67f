"""Recording mood check-ins, and the gentle signals computed from them (never stored)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.errors import UserError
from bounceback.wellbeing.checkin_tags import tag_labels
from bounceback.wellbeing.models import CheckIn

MOODS = {1: "Rough", 2: "Low", 3: "Okay", 4: "Good", 5: "Really good"}
NOTE_LIMIT = 5000

# Several low check-ins within two weeks is a pattern worth a gentle word; one bad day is not.
LOW_MOOD = 2
LOW_COUNT = 3
LOW_WINDOW_DAYS = 14


def parse_mood(value: object) -> int:
    """A mood from a form, a button or the CLI; a kind, precise message when it is not 1–5."""
    try:
        mood = int(str(value).strip())
    except (TypeError, ValueError):
        mood = 0
    if mood not in MOODS:
        raise UserError(
            f"Mood is a number from 1 (rough) to 5 (really good); '{value}' isn't one. "
            "Pick the number that fits today best."
        )
    return mood


def clean_tags(values: Iterable[str]) -> list[str]:
    """Known tags only, in the data file's order; an unknown one is explained, not dropped."""
    known = tag_labels()
    wanted = [value.strip() for value in values if value and value.strip()]
    unknown = [value for value in wanted if value not in known]
    if unknown:
        raise UserError(
            f"'{unknown[0]}' is not one of the check-in tags. Use any of: {', '.join(known)}."
        )
    return [key for key in known if key in wanted]


def record(
    owner: User,
    mood: object,
    tags: Iterable[str] = (),
    note: str = "",
    day: date | None = None,
) -> CheckIn:
    """Save a check-in. The note is kept exactly as written and never logged."""
    note = note or ""
    if len(note) > NOTE_LIMIT:
        raise UserError(
            f"That note is {len(note)} characters; check-in notes hold up to {NOTE_LIMIT}. "
            "Keep the part that matters most today, or write the rest as a strengths log entry."
        )
    return CheckIn.objects.create(
        owner=owner,
        mood=parse_mood(mood),
        tags=clean_tags(tags),
        note=note.strip(),
        day=day or timezone.localdate(),
    )


def checked_in_today(owner: User, today: date | None = None) -> bool:
    return CheckIn.objects.filter(owner=owner, day=today or timezone.localdate()).exists()


def recent(owner: User, limit: int = 10) -> list[CheckIn]:
    return list(CheckIn.objects.filter(owner=owner)[:limit])


def sustained_low_mood(owner: User, today: date | None = None) -> bool:
    """Several low days close together: time for a kind nudge towards a person, not a verdict.

    Days, not check-ins: one hard afternoon logged five times is one hard day.
    """
    today = today or timezone.localdate()
    since = today - timedelta(days=LOW_WINDOW_DAYS - 1)
    low_days = (
        CheckIn.objects.filter(owner=owner, day__gte=since, day__lte=today, mood__lte=LOW_MOOD)
        .order_by()
        .values("day")
        .distinct()
        .count()
    )
    return low_days >= LOW_COUNT
