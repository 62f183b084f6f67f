"""What happens after a "no": the rejection, the reflection on it, the employer's feedback,
the next steps it leads to, and the wins worth remembering along the way.

- **Rejection**: the news itself, linked to its application, with what the e-mail said.
- **Reflection**: one answer to one guided question, the person's own view (private by default).
- **Feedback**: what the employer said, kept apart from the person's self-assessment.
- **Action**: a dated next step (send the thank-you, follow up, practise, reapply).
- **Win**: a fact worth keeping ("reached the final round"), recorded automatically or by hand.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from bounceback.applications.models import Application, Contact, Owned


class StageReached(models.TextChoices):
    """How far the candidate got before the "no" (the e-mail analyser uses the same values)."""

    APPLICATION = "application", "Application"
    SCREEN = "screen", "Screening"
    INTERVIEW = "interview", "Interview"
    FINAL = "final", "Final round"
    UNKNOWN = "unknown", "Not sure"


class Rejection(Owned):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="rejection"
    )
    received_on = models.DateField(default=date.today)
    stage_reached = models.CharField(
        max_length=20, choices=StageReached.choices, default=StageReached.UNKNOWN
    )
    source_text = models.TextField(blank=True, help_text="The e-mail or your own words.")
    # What the e-mail seems to say: something specific about how the person was judged.
    has_feedback = models.BooleanField(default=False)
    # What the person says: what they have is enough, so no feedback request is drafted.
    feedback_enough = models.BooleanField(default=False)
    reapply_invite = models.BooleanField(default=False)
    outside_control = models.BooleanField(
        default=False,
        help_text="The reason lay outside your hands: the role was put on hold, closed or filled internally.",
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Filed by the mailbox import from what the e-mail seemed to say; until the person
    # confirms or corrects it (``confirmed``), every detail above is shown as read, not known.
    filed_from_mail = models.BooleanField(default=False)
    confirmed = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"Rejection: {self.application}"

    @property
    def is_guess(self) -> bool:
        """Filed from an e-mail without asking, and not yet looked at by the person."""
        return not self.confirmed


class ControlKind(models.TextChoices):
    """Whether a thought is about something the person can change."""

    CAN_CHANGE = "can_change", "Something I can change"
    OUTSIDE = "outside", "Outside my control"


class Reflection(Owned):
    rejection = models.ForeignKey(Rejection, on_delete=models.CASCADE, related_name="reflections")
    question_key = models.SlugField(max_length=60)
    question = models.CharField(max_length=300, help_text="The question as it was asked.")
    answer = models.TextField(blank=True)
    control = models.CharField(max_length=20, choices=ControlKind.choices, blank=True)
    private = models.BooleanField(
        default=True, help_text="Never shared with a coach unless you choose."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rejection", "question_key"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.question


class Feedback(Owned):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="feedback")
    received_on = models.DateField(default=date.today)
    text = models.TextField()
    is_generic = models.BooleanField(default=False, help_text="A formula rather than real reasons.")
    second_ask_sent = models.BooleanField(default=False)
    private = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback from {self.application.company.name} ({self.received_on})"


class ActionKind(models.TextChoices):
    THANK_YOU = "thank_you", "Send a thank-you"
    FEEDBACK_REQUEST = "feedback_request", "Ask for feedback"
    FOLLOW_UP = "follow_up", "Follow up"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    PRACTICE = "practice", "Practise"
    REAPPLY = "reapply", "Reapply"
    SELF_CARE = "self_care", "Look after yourself"
    CUSTOM = "custom", "Other"
    # Dated events read from an e-mail (lib/mail/dates.py), proposed like any step.
    INTERVIEW = "interview", "Interview"
    ASSESSMENT_DUE = "assessment_due", "Test or task due"
    REPLY_BY = "reply_by", "Answer by"
    START = "start", "First day"


# The kinds that are appointments the employer set, read from mail, rather than steps.
DATED_KINDS = (
    ActionKind.INTERVIEW,
    ActionKind.ASSESSMENT_DUE,
    ActionKind.REPLY_BY,
    ActionKind.START,
)


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", "Suggested"
    OPEN = "open", "To do"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class ActionQuerySet(models.QuerySet["Action"]):
    def due_by(self, owner: User, day: date) -> ActionQuerySet:
        return self.filter(owner=owner, status=ActionStatus.OPEN, due_on__lte=day).order_by(
            "due_on", "id"
        )


class Action(Owned):
    title = models.CharField(max_length=200)
    why = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=ActionKind.choices, default=ActionKind.CUSTOM)
    theme = models.SlugField(
        max_length=60, blank=True, help_text="The theme this action works on, if any."
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(null=True, blank=True)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    rejection = models.ForeignKey(
        Rejection, on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    # A dated event read from an e-mail: the moment (when the e-mail gives a time), the zone
    # as it wrote it, and where it came from, shown beside it until the person keeps it.
    starts_at = models.DateTimeField(null=True, blank=True)
    zone = models.CharField(
        max_length=60, blank=True, help_text="The e-mail's zone: a place or an offset."
    )
    zone_words = models.CharField(max_length=60, blank=True)
    evidence = models.CharField(max_length=300, blank=True, help_text="The e-mail's words.")
    source_subject = models.CharField(max_length=300, blank=True)
    source_on = models.DateField(null=True, blank=True, help_text="The day of the e-mail.")
    moved_note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_dated_event(self) -> bool:
        return self.kind in DATED_KINDS


class WinKind(models.TextChoices):
    REPLY = "reply", "A reply"
    INVITATION = "invitation", "An invitation"
    STAGE_PASSED = "stage_passed", "A stage passed"
    FEEDBACK = "feedback", "Feedback received"
    ACTION_DONE = "action_done", "A step taken"
    OFFER = "offer", "An offer"
    CUSTOM = "custom", "Something else"


class Win(Owned):
    occurred_on = models.DateField(default=date.today)
    kind = models.CharField(max_length=20, choices=WinKind.choices, default=WinKind.CUSTOM)
    title = models.CharField(max_length=200)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="wins"
    )
    automatic = models.BooleanField(
        default=False, help_text="Recorded by bounceback rather than typed in."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [
            # Automatic wins are recorded once per application and kind, however often the event is replayed.
            models.UniqueConstraint(
                fields=["application", "kind", "title"],
                condition=models.Q(automatic=True),
                name="one_automatic_win_per_fact",
            )
        ]

    def __str__(self) -> str:
        return self.title


class PracticeQuestion(Owned):
    """An interview question the person stumbled on, kept for the practice deck."""

    text = models.CharField(max_length=500)
    rejection = models.ForeignKey(
        Rejection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_questions",
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.text
