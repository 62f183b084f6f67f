"""Weekly targets the person sets for themselves (the applications target is Profile's own)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class WeeklyTargets(models.Model):
    """How much outreach and practice the person aims for in a week. Aims, never debts."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_targets"
    )
    outreach = models.PositiveSmallIntegerField(
        default=2, help_text="People to get in touch with in a week."
    )
    practice = models.PositiveSmallIntegerField(
        default=5, help_text="Practice cards to say out loud in a week."
    )

    class Meta:
        verbose_name_plural = "weekly targets"

    def __str__(self) -> str:
        return f"Weekly targets of {self.owner}"
