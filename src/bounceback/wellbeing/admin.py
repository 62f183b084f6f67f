"""Admin for wellbeing rows: dates and moods only, never the private words (lists or forms)."""

from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.wellbeing.models import CheckIn, ExerciseEntry, Goal


@admin.register(CheckIn)
class CheckInAdmin(PrivateAdmin[CheckIn]):
    list_display = ["day", "owner", "mood", "private"]
    list_filter = ["mood", "private"]
    private_fields = ("note", "tags")


@admin.register(ExerciseEntry)
class ExerciseEntryAdmin(PrivateAdmin[ExerciseEntry]):
    list_display = ["exercise", "owner", "updated_at", "private"]
    list_filter = ["exercise"]
    private_fields = ("answers",)


@admin.register(Goal)
class GoalAdmin(PrivateAdmin[Goal]):
    list_display = ["kind", "owner", "done", "target_on"]
    list_filter = ["kind", "done"]
    private_fields = ("text",)
