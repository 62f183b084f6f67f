"""The practice deck: interview questions to say out loud, scheduled with FSRS.

- **Card**: one question in the person's deck, either from the question bank
  (``data/questions.toml``, by ``bank_key``) or one they stumbled on in an interview
  (``recovery.PracticeQuestion``). Its scheduling fields are FSRS's own.
- **Review**: one rating of one card (Again, Hard, Good, Easy), kept for the weekly look-back.
- **UpcomingInterview**: an interview the person has coming up, so cards for that stage
  come forward in the days before it.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Application, Owned
from bounceback.recovery.models import PracticeQuestion


class Rating(models.IntegerChoices):
    """FSRS's four answers, in words for saying an answer out loud."""

    AGAIN = 1, "Again"
    HARD = 2, "Hard"
    GOOD = 3, "Good"
    EASY = 4, "Easy"


class PracticeStage(models.TextChoices):
    """The stages a card can be for: the same words as a rejection's "stage reached"."""

    SCREEN = "screen", "Screening call"
    INTERVIEW = "interview", "Interview"
    FINAL = "final", "Final round"


class Card(Owned):
    bank_key = models.SlugField(max_length=60, blank=True)
    stumbled = models.OneToOneField(
        PracticeQuestion, on_delete=models.CASCADE, null=True, blank=True, related_name="card"
    )
    # FSRS's card state (fsrs.Card), stored as columns so "what is due" is one query.
    state = models.PositiveSmallIntegerField(default=1)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField(default=timezone.now)
    last_review = models.DateTimeField(null=True, blank=True)
    reviews = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["owner", "due"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "bank_key"],
                condition=~models.Q(bank_key=""),
                name="one_card_per_bank_question",
            )
        ]

    def __str__(self) -> str:
        return self.bank_key or f"Stumbled question {self.stumbled_id}"


class Review(Owned):
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="ratings")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_at", "-id"]
        indexes = [models.Index(fields=["owner", "reviewed_at"])]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} at {self.reviewed_at:%Y-%m-%d %H:%M}"


class UpcomingInterview(Owned):
    on = models.DateField()
    stage = models.CharField(max_length=20, choices=PracticeStage.choices)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.stage} on {self.on:%d %b %Y}"
