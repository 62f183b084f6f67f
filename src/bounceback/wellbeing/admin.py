"""Admin for wellbeing rows: dates and moods only, never the private words (lists or forms)."""

from django.contrib import admin

from bounceback.wellbeing.models import CheckIn, ExerciseEntry, Goal


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin[CheckIn]):
    list_display = ["day", "owner", "mood", "private"]
    list_filter = ["mood", "private"]
    exclude = ["note"]


@admin.register(ExerciseEntry)
class ExerciseEntryAdmin(admin.ModelAdmin[ExerciseEntry]):
    list_display = ["exercise", "owner", "updated_at", "private"]
    list_filter = ["exercise"]
    exclude = ["answers"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin[Goal]):
    list_display = ["text", "kind", "owner", "done", "target_on"]
    list_filter = ["kind", "done"]
