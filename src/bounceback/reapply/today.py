"""Reapplying on Today: the "apply again" steps for cool-downs that end today are made here.

They are ordinary dated steps, so Today lists them with the others; this adds no items.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from bounceback.reapply.cooldowns import sync_steps
from bounceback.recovery.today_items import TodayItem


def items(owner: User, today: date) -> list[TodayItem]:
    sync_steps(owner, today)
    return []
