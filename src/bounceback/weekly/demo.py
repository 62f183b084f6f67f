"""Sample weekly aims for `bounceback demo`."""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth.models import User

from bounceback.weekly.lookback import set_targets


def build(owner: User, today: date, rng: random.Random) -> None:
    set_targets(owner, applications=4, outreach=2, practice=6)
