"""`bounceback triage` and `bounceback import`: read a mailbox, recognise the job-search mail."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bounceback.cli.common import console, err_console, owner, print_json

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")
]
PathArgument = Annotated[
    Path,
    typer.Argument(
        help="An mbox file (e.g. a Google Takeout export), a .eml file, a Maildir, "
        "or a folder of .eml files.",
        show_default=False,
    ),
]

LABEL_NAMES = {
    "rejection": "Rejections",
    "interview_invite": "Interview invitations",
    "assessment_invite": "Assessment invitations",
    "offer": "Offers",
    "application_received": "Applications received",
    "other_job": "Other job-search mail",
    "not_job": "Not about your job search",
}


def _interactive() -> bool:
    """Whether a person is watching stderr (progress bars are drawn only then)."""
    return sys.stderr.isatty()


def _can_prompt() -> bool:
    """Whether a person can type a password (not a script or a pipe)."""
    return sys.stdin.isatty()


@contextmanager
def _imap_progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar over the new messages of an IMAP folder, on stderr."""
    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("Fetching"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("looking for new messages", total=None)

        def update(done: int, total: int) -> None:
            progress.update(
                task, completed=done, total=total, description=f"{done:,} of {total:,} new messages"
            )

        yield update


@contextmanager
def _progress(path: Path, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar over the mailbox (bytes of an mbox, or files), on stderr."""
    if not enabled:
        yield None
        return
    from bounceback.lib.mail.reader import mailbox_size

    total = mailbox_size(path)
    with Progress(
        TextColumn("Reading"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("mail", total=total)
        yield lambda done: progress.update(task, completed=done)


def triage(path: PathArgument, as_json: JsonOption = False) -> None:
    """Find the job-search e-mails in a mailbox, without saving anything.

    With --json, one JSON object per message, in mailbox order (JSON Lines).

    Example: bounceback triage ~/Downloads/Takeout/Mail/All\\ mail.mbox --json
    """
    from bounceback.lib.mail.reader import ParseProblem, detect
    from bounceback.lib.mail.triage import triage as run_triage

    detect(path)  # a clear error for a missing path or an unknown format, before anything else
    problems: list[ParseProblem] = []
    if as_json:
        # stdout stays pure JSON Lines; each unreadable message gets one plain line on stderr,
        # as it is met (never wrapped by Rich, never held back until the end).
        def tell(problem: ParseProblem) -> None:
            sys.stdout.flush()
            sys.stderr.write(skipped_line(problem.line()) + "\n")
            sys.stderr.flush()

        for row in run_triage(path, on_problem=tell):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    counts: Counter[str] = Counter()
    rejections: list[dict[str, Any]] = []
    with _progress(path, _interactive()) as progress:
        for row in run_triage(path, on_problem=problems.append, progress=progress):
            counts[row["label"]] += 1
            if row["label"] == "rejection" and len(rejections) < 10:
                rejections.append(dict(row))
    _print_counts(counts, len(problems))
    if rejections:
        table = Table(title="Rejections found", box=None, header_style="bold")
        for column in ("date", "company", "role", "stage"):
            table.add_column(column)
        for found in rejections:
            table.add_row(
                (found["date"] or "")[:10],
                escape(found["company"] or "?"),
                escape(found["role"] or "?"),
                found["stage"] or "",
            )
        console.print(table)
        if counts["rejection"] > len(rejections):
            console.print(f"… and {counts['rejection'] - len(rejections)} more.")
    for problem in problems:
        err_console.print(f"[yellow]{escape(skipped_line(problem.line()))}[/yellow]")
    if counts and sum(v for k, v in counts.items() if k != "not_job"):
        console.print("Nothing was saved. `bounceback import` files these on your applications.")


def skipped_line(line: str) -> str:
    """'message 2: not an e-mail (…), skipped' -> 'Skipped message 2: not an e-mail (…)'."""
    return "Skipped " + line.removesuffix(", skipped")


def _print_counts(counts: Counter[str], unreadable: int) -> None:
    table = Table(box=None, header_style="bold")
    table.add_column("e-mails")
    table.add_column("count", justify="right")
    for label, name in LABEL_NAMES.items():
        if counts[label]:
            table.add_row(name, f"{counts[label]:,}")
    if unreadable:
        table.add_row("Could not be read", f"{unreadable:,}")
    if not counts and not unreadable:
        console.print("No e-mails found there.")
        return
    console.print(table)


def import_(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="An mbox file, a .eml file, a Maildir, or a folder of .eml files "
            "(leave out with --imap).",
            show_default=False,
        ),
    ] = None,
    imap: Annotated[
        bool, typer.Option("--imap", help="Read from an IMAP server (over TLS) instead.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="IMAP server, e.g. imap.example.org.")] = None,
    user: Annotated[
        str | None, typer.Option(help="IMAP user name.", envvar="BOUNCEBACK_IMAP_USER")
    ] = None,
    folder: Annotated[str, typer.Option(help="IMAP folder to read.")] = "INBOX",
    port: Annotated[int, typer.Option(help="IMAP port (TLS).")] = 993,
    password_env: Annotated[
        str | None,
        typer.Option(
            "--password-env",
            help="Name of an environment variable holding the password (the password itself "
            "never goes on the command line).",
        ),
    ] = None,
    save_password: Annotated[
        bool,
        typer.Option("--save-password", help="Keep the password in your system keyring."),
    ] = False,
    cafile: Annotated[
        Path | None,
        typer.Option(
            "--cafile",
            help="Trust this certificate (PEM) for the server, e.g. a self-signed one on "
            "your own network. Without it, the system's certificate authorities are used.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Save the job-search e-mails of a mailbox on your applications.

    Rejections, invitations and offers are added to the right application (a new one when there is none). When bounceback is not sure, the e-mail waits in Mail review in the app. Safe to run again: nothing is imported twice.

    Example: bounceback import ~/Mail/job-search.mbox
    Example: bounceback import --imap --host imap.example.org --user sam@example.org
    """
    from bounceback.errors import UserError
    from bounceback.mailbox.importer import ImportReport, import_mailbox

    if imap:
        from bounceback.lib.mail.imap import tls_context
        from bounceback.lib.network import check_host, check_port
        from bounceback.mailbox.imap_sync import sync_imap

        if not host or not user:
            raise UserError("With --imap, give --host and --user.")
        # Before the password is asked for, not after.
        check_host(host)
        check_port(port, "IMAP over TLS is 993")
        tls_context(cafile)
        me = owner()
        password = imap_password(host, user, password_env)
        with _imap_progress(not as_json and _interactive()) as fetched:
            report: ImportReport = sync_imap(
                me,
                host=host,
                user=user,
                password=password,
                folder=folder,
                port=port,
                cafile=cafile,
                progress=fetched,
            )
        if save_password:
            _save_password(host, user, password)
    else:
        from bounceback.lib.mail.reader import detect

        if path is None:
            raise UserError("Give the mailbox to import, or --imap to read from a server.")
        detect(path)
        me = owner()
        with _progress(path, not as_json and _interactive()) as progress:
            report = import_mailbox(me, path, progress=progress)
    if as_json:
        print_json(report.as_dict())
        return
    print_report(report)


KEYRING_SERVICE = "bounceback-imap"


def imap_password(host: str, user: str, password_env: str | None) -> str:
    """The IMAP password: from the named environment variable, the keyring, or a prompt."""
    import os

    from bounceback.errors import UserError

    if password_env:
        value = os.environ.get(password_env)
        if not value:
            raise UserError(f"The environment variable {password_env} is not set or is empty.")
        return value
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, f"{user}@{host}")
    except Exception:  # no keyring backend on this system: fall back to asking
        stored = None
    if stored:
        return stored
    if not _can_prompt():
        raise UserError(
            "No password: use --password-env VAR, save one with --save-password, "
            "or run this in a terminal to be asked."
        )
    # On stderr, so `--json` output on stdout stays pure JSON.
    return str(typer.prompt(f"Password for {user} on {host}", hide_input=True, err=True))


def _save_password(host: str, user: str, password: str) -> None:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, f"{user}@{host}", password)
    except Exception as error:
        err_console.print(
            f"[yellow]Could not save the password in the system keyring "
            f"({type(error).__name__}); you will be asked again next time.[/yellow]"
        )
        return
    err_console.print("Password saved in your system keyring.")


def print_report(report: Any) -> None:
    lines = [
        ("New applications", report.created),
        ("Added to an application", report.updated),
        ("Waiting for your review", report.queued),
        ("Job mail with nothing new", report.skipped),
        ("Already imported", report.duplicates),
        ("Not about your job search", report.not_job),
        ("Could not be read", len(report.problems)),
    ]
    table = Table(box=None, header_style="bold", title=f"{report.total:,} e-mails read")
    table.add_column("")
    table.add_column("count", justify="right")
    for name, value in lines:
        table.add_row(name, f"{value:,}")
    console.print(table)
    for line in report.problems:
        console.print(f"[yellow]{escape(skipped_line(line))}[/yellow]")
    if report.queued:
        waiting = "1 e-mail needs" if report.queued == 1 else f"{report.queued:,} e-mails need"
        console.print(f"{waiting} a quick look: open Mail review in the app (`bounceback serve`).")
    if report.dated:
        dates = "1 date" if report.dated == 1 else f"{report.dated:,} dates"
        wait = "waits" if report.dated == 1 else "wait"
        console.print(
            f"{dates} read from your mail (an interview, a deadline) {wait} on Today to be "
            "kept: `bounceback today`."
        )


def learned(
    as_json: JsonOption = False,
    forget: Annotated[
        int | None,
        typer.Option("--forget", metavar="ID", help="Forget one e-mail you answered (its ID)."),
    ] = None,
    forget_all: Annotated[
        bool, typer.Option("--forget-all", help="Forget everything learned from you.")
    ] = False,
) -> None:
    """What bounceback learned from your answers in Mail review, and forgetting it.

    Each e-mail you confirmed or corrected is listed with its ID, grouped by sender; the sender rules and label notes follow.

    Example: bounceback learned --forget 12
    """
    from bounceback.errors import UserError
    from bounceback.mailbox import learning, services

    me = owner()
    if forget is not None and forget_all:
        raise UserError("Give either --forget ID or --forget-all, not both.")
    if forget is not None:
        if not learning.forget_example(me, forget):
            raise UserError(
                f"There is no e-mail with ID {forget} among what I learned. "
                "`bounceback learned` lists the IDs."
            )
        console.print(f"Forgotten: e-mail {forget} no longer counts when I read your next ones.")
        return
    if forget_all:
        count = services.forget_all(me)
        console.print(
            "Forgotten: I read your mail afresh now. What is already filed stays where it is."
            if count
            else "There was nothing to forget."
        )
        return
    groups = learning.learned_examples(me)
    rules, labels = services.learned(me), services.learned_labels(me)
    in_words = services.sender_in_words
    if as_json:
        print_json(
            {
                "examples": [
                    {
                        "id": e.pk,
                        "sender": g.sender,
                        "sender_name": g.sender_name,
                        "sender_in_words": in_words(g.sender, g.sender_name),
                        "label": e.label,
                        "proposed": e.proposed,
                        "corrected": e.corrected,
                        "subject": e.message.subject,
                        "learned_at": e.created_at,
                    }
                    for g in groups
                    for e in g.examples
                ],
                "misreadings": [
                    {
                        "sender": g.sender,
                        "sender_in_words": in_words(g.sender, g.sender_name),
                        "label": g.label,
                        "note": note,
                    }
                    for g in groups
                    for note in g.misread_notes
                ],
                "sender_rules": [
                    {
                        "id": r.pk,
                        "sender": r.sender,
                        "sender_in_words": in_words(r.sender),
                        "company": r.company,
                    }
                    for r in rules
                ],
                "label_notes": [
                    {
                        "id": c.pk,
                        "sender": c.sender,
                        "sender_in_words": in_words(c.sender),
                        "was": c.was,
                        "now": c.now,
                    }
                    for c in labels
                ],
            }
        )
        return
    if not (groups or rules or labels):
        console.print(
            "Nothing learned yet. Confirm or correct e-mails in Mail review, and I'll learn "
            "how each sender writes."
        )
        return
    for group in groups:
        console.print(
            f"[bold]{escape(in_words(group.sender, group.sender_name))}[/bold]: "
            f"{group.label_display.lower()}"
        )
        for e in group.examples:
            how = (
                f"corrected from {e.get_proposed_display().lower()}" if e.corrected else "confirmed"
            )
            console.print(f"  {e.pk:>5}  {escape(e.message.subject or '(no subject)')}  ({how})")
        for note in group.misread_notes:
            console.print(f"  {escape(note)}")
    for rule in rules:
        console.print(f"Mail from {escape(in_words(rule.sender))} is about {escape(rule.company)}.")
    for c in labels:
        console.print(
            f"Mail from {escape(in_words(c.sender))} that reads like "
            f"{c.get_was_display().lower()} is asked about (you said {c.get_now_display().lower()})."
        )
    console.print(
        "Forget one: bounceback learned --forget ID; all: bounceback learned --forget-all"
    )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command("triage")(triage)
    app.command("import")(import_)
    app.command("learned")(learned)
