from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.spreadsheets.models import SheetUpload


@admin.register(SheetUpload)
class SheetUploadAdmin(PrivateAdmin[SheetUpload]):
    """An upload waiting for its yes: who and when, never the file (it is the person's search)."""

    list_display = ["created_at", "owner"]
    list_select_related = ["owner"]
    private_fields = ("name", "data")
