from django.contrib import admin

from bounceback.mailbox.models import (
    ImapCursor,
    ImportedMessage,
    LabelCorrection,
    ReviewItem,
    SenderRule,
)


@admin.register(ImportedMessage)
class ImportedMessageAdmin(admin.ModelAdmin[ImportedMessage]):
    list_display = ["subject", "from_addr", "label", "outcome", "sent_at", "owner"]
    list_filter = ["label", "outcome"]
    search_fields = ["subject", "from_addr", "message_id"]


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin[ReviewItem]):
    list_display = ["subject", "from_addr", "label", "confidence", "status", "owner"]
    list_filter = ["status", "label"]
    exclude = ["html"]  # never rendered unsanitised, not even in the admin


admin.site.register(SenderRule)
admin.site.register(LabelCorrection)
admin.site.register(ImapCursor)
