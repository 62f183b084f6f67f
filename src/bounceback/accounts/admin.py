"""Accounts in the admin: no password is ever set or shown here, and nobody signs in as another.

People join by invitation (the Accounts page); a forgotten password is replaced by the
person themselves through a one-time link. So the admin has no "add user" form (it asks
for a password) and no "change password" page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern

from bounceback.accounts.models import AccountLink, CalendarFeed, Profile, SubmittedForm
from bounceback.admin_privacy import PrivateAdmin


@admin.register(Profile)
class ProfileAdmin(PrivateAdmin[Profile]):
    list_display = ["user", "role", "display_name", "gentle_mode", "weekly_target"]
    list_filter = ["role"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(PrivateAdmin[CalendarFeed]):
    """Who has a subscribe address on, and since when; the address itself is never shown."""

    list_display = ["user", "created_at"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]
    private_fields = ("token", "token_hash")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an address is made by its owner, so only they ever see it


@admin.register(AccountLink)
class AccountLinkAdmin(PrivateAdmin[AccountLink]):
    """Who was given which one-time link, and by whom: a trail, read-only."""

    list_display = ["user", "kind", "issued_by", "issued_at", "emailed"]
    list_filter = ["kind", "emailed"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AccountAdmin(UserAdmin[User]):
    """Django's user admin without its password pages."""

    fieldsets = (
        (None, {"fields": ("username", "email", "first_name", "last_name")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    list_display = ["username", "email", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    search_fields = ["username", "email"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # people are invited from the Accounts page, and choose their own password

    def get_urls(self) -> list[URLPattern]:
        return [url for url in super().get_urls() if "password" not in str(url.pattern)]

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        raise PermissionDenied


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)


@admin.register(SubmittedForm)
class SubmittedFormAdmin(PrivateAdmin[SubmittedForm]):
    """Forms already sent (their token and result), kept so a resubmit finds the first result."""

    list_display = ["user", "url", "created_at"]
    readonly_fields = ["user", "token", "url", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
