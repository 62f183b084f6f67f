from django.contrib import admin
from django.http import HttpRequest

from bounceback.accounts.models import CalendarFeed, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["user", "display_name", "gentle_mode", "weekly_target", "ghost_after_days"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin[CalendarFeed]):
    """Who has a subscribe address on, and since when; the address itself is never shown."""

    list_display = ["user", "created_at"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an address is made by its owner, so only they ever see it
