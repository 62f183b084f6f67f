"""Mailbox checks run by `bounceback worker`, one task per connected person.

The task carries the connection's id, never a password: the password is opened inside
the worker, from the row, with the centre's key.
"""

from __future__ import annotations

from django_tasks import task

from bounceback.mailbox.connection import run_check


@task()
def check_mailbox(connection_id: int) -> str:
    """Read a connected mailbox's new mail with the same import as `bounceback import --imap`."""
    return run_check(connection_id)
