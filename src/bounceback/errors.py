"""Domain errors carry a message written for the person, shown as-is by the web app and the CLI."""

from __future__ import annotations


class UserError(Exception):
    """Something the person can fix: the message says what was wrong and what to do."""


class NotFound(UserError):
    """An id that does not exist (or belongs to someone else, which looks the same)."""
