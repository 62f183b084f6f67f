"""Suggest, then confirm: theme tags found by the old word matcher become suggestions.

Before this change every tag the matcher found counted at once. From now on only tags
the person confirmed (or added) count. What people already had is kept like this:

- tags they confirmed, added or removed stay exactly as they were: their own decisions;
- a suggested tag whose theme they already acted on (they kept or finished a step for that
  theme on the same application) becomes confirmed: keeping the step said "yes, this";
- every other suggested tag stays a suggestion, words and all. It leaves the counts until
  the person says it fits, and the pages say how many wait for a look. None is deleted, so
  nothing they saw disappears; "Suggest themes again" on the Themes page replaces the
  waiting ones with the new tagger's suggestions.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

ACTED = ("open", "done")


def confirm_what_was_acted_on(apps: Any, schema_editor: Any) -> None:
    ThemeTag = apps.get_model("insights", "ThemeTag")
    Action = apps.get_model("recovery", "Action")
    acted = set(
        Action.objects.filter(status__in=ACTED)
        .exclude(theme="")
        .values_list("owner_id", "application_id", "theme")
    )
    if not acted:
        return
    ids = [
        pk
        for pk, owner, application, theme in ThemeTag.objects.filter(state="auto").values_list(
            "id", "owner_id", "application_id", "theme"
        )
        if (owner, application, theme) in acted
    ]
    for start in range(0, len(ids), 500):
        ThemeTag.objects.filter(id__in=ids[start : start + 500]).update(state="confirmed")


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("recovery", "0003_rejection_outside_control"),
    ]

    operations = [
        migrations.AlterField(
            model_name="themetag",
            name="words",
            field=models.JSONField(blank=True, default=list, help_text="The words that led to it."),
        ),
        migrations.RunPython(confirm_what_was_acted_on, migrations.RunPython.noop),
    ]
