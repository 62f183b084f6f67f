from __future__ import annotations

import inspect
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.models import Application, StageEvent
from bounceback.cli.main import app
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def _commands() -> list[str]:
    from typer.main import get_command

    return list(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(cli: Any, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output, f"`bounceback {name} --help` needs an example"


@pytest.mark.parametrize("name", _commands())
def test_every_commands_help_is_paragraphs_the_terminal_can_wrap(name: str) -> None:
    # Typer's rich markup keeps a line break inside a paragraph, so a docstring wrapped by
    # hand shows as broken lines in a terminal of another width: only an example may start
    # a line of its own, and the first paragraph (the command list shows it) is one line.
    from typer.main import get_command

    help_text = inspect.cleandoc(get_command(app).commands[name].help or "")  # type: ignore[attr-defined]
    first, *rest = help_text.split("\n\n")
    assert "\n" not in first, f"`bounceback {name}`: the summary is wrapped by hand"
    for paragraph in rest:
        for line in paragraph.split("\n")[1:]:
            assert line.startswith("Example:"), f"`bounceback {name}`: a line break before {line!r}"


def test_version_is_printed(cli: Any) -> None:
    assert cli("--version").output.startswith("bounceback ")


def test_add_stage_show_round_trip(cli: Any) -> None:
    applied = (TODAY - timedelta(days=10)).isoformat()
    added = json.loads(cli("add", "ACME Corp", "Data Analyst", "--on", applied, "--json").output)
    moved = cli("stage", str(added["id"]), "interview", "--note", "with the team lead")
    assert moved.exit_code == 0
    shown = json.loads(cli("show", str(added["id"]), "--json").output)
    assert shown["company"] == "ACME Corp" and shown["stage"] == "interview"
    assert [e["kind"] for e in shown["events"]] == ["applied", "interview"]
    assert shown["events"][1]["note"] == "with the team lead"


def test_list_filters_and_prints_json(cli: Any) -> None:
    cli("add", "Acme", "Analyst")
    cli("add", "Globex", "Engineer")
    listed = json.loads(cli("list", "--search", "acme inc", "--json").output)
    assert [a["company"] for a in listed] == ["Acme"]


def test_stage_rejected_records_a_rejection(cli: Any) -> None:
    added = json.loads(cli("add", "Acme", "Analyst", "--json").output)
    cli("stage", str(added["id"]), "rejected")
    assert Application.objects.get(pk=added["id"]).rejection.stage_reached == "application"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "no application with id 999"),
        (["show", "abc"], "'abc' is not an application id; `bounceback list` shows the ids"),
        (["stage", "abc", "interview"], "'abc' is not an application id"),
        (["stage", "999", "interview"], "no application with id 999"),
        (["stage", "{id}", "banana"], "not a step"),
        (["stage", "{id}", "interview", "--on", "2026-02-30"], "not a date"),
        (["stage", "{id}", "interview", "--on", "2099-01-01"], "future"),
        (["add", "Globex", "Analyst", "--on", "yesterday-ish"], "not a date"),
        (["add", "  ", "Analyst"], "company"),
        (["list", "--status", "maybe"], "not a status"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(
    cli: Any, args: list[str], message: str
) -> None:
    added = json.loads(cli("add", "Acme", "Analyst", "--json").output)
    before = (Application.objects.count(), StageEvent.objects.count())
    result = cli(*[a.format(id=added["id"]) for a in args])
    assert result.exit_code != 0
    assert message in " ".join(result.output.split())
    assert (Application.objects.count(), StageEvent.objects.count()) == before


def test_an_unreachable_database_is_one_clear_line_and_never_shows_the_password(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "BOUNCEBACK_HOME": str(tmp_path),
        "DATABASE_URL": "postgres://sam:hunter2@127.0.0.1:1/nowhere",
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from bounceback.cli.main import run; run()", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "could not open its database" in result.stderr and "Check DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
