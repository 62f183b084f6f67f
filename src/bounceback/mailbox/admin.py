from django.contrib import admin
from django.http import HttpRequest

from bounceback.admin_privacy import PrivateAdmin
from bounceback.mailbox.models import (
    ImapCursor,
    ImportedMessage,
    LabelCorrection,
    LearnedExample,
    MailConnection,
    OriginalMail,
    ReviewItem,
    SenderRule,
)

# A person's mail is theirs: the admin shows who wrote, the subject and what bounceback
# made of it, never the body (nor the snippets quoted from it as evidence).


@admin.register(ImportedMessage)
class ImportedMessageAdmin(PrivateAdmin[ImportedMessage]):
    list_display = ["subject", "from_addr", "label", "outcome", "sent_at", "owner"]
    list_filter = ["label", "outcome"]
    # The e-mail as it arrived (OriginalMail): no filter may reach it through here.
    private_fields = ("original",)


@admin.register(OriginalMail)
class OriginalMailAdmin(PrivateAdmin[OriginalMail]):
    """That an e-mail's original is kept, never its bytes."""

    list_display = ["message"]
    private_fields = ("data",)


@admin.register(ReviewItem)
class ReviewItemAdmin(PrivateAdmin[ReviewItem]):
    list_display = ["subject", "from_addr", "label", "confidence", "status", "owner"]
    list_filter = ["status", "label"]
    private_fields = ("text", "html", "evidence")


@admin.register(SenderRule)
class SenderRuleAdmin(PrivateAdmin[SenderRule]):
    list_display = ["sender", "company", "owner"]


@admin.register(ImapCursor)
class ImapCursorAdmin(PrivateAdmin[ImapCursor]):
    list_display = ["host", "folder", "synced_at", "owner"]


@admin.register(LabelCorrection)
class LabelCorrectionAdmin(PrivateAdmin[LabelCorrection]):
    list_display = ["was", "now", "created_at", "owner"]


@admin.register(LearnedExample)
class LearnedExampleAdmin(PrivateAdmin[LearnedExample]):
    list_display = ["sender", "proposed", "label", "created_at", "owner"]
    private_fields = ("features",)


@admin.register(MailConnection)
class MailConnectionAdmin(PrivateAdmin[MailConnection]):
    """Which mailboxes are connected and how their checks go; never the locked password."""

    list_display = ["host", "folder", "state", "checked_at", "login_failures", "owner"]
    list_filter = ["state"]
    private_fields = ("secret",)

    # Read-only: a server name changed here would send the person's app password to it.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: MailConnection | None = None
    ) -> bool:
        return False
