"""Rejections the import filed from an e-mail: say so, and those filed without asking are
shown as read from the e-mail (to confirm or correct) rather than as known."""

from typing import Any

from django.db import migrations


def mark_filed_from_mail(apps: Any, schema_editor: Any) -> None:
    ImportedMessage = apps.get_model("mailbox", "ImportedMessage")
    ReviewItem = apps.get_model("mailbox", "ReviewItem")
    Rejection = apps.get_model("recovery", "Rejection")
    filed = ImportedMessage.objects.filter(
        label="rejection", outcome__in=["created", "updated"], application__isnull=False
    )
    reviewed = set(ReviewItem.objects.values_list("message_id", flat=True))
    for message_id, application_id in filed.values_list("id", "application_id"):
        Rejection.objects.filter(application_id=application_id).update(
            filed_from_mail=True, confirmed=message_id in reviewed
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mailbox", "0003_sender_label_corrections"),
        ("recovery", "0004_rejection_provenance"),
    ]

    operations = [migrations.RunPython(mark_filed_from_mail, migrations.RunPython.noop)]
