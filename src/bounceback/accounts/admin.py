from django.contrib import admin

from bounceback.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "display_name", "gentle_mode", "weekly_target", "ghost_after_days"]
