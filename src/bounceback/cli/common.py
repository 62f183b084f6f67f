"""What every command shares: Django start-up, the owner, dates, JSON and error output."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

console = Console()
err_console = Console(stderr=True)
MAX_MESSAGE = 1000  # characters


@cache
def setup_django() -> None:
    """Start Django once, after any BOUNCEBACK_HOME change made by the command itself."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bounceback.settings")
    import django

    from bounceback import conf

    # A BOUNCEBACK_HOME that is a file, a bad DATABASE_URL or TZ: one plain message (the
    # settings raise conf.SettingsError, a UserError) rather than a traceback from Django.
    conf.check_data_dir(conf.data_dir())
    django.setup()


def ensure_database(*, upgrade: bool = False) -> str:
    """Check the database can be used: a new one is created; an older one is upgraded only
    when ``upgrade`` (serve, demo, upgrade), otherwise the person is asked to run `upgrade`."""
    setup_django()
    from bounceback.safekeeping.upgrade import ensure_ready

    return ensure_ready(upgrade=upgrade, say=lambda text: console.print(escape(text)))


def owner() -> Any:
    """The person whose data the CLI works on (the local user)."""
    ensure_database()
    from bounceback.accounts.services import local_user

    return local_user()


def parse_day(value: str | None) -> date | None:
    """Dates as YYYY-MM-DD, or 'today' / 'yesterday'; a clear message otherwise."""
    if value is None or value == "":
        return None
    text = value.strip().lower()
    if text == "today":
        return date.today()
    if text == "yesterday":
        return date.today() - timedelta(days=1)
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(
            f"'{_clip(value)}' is not a date bounceback understands. Use YYYY-MM-DD, e.g. {date.today():%Y-%m-%d}."
        ) from None


def plain(value: object) -> str:
    """A stored value ready for Rich: one line, no terminal escapes, no markup.

    Text saved before escapes were stripped at import (or by any other way in) must not
    recolour, retitle or rewrite the person's terminal when printed.
    """
    from bounceback.lib.hygiene import without_controls

    return escape(without_controls(str(value), multiline=False))


def _clip(value: str) -> str:
    from bounceback.lib.hygiene import clip

    return clip(value)


def print_json(data: Any) -> None:
    """JSON on stdout for scripts: dates as ISO strings, UTF-8 kept readable."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a message for the person and return the Exit to raise."""
    if len(message) > MAX_MESSAGE:  # a value quoted whole would bury the message (and crawl)
        message = message[: MAX_MESSAGE - 1] + "…"
    err_console.print(f"[red]{escape(message)}[/red]")
    return typer.Exit(code)


def read_text_arg(path: str, what: str = "file") -> str:
    """Text from a file path, or standard input for '-' (see ``lib.files`` for the limits)."""
    from bounceback.lib.files import read_named_text

    return read_named_text(path, what)


def app_url(host: str, port: int) -> str:
    """The address of the running web app, as a browser on this computer would reach it."""
    from bounceback.lib.network import check_host, check_port

    check_host(host)
    check_port(port, "the usual one is 8765")
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
