"""`bounceback calendar`: your next steps as an .ics file, or the address to subscribe to."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from bounceback.cli.common import app_url, console, owner

HostOption = Annotated[
    str,
    typer.Option(
        envvar="BOUNCEBACK_HOST", help="Where `bounceback serve` listens, for the links back."
    ),
]
PortOption = Annotated[
    int, typer.Option(envvar="BOUNCEBACK_PORT", help="The port `bounceback serve` listens on.")
]


def calendar(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the .ics file here instead of standard output."),
    ] = None,
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="Print your private subscribe address instead (made the first time you ask).",
        ),
    ] = False,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8765,
) -> None:
    """Put your next steps in any calendar app: open, dated steps and goals, each on its day.

    Interviews and deadlines read from your mail go in at their time once you keep them (`bounceback step ID --keep`). Only titles and dates go in, never your reflections, check-ins or feedback. Importing the file again updates its events instead of adding copies.

    With --link, a calendar app on this computer can subscribe while `bounceback serve` runs. Anyone with that address can read your step titles; turn it off or make a new one in Settings.

    Example: bounceback calendar --out next-steps.ics
    Example: bounceback calendar --link
    """
    from bounceback.accounts.models import CalendarFeed
    from bounceback.errors import UserError
    from bounceback.recovery import calendar as next_steps

    me = owner()
    base = app_url(host, port)
    if link:
        typer.echo(next_steps.feed_url(CalendarFeed.turn_on(me), base))
        return
    built = next_steps.build(me, base)
    if out is None:
        sys.stdout.buffer.write(built.to_ical())
        sys.stdout.flush()
        return
    if not out.parent.is_dir():
        raise UserError(
            f"There is no folder {out.parent}. Create it first, or choose another place for the file. "
            "Nothing was written."
        )
    try:
        out.write_bytes(built.to_ical())
    except OSError as error:
        raise UserError(f"Could not write {out}: {error.strerror}.") from None
    count = len(built.events)
    if count:
        console.print(
            f"Saved {count} event{'s' if count != 1 else ''} to {escape(str(out))}. "
            "Open it with your calendar app."
        )
    else:
        console.print(
            f"Saved {escape(str(out))}. It has no events yet: a step appears once you keep it and it has a date."
        )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command()(calendar)
