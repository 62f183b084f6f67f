from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.weekly.models import WeeklyTargets


@admin.register(WeeklyTargets)
class WeeklyTargetsAdmin(PrivateAdmin[WeeklyTargets]):
    list_display = ["owner", "outreach", "practice"]
