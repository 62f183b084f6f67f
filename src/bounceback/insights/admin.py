from __future__ import annotations

from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.insights.models import SilenceRule, Theme, ThemeTag


@admin.register(Theme)
class ThemeAdmin(PrivateAdmin[Theme]):
    list_display = ["name", "slug", "owner"]


@admin.register(ThemeTag)
class ThemeTagAdmin(PrivateAdmin[ThemeTag]):
    list_display = ["theme", "source", "state", "tagged_on", "application"]
    list_filter = ["source", "state", "theme"]
    list_select_related = ["application__company"]
    raw_id_fields = ["feedback", "reflection", "application"]
    # The words that triggered a tag are quoted from a reflection or feedback.
    private_fields = ("words",)


@admin.register(SilenceRule)
class SilenceRuleAdmin(PrivateAdmin[SilenceRule]):
    list_display = ["stage", "days", "owner"]
