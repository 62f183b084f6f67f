from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.reapply.models import Cooldown


@admin.register(Cooldown)
class CooldownAdmin(PrivateAdmin[Cooldown]):
    list_display = ["rejection", "months", "months_from", "reopened_on", "owner"]
    list_filter = ["months_from"]
    list_select_related = ["rejection__application__company", "owner"]
