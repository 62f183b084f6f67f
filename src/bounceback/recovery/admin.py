from django.contrib import admin

from bounceback.recovery.models import (
    Action,
    Feedback,
    PracticeQuestion,
    Reflection,
    Rejection,
    Win,
)


class ReflectionInline(admin.StackedInline):
    model = Reflection
    extra = 0


@admin.register(Rejection)
class RejectionAdmin(admin.ModelAdmin):
    list_display = ["application", "received_on", "stage_reached", "has_feedback", "reapply_invite"]
    list_filter = ["stage_reached", "has_feedback", "reapply_invite"]
    inlines = [ReflectionInline]
    list_select_related = ["application__company"]


@admin.register(Reflection)
class ReflectionAdmin(admin.ModelAdmin):
    list_display = ["question", "rejection", "control", "private"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["application", "received_on", "is_generic", "second_ask_sent"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "due_on", "status", "theme"]
    list_filter = ["status", "kind"]


@admin.register(Win)
class WinAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "occurred_on", "automatic"]
    list_filter = ["kind", "automatic"]


@admin.register(PracticeQuestion)
class PracticeQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "rejection", "created"]
