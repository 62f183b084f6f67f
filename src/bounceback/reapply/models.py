"""Reapplying with proof: a cool-down after a "no", per company.

- **Cooldown**: how long to wait before applying to that company again, counted from the
  rejection that started it: six months unless the e-mail named its own wait or the person
  changed it. When it ends, or when the person says a role has opened there, a dated
  "apply again" step appears with a note citing what they have worked on since.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Owned
from bounceback.recovery.models import Action, Rejection

DEFAULT_MONTHS = 6


class MonthsFrom(models.TextChoices):
    USUAL = "usual", "the usual wait"
    EMAIL = "email", "what their e-mail said"
    YOU = "you", "your own choice"


class Cooldown(Owned):
    rejection = models.OneToOneField(Rejection, on_delete=models.CASCADE, related_name="cooldown")
    months = models.PositiveSmallIntegerField(default=DEFAULT_MONTHS)
    months_from = models.CharField(
        max_length=10, choices=MonthsFrom.choices, default=MonthsFrom.USUAL
    )
    reopened_on = models.DateField(
        null=True, blank=True, help_text="The day the person said a role opened there again."
    )
    step = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-rejection__received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.months} months after {self.rejection}"
