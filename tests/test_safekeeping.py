"""Backups, upgrades only when asked, damaged files named plainly, and a private data folder.

Each test runs `bounceback` in a child process on a SQLite data folder of its own (see
tests/safekeeping_helpers.py), as a person would on their computer.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.safekeeping_helpers import (
    DJANGO,
    bounceback,
    database,
    environment,
    python,
)

pytestmark = pytest.mark.slow

COUNT_TABLES = ["applications_application", "applications_stageevent", "applications_company"]


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNT_TABLES}


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        result: str = db.execute("PRAGMA integrity_check").fetchone()[0]
        return result


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _started(home: Path) -> None:
    result = bounceback(home, "add", "Acme", "Data Analyst")
    assert result.returncode == 0, result.stderr


def _one_step_behind(home: Path) -> None:
    """An existing data folder made by the previous version: one upgrade step to go."""
    python(
        home,
        "from django.core.management import call_command\n"
        "call_command('migrate', 'wellbeing', '0001', verbosity=0)",
    )


def _pending(home: Path) -> list[str]:
    out = python(
        home,
        "from bounceback.safekeeping.upgrade import pending_steps\n"
        "print(' '.join(pending_steps()[0]))",
    )
    return out.stdout.split()


# --- A private data folder ----------------------------------------------------------------


def test_a_new_data_folder_is_700_and_every_file_bounceback_writes_is_600(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    assert bounceback(home, "backup").returncode == 0
    assert _mode(home) == 0o700
    assert _mode(home / "backups") == 0o700
    files = [p for p in home.rglob("*") if p.is_file()]
    assert database(home) in files and home / "secret_key" in files
    assert any(p.parent.name == "backups" for p in files)
    assert {str(p.relative_to(home)): _mode(p) for p in files} == {
        str(p.relative_to(home)): 0o600 for p in files
    }


def test_a_data_folder_left_readable_by_others_is_made_private_on_the_next_start(
    tmp_path: Path,
) -> None:
    home = tmp_path / "data"
    _started(home)
    assert bounceback(home, "backup").returncode == 0
    home.chmod(0o755)
    (home / "backups").chmod(0o755)
    for path in home.rglob("*"):
        if path.is_file():
            path.chmod(0o644)
    assert bounceback(home, "list").returncode == 0
    assert _mode(home) == 0o700 and _mode(home / "backups") == 0o700
    assert {_mode(p) for p in home.rglob("*") if p.is_file()} == {0o600}


# --- Backups ------------------------------------------------------------------------------

WRITER = """
from django.db import transaction
from bounceback.accounts.services import local_user
from bounceback.applications.services import add_application
me = local_user()
print("ready", flush=True)
for n in range(100000):
    # Two applications per transaction: a consistent copy always holds an even number.
    with transaction.atomic():
        add_application(me, company=f"Company {n}", role="Role A")
        add_application(me, company=f"Company {n}", role="Role B")
"""


def test_a_backup_taken_while_the_app_writes_is_whole_and_opens_with_the_same_counts(
    tmp_path: Path,
) -> None:
    home = tmp_path / "data"
    _started(home)  # one application before the writer starts: odd plus pairs stays odd
    writer = subprocess.Popen(
        [sys.executable, "-c", DJANGO + WRITER],
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        taken = []
        for n in range(3):
            result = bounceback(home, "backup", "--out", str(tmp_path / f"during-{n}"))
            assert result.returncode == 0, result.stderr
            taken.extend((tmp_path / f"during-{n}").iterdir())
        assert writer.poll() is None, "the writer stopped before the backups were done"
    finally:
        writer.kill()
        writer.wait()
    applications = []
    for backup in taken:
        assert _integrity(backup) == "ok"
        counts = _counts(backup)
        assert counts["applications_application"] % 2 == 1  # never half a transaction
        applications.append(counts["applications_application"])
    assert applications[-1] > 1, "the backups were taken while rows were being written"
    # With the writer stopped, a backup holds exactly what the live database holds,
    # including what still sits in the -wal file.
    result = bounceback(home, "backup", "--out", str(tmp_path / "after"))
    assert result.returncode == 0, result.stderr
    (after,) = (tmp_path / "after").iterdir()
    assert _counts(after) == _counts(database(home))
    assert str(after) in " ".join(result.stdout.split())


def test_backup_names_each_file_by_date_and_time_and_lists_them(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    first, second = bounceback(home, "backup"), bounceback(home, "backup")
    assert first.returncode == second.returncode == 0
    names = sorted(p.name for p in (home / "backups").iterdir())
    assert len(names) == 2 and all(n.startswith("bounceback-20") for n in names)
    listed = bounceback(home, "backup", "--list")
    assert all(name in listed.stdout for name in names)
    a_file = home / "secret_key"
    refused = bounceback(home, "backup", "--out", str(a_file))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{a_file} is a file, not a folder" in refused.stderr


# --- Upgrades -----------------------------------------------------------------------------


def test_a_brand_new_data_folder_needs_no_upgrade_command(tmp_path: Path) -> None:
    home = tmp_path / "new"
    result = bounceback(home, "list")
    assert result.returncode == 0, result.stderr
    assert _pending(home) == []


def test_other_commands_ask_for_the_upgrade_and_change_nothing(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    _one_step_behind(home)
    before = _pending(home)
    result = bounceback(home, "list")
    assert result.returncode == 1
    assert result.stderr.strip() == "Your data needs a quick upgrade: run `bounceback upgrade`."
    assert _pending(home) == before != []
    assert not (home / "backups").exists()


def test_upgrade_backs_up_first_then_upgrades_and_says_where(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    _one_step_behind(home)
    result = bounceback(home, "upgrade")
    assert result.returncode == 0, result.stderr
    (backup,) = (home / "backups").iterdir()
    assert "before-upgrade" in backup.name and str(backup) in " ".join(result.stdout.split())
    assert "Upgraded your data (1 step)" in result.stdout
    assert _pending(home) == []
    assert bounceback(home, "list").returncode == 0
    assert _counts(backup)["applications_application"] == 1


FAILING_UPGRADE = """
import importlib, sys
from django.db import connection, migrations
from django.db.migrations.executor import MigrationExecutor

def fail(apps, schema_editor):
    raise RuntimeError("a step that breaks, on purpose")

executor = MigrationExecutor(connection)
plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
last = plan[-1][0]
module = importlib.import_module(type(last).__module__)
module.Migration.operations = [*module.Migration.operations, migrations.RunPython(fail)]
print(f"{last.app_label}.{last.name}", file=sys.stderr)
sys.argv = ["bounceback", "upgrade"]
from bounceback.cli.main import run
run()
"""


def test_a_failed_upgrade_step_puts_the_backup_back_and_says_so_plainly(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    # Two steps behind, so the first succeeds and only the backup can undo it.
    python(
        home,
        "from django.core.management import call_command\n"
        "call_command('migrate', 'wellbeing', '0001', verbosity=0)\n"
        "call_command('migrate', 'accounts', '0005', verbosity=0)",
    )
    before = _pending(home)
    assert len(before) >= 2
    result = subprocess.run(
        [sys.executable, "-c", DJANGO + FAILING_UPGRADE],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    failing_step = result.stderr.splitlines()[0]
    message = " ".join(result.stderr.splitlines()[1:])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"stopped at step {failing_step}" in message
    assert "a step that breaks, on purpose" in message
    (backup,) = (home / "backups").iterdir()
    assert (
        f"put your data back exactly as it was before, from the backup it had just taken ({backup})"
        in message
    )
    # Every step is pending again, the one that had succeeded too: the backup went back.
    assert _pending(home) == before
    assert _integrity(database(home)) == "ok"
    assert _counts(database(home))["applications_application"] == 1


def test_only_the_last_five_automatic_backups_are_kept(tmp_path: Path, db: None) -> None:
    from bounceback.safekeeping.backup import BEFORE_UPGRADE, prune

    for n in range(7):
        path = tmp_path / f"bounceback-20261101-0900{n:02d}-{BEFORE_UPGRADE}.sqlite3"
        path.write_bytes(b"")
        os.utime(path, ns=(n * 10**9, n * 10**9))  # older first
    own = tmp_path / "bounceback-20261031-090000.sqlite3"  # the person's own: never pruned
    own.write_bytes(b"")
    os.utime(own, ns=(0, 0))

    removed = prune(tmp_path)

    assert sorted(p.name for p in removed) == [
        f"bounceback-20261101-090000-{BEFORE_UPGRADE}.sqlite3",
        f"bounceback-20261101-090001-{BEFORE_UPGRADE}.sqlite3",
    ]
    assert len(list(tmp_path.iterdir())) == 6 and own.exists()


@pytest.fixture
def scratch_postgres() -> Iterator[str]:
    """A PostgreSQL database of the test's own, beside the suite's, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL only (DATABASE_URL)")
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_upgrade_test"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_on_postgresql_a_failed_upgrade_undoes_every_step(
    tmp_path: Path, scratch_postgres: str
) -> None:
    home = tmp_path / "data"
    steps_back = (
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "call_command('migrate', 'wellbeing', '0001', verbosity=0)\n"
        "call_command('migrate', 'accounts', '0005', verbosity=0)\n"
        "from bounceback.safekeeping.upgrade import pending_steps\n"
        "print(' '.join(pending_steps()[0]))"
    )
    before = python(home, steps_back, database_url=scratch_postgres).stdout.split()
    assert len(before) >= 2
    result = subprocess.run(
        [sys.executable, "-c", DJANGO + FAILING_UPGRADE],
        env=environment(home, scratch_postgres),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    message = " ".join(result.stderr.splitlines()[1:])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "PostgreSQL undid every step of it" in message
    after = python(
        home,
        "from bounceback.safekeeping.upgrade import pending_steps\n"
        "print(' '.join(pending_steps()[0]))",
        database_url=scratch_postgres,
    ).stdout.split()
    assert after == before


# --- A damaged database -------------------------------------------------------------------


def _damaged_message_checks(home: Path, result: subprocess.CompletedProcess[str]) -> str:
    message = " ".join(result.stderr.split())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"cannot read its database file {database(home)}" in message
    return message


@pytest.mark.parametrize(
    "damage",
    ["cut in half", "garbage over the start", "garbage in the middle"],
)
def test_a_damaged_database_file_is_named_with_the_backups_to_restore(
    tmp_path: Path, damage: str
) -> None:
    home = tmp_path / "data"
    _started(home)
    python(
        home,
        "from bounceback.accounts.services import local_user\n"
        "from bounceback.applications.services import add_application\n"
        "for n in range(30): add_application(local_user(), company=f'Company {n}', role='Analyst')",
    )
    assert bounceback(home, "backup").returncode == 0
    (backup,) = (home / "backups").iterdir()
    path = database(home)
    python(
        home,
        "from django.db import connection\n"
        "connection.cursor().execute('PRAGMA wal_checkpoint(TRUNCATE)')",
    )
    size = path.stat().st_size
    with path.open("r+b") as handle:
        if damage == "cut in half":
            handle.truncate(size // 2)
        elif damage == "garbage over the start":
            handle.write(b"not a database at all " * 500)
        else:
            handle.seek(size // 3)
            handle.write(b"\xff" * (size // 3))
    # Damage in the middle shows only when a command reads that page, deep inside it.
    command = ["insights", "--json"] if damage == "garbage in the middle" else ["list"]
    message = _damaged_message_checks(home, bounceback(home, *command))
    assert str(backup) in message and "bounceback backup --restore" in message
    if damage != "cut in half":
        return  # one restore is enough to prove the way back
    restored = bounceback(home, "backup", "--restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert bounceback(home, "list").returncode == 0
    assert _counts(path)["applications_application"] == 31
    assert any(".damaged-" in p.name or "before-restore" in p.name for p in home.rglob("*"))


def test_a_damaged_database_without_backups_says_where_it_looked(tmp_path: Path) -> None:
    home = tmp_path / "data"
    _started(home)
    database(home).write_bytes(b"\x00garbage" * 4096)
    message = _damaged_message_checks(home, bounceback(home, "list"))
    assert f"No backups were found in {home / 'backups'}" in message
