from django.contrib import admin
from django.http import HttpRequest

from bounceback.accounts.models import CalendarFeed, Profile, SubmittedForm


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


@admin.register(SubmittedForm)
class SubmittedFormAdmin(admin.ModelAdmin[SubmittedForm]):
    """Forms already sent (their token and result), kept so a resubmit finds the first result."""

    list_display = ["user", "url", "created_at"]
    readonly_fields = ["user", "token", "url", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
