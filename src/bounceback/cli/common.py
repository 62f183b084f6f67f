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


@cache
def setup_django() -> None:
    """Start Django once, after any BOUNCEBACK_HOME change made by the command itself."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bounceback.settings")
    import django

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
            f"'{value}' is not a date bounceback understands. Use YYYY-MM-DD, e.g. {date.today():%Y-%m-%d}."
        ) from None


def print_json(data: Any) -> None:
    """JSON on stdout for scripts: dates as ISO strings, UTF-8 kept readable."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a message for the person and return the Exit to raise."""
    err_console.print(f"[red]{escape(message)}[/red]")
    return typer.Exit(code)


def read_text_arg(path: str) -> str:
    """Read text from a file path, or standard input for '-'."""
    from bounceback.errors import UserError

    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:  # noqa: PTH123
            return handle.read()
    except FileNotFoundError:
        raise UserError(
            f"There is no file at {path}. Check the path, or use - to read from standard input."
        ) from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder. Give the path of a file.") from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror}.") from None


def app_url(host: str, port: int) -> str:
    """The address of the running web app, as a browser on this computer would reach it."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
