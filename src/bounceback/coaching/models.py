"""Sharing with a coach: what a job seeker chose to show, what the coach opened, what they said.

A glossary:

- **Share**: one seeker letting one coach see chosen parts of their search. Whole parts
  (applications and timeline, themes and insights, the retrospective) are switched on
  one by one; private words (reflections, feedback, check-ins, exercises) only ever item
  by item (``SharedItem``). Revoking ends it at once; a new share starts with nothing.
- **Opening**: a line in the log the seeker reads: which part or item the coach opened, when.
- **CoachNote**: a comment, or a suggested step the seeker accepts (it joins their steps)
  or declines.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# The parts a seeker switches on as a whole, each a field on Share (in this order on the page).
PARTS: dict[str, str] = {
    "applications": "Your applications and their timelines",
    "insights": "Themes and insights",
    "report": "The retrospective report",
}
# The same parts as the coach reads them.
PARTS_FOR_COACH: dict[str, str] = {
    "applications": "their applications and timelines",
    "insights": "themes and insights",
    "report": "the retrospective report",
}


class ItemKind(models.TextChoices):
    """Private words, shared only one at a time."""

    REFLECTION = "reflection", "Reflection"
    FEEDBACK = "feedback", "Feedback you kept"
    CHECKIN = "checkin", "Check-in"
    EXERCISE = "exercise", "Exercise"


class ShareQuerySet(models.QuerySet["Share"]):
    def active(self) -> ShareQuerySet:
        return self.filter(revoked_at__isnull=True)


class Share(models.Model):
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_received"
    )
    applications = models.BooleanField(default=False)
    insights = models.BooleanField(default=False)
    report = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "coach"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_share_per_coach",
            )
        ]

    def __str__(self) -> str:
        return f"{self.seeker} shares with {self.coach}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def parts(self) -> list[str]:
        """The whole parts switched on, by key."""
        return [key for key in PARTS if getattr(self, key)]


class SharedItem(models.Model):
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=12, choices=ItemKind.choices)
    object_id = models.PositiveBigIntegerField()
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["share", "kind", "object_id"], name="share_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} in {self.share}"


class Opening(models.Model):
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="openings")
    # What was opened, in the seeker's words ("Your applications", "Acme: Analyst"); never
    # the private text itself.
    what = models.CharField(max_length=250)
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"{self.share.coach} opened {self.what}"


class NoteKind(models.TextChoices):
    COMMENT = "comment", "Comment"
    STEP = "step", "Suggested step"


class StepAnswer(models.TextChoices):
    WAITING = "waiting", "Waiting for your answer"
    ACCEPTED = "accepted", "Added to your steps"
    DECLINED = "declined", "Declined"


class CoachNote(models.Model):
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=10, choices=NoteKind.choices)
    text = models.TextField(max_length=2000)
    answer = models.CharField(max_length=10, choices=StepAnswer.choices, blank=True)
    action = models.ForeignKey(
        "recovery.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.share.coach}"
