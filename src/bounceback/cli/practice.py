"""`bounceback practice`: say answers out loud and rate them, one card at a time."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel

from bounceback.cli.common import console, owner, print_json


def practice(
    due: Annotated[
        bool, typer.Option("--due", help="List the cards due now instead of practising.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Practise interview questions out loud; bounceback schedules each one again (FSRS).

    Each card is a question: say your answer out loud, then rate it Again, Hard, Good or Easy (1-4), or q to stop. Questions you stumbled on come first.

    Example: bounceback practice
    Example: bounceback practice --due --json
    """
    from bounceback.practice import deck

    me = owner()
    ready = deck.due(me)
    if due or as_json:
        if as_json:
            print_json([c.as_dict() for c in ready])
            return
        if not ready:
            console.print("Nothing to practise right now.")
        for card in ready:
            console.print(f"  {card.card.pk:>4}  {escape(card.text)}")
        return
    if not ready:
        console.print("Nothing to practise right now. Rest counts too.")
        return
    done = 0
    for left, card in enumerate(ready):
        console.print(Panel(escape(card.text), title=f"{len(ready) - left} to go", expand=False))
        if not _practise_one(card):
            break
        done += 1
    console.print(f"{done} answer{'s' if done != 1 else ''} practised. Well done for showing up.")


def _practise_one(card: Any) -> bool:
    """One card said out loud and rated; False when the person asks to stop."""
    from bounceback.errors import UserError
    from bounceback.practice import deck

    said = typer.prompt(
        "Say it out loud, then press Enter (q to stop)", default="", show_default=False
    )
    if said.strip().lower() == "q":
        return False
    if card.hint:
        console.print(f"[dim]What a good answer covers: {escape(card.hint)}[/dim]")
    while True:
        choice = typer.prompt("How did it go? 1 Again, 2 Hard, 3 Good, 4 Easy (q to stop)")
        if choice.strip().lower() == "q":
            return False
        try:
            deck.rate(card.card, choice)
        except UserError as error:
            console.print(escape(str(error)))
            continue
        return True


def register(app: typer.Typer) -> None:
    app.command()(practice)
