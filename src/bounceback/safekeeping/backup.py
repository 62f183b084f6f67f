"""Backups of a SQLite data folder, taken with SQLite's online backup API.

Copying the database file while bounceback runs can miss everything still in the -wal
file; the backup API reads one consistent snapshot instead, while the app goes on
writing (WAL lets readers and a writer work at once). A backup is one self-contained
file (rollback journal, not WAL) that SQLite, or `bounceback backup --restore`, opens.

PostgreSQL holds many people's data on a server: backing it up is its administrator's
job (pg_dump), so bounceback says so rather than pretending.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from bounceback.errors import UserError
from bounceback.safekeeping.permissions import create_private_file, private_file

PREFIX = "bounceback-"
SUFFIX = ".sqlite3"
BEFORE_UPGRADE = "before-upgrade"
# Automatic backups kept before upgrades; the person's own `bounceback backup`s are never pruned.
KEEP_BEFORE_UPGRADE = 5

PG_BACKUPS = (
    "This bounceback keeps its data in PostgreSQL (DATABASE_URL), shared with everyone on "
    "the install, so backups are the database administrator's job: for example "
    "`pg_dump --format=custom --file=bounceback.dump DBNAME` on the server, run daily. "
    "Nothing was written. To take your own data with you, use `bounceback export`."
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int
    automatic: bool


def backups_folder() -> Path:
    return Path(settings.HOME) / "backups"


def sqlite_database() -> Path | None:
    """The SQLite database file in use, or None on PostgreSQL."""
    if connection.vendor != "sqlite":
        return None
    return Path(str(connection.settings_dict["NAME"]))


def database_files(name: str | Path) -> list[Path]:
    """The database file and the two SQLite keeps beside it in WAL mode."""
    return [Path(f"{name}{suffix}") for suffix in ("", "-wal", "-shm")]


def take_backup(folder: Path | None = None, *, label: str = "") -> Path:
    """Copy the live SQLite database, consistently, into ``folder``; the new file's path."""
    database = sqlite_database()
    if database is None:
        raise UserError(PG_BACKUPS)
    if not database.exists():
        raise UserError(f"There is no database at {database} yet, so there is nothing to back up.")
    folder = backups_folder() if folder is None else folder
    _make_folder(folder)
    target = _free_name(folder, label)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        create_private_file(partial)
    except OSError as error:
        raise UserError(
            f"Could not write a backup in {folder}: {error.strerror}. Choose another folder "
            "with --out; your data is unchanged."
        ) from None
    try:
        copy_database(database, partial)
        partial.replace(target)
    finally:
        for path in database_files(partial):
            path.unlink(missing_ok=True)
    private_file(target)
    if label == BEFORE_UPGRADE:
        prune(folder)
    return target


def copy_database(source: Path, target: Path) -> None:
    """One consistent snapshot of ``source`` into ``target`` (a single file), checked."""
    # Not opened read-only: a read-only connection cannot make the -shm file that reading
    # a WAL database needs when nothing else has it open. The backup only ever reads it.
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        # All pages in one step: one read transaction, so one moment in time, and writers
        # in other processes carry on (WAL) instead of restarting a page-by-page copy.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        check = dst.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise UserError(f"The backup did not check out ({check}); nothing was kept.")
    except sqlite3.DatabaseError as error:
        raise UserError(
            f"Could not back up {source}: {error}. Your data is unchanged; see "
            "`bounceback backup --help` if the database itself is damaged."
        ) from None
    finally:
        dst.close()
        src.close()


def restore_in_place(backup: Path, database: Path) -> None:
    """Write ``backup`` back into the live ``database`` through SQLite, page by page.

    Unlike replacing the file, any other bounceback process with the database open sees
    the restored data at once (its connection is not left on a deleted file).
    """
    src = sqlite3.connect(backup, timeout=30)
    dst = sqlite3.connect(database, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def restore_file(backup: Path, database: Path) -> None:
    """Put ``backup`` in place of ``database`` (closed by the caller), WAL files included."""
    for path in database_files(database):
        path.unlink(missing_ok=True)
    create_private_file(database)
    copy_database(backup, database)


def list_backups(folder: Path | None = None) -> list[Backup]:
    """Backups in the folder, newest first."""
    folder = backups_folder() if folder is None else folder
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        info = path.stat()
        found.append(
            Backup(
                path=path,
                taken_at=datetime.fromtimestamp(
                    info.st_mtime_ns / 1e9, tz=timezone.get_current_timezone()
                ),
                size=info.st_size,
                automatic=BEFORE_UPGRADE in path.name,
            )
        )
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def prune(folder: Path, keep: int = KEEP_BEFORE_UPGRADE) -> list[Path]:
    """Remove all but the newest ``keep`` automatic backups; what was removed."""
    automatic = [b.path for b in list_backups(folder) if b.automatic]
    for path in automatic[keep:]:
        path.unlink(missing_ok=True)
    return automatic[keep:]


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder. Choose a folder with --out.")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"Could not make the folder {folder}: {error.strerror}.") from None


def _free_name(folder: Path, label: str) -> Path:
    """bounceback-20261207-013000[-before-upgrade].sqlite3; -2, -3… when taken the same second."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    base = f"{PREFIX}{stamp}" + (f"-{label}" if label else "")
    candidate = folder / f"{base}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    return candidate
