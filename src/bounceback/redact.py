"""Keep secrets that travel in URLs out of log lines.

Sign-in links and calendar addresses carry their secret in the path, and Django logs
the path of every 404 and 500 ("Not Found: /calendar/…"). Logs get copied into bug
reports, so the secret part is replaced before any handler writes the line.
"""

from __future__ import annotations

import logging
import re

_SECRET_IN_PATH = re.compile(r"(/sign-in/|/calendar/|/password/set/[^/\s?#\"']+/)[^/\s?#\"']+")


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


class WithoutTraceback(logging.Filter):
    """Drop the traceback from a record whose one-line message says it all.

    A request with a Host header the server does not serve is someone's mistake or a
    scanner, not a bug: a traceback per request would bury the real problems.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True
