"""Keeping in touch with the people met along the way (the Contact itself lives in applications).

- **Exchange**: one time the person and a contact were in touch, noted by hand (a note sent,
  a call, a coffee). Mail from the contact's address is read from the mailbox import instead
  of being copied here.
- **ThankYou**: the thank-you after one interview, noted as sent.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Application, Contact, Owned, StageEvent


class ExchangeKind(models.TextChoices):
    WROTE = "wrote", "You wrote to them"
    THEY_WROTE = "they_wrote", "They wrote to you"
    CALL = "call", "A call"
    MET = "met", "You met"
    CHECK_IN = "check_in", "A check-in"
    THANK_YOU = "thank_you", "A thank-you"


class Exchange(Owned):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="exchanges")
    on = models.DateField(default=date.today)
    kind = models.CharField(max_length=20, choices=ExchangeKind.choices, default=ExchangeKind.WROTE)
    note = models.CharField(max_length=300, blank=True)
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["owner", "contact", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%d %b %Y}"


class ThankYou(Owned):
    """A thank-you sent after one interview (a screen, an interview round or a final)."""

    event = models.OneToOneField(StageEvent, on_delete=models.CASCADE, related_name="thank_you")
    sent_on = models.DateField(default=date.today)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"Thank-you sent on {self.sent_on:%d %b %Y}"
