from django.contrib import admin
from django.http import HttpRequest

from bounceback.admin_privacy import PrivateAdmin
from bounceback.portability.models import PreparedExport


@admin.register(PreparedExport)
class PreparedExportAdmin(PrivateAdmin[PreparedExport]):
    """That a download was made and how big, never its contents (a person's every word)."""

    list_display = ["file_name", "state", "size", "state_since", "owner"]
    list_filter = ["state"]
    private_fields = ("data",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: PreparedExport | None = None
    ) -> bool:
        return False
