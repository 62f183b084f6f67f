from __future__ import annotations

from django.contrib import admin

from bounceback.insights.models import SilenceRule, Theme, ThemeTag


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin[Theme]):
    list_display = ["name", "slug", "owner"]


@admin.register(ThemeTag)
class ThemeTagAdmin(admin.ModelAdmin[ThemeTag]):
    list_display = ["theme", "source", "state", "tagged_on", "application"]
    list_filter = ["source", "state", "theme"]
    list_select_related = ["application__company"]
    raw_id_fields = ["feedback", "reflection", "application"]


@admin.register(SilenceRule)
class SilenceRuleAdmin(admin.ModelAdmin[SilenceRule]):
    list_display = ["stage", "days", "owner"]
