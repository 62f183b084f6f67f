"""Whether an application's date is the person's own, or only that of a later e-mail."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_role_may_be_blank"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="applied_on_guessed",
            field=models.BooleanField(default=False),
        ),
    ]
