"""Today's item from the practice deck: how many questions are ready to say out loud."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.urls import reverse

from bounceback.practice import deck
from bounceback.recovery.templatetags.recovery_dates import day_words
from bounceback.recovery.today_items import TodayItem


def items(owner: User, today: date) -> list[TodayItem]:
    ready = deck.due(owner)
    if not ready:
        return []
    before = next((c.before for c in ready if c.before), None)
    count = len(ready)
    why = (
        f"Before your {deck.STAGES[before.stage].lower()} on {day_words(before.on)}."
        if before
        else "Say each answer out loud, then rate how it went."
    )
    if count > deck.NEW_PER_DAY:
        why += " A few at a sitting is plenty."
    return [
        TodayItem(
            area="practice",
            key="practice",
            title=f"Practise out loud: {count} question{'s' if count > 1 else ''} ready",
            why=why,
            url=reverse("practice:session"),
            link="Start practising",
        )
    ]
