"""What bounceback learns across rejections.

- **Theme**: a reason people are turned down. The built-in ones live in
  ``data/themes.toml``; this model holds the ones a person adds for themselves.
- **ThemeTag**: one theme found in one text, either what the employer said
  (Feedback) or what the person thinks (Reflection), with the words that triggered it.
  Kept apart by ``source`` so "they said" never blends into "I think".
- **SilenceRule**: how many days without news count as silence at a given stage.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Application, Owned, Stage
from bounceback.lib.themes import SuggestedAction
from bounceback.lib.themes import Theme as ThemeData
from bounceback.recovery.models import Feedback, Reflection


class Theme(Owned):
    """A theme the person added; the same fields as the built-in taxonomy."""

    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    triggers = models.JSONField(default=list, blank=True, help_text="Words or phrases.")
    actions = models.JSONField(default=list, blank=True, help_text="[{title, why}, ...]")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "slug"], name="theme_unique_slug_per_owner")
        ]

    def __str__(self) -> str:
        return self.name

    def as_data(self) -> ThemeData:
        return ThemeData(
            slug=self.slug,
            name=self.name,
            description=self.description,
            triggers=tuple(str(t) for t in self.triggers or []),
            actions=tuple(
                SuggestedAction(str(a.get("title", "")), str(a.get("why", "")))
                for a in self.actions or []
                if isinstance(a, dict)
            ),
            builtin=False,
        )


class Source(models.TextChoices):
    EMPLOYER = "employer", "The employer said"
    SELF = "self", "You noted"


class TagState(models.TextChoices):
    # Suggested by the tagger, waiting for the person's word: counted nowhere until confirmed.
    AUTO = "auto", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Removed"


class ThemeTag(Owned):
    theme = models.SlugField(max_length=60)
    source = models.CharField(max_length=10, choices=Source.choices)
    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reflection = models.ForeignKey(
        Reflection, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Denormalised from the feedback/reflection so reports join once, not per row.
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    words = models.JSONField(default=list, blank=True, help_text="The words that led to it.")
    state = models.CharField(max_length=10, choices=TagState.choices, default=TagState.AUTO)
    tagged_on = models.DateField(default=date.today, help_text="When the text was received.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["theme", "id"]
        indexes = [models.Index(fields=["owner", "state", "theme"])]
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "theme"],
                condition=models.Q(feedback__isnull=False),
                name="one_tag_per_feedback_theme",
            ),
            models.UniqueConstraint(
                fields=["reflection", "theme"],
                condition=models.Q(reflection__isnull=False),
                name="one_tag_per_reflection_theme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.source})"

    @property
    def kind(self) -> str:
        """Which kind of text carries it: "feedback" or "reflection"."""
        return "feedback" if self.feedback_id else "reflection"

    @property
    def text_id(self) -> int:
        return self.feedback_id or self.reflection_id or 0


class SilenceRule(Owned):
    """A per-stage override of Profile.ghost_after_days (e.g. a final round may take longer)."""

    stage = models.CharField(max_length=20, choices=Stage.choices)
    days = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["stage"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "stage"], name="one_silence_rule_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.stage}: {self.days} days"
