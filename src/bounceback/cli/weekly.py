"""`bounceback week` and `bounceback targets`: aims for the week, and a look back on it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from bounceback.cli.common import console, owner, print_json


def week(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """This week against your aims, and a look back on the week before: what moved, what's next, one win.

    Example: bounceback week --json
    """
    from datetime import date, timedelta

    from bounceback.weekly import lookback

    me = owner()
    monday = lookback.monday_of(date.today())
    now = lookback.progress(me, monday)
    look = lookback.lookback(me, lookback.showing_now() or monday - timedelta(days=7))
    if as_json:
        print_json({"this_week": {p.key: p.as_dict() for p in now}, "look_back": look.as_dict()})
        return
    console.print("[bold]This week[/bold]")
    for p in now:
        aim = f" of {p.target}" if p.target else ""
        console.print(f"  {p.label}: {p.done}{aim}")
    console.print(f"\n[bold]Looking back on the week of {look.monday:%d %b}[/bold]")
    if look.win:
        console.print(f"  One win: {escape(look.win)}")
    if look.quiet:
        console.print(f"  {look.kind_word}")
    for line in look.moved:
        console.print(f"  · {escape(line)}")
    if look.coming:
        console.print("  Next:")
        for line in look.coming:
            console.print(f"  · {escape(line)}")


def targets(
    applications: Annotated[
        int | None, typer.Option(help="Applications to send in a week (0: a week off).")
    ] = None,
    outreach: Annotated[
        int | None, typer.Option(help="People to get in touch with in a week.")
    ] = None,
    practice: Annotated[
        int | None, typer.Option(help="Answers to practise out loud in a week.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """See or set your weekly aims. Aims, never debts: a short week carries nothing over.

    Example: bounceback targets --applications 4 --outreach 2 --practice 6
    """
    from bounceback.accounts.models import Profile
    from bounceback.weekly import lookback

    me = owner()
    saved = lookback.set_targets(
        me, applications=applications, outreach=outreach, practice=practice
    )
    data = {
        "applications": Profile.for_user(me).weekly_target,
        "outreach": saved.outreach,
        "practice": saved.practice,
    }
    if as_json:
        print_json(data)
        return
    changed = any(v is not None for v in (applications, outreach, practice))
    console.print(
        ("Saved. " if changed else "")
        + f"Each week: {data['applications']} applications, {data['outreach']} people to get "
        f"in touch with, {data['practice']} answers practised."
    )


def register(app: typer.Typer) -> None:
    app.command()(week)
    app.command()(targets)
