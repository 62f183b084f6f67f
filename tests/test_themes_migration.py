"""The data migration to "suggest, then confirm": people's decisions kept, guesses out of the counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def targets(insights: str) -> list[tuple[str, str]]:
    """Every app at its latest migration, insights at ``insights``."""
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [(app, insights if app == "insights" else name) for app, name in leaves]


@pytest.mark.django_db(transaction=True)
def test_tags_acted_on_become_confirmed_the_rest_wait_and_decisions_stay() -> None:
    before, after = targets("0001_initial"), targets("0002_suggested_tags_wait_for_the_person")
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="sam")
    company = old.get_model("applications", "Company").objects.create(owner=user, name="Acme")
    application = old.get_model("applications", "Application").objects.create(
        owner=user, company=company, role="Analyst"
    )
    feedback = old.get_model("recovery", "Feedback").objects.create(
        owner=user, application=application, text="Text"
    )
    Tag = old.get_model("insights", "ThemeTag")

    def tag(theme: str, state: str) -> Any:
        return Tag.objects.create(
            owner=user,
            theme=theme,
            source="employer",
            feedback=feedback,
            application=application,
            state=state,
            words=["w"],
        )

    acted = tag("core-skill", "auto")  # a step for it was kept: the person said yes
    guessed = tag("communication", "auto")  # nothing done about it: stays a suggestion
    removed = tag("fit", "rejected")
    added = tag("process", "confirmed")
    done_elsewhere = tag("examples", "auto")  # a step for it, but dropped
    Action = old.get_model("recovery", "Action")
    Action.objects.create(
        owner=user,
        application=application,
        kind="custom",
        title="Practise",
        theme="core-skill",
        status="open",
    )
    Action.objects.create(
        owner=user,
        application=application,
        kind="custom",
        title="Stories",
        theme="examples",
        status="dropped",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("insights", "ThemeTag")
    states = dict(new.objects.values_list("id", "state"))
    assert states == {
        acted.pk: "confirmed",
        guessed.pk: "auto",
        removed.pk: "rejected",
        added.pk: "confirmed",
        done_elsewhere.pk: "auto",
    }
    assert all(words == ["w"] for words in new.objects.values_list("words", flat=True))
