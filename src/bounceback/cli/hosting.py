"""Commands for a career centre's install: the web workers, the task worker, invitations.

The web (``bounceback serve``) and the task worker (``bounceback worker``) share nothing
but the PostgreSQL database, so each can run on its own machine, as many as needed.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from rich.markup import escape

from bounceback.cli.common import console, ensure_database, print_json
from bounceback.errors import UserError


def default_workers() -> int:
    """Gunicorn's own rule of thumb: two per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def run_web(host: str, port: int, workers: int) -> None:
    """gunicorn with ``workers`` processes when the `hosted` extra is installed, else waitress."""
    from django.db import connections

    from bounceback.wsgi import application

    # Forked workers must not share the parent's database connection.
    connections.close_all()
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        console.print(
            "[yellow]gunicorn isn't installed (uv sync --extra hosted), so one process with "
            "threads serves everyone. Fine to try out; install it for a centre.[/yellow]"
        )
        from waitress import serve as waitress_serve

        waitress_serve(application, host=host, port=port, threads=8, ident="bounceback")
        return

    class Gunicorn(BaseApplication):  # type: ignore[misc]  # untyped
        def load_config(self) -> None:
            self.cfg.set("bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 2)  # a worker blocked on the database still answers
            self.cfg.set("timeout", 60)
            self.cfg.set("graceful_timeout", 20)
            # Longer than the 2 s default: a browser reading a page for a few seconds keeps
            # its connection instead of racing the server's close with its next request.
            self.cfg.set("keepalive", 30)
            self.cfg.set("proc_name", "bounceback")

        def load(self) -> Any:
            return application

    Gunicorn().run()


def worker(
    batch: Annotated[
        bool, typer.Option("--batch", help="Run what is queued now, then stop (for cron).")
    ] = False,
) -> None:
    """Run long work queued by the web app: mailbox syncs, reminder e-mails, reports.

    Hosted installs run one or more of these beside `bounceback serve`, on any machine that reaches the same database. On one computer the work runs at once, so no worker is needed.

    Example: bounceback worker
    """
    from django.conf import settings
    from django.core.management import call_command

    if not settings.BOUNCEBACK_HOSTED:
        raise UserError(
            "On one computer bounceback does long work straight away; a worker is only for "
            "a hosted install (BOUNCEBACK_HOSTED=1 or a DATABASE_URL)."
        )
    ensure_database()
    options = ["--batch"] if batch else []
    call_command("db_worker", *options, "--no-startup-delay" if batch else "--verbosity=1")


def invite(
    email: Annotated[str, typer.Argument(help="Their e-mail address; they sign in with it.")],
    role: Annotated[
        str, typer.Option(help="seeker, coach or staff (the first account is usually staff).")
    ] = "seeker",
    site: Annotated[
        str,
        typer.Option(
            envvar="BOUNCEBACK_SITE_URL",
            help="The address people open, e.g. https://careers.example.org, for the link.",
        ),
    ] = "http://127.0.0.1:8765",
) -> None:
    """Invite someone to a hosted bounceback and print their one-time link to choose a password.

    For whoever looks after the install (the first staff account, say); staff invite everyone else from the Accounts page.

    Example: bounceback invite lee@careers.example.org --role staff --site https://careers.example.org
    """
    from django.conf import settings

    if not settings.BOUNCEBACK_HOSTED:
        raise UserError("Invitations are for a hosted install; on one computer, run `serve`.")
    ensure_database()
    from bounceback.accounts import services

    user = services.invite(email, role, by=None)
    link = site.rstrip("/") + services.password_link(user)
    console.print(
        f"Invited {escape(user.username)}. Give them this link to choose a password "
        f"(it works once, for three days):\n\n  [bold]{escape(link)}[/bold]"
    )


def remind(
    site: Annotated[
        str,
        typer.Option(envvar="BOUNCEBACK_SITE_URL", help="The address people open, for the link."),
    ] = "http://127.0.0.1:8765",
) -> None:
    """Queue today's reminder e-mails (one per job seeker with steps due) for the workers.

    Run it once a day from cron on any machine; `bounceback worker` sends them.

    Example: bounceback remind --site https://careers.example.org
    """
    from django.conf import settings

    from bounceback.accounts.services import mail_is_set_up

    if not settings.BOUNCEBACK_HOSTED or not mail_is_set_up():
        raise UserError(
            "Reminders are e-mailed by a hosted install with SMTP set up "
            "(BOUNCEBACK_SMTP_HOST). Nothing was queued."
        )
    ensure_database()
    from bounceback.accounts.tasks import queue_reminders

    console.print(f"Queued {queue_reminders(site)} reminder check(s) for the workers.")


def sync_mail(
    every: Annotated[
        bool, typer.Option("--all", help="Queue one check for every connected mailbox.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Queue a check of every mailbox people connected on the web, for the workers to run.

    Run it from cron (every 15 minutes, say) on any machine; `bounceback worker` reads the mail. Mailboxes already being checked are left alone, and one whose password the server keeps refusing waits (an hour, then longer) rather than being tried again.

    Example: bounceback sync-mail --all --json
    """
    from django.conf import settings

    if not every:
        raise UserError(
            "Say which mailboxes: --all queues a check of every connected one. "
            "(A person checks their own with “Check now” on their mailbox page.)"
        )
    if not settings.BOUNCEBACK_HOSTED:
        raise UserError(
            "Mailboxes are connected on the web only on a hosted install. On one computer, run "
            "`bounceback import --imap`. Nothing was queued."
        )
    ensure_database()
    from bounceback.mailbox.connection import queue_all

    counts = queue_all()
    if as_json:
        print_json(counts.as_dict())
        return
    console.print(
        f"Queued {counts.queued} mailbox check(s) for the workers; {counts.busy} already "
        f"waiting or running; {counts.waiting} waiting after a refused password."
    )


def mail_key(
    rotate: Annotated[
        bool,
        typer.Option(
            "--rotate",
            help="Re-lock every saved mailbox password with the first key in BOUNCEBACK_MAIL_KEY.",
        ),
    ] = False,
) -> None:
    """Make a key for BOUNCEBACK_MAIL_KEY, or re-lock saved mailbox passwords with a new one.

    Without options it prints a fresh key. To change keys: put the new key first and the old one after it (comma-separated) on every machine, run `--rotate` once, then drop the old key.

    Example: bounceback mail-key --rotate
    """
    if not rotate:
        from bounceback.mailbox.vault import new_key

        console.print(new_key(), highlight=False, soft_wrap=True)
        return
    ensure_database()
    from bounceback.mailbox.connection import rotate_keys

    relocked, unreadable = rotate_keys()
    console.print(f"Re-locked {relocked} mailbox password(s) with the first key.")
    if unreadable:
        console.print(
            f"[yellow]{unreadable} could not be opened with any key listed; their owners are "
            "asked to save their app password again at their next check.[/yellow]"
        )


def register(app: typer.Typer) -> None:
    app.command()(worker)
    app.command()(invite)
    app.command()(remind)
    app.command("sync-mail")(sync_mail)
    app.command("mail-key")(mail_key)
