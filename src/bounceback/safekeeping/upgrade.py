"""Upgrading the database, only when the person asks (`serve`, `upgrade`), never silently.

A brand-new data folder is simply created. An existing SQLite database is backed up
first (the last five kept in <data folder>/backups); if any step fails, the backup is put
back and the person told so in one paragraph. On PostgreSQL the whole upgrade runs in
one transaction, so a failed step undoes all of them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from bounceback.errors import UserError
from bounceback.safekeeping.backup import (
    BEFORE_UPGRADE,
    backups_folder,
    restore_in_place,
    sqlite_database,
    take_backup,
)
from bounceback.safekeeping.damage import damaged_message, header_problem, is_damage

NEEDS_UPGRADE = "Your data needs a quick upgrade: run `bounceback upgrade`."


def pending_steps() -> tuple[list[str], bool]:
    """The upgrade steps not yet applied, and whether the database is brand new (empty)."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    steps = [f"{migration.app_label}.{migration.name}" for migration, backwards in plan]
    return steps, not executor.loader.applied_migrations


def ensure_ready(*, upgrade: bool = False, say: Callable[[str], None] = print) -> str:
    """Make sure the database can be used: created if new, upgraded only if ``upgrade``.

    Says what happened: "current", "created" or "upgraded".
    """
    database = sqlite_database()
    # The file's header is read with a plain open() only while this process has no SQLite
    # connection to it: closing any descriptor of a file drops every POSIX lock the process
    # holds on it, SQLite's too, and another process closing its connection would then see
    # itself as the last one and delete the WAL under this one, whose later commits would
    # reach no one else (sqlite.org/howtocorrupt.html, 2.2). `demo` asks twice: once to
    # build, once to serve. An open connection has read the file already; SQLite itself
    # reports damage from then on (``explain``).
    if database is not None and connection.connection is None:
        problem = header_problem(database)
        if problem:
            raise UserError(damaged_message(database, problem))
    try:
        steps, brand_new = pending_steps()
        if not steps:
            return "current"
        if brand_new:
            call_command("migrate", interactive=False, verbosity=0)
            return "created"
    except DatabaseError as error:
        raise _unreadable(error) from None
    if not upgrade:
        raise UserError(NEEDS_UPGRADE)
    apply_upgrade(steps, say)
    return "upgraded"


def apply_upgrade(steps: list[str], say: Callable[[str], None]) -> None:
    """Apply the pending steps, safely: backup and restore on SQLite, one transaction on PG."""
    database = sqlite_database()
    backup = None
    if database is not None:
        backup = take_backup(backups_folder(), label=BEFORE_UPGRADE)
        say(f"Backed up your data before upgrading it: {backup}")
    output = io.StringIO()
    try:
        if database is None:
            with transaction.atomic():
                call_command("migrate", interactive=False, verbosity=1, stdout=output)
        else:
            # SQLite cannot change tables inside an outer transaction; the backup covers it.
            call_command("migrate", interactive=False, verbosity=1, stdout=output)
    except (Exception, KeyboardInterrupt) as error:
        step = _failed_step(output.getvalue()) or "?"
        reason = _first_line(error) or type(error).__name__
        if database is not None and backup is not None:
            connection.close()
            restore_in_place(backup, database)
            undone = (
                f"bounceback put your data back exactly as it was before, from the backup it "
                f"had just taken ({backup})"
            )
        else:
            undone = "PostgreSQL undid every step of it, so your data is exactly as it was"
        raise UserError(
            f"The upgrade of your data stopped at step {step}, which failed: {reason}. Nothing "
            f"is lost: {undone}. This version of bounceback cannot use the data until the "
            "upgrade succeeds, so reinstall the version you had before, or report the step's "
            "name to the bounceback project (no data of yours is needed)."
        ) from None
    say(f"Upgraded your data ({len(steps)} step{'s' if len(steps) != 1 else ''}).")


def _failed_step(output: str) -> str | None:
    """The step migrate announced last without its " OK": the one that failed."""
    started = None
    for line in output.splitlines():
        text = line.strip()
        if text.startswith("Applying "):
            started = (
                None if text.endswith(" OK") else text.removeprefix("Applying ").split("...")[0]
            )
    return started


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else ""


def _unreadable(error: DatabaseError) -> UserError:
    """A database that cannot be opened: damaged (SQLite) or unreachable (either)."""
    database = sqlite_database()
    if database is not None and is_damage(error):
        return UserError(damaged_message(database, _first_line(error)))
    # The driver's first line names the server and the problem, never the password.
    reason = _first_line(error) or "no reason given"
    where = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "BOUNCEBACK_HOME"
    return UserError(
        f"bounceback could not open its database: {reason}. "
        f"Check {where} (and that the database server is running). Nothing was changed."
    )


def explain(error: BaseException) -> str | None:
    """For the CLI's last line of defence: a plain message for a damaged database, or None."""
    database = sqlite_database()
    if isinstance(error, DatabaseError) and database is not None and is_damage(error):
        return damaged_message(Path(database), _first_line(error))
    return None
