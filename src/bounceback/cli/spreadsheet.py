"""`bounceback import-csv`: bring in the spreadsheet kept before bounceback."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from bounceback.cli.common import console, owner, print_json

if TYPE_CHECKING:
    from bounceback.spreadsheets.plan import Plan

# Rows shown per table in the preview; --json lists them all.
SHOWN = 15


def read_file(path: str) -> bytes:
    """The file's bytes; only a regular file, and never more than an import can take."""
    from bounceback.errors import UserError
    from bounceback.lib.files import check_regular_file
    from bounceback.lib.hygiene import clip
    from bounceback.spreadsheets.reading import MAX_BYTES

    checked = check_regular_file(path, "spreadsheet")  # a pipe would hang, a folder crash
    try:
        with checked.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)  # one byte more: "too big" is said by the reader
    except OSError as error:
        raise UserError(f"Could not read {clip(path, 120)}: {error.strerror}.") from None


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows[:SHOWN]:
        table.add_row(*(escape(cell) for cell in row))
    if len(rows) > SHOWN:
        table.caption = f"…and {len(rows) - SHOWN} more (--json lists them all)"
    return table


def show_preview(plan: Plan) -> None:
    from bounceback.lib.days import words
    from bounceback.spreadsheets.columns import FIELDS

    how_words = {"preset": "preset", "map": "your --map", "exact": "heading", "guess": "guessed"}
    columns = _table(
        "Columns",
        ["Column", "Read as", "Because"],
        [
            [
                plan.headers[i],
                FIELDS[plan.mapping.fields[i]] if i in plan.mapping.fields else "(left out)",
                how_words.get(plan.mapping.how.get(i, ""), ""),
            ]
            for i in range(len(plan.headers))
        ],
    )
    console.print(columns)
    if plan.to_create:
        console.print(
            _table(
                f"To create: {len(plan.to_create)}",
                ["Line", "Company", "Role", "Applied", "Where it got"],
                [
                    [
                        str(p.line),
                        p.company,
                        p.role or "(not named)",
                        words(p.applied_on) + (" (guess)" if p.applied_on_guessed else ""),
                        p.outcome_words,
                    ]
                    for p in plan.to_create
                ],
            )
        )
    if plan.duplicates:
        console.print(
            _table(
                f"Duplicates, left out: {len(plan.duplicates)}",
                ["Line", "Company", "Role", "Matches"],
                [[str(d.line), d.company, d.role, d.of] for d in plan.duplicates],
            )
        )
    if plan.skipped:
        console.print(
            _table(
                f"Skipped: {len(plan.skipped)}",
                ["Line", "Row", "Why"],
                [[str(s.line), s.what, s.reason] for s in plan.skipped],
            )
        )
    for note in plan.notes:
        console.print(f"• {escape(note)}")


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {
        "summary": plan.summary(),
        "date_order": plan.date_order,
        "columns": {plan.headers[i]: f for i, f in plan.mapping.fields.items()},
        "to_create": [
            {
                "line": p.line,
                "company": p.company,
                "role": p.role,
                "applied_on": p.applied_on,
                "applied_on_guessed": p.applied_on_guessed,
                "stage": p.outcome.stage,
                "ending": p.outcome.ending,
                "status_on": p.status_on,
                "link": p.link,
            }
            for p in plan.to_create
        ],
        "duplicates": [
            {
                "line": d.line,
                "company": d.company,
                "role": d.role,
                "matches": d.of,
                "application": d.application_id,
            }
            for d in plan.duplicates
        ],
        "skipped": [{"line": s.line, "row": s.what, "reason": s.reason} for s in plan.skipped],
        "notes": plan.notes,
    }


def import_csv(
    file: Annotated[str, typer.Argument(help="The CSV file your spreadsheet or tracker saved.")],
    map_: Annotated[
        str,
        typer.Option(
            "--map",
            help="Say which column is which: COLUMN=field,... Fields: company, role, applied_on, "
            "status, status_on, link, notes, source, place, salary (or ignore).",
        ),
    ] = "",
    preset: Annotated[
        str, typer.Option(help="The tracker the file came from: huntr, teal or template.")
    ] = "",
    date_order: Annotated[
        str,
        typer.Option(
            "--date-order", help="For dates like 3/11/2026: dmy (3 November) or mdy (11 March)."
        ),
    ] = "",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be made; save nothing.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Bring it in without asking.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the preview (and result) as JSON.")
    ] = False,
) -> None:
    """Bring in the spreadsheet you kept before: a preview first, then your yes.

    Example: bounceback import-csv applications.csv --dry-run
    Example: bounceback import-csv huntr-export.csv --preset huntr --yes
    Example: bounceback import-csv jobs.csv --map "Employer=company,Job=role" --date-order dmy
    """
    from bounceback.errors import UserError
    from bounceback.spreadsheets.services import bring_in, preview

    data = read_file(file)
    me = owner()
    plan = preview(me, data, preset=preset, map_text=map_, date_order=date_order or None)
    report = plan_dict(plan)
    if not as_json:
        show_preview(plan)
    if dry_run or not plan.to_create:
        if as_json:
            print_json(report | {"saved": False})
        else:
            why = "Dry run: nothing was saved." if dry_run else "Nothing new to bring in."
            console.print(why)
        return
    if not yes:
        if as_json or not sys.stdin.isatty():
            raise UserError("Add --yes to bring these in (or --dry-run to only look).")
        if not typer.confirm(f"Bring in {len(plan.to_create)} applications?", default=True):
            console.print("Nothing was saved.")
            return
    result = bring_in(me, plan)
    if as_json:
        print_json(report | {"saved": True})
        return
    rejections = (
        f", {result.rejections} of them with their “not selected” recorded"
        if result.rejections
        else ""
    )
    console.print(
        f"Brought in {result.created} applications{rejections}. `bounceback list` shows them."
    )


def register(app: typer.Typer) -> None:
    app.command("import-csv")(import_csv)
