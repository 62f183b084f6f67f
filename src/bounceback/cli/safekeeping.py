"""`bounceback backup / upgrade / forget`: keeping the data safe, and deleting it for good."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from bounceback.cli.common import console, ensure_database, print_json, setup_django
from bounceback.errors import UserError

CONFIRM_WORD = "DELETE"


def backup(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Folder to write the backup to (default: backups/ in your data folder)."
        ),
    ] = None,
    list_them: Annotated[
        bool, typer.Option("--list", help="List the backups in your data folder instead.")
    ] = False,
    restore: Annotated[
        Path | None,
        typer.Option(
            "--restore",
            help="Put this backup file back in place of your database (the current one is kept).",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Restore without asking first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Back up your data while bounceback runs: one file, named with the date and time.

    Uses SQLite's online backup, so it is complete and consistent even while the app is saving. Before every upgrade bounceback also backs up on its own (the last five kept). On PostgreSQL, backups are the database administrator's job (pg_dump).

    Example: bounceback backup --out /media/usb-stick
    Example: bounceback backup --list
    Example: bounceback backup --restore ~/.local/share/bounceback/backups/bounceback-20261207-090000.sqlite3
    """
    setup_django()
    from bounceback.safekeeping import backup as backups

    if restore is not None:
        _restore(restore, yes=yes)
        return
    if list_them:
        found = backups.list_backups()
        if as_json:
            print_json(
                [
                    {
                        "path": str(b.path),
                        "taken_at": b.taken_at,
                        "bytes": b.size,
                        "automatic": b.automatic,
                    }
                    for b in found
                ]
            )
            return
        if not found:
            console.print(f"No backups yet in {escape(str(backups.backups_folder()))}.")
        for b in found:
            kind = " (before an upgrade)" if b.automatic else ""
            console.print(
                f"{b.taken_at:%Y-%m-%d %H:%M}  {escape(str(b.path))}  {b.size:,} bytes{kind}"
            )
        return
    # No upgrade check: a backup is exactly what to take before an upgrade.
    path = backups.take_backup(out.expanduser() if out else None)
    if as_json:
        print_json({"path": str(path), "bytes": path.stat().st_size})
        return
    console.print(f"Backed up your data to {escape(str(path))} ({path.stat().st_size:,} bytes).")


def _restore(source: Path, *, yes: bool) -> None:
    from django.db import connection
    from django.utils import timezone

    from bounceback.safekeeping import backup as backups
    from bounceback.safekeeping.damage import header_problem

    database = backups.sqlite_database()
    if database is None:
        raise UserError(backups.PG_BACKUPS)
    source = source.expanduser()
    if not source.is_file():
        raise UserError(
            f"There is no backup file at {source}. `bounceback backup --list` shows yours."
        )
    problem = header_problem(source)
    if problem:
        raise UserError(f"{source} is not a bounceback backup: {problem}. Nothing was changed.")
    if not yes and not _ask(
        f"Put the backup {source} in place of your data now? Stop `bounceback serve` first. "
        "What is there now is kept beside it."
    ):
        raise UserError("Nothing was changed.")
    connection.close()
    kept = None
    if database.exists() and database.stat().st_size:
        if header_problem(database) is None:
            try:
                kept = backups.take_backup(label="before-restore")
            except UserError:
                kept = None
        if kept is None:
            kept = database.with_name(
                f"{database.name}.damaged-{timezone.localtime():%Y%m%d-%H%M%S}"
            )
            database.replace(kept)
    backups.restore_file(source, database)
    console.print(f"Restored your data from {escape(str(source))}.")
    if kept is not None:
        console.print(f"What was there before is kept in {escape(str(kept))}.")


def upgrade() -> None:
    """Upgrade your data for this version of bounceback (backed up first, put back on failure).

    `bounceback serve` does this too; other commands ask you to run it when it is needed.

    Example: bounceback upgrade
    """
    done = ensure_database(upgrade=True)
    if done == "current":
        console.print("Your data is up to date; there was nothing to upgrade.")
    elif done == "created":
        console.print("Made a new, empty database for you.")


def forget(
    yes: Annotated[bool, typer.Option("--yes", help="Delete without asking first.")] = False,
) -> None:
    """Delete everything bounceback holds about you, for good: there is no undo.

    Every application, rejection, reflection, note, check-in and imported mail; your backups, exports and own drafts in the data folder. The database file is rewritten so the words cannot be read back from it. Export first if you want a copy.

    Example: bounceback forget
    """
    from django.conf import settings

    if settings.BOUNCEBACK_HOSTED:
        raise UserError(
            "On a hosted bounceback each person deletes their own data: sign in and open "
            "Settings → Delete everything."
        )
    ensure_database()
    from bounceback.accounts.services import local_user
    from bounceback.safekeeping.forget import forget as forget_all
    from bounceback.safekeeping.forget import what_goes

    if not yes:
        console.print("This deletes, for good:")
        for line in what_goes():
            console.print(f"  • {escape(line)}")
        if not _typed_word():
            raise UserError("Nothing was deleted.")
    done = forget_all(local_user())
    console.print(
        f"Everything is gone: {done.rows:,} records deleted, the database file rewritten."
    )
    for path in done.files:
        console.print(f"Deleted {escape(str(path))}.")
    for note in done.notes:
        console.print(escape(note))


def _at_keyboard() -> bool:
    return sys.stdin.isatty()


def _ask(question: str) -> bool:
    if not _at_keyboard():
        raise UserError("Add --yes to do this from a script; nothing was changed.")
    return typer.confirm(question, default=False)


def _typed_word() -> bool:
    if not _at_keyboard():
        raise UserError("Add --yes to delete everything from a script; nothing was deleted.")
    typed: str = typer.prompt(f"Type {CONFIRM_WORD} to delete everything", default="")
    return typed.strip() == CONFIRM_WORD


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(upgrade)
    app.command()(forget)
