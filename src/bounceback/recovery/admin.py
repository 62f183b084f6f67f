from django.contrib import admin

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


class ReflectionInline(admin.StackedInline[Reflection, Rejection]):
    model = Reflection
    extra = 0
    exclude = ["answer"]


@admin.register(Rejection)
class RejectionAdmin(admin.ModelAdmin[Rejection]):
    list_display = ["application", "received_on", "stage_reached", "has_feedback", "reapply_invite"]
    list_filter = ["stage_reached", "has_feedback", "reapply_invite"]
    inlines = [ReflectionInline]
    list_select_related = ["application__company"]


@admin.register(Reflection)
class ReflectionAdmin(admin.ModelAdmin[Reflection]):
    list_display = ["question", "rejection", "control", "private"]
    exclude = ["answer"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin[Feedback]):
    list_display = ["application", "received_on", "is_generic", "second_ask_sent"]
    exclude = ["text"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin[Action]):
    list_display = ["title", "kind", "due_on", "status", "theme"]
    list_filter = ["status", "kind"]


@admin.register(Win)
class WinAdmin(admin.ModelAdmin[Win]):
    list_display = ["title", "kind", "occurred_on", "automatic"]
    list_filter = ["kind", "automatic"]


@admin.register(PracticeQuestion)
class PracticeQuestionAdmin(admin.ModelAdmin[PracticeQuestion]):
    list_display = ["text", "rejection", "created"]
