"""Keep secrets that travel in URLs out of log lines.

Sign-in links and calendar addresses carry their secret in the path, and Django logs
the path of every 404 and 500 ("Not Found: /calendar/…"). Logs get copied into bug
reports, so the secret part is replaced before any handler writes the line.
"""

from __future__ import annotations

import logging
import re

_SECRET_IN_PATH = re.compile(r"(/sign-in/|/calendar/)[^/\s?#\"']+")


def redact(text: str) -> str:
    """The text with the secret part of sign-in and calendar paths replaced by '…'."""
    return _SECRET_IN_PATH.sub(r"\1…", text)


class RedactSecrets(logging.Filter):
    """A logging filter that redacts URL secrets from the formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
