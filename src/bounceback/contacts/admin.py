from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.contacts.models import Exchange, ThankYou

# What the person noted about an exchange is theirs: dates and kinds are enough here.


@admin.register(Exchange)
class ExchangeAdmin(PrivateAdmin[Exchange]):
    list_display = ["contact", "kind", "on", "owner"]
    list_filter = ["kind"]
    private_fields = ("note",)
    list_select_related = ["contact", "owner"]


@admin.register(ThankYou)
class ThankYouAdmin(PrivateAdmin[ThankYou]):
    list_display = ["event", "sent_on", "owner"]
    list_select_related = ["event__application__company", "owner"]
