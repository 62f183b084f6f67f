"""`bounceback serve / demo / signin-link`: open the web app on this computer."""

from __future__ import annotations

import ipaddress
import os
import socket
import webbrowser
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from bounceback.cli.common import app_url, console, ensure_database, fail, setup_django

HostOption = Annotated[
    str,
    typer.Option(
        envvar="BOUNCEBACK_HOST",
        help="Address to listen on. Loopback only unless you know why not.",
    ),
]
PortOption = Annotated[int, typer.Option(envvar="BOUNCEBACK_PORT", help="Port to listen on.")]
NoBrowserOption = Annotated[bool, typer.Option("--no-browser", help="Don't open a browser window.")]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host.strip("[]"), port))
        except OSError:
            raise fail(
                f"Port {port} on {host} is already in use — maybe bounceback is already running? "
                f"Open that window, or pick another port with --port."
            ) from None


def sign_in_url(host: str, port: int) -> str:
    """A fresh single-use link that signs the local user in."""
    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user

    token = SignInToken.issue(local_user())
    return app_url(host, port) + reverse("accounts:sign_in_link", args=[token])


def _serve(host: str, port: int, no_browser: bool) -> None:
    if not _is_loopback(host):
        console.print(
            "[yellow]Listening beyond this computer. Anyone who can reach it sees the sign-in page; "
            "set BOUNCEBACK_ALLOWED_HOSTS to the names you use.[/yellow]"
        )
    _check_port_free(host, port)
    ensure_database()
    from waitress import serve as waitress_serve

    from bounceback.wsgi import application

    url = sign_in_url(host, port)
    console.print(
        f"bounceback is running. Open this link to sign in (it works once):\n\n  [bold]{url}[/bold]\n"
    )
    console.print(f"Your data folder: {escape(str(_home()))}. Press Ctrl+C to stop.")
    if not no_browser:
        webbrowser.open(url)
    try:
        waitress_serve(
            application,
            host=host.strip("[]"),
            port=port,
            threads=6,
            ident="bounceback",
            _quiet=True,
        )
    except KeyboardInterrupt:
        console.print("Stopped. Your data is saved.")


def _home() -> Path:
    from django.conf import settings

    home: Path = settings.HOME
    return home


def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8765,
    no_browser: NoBrowserOption = False,
) -> None:
    """Open bounceback in your browser (updates the database first).

    Example: bounceback serve --port 8800 --no-browser
    """
    setup_django()
    _serve(host, port, no_browser)


def demo(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8765,
    no_browser: NoBrowserOption = False,
    reset: Annotated[
        bool, typer.Option("--reset", help="Throw the demo data away and build it again.")
    ] = False,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the demo data folder.")
    ] = False,
) -> None:
    """Try bounceback on a realistic sample job search, kept apart from your own data.

    The demo lives in its own folder (BOUNCEBACK_DEMO_HOME, or "bounceback-demo" beside
    your data folder) and always uses SQLite, so it never touches your real data.
    Example: bounceback demo --no-browser
    """
    import platformdirs

    demo_home = os.environ.get("BOUNCEBACK_DEMO_HOME") or platformdirs.user_data_dir(
        "bounceback-demo", appauthor=False
    )
    os.environ["BOUNCEBACK_HOME"] = str(demo_home)
    os.environ.pop("DATABASE_URL", None)
    database = Path(demo_home) / "bounceback.sqlite3"
    if reset and database.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    setup_django()
    ensure_database()
    from bounceback.accounts.services import local_user
    from bounceback.demo import build_demo, has_demo_data

    me = local_user()
    if not has_demo_data(me):
        with console.status("Building a sample job search…"):
            summary = build_demo(me)
        console.print(f"Sample data ready: {summary}.")
    if no_serve:
        console.print(f"Demo data folder: {escape(str(demo_home))}")
        return
    _serve(host, port, no_browser)


def signin_link(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8765,
) -> None:
    """Print a fresh one-time sign-in link for a running `bounceback serve`.

    Example: bounceback signin-link
    """
    ensure_database()
    console.print(sign_in_url(host, port))


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(demo)
    app.command("signin-link")(signin_link)
