"""A sample practice deck for `bounceback demo`: a few weeks of answers said out loud, and an
interview coming up so its questions come forward."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.applications.models import Application, Status
from bounceback.practice import deck
from bounceback.practice.models import Card, UpcomingInterview


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(19, 30)))


def build(owner: User, today: date, rng: random.Random) -> None:
    # The deck as it grew: three bank questions a day on a few evenings, rated as they went.
    for days_ago in (20, 16, 12, 9, 5, 3, 2):
        when = _moment(today - timedelta(days=days_ago))
        deck.sync(owner, when)
        for card in Card.objects.filter(owner=owner, due__lte=when):
            rating = rng.choice(["again", "hard", "good", "good", "easy"])
            deck.rate(card, rating, when)
    interviewing = Application.objects.filter(
        owner=owner, status=Status.ACTIVE, stage="interview"
    ).first()
    UpcomingInterview.objects.create(
        owner=owner, on=today + timedelta(days=3), stage="interview", application=interviewing
    )
