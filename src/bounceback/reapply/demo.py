"""Sample cool-downs for `bounceback demo`: one company open again, the others still cooling."""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth.models import User

from bounceback.reapply import cooldowns
from bounceback.reapply.models import MonthsFrom
from bounceback.recovery.models import Rejection


def build(owner: User, today: date, rng: random.Random) -> None:
    # The oldest "no": the person chose a four-month wait, which has passed, so "apply
    # again" is on their list with its note.
    oldest = Rejection.objects.filter(owner=owner).order_by("received_on").first()
    if oldest is not None:
        cooldown = cooldowns.start(oldest)
        cooldown.months, cooldown.months_from = 4, MonthsFrom.YOU
        cooldown.save(update_fields=["months", "months_from"])
    cooldowns.sync_steps(owner, today)
