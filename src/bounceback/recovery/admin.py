from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin, PrivateStackedInline
from bounceback.recovery.models import (
    Action,
    Feedback,
    PracticeQuestion,
    Reflection,
    Rejection,
    Win,
)

# The admin is for a coach or an administrator looking after an installation. A person's
# reflections and the feedback they kept are private unless they share them, so their
# words are left out here; dates, stages and flags are enough to look after the data.


class ReflectionInline(PrivateStackedInline[Reflection, Rejection]):
    model = Reflection
    extra = 0
    private_fields = ("answer",)


@admin.register(Rejection)
class RejectionAdmin(PrivateAdmin[Rejection]):
    list_display = ["application", "received_on", "stage_reached", "has_feedback", "reapply_invite"]
    list_filter = ["stage_reached", "has_feedback", "reapply_invite"]
    inlines = [ReflectionInline]
    list_select_related = ["application__company"]
    private_fields = ("source_text",)


@admin.register(Reflection)
class ReflectionAdmin(PrivateAdmin[Reflection]):
    list_display = ["question", "rejection", "control", "private"]
    private_fields = ("answer",)


@admin.register(Feedback)
class FeedbackAdmin(PrivateAdmin[Feedback]):
    list_display = ["application", "received_on", "is_generic", "second_ask_sent"]
    private_fields = ("text",)


@admin.register(Action)
class ActionAdmin(PrivateAdmin[Action]):
    list_display = ["title", "kind", "due_on", "status", "theme"]
    list_filter = ["status", "kind"]
    private_fields = ("why",)


@admin.register(Win)
class WinAdmin(PrivateAdmin[Win]):
    list_display = ["title", "kind", "occurred_on", "automatic"]
    list_filter = ["kind", "automatic"]


@admin.register(PracticeQuestion)
class PracticeQuestionAdmin(PrivateAdmin[PracticeQuestion]):
    """The question they stumbled on is theirs: the admin shows only that one exists."""

    list_display = ["rejection", "created"]
    private_fields = ("text",)
