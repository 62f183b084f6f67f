"""The `bounceback` command line. Each area registers its own commands from its module."""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError  # typer vendors click since 0.29
from typer.core import TyperGroup

from bounceback import __version__
from bounceback.cli.common import fail, setup_django

# One module per area, each with ``register(app)``; listed here so the order of
# `bounceback --help` reads like a day with the app.
COMMAND_MODULES = [
    "bounceback.cli.server",
    "bounceback.cli.hosting",
    "bounceback.cli.applications",
    "bounceback.cli.spreadsheet",
    "bounceback.cli.recovery",
    "bounceback.cli.today",
    "bounceback.cli.calendar",
    "bounceback.cli.mail",
    "bounceback.cli.contacts",
    "bounceback.cli.practice",
    "bounceback.cli.weekly",
    "bounceback.cli.insights",
    "bounceback.cli.wellbeing",
    "bounceback.cli.portability",
    "bounceback.cli.safekeeping",
]


# A usage error is shown in a box with the command's usage above it: keep the message short.
USAGE_MESSAGE = 300


class BouncebackGroup(TyperGroup):
    """Turns a domain error into one clear line and exit code 1, for every command at once."""

    def invoke(self, ctx: Any) -> Any:
        from django.db import DatabaseError

        from bounceback.errors import UserError

        try:
            return super().invoke(ctx)
        except UserError as error:
            raise fail(str(error)) from None
        except UsageError as error:
            # Click quotes the arguments it did not expect; a 100,000-character one would
            # bury the message, so it is cut like every other message.
            if len(error.message) > USAGE_MESSAGE:
                error.message = error.message[: USAGE_MESSAGE - 1] + "…"
            raise
        except DatabaseError as error:
            # Damage SQLite finds deep into a command (a bad page) is named plainly too.
            from bounceback.safekeeping.upgrade import explain

            message = explain(error)
            if message is None:
                raise
            raise fail(message) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # registration order, not alphabetical


app = typer.Typer(
    cls=BouncebackGroup,
    name="bounceback",
    help="Turn a job rejection into your next step. Run `bounceback serve` to open the app.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bounceback {__version__}")
        raise typer.Exit()


# Commands that choose their own data folder before Django starts.
_STARTS_DJANGO_ITSELF = {"demo"}


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn a job rejection into your next step.

    Your data lives in BOUNCEBACK_HOME (or DATABASE_URL for PostgreSQL).
    """
    if ctx.invoked_subcommand not in _STARTS_DJANGO_ITSELF:
        setup_django()


for _name in COMMAND_MODULES:
    import_module(_name).register(app)


def run() -> None:
    app()
