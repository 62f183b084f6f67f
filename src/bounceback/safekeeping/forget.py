"""Forgetting a person: every row they own and, on their own computer, their files too.

Deleting rows is not enough on SQLite: the words stay in free pages of the file and in
the -wal file until overwritten. So the deletion runs with ``secure_delete`` (freed
pages are zeroed), then VACUUM rewrites the file and a TRUNCATE checkpoint empties the
WAL. A test searches the data folder's bytes for what the person wrote.

Hosted (many people, usually PostgreSQL), only that person's rows go; reclaiming the
space inside PostgreSQL (VACUUM) and the server's own backups are the administrator's.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connection, transaction

from bounceback.safekeeping.backup import sqlite_database

# What in the data folder is the person's, beside the database (which is wiped in place):
# their own draft wording, backups, exports and kept mail. The secret key is the install's.
PERSONAL_FOLDERS = ("backups", "exports", "drafts", "mail")

WHAT_GOES_LOCAL = [
    "your applications, stages, contacts and companies",
    "rejections, reflections, feedback, steps and drafts' settings",
    "imported mail, the review queue and your mail rules",
    "check-ins, exercises, goals, practice cards and weekly targets",
    "sharing with coaches and everything a coach wrote for you",
    "your backups, exports and own draft wording in the data folder",
]
WHAT_GOES_HOSTED = [*WHAT_GOES_LOCAL[:-1], "your account on this bounceback (you are signed out)"]


@dataclass
class Forgotten:
    rows: int
    files: list[Path] = field(default_factory=list)
    wiped_file: bool = False
    notes: list[str] = field(default_factory=list)


def what_goes() -> list[str]:
    return WHAT_GOES_HOSTED if settings.BOUNCEBACK_HOSTED else WHAT_GOES_LOCAL


def forget(user: User) -> Forgotten:
    """Delete everything ``user`` owns, for good; a summary of what went."""
    database = sqlite_database()
    if database is not None:
        _pragma("PRAGMA secure_delete=ON")
    with transaction.atomic():
        rows = _delete_rows(user)
    result = Forgotten(rows=rows)
    if database is not None:
        _wipe_free_space()
        result.wiped_file = True
    else:
        result.notes.append(
            "PostgreSQL keeps deleted rows on disk until its next VACUUM, and the server's "
            "backups are the administrator's: ask them if you need those gone too."
        )
    if not settings.BOUNCEBACK_HOSTED:
        result.files = _delete_personal_files(Path(settings.HOME))
    elif database is not None:
        result.notes.append(
            "Backups of this shared database hold everyone's data, so they stay with the "
            "administrator."
        )
    return result


def _delete_rows(user: User) -> int:
    """The account and, by cascade, every row that names it as owner; sessions and sign-in logs."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    count = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        count += model.objects.filter(username=user.username).delete()[0]
    count += Session.objects.filter(pk__in=_session_keys(user)).delete()[0]
    # Applications protect their company from a lone delete; owner's applications go first.
    from bounceback.applications.models import Application

    count += Application.objects.filter(owner=user).delete()[0]
    count += user.delete()[0]
    return count


def _session_keys(user: User) -> list[str]:
    keys = []
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            keys.append(session.session_key)
    return keys


def _wipe_free_space() -> None:
    """Rewrite the SQLite file without the deleted pages, and empty the WAL into it."""
    _pragma("VACUUM")
    # Another connection (a page loading) can hold the WAL for a moment: try a few times.
    for _attempt in range(50):
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy = cursor.fetchone()[0]
        if not busy:
            return
        time.sleep(0.1)


def _pragma(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def _delete_personal_files(home: Path) -> list[Path]:
    gone = []
    for name in PERSONAL_FOLDERS:
        folder = home / name
        if folder.is_symlink():
            folder.unlink()
            gone.append(folder)
        elif folder.is_dir():
            shutil.rmtree(folder)
            gone.append(folder)
    return gone
