"""`bounceback export` and `bounceback restore`: take your data with you, and bring it back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from bounceback.cli.common import (
    console,
    ensure_database,
    err_console,
    owner,
    print_json,
    setup_django,
)
from bounceback.errors import UserError
from bounceback.lib.hygiene import clip


def _write_privately(path: Path, content: bytes) -> None:
    """Write the zip readable by its owner only (it holds private words), all or nothing."""
    handle, temporary = tempfile.mkstemp(prefix=".bounceback-export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).chmod(0o600)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _target(out: Path | None, default_name: str) -> Path:
    path = out or Path(default_name)
    shown = clip(path, 120)
    try:
        if path.is_dir():
            path = path / default_name
        if not path.parent.is_dir():
            raise UserError(
                f"There is no folder {clip(path.parent, 120)}. Make it first, or choose another place."
            )
        if path.exists():
            raise UserError(
                f"{shown} already exists. Choose another name (--out), or move the old file away."
            )
    except OSError as error:  # a name longer than the system allows, say
        raise UserError(f"Could not write to {shown}: {error.strerror or error}.") from None
    if path.suffix.lower() != ".zip":
        raise UserError(
            f"The export is a zip file: give --out a name ending in .zip ({clip(path.name, 120)})."
        )
    return path


def export(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the zip (a file name or a folder)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was written as JSON.")
    ] = False,
) -> None:
    """Everything you keep in bounceback, in one zip file to keep or take elsewhere.

    Inside: a documented JSON file and a spreadsheet (CSV) per kind of record, your private notes included.

    Example: bounceback export --out ~/Documents/bounceback.zip
    """
    from bounceback.portability.export import counts, default_file_name, export_data, zip_document
    from bounceback.portability.kinds import in_words

    person = owner()
    path = _target(out, default_file_name())
    data = export_data(person)
    try:
        _write_privately(path, zip_document(data, path.name))
    except OSError as error:
        raise UserError(f"Could not write {path}: {error.strerror or error}.") from None
    written = counts(data)
    if as_json:
        print_json({"file": str(path), "bytes": path.stat().st_size, "records": written})
        return
    console.print(
        f"Saved everything to [bold]{escape(str(path))}[/bold]: {escape(in_words(written))}."
    )
    console.print(
        "It holds your private notes and reflections too: keep it somewhere only you can open."
    )


def restore(
    file: Annotated[Path, typer.Argument(help="The .zip made by `bounceback export`.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Replace what is here without asking.")
    ] = False,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            metavar="EMAIL",
            help="On a hosted install: whose account to restore into (the address they sign "
            "in with).",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was restored as JSON.")
    ] = False,
) -> None:
    """Bring back an export made with `bounceback export`: all of it, or nothing.

    Into an empty data folder it just restores; where there is data already, it says what would be replaced and asks first (or --yes). On a hosted install, --user says whose account: only theirs is touched.

    Example: bounceback restore ~/Documents/bounceback.zip
    Example: bounceback restore sam.zip --user sam@careers.example.org
    """
    from bounceback.portability.export import counts
    from bounceback.portability.kinds import in_words
    from bounceback.portability.restore import current_counts, read_export, replace_with

    person = _restoring_for(user)
    data = read_export(file)
    here = current_counts(person)
    if here and not yes:
        whose = (
            "everything in bounceback now"
            if user is None
            else f"everything {person.username} keeps in bounceback now"
        )
        err_console.print(
            f"This replaces {escape(whose)} ({escape(in_words(here))}) with what "
            f"{escape(file.name)} holds ({escape(in_words(counts(data)))})."
        )
        try:
            agreed = typer.confirm("Replace it?", default=False, err=True)
        except typer.Abort:  # no answer (end of input): a script should say --yes
            raise UserError(
                "Nothing was changed. Add --yes to replace it without asking."
            ) from None
        if not agreed:
            raise UserError("Nothing was changed.")
    report = replace_with(person, data)
    if as_json:
        print_json({"restored": report.restored, "replaced": report.replaced})
        return
    into = "" if user is None else f" into {person.username}'s account"
    console.print(f"Restored {escape(in_words(report.restored))}{escape(into)}.")


def _restoring_for(user: str | None) -> Any:
    """The local person; on a hosted install, the person --user names (and only with it)."""
    if user is None:
        setup_django()
        from django.conf import settings

        if settings.BOUNCEBACK_HOSTED:
            raise UserError(
                "This bounceback is hosted for many people: say whose account to restore "
                "into, e.g. bounceback restore FILE --user sam@example.org. Nothing was changed."
            )
        return owner()
    ensure_database()
    from bounceback.accounts.services import hosted_person

    return hosted_person(user)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("restore")(restore)
