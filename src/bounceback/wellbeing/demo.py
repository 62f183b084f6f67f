"""Sample wellbeing data for `bounceback demo`: varied check-ins, a strengths entry, a half-done Ikigai.

No note here ever contains crisis language: a demo should not show the support panel.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.wellbeing.exercises import get_exercise, goals_from_ikigai, save_answers
from bounceback.wellbeing.models import CheckIn, ExerciseEntry

_NOTES = [
    "",
    "",
    "Slow morning, better after a walk.",
    "Coffee with Sam helped more than I expected.",
    "Heard nothing back again. Cooked something nice anyway.",
    "Good prep session for Thursday.",
    "Tired. Early night.",
    "",
    "Finished the take-home; proud of the write-up.",
]


def build(owner: User, today: date, rng: random.Random) -> None:
    """About six weeks of check-ins, most days skipped, moods that lift with movement and people."""
    for days_ago in range(42, -1, -1):
        if rng.random() < 0.45:
            continue
        day = today - timedelta(days=days_ago)
        tags = [
            key
            for key, chance in (
                ("slept-well", 0.5),
                ("exercised", 0.4),
                ("saw-friends", 0.3),
                ("applied", 0.45),
                ("outside", 0.4),
            )
            if rng.random() < chance
        ]
        if day.weekday() == 6 and rng.random() < 0.6:
            tags.append("rest-day")
        lift = ("exercised" in tags) + ("saw-friends" in tags) + ("slept-well" in tags) * 0.5
        mood = max(1, min(5, round(2.7 + lift + rng.uniform(-0.8, 0.8))))
        CheckIn.objects.create(owner=owner, day=day, mood=mood, tags=tags, note=rng.choice(_NOTES))
    ExerciseEntry.objects.create(
        owner=owner,
        exercise="strengths",
        answers={
            "achievement": "Rebuilt the weekly sales report so it runs in minutes instead of a day.",
            "strength": "Making messy data usable, and explaining it to people who don't live in spreadsheets.",
            "who_noticed": "The regional managers; two of them still use it.",
        },
        created_at=timezone.now() - timedelta(days=20),
        updated_at=timezone.now() - timedelta(days=20),
    )
    ikigai = save_answers(
        owner,
        get_exercise("ikigai"),
        {
            "love": "Finding the story in a dataset; teaching someone a shortcut.",
            "good_at": "SQL, clear dashboards, calm stakeholder conversations.",
            "needed": "Better decisions in health and climate.",
            "titles": "Product analyst\nData analyst (health)",
            "industries": "Climate tech\nPublic health",
            "salary_floor": "£38,000",
            "place": "Leeds\nRemote",
            "values": "Flexible hours",
        },
    )
    goals_from_ikigai(ikigai)
