from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.coaching.models import CoachNote, Opening, Share, SharedItem

# Who shares with whom and since when is what staff need to help; what was shared, what
# the coach opened and what they wrote stay between the two of them.


@admin.register(Share)
class ShareAdmin(PrivateAdmin[Share]):
    list_display = ["seeker", "coach", "created_at", "revoked_at"]
    fields = ["seeker", "coach", "created_at", "revoked_at"]
    readonly_fields = ["seeker", "coach", "created_at", "revoked_at"]


@admin.register(SharedItem)
class SharedItemAdmin(PrivateAdmin[SharedItem]):
    list_display = ["share", "shared_at"]
    private_fields = ("kind", "object_id")


@admin.register(Opening)
class OpeningAdmin(PrivateAdmin[Opening]):
    list_display = ["share", "opened_at"]
    private_fields = ("what",)


@admin.register(CoachNote)
class CoachNoteAdmin(PrivateAdmin[CoachNote]):
    list_display = ["share", "kind", "answer", "created_at"]
    private_fields = ("text",)
