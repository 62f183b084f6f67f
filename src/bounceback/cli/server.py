"""`bounceback serve / demo / signin-link`: open the web app on this computer."""

from __future__ import annotations

import ipaddress
import os
import socket
import webbrowser
from collections.abc import Mapping
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
# signin-link listens on nothing: its host and port say where the running server is.
ServerHostOption = Annotated[
    str,
    typer.Option(
        envvar="BOUNCEBACK_HOST",
        help="The address `bounceback serve` (or `demo`) listens on, for the link.",
    ),
]
ServerPortOption = Annotated[
    int,
    typer.Option(
        envvar="BOUNCEBACK_PORT", help="The port `bounceback serve` (or `demo`) listens on."
    ),
]
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


def _serve(host: str, port: int, no_browser: bool, *, demo: bool = False, workers: int = 0) -> None:
    from django.conf import settings

    from bounceback.errors import UserError
    from bounceback.lib.network import check_host, check_port

    check_host(host)
    check_port(port, "the usual one is 8765")
    if workers < 0:
        raise UserError(
            f"{workers} web workers cannot serve anyone: give 1 or more, or leave it out."
        )
    if settings.BOUNCEBACK_HOSTED:
        _serve_hosted(host, port, workers)
        return
    if not _is_loopback(host):
        console.print(
            "[yellow]Listening beyond this computer. Anyone who can reach it sees the sign-in page; "
            "set BOUNCEBACK_ALLOWED_HOSTS to the names you use.[/yellow]"
        )
    _check_port_free(host, port)
    ensure_database(upgrade=True)
    from waitress import serve as waitress_serve

    from bounceback.wsgi import application

    url = sign_in_url(host, port)
    console.print(
        f"bounceback is running. Open this link to sign in (it works once):\n\n  [bold]{url}[/bold]\n"
    )
    again = "bounceback signin-link --demo" if demo else "bounceback signin-link"
    if port != 8765:
        again += f" --port {port}"
    console.print(f"Need another link later? Run [bold]{again}[/bold] in another terminal.")
    folder = "The demo's data folder" if demo else "Your data folder"
    console.print(f"{folder}: {escape(str(_home()))}. Press Ctrl+C to stop.")
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


def _serve_hosted(host: str, port: int, workers: int) -> None:
    """Many people: no local account, no sign-in link; gunicorn workers when installed."""
    _check_port_free(host, port)
    ensure_database(upgrade=True)
    from bounceback.cli import hosting

    console.print(
        f"bounceback is running for many people on {escape(app_url(host, port))} "
        "(hosted mode: people sign in with their password; there is no local account).\n"
        "No staff account yet? Run [bold]bounceback invite you@example.org --role staff[/bold]."
    )
    hosting.run_web(host.strip("[]"), port, workers or hosting.default_workers())


def _home() -> Path:
    from django.conf import settings

    home: Path = settings.HOME
    return home


def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8765,
    no_browser: NoBrowserOption = False,
    workers: Annotated[
        int,
        typer.Option(
            envvar="BOUNCEBACK_WORKERS",
            help="Hosted mode: web worker processes (default: two per core, plus one).",
        ),
    ] = 0,
) -> None:
    """Open bounceback in your browser (updates the database first).

    On a hosted install (BOUNCEBACK_HOSTED, or a DATABASE_URL) it serves many people with gunicorn instead: no local account, no sign-in link.

    Example: bounceback serve --port 8800 --no-browser
    """
    setup_django()
    _serve(host, port, no_browser, workers=workers)


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

    The demo lives in its own folder (BOUNCEBACK_DEMO_HOME, or "bounceback-demo" beside your data folder) and always uses SQLite, so it never touches your real data.

    Example: bounceback demo --no-browser
    """
    home = use_demo_folder()
    database = demo_database(home)
    if reset and database.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    setup_django()
    ensure_database(upgrade=True)
    from bounceback.accounts.services import local_user
    from bounceback.demo import build_demo, has_demo_data

    me = local_user()
    if not has_demo_data(me):
        with console.status("Building a sample job search…"):
            summary = build_demo(me)
        console.print(f"Sample data ready: {summary}.")
    if no_serve:
        console.print(f"Demo data folder: {escape(str(home))}")
        return
    _serve(host, port, no_browser, demo=True)


def signin_link(
    host: ServerHostOption = "127.0.0.1",
    port: ServerPortOption = 8765,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="A link for the running `bounceback demo` (its own folder)."),
    ] = False,
) -> None:
    """Print a fresh one-time sign-in link for a running `bounceback serve` (or, with --demo, `bounceback demo`).

    A link only opens the bounceback whose data folder made it: use --demo for the demo.

    Example: bounceback signin-link --port 8800
    Example: bounceback signin-link --demo
    """
    if demo:
        console.print(_demo_sign_in_url(host, port))
        return
    ensure_database()
    console.print(sign_in_url(host, port))


def demo_home() -> Path:
    """The demo's own data folder: BOUNCEBACK_DEMO_HOME, or "bounceback-demo" in the user's data."""
    import platformdirs

    return Path(
        os.environ.get("BOUNCEBACK_DEMO_HOME")
        or platformdirs.user_data_dir("bounceback-demo", appauthor=False)
    )


def demo_database(home: Path) -> Path:
    return home / "bounceback.sqlite3"


def demo_environment(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` pointed at the demo folder: always SQLite there, never the person's database."""
    changed = {k: v for k, v in env.items() if k not in ("DATABASE_URL", "BOUNCEBACK_HOSTED")}
    changed["BOUNCEBACK_HOME"] = str(demo_home())
    return changed


def use_demo_folder() -> Path:
    """Point this process at the demo folder (before Django starts) and return it."""
    demo_env = demo_environment(os.environ)
    os.environ.pop("DATABASE_URL", None)  # left out of demo_env
    os.environ.pop("BOUNCEBACK_HOSTED", None)
    os.environ.update(demo_env)
    return Path(demo_env["BOUNCEBACK_HOME"])


def _demo_sign_in_url(host: str, port: int) -> str:
    """A link issued by the demo's database.

    This process already runs on the person's own data folder (Django settings are read
    once), so a fresh process on the demo folder issues the link.
    """
    import subprocess
    import sys

    from bounceback.errors import UserError

    home = demo_home()
    if not demo_database(home).exists():
        raise UserError("There is no demo yet. Run `bounceback demo` to build and open it.")
    code = "from bounceback.cli.main import run; run()"
    result = subprocess.run(
        [sys.executable, "-c", code, "signin-link", "--host", host, "--port", str(port)],
        env=demo_environment(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        raise UserError(f"Could not make a link for the demo. {reason}".strip())
    return "".join(result.stdout.split())  # a link has no spaces; undo any line folding


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(demo)
    app.command("signin-link")(signin_link)
