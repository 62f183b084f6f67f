"""Sample insights for `bounceback demo`: themes on the demo's texts, and steps taken on two of them."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User

from bounceback.insights.tagging import retag_all
from bounceback.recovery import actions
from bounceback.recovery.models import Action, ActionKind, ActionStatus

# (theme, title, days before today it was done): two themes the demo's feedback raises,
# worked on a few weeks ago so "did it help?" has applications on both sides.
_DONE = [
    ("examples", "Wrote three STAR stories and practised them out loud", 60),
    ("examples", "Mock interview with a friend on the stakeholder story", 45),
    ("core-skill", "Finished a small A/B testing project and wrote it up", 40),
]


def build(owner: User, today: date, rng: random.Random) -> None:
    retag_all(owner)
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
