"""Sample insights for `bounceback demo`: themes on the demo's texts, and steps taken on two of them.

The demo person has already said yes to the suggestions on all but the newest texts;
those few still wait for a look, so the demo shows both the counts and the "suggest,
then confirm" step.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User

from bounceback.insights.models import TagState
from bounceback.insights.tagging import retag_all, waiting_tags
from bounceback.recovery import actions
from bounceback.recovery.models import Action, ActionKind, ActionStatus

# (theme, title, days before today it was done): two themes the demo's feedback raises,
# worked on a few weeks ago so "did it help?" has applications on both sides.
_DONE = [
    ("examples", "Wrote three STAR stories and practised them out loud", 60),
    ("examples", "Mock interview with a friend on the stakeholder story", 45),
    ("core-skill", "Finished a small A/B testing project and wrote it up", 40),
]


# How many of the newest suggestions still wait for the demo person's look.
STILL_WAITING = 3


def build(owner: User, today: date, rng: random.Random) -> None:
    retag_all(owner)
    newest = list(
        waiting_tags(owner)
        .order_by("-tagged_on", "-id")
        .values_list("id", flat=True)[:STILL_WAITING]
    )
    waiting_tags(owner).exclude(id__in=newest).update(state=TagState.CONFIRMED)
    for theme, title, days_ago in _DONE:
        action = Action.objects.create(
            owner=owner,
            title=title,
            kind=ActionKind.PRACTICE,
            theme=theme,
            status=ActionStatus.OPEN,
            due_on=today - timedelta(days=days_ago),
        )
        actions.complete(action, today - timedelta(days=days_ago))
