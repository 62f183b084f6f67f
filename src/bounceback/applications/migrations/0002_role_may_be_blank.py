"""An unknown role is stored empty; the mailbox import used to store a placeholder sentence."""

from typing import Any

from django.db import migrations, models

# What `bounceback import` wrote as the role when an e-mail did not name one.
OLD_PLACEHOLDER = "Role not named in the e-mail"


def clear_placeholder(apps: Any, schema_editor: Any) -> None:
    Application = apps.get_model("applications", "Application")
    Application.objects.filter(role=OLD_PLACEHOLDER).update(role="")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="role",
            field=models.CharField(blank=True, max_length=200),
        ),
        # Not reversed: an empty role is also what a person may have meant.
        migrations.RunPython(clear_placeholder, migrations.RunPython.noop),
    ]
