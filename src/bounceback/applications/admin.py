from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin, PrivateInline
from bounceback.applications.models import Application, Company, Contact, StageEvent

# Company names, roles, dates and stages are what an administrator needs; the person's
# own notes on an application, a timeline entry or a contact are theirs alone.


class StageEventInline(PrivateInline[StageEvent, Application]):
    model = StageEvent
    extra = 0
    fields = ["kind", "occurred_on", "round"]
    private_fields = ("note",)


@admin.register(Company)
class CompanyAdmin(PrivateAdmin[Company]):
    list_display = ["name", "key", "owner"]
    search_fields = ["name", "key"]
    private_fields = ("notes",)


@admin.register(Application)
class ApplicationAdmin(PrivateAdmin[Application]):
    list_display = ["role", "company", "applied_on", "stage", "status", "owner"]
    list_filter = ["stage", "status"]
    search_fields = ["role", "company__name"]
    date_hierarchy = "applied_on"
    inlines = [StageEventInline]
    list_select_related = ["company", "owner"]
    private_fields = ("notes",)


@admin.register(StageEvent)
class StageEventAdmin(PrivateAdmin[StageEvent]):
    list_display = ["application", "kind", "occurred_on", "round"]
    list_filter = ["kind"]
    list_select_related = ["application__company"]
    private_fields = ("note",)


@admin.register(Contact)
class ContactAdmin(PrivateAdmin[Contact]):
    list_display = ["name", "role", "company", "email", "last_contacted_on"]
    list_filter = ["role"]
    search_fields = ["name", "email"]
    private_fields = ("notes",)
