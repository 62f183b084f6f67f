"""Check-ins, exercise answers and goals: the most private things a person writes here.

Every row has an owner and a ``private`` marker (True by default): when sharing
with a coach arrives, only items the person has chosen to share may leave it.
Nothing here ever records that a text "sounded distressed" — that is decided
on the fly, shown once, and forgotten.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


def _today() -> object:
    return timezone.localdate()


class CheckIn(models.Model):
    """A quick, optional note of how the day feels: a 1–5 mood, a few tags, a private note."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    day = models.DateField(default=_today)
    mood = models.PositiveSmallIntegerField(help_text="1 (rough) to 5 (really good).")
    tags = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    private = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day", "-created_at"]
        indexes = [models.Index(fields=["owner", "day"])]

    def __str__(self) -> str:
        # Never the note: admin lists and error pages must not show it.
        return f"Check-in on {self.day:%Y-%m-%d}"


class ExerciseEntry(models.Model):
    """One sitting with an exercise; ``answers`` maps each prompt's key to what was written."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_entries"
    )
    exercise = models.SlugField(max_length=40)
    answers = models.JSONField(default=dict, blank=True)
    private = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name_plural = "exercise entries"

    def __str__(self) -> str:
        return f"{self.exercise} from {self.created_at:%Y-%m-%d}"

    def filled(self) -> int:
        return sum(1 for value in self.answers.values() if str(value).strip())


class GoalKind(models.TextChoices):
    TITLE = "title", "Role or title"
    INDUSTRY = "industry", "Industry or field"
    SALARY = "salary", "Salary floor"
    PLACE = "place", "Place or remote"
    VALUE = "value", "Something that matters to you"
    MILESTONE = "milestone", "Milestone"
    OTHER = "other", "Something else"


class Goal(models.Model):
    """Where the search is heading, in the person's words; may come from an Ikigai worksheet."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    kind = models.CharField(max_length=12, choices=GoalKind.choices, default=GoalKind.OTHER)
    text = models.CharField(max_length=200)
    target_on = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    source = models.ForeignKey(
        ExerciseEntry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        help_text="The worksheet this goal grew out of, if any.",
    )
    private = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done", "kind", "created_at", "id"]

    def __str__(self) -> str:
        return self.text
