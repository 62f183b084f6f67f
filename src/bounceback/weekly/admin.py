from django.contrib import admin

from bounceback.weekly.models import WeeklyTargets


@admin.register(WeeklyTargets)
class WeeklyTargetsAdmin(admin.ModelAdmin[WeeklyTargets]):
    list_display = ["owner", "outreach", "practice"]
