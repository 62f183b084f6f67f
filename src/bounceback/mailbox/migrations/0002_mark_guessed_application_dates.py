"""Applications an import created from a later e-mail (a rejection, an invitation) were dated
with that e-mail's day: mark those dates as guessed, so response times leave them out."""

from typing import Any

from django.db import migrations


def mark_guessed(apps: Any, schema_editor: Any) -> None:
    ImportedMessage = apps.get_model("mailbox", "ImportedMessage")
    Application = apps.get_model("applications", "Application")
    created_from_later_mail = (
        ImportedMessage.objects.filter(outcome="created", application__isnull=False)
        .exclude(label="application_received")
        .values_list("application_id", flat=True)
    )
    # source "e-mail" is what the import writes; a person who re-typed the source also
    # looked at the application, so it is left alone.
    Application.objects.filter(pk__in=list(created_from_later_mail), source="e-mail").update(
        applied_on_guessed=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mailbox", "0001_initial"),
        ("applications", "0003_applied_on_guessed"),
    ]

    operations = [migrations.RunPython(mark_guessed, migrations.RunPython.noop)]
