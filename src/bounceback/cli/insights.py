"""`bounceback insights` and `bounceback report`: what the search is showing, in the terminal or a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bounceback.cli.common import console, err_console, owner, parse_day, print_json


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def insights(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")
    ] = False,
    retag: Annotated[
        bool, typer.Option("--retag", help="Tag all feedback and reflections again first.")
    ] = False,
) -> None:
    """Your funnel, themes, silent applications and an honest forecast.

    Example: bounceback insights --json
    """
    from bounceback.insights import services
    from bounceback.insights.tagging import retag_all
    from bounceback.lib.humanize import plural

    me = owner()
    if retag:
        retag_all(me)
    view = services.overview(me)
    if as_json:
        print_json(services.as_json(view))
        return
    f = view.funnel
    if not f.total:
        console.print("No applications yet. Add one with `bounceback add`, and come back.")
        return
    table = Table(title="How far your applications got", title_justify="left")
    for column in ("Step", "Went on", "Share", "Likely range (80%)"):
        table.add_column(column)
    for step in f.steps:
        table.add_row(
            step.label,
            f"{step.went_on} of {step.decided}",
            _pct(step.rate),
            step.range_text,
        )
    console.print(table)
    console.print(
        f"{plural(f.total, 'application')}, {f.open_count} still open. "
        "Open ones waiting for an answer are left out of each share."
    )
    if view.response.median_days is not None:
        console.print(
            f"Typical wait for a first answer: {plural(round(view.response.median_days), 'day')}, "
            f"over {plural(view.response.answered, 'answered application')}."
        )
    if view.guessed or view.response.left_out:
        console.print(
            f"Left out until you confirm a guessed day: {plural(view.guessed, 'application')} "
            f"from your weekly pace, {plural(view.response.left_out, 'answered application')} "
            "from the wait. `bounceback list --guessed` shows them; `bounceback confirm ID`."
        )
    if view.themes.found:
        themes = Table(
            title="Themes",
            title_justify="left",
            caption="Counted in texts: each piece of feedback or note that mentions it.",
            caption_justify="left",
        )
        for column in ("Theme", "The employer said", "You noted", "Steps done"):
            themes.add_column(column)
        for row in sorted(view.themes.found, key=lambda r: -r.total):
            themes.add_row(
                escape(row.theme.name),
                str(row.employer),
                str(row.self_noted),
                str(row.actions_done),
            )
        console.print(themes)
        if view.themes.small_sample:
            console.print("[dim]Fewer than 5 rejections so far: a hint, not a pattern.[/dim]")
        else:
            for row in sorted(view.themes.found, key=lambda r: -r.total)[:5]:
                console.print(f"  {escape(row.theme.name)}: {escape(row.summary)}")
    if view.themes.waiting:
        console.print(
            f"[dim]{escape(view.themes.waiting_note)} "
            "Look at them on the Themes page of the app.[/dim]"
        )
    if view.silence.count:
        console.print(
            f"\n{plural(view.silence.count, 'open application')} without news for a while; "
            "a follow-up is suggested for recent ones."
        )
        for silent in view.silence.rows[:10]:
            ghost = "  (can be marked as no reply)" if silent.can_mark_ghosted else ""
            console.print(
                f"  {silent.id}: {escape(silent.role)} at {escape(silent.company)}, "
                f"{plural(silent.days, 'day')}{ghost}"
            )
    for opinion in view.second_opinions:
        console.print(f"\n[bold]{escape(opinion.title)}[/bold]: {escape(opinion.because)}")
        console.print(f"  Who could help: {escape(opinion.who)}")
    fc = view.forecast
    console.print()
    if fc.enough and fc.applications:
        weeks = (
            f", about {fc.weeks.middle_weeks} at your recent pace of {view.pace:.1f} "
            "applications a week"
            if fc.weeks
            else ""
        )
        console.print(
            "Looking ahead: in half of the searches simulated from your own numbers, a first "
            f"offer came after {fc.applications.middle_applications} more applications{weeks}. "
            "A range to plan your energy by, not a promise."
        )
    else:
        console.print(f"Looking ahead: {fc.reason}")


def report(
    out: Annotated[
        Path,
        typer.Option("--out", help="Folder to write the report into (it must exist already)."),
    ] = Path(),
    fmt: Annotated[str, typer.Option("--format", help="html, md or both.")] = "both",
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Start of the period (YYYY-MM-DD). Default: your first application."
        ),
    ] = None,
    include_private: Annotated[
        bool,
        typer.Option(
            "--include-private",
            help="Also include your reflection answers and feedback texts. Off by default.",
        ),
    ] = False,
) -> None:
    """Write a retrospective to keep or share with a coach: period, funnel, themes, changes, wins.

    Example: bounceback report --out ~/Documents --format html --since 2026-09-01
    """
    from datetime import date

    from bounceback.errors import UserError
    from bounceback.insights.report import FORMATS, build, write

    if fmt not in FORMATS:
        raise UserError(f"'{fmt}' is not a report format. Use html, md or both.")
    retro = build(
        owner(), since=parse_day(since), today=date.today(), include_private=include_private
    )
    for path in write(retro, out.expanduser(), fmt):
        console.print(f"Wrote {escape(str(path))}")
    if not include_private:
        console.print(
            "[dim]Private notes were left out (add --include-private to keep them in).[/dim]"
        )


# Longer than any reflection answer or employer reply; a whole mailbox piped in by mistake
# gets a message instead of a slow answer.
MAX_THEME_TEXT = 20_000


def themes(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts instead of a list.")
    ] = False,
) -> None:
    """Suggest themes for a text read from standard input, with the words that led to each.

    The same tagger the app uses: the nine built-in themes read by meaning, and your own themes by their words. Nothing is saved.

    Example: echo "I was so nervous I rambled" | bounceback themes --json
    """
    import sys

    from bounceback.errors import UserError
    from bounceback.insights.tagging import tagger_for

    if sys.stdin.isatty():
        err_console.print("[dim]Type or paste the text, then press Ctrl-D.[/dim]")
    text = sys.stdin.read()
    if not text.strip():
        raise UserError(
            "There was no text to read. Pipe one in, e.g. "
            'echo "I was nervous and rambled" | bounceback themes'
        )
    if len(text) > MAX_THEME_TEXT:
        raise UserError(
            f"That text is very long ({len(text):,} characters). Please give one reflection "
            f"answer or one piece of feedback at a time, under {MAX_THEME_TEXT:,} characters."
        )
    tagger = tagger_for(owner())
    names = {t.slug: t.name for t in tagger.themes}
    found = tagger.tag(text)
    if as_json:
        print_json(
            {
                "themes": [
                    {
                        "slug": f.slug,
                        "name": names.get(f.slug, f.slug),
                        "words": list(f.words),
                        # The model's probability for a built-in theme; null for your own,
                        # which are found by their words alone.
                        "probability": f.probability,
                    }
                    for f in found
                ]
            }
        )
        return
    if not found:
        console.print("No theme found in this text.")
        return
    for f in found:
        words = ", ".join(f"“{w}”" for w in f.words)
        console.print(f"[bold]{escape(names.get(f.slug, f.slug))}[/bold]  from {escape(words)}")
    console.print("[dim]Suggestions only: in the app, you confirm the ones that fit.[/dim]")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command("insights")(insights)
    app.command("report")(report)
    app.command("themes")(themes)
