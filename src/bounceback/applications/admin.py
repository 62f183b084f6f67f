from django.contrib import admin

from bounceback.applications.models import Application, Company, Contact, StageEvent


class StageEventInline(admin.TabularInline[StageEvent, Application]):
    model = StageEvent
    extra = 0
    fields = ["kind", "occurred_on", "round", "note"]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin[Company]):
    list_display = ["name", "key", "owner"]
    search_fields = ["name", "key"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    list_display = ["role", "company", "applied_on", "stage", "status", "owner"]
    list_filter = ["stage", "status"]
    search_fields = ["role", "company__name"]
    date_hierarchy = "applied_on"
    inlines = [StageEventInline]
    list_select_related = ["company", "owner"]


@admin.register(StageEvent)
class StageEventAdmin(admin.ModelAdmin[StageEvent]):
    list_display = ["application", "kind", "occurred_on", "round"]
    list_filter = ["kind"]
    list_select_related = ["application__company"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin[Contact]):
    list_display = ["name", "role", "company", "email", "last_contacted_on"]
    list_filter = ["role"]
    search_fields = ["name", "email"]
