"""`bounceback checkin` and `bounceback help-now`: looking after yourself from the terminal.

The note of a check-in is saved as written and never echoed back, logged or put
in an error message; crisis lines are printed (never stored) when it sounds
like someone may be in danger.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.markup import escape

from bounceback.cli.common import console, err_console, owner, print_json


def _at_keyboard() -> bool:
    """Ask questions only when a person is there (never block a script or a pipe)."""
    return sys.stdin.isatty()


def _helplines_dict() -> dict[str, Any]:
    from bounceback.wellbeing.helplines import helplines

    help_ = helplines()
    return {
        "last_verified": help_.last_verified,
        "lines": [
            {"region": line.region, "name": line.name, "how": line.how, "url": line.url}
            for line in help_.lines
        ],
        "emergency": help_.emergency,
    }


def _print_helplines(to: Any = console) -> None:
    data = _helplines_dict()
    for line in data["lines"]:
        to.print(
            f"  [bold]{escape(line['region'])}[/bold]: {escape(line['name'])} — {escape(line['how'])}"
        )
    to.print(f"  {escape(data['emergency'])}")
    to.print(f"[dim]  Numbers last checked {data['last_verified']}.[/dim]")


def _print_support(to: Any) -> None:
    to.print(
        "\nYour check-in is saved, and it stays on this computer. It sounds like things may be "
        "really hard right now. If you're thinking about ending your life or hurting yourself, "
        "please talk to someone today — these lines are free and confidential:"
    )
    _print_helplines(to)
    to.print("A friend, family member or your doctor can help too.\n")


def checkin(
    mood: Annotated[
        str | None, typer.Option("--mood", help="How you feel, 1 (rough) to 5 (really good).")
    ] = None,
    note: Annotated[
        str, typer.Option("--note", help="A private note, just for you (optional).")
    ] = "",
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="A tag such as exercised or saw-friends; repeat for more."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was saved as JSON, for scripts.")
    ] = False,
) -> None:
    """Note how you're feeling today: a mood from 1 to 5, optional tags and a private note.

    Without --mood, asks you at the keyboard. Tags include exercised, saw-friends, slept-well and rest-day (an unknown tag prints the full list). Nothing is shared, and nobody is notified.

    Example: bounceback checkin --mood 3 --tag exercised --note "Long walk helped"
    """
    from bounceback.errors import UserError
    from bounceback.lib.distress import detect
    from bounceback.wellbeing import checkins
    from bounceback.wellbeing.checkin_tags import tag_labels

    tags = list(tag or [])
    if mood is None:
        if not _at_keyboard():
            raise UserError(
                "Give a mood with --mood, a number from 1 (rough) to 5 (really good), "
                'e.g. bounceback checkin --mood 3 --note "tired but ok".'
            )
        mood, tags, note = _ask(tags, note)
    checkins.parse_mood(mood)  # a clear error before anything else happens
    saved = checkins.record(owner(), mood, tags, note)
    distress = detect(saved.note)
    if as_json:
        data: dict[str, Any] = {
            "id": saved.pk,
            "day": saved.day,
            "mood": saved.mood,
            "tags": saved.tags,
            "private": saved.private,
        }
        if distress:
            data["support"] = _helplines_dict()
        print_json(data)
        if distress:
            _print_support(err_console)
        return
    labels = tag_labels()
    tag_text = f" · {', '.join(labels[t] for t in saved.tags)}" if saved.tags else ""
    console.print(
        f"Saved: {saved.mood} ({checkins.MOODS[saved.mood].lower()}){escape(tag_text)}. Thank you for checking in."
    )
    if distress:
        _print_support(console)
    elif checkins.sustained_low_mood(saved.owner):
        console.print(
            "Several of your recent check-ins were low. It might be a good time to talk to "
            "someone — a friend, your doctor or a counsellor. `bounceback help-now` lists "
            "people you can reach today."
        )


def _ask(tags: list[str], note: str) -> tuple[str, list[str], str]:
    from bounceback.wellbeing.checkin_tags import tags as all_tags
    from bounceback.wellbeing.checkins import MOODS

    console.print("How are you feeling? " + "  ".join(f"{k} {v.lower()}" for k, v in MOODS.items()))
    mood = typer.prompt("Mood (1-5)")
    if not tags:
        keys = ", ".join(tag.key for tag in all_tags())
        picked = typer.prompt(
            f"Any tags? ({keys}; comma-separated, Enter to skip)", default="", show_default=False
        )
        tags = [part.strip() for part in picked.split(",") if part.strip()]
    if not note:
        note = typer.prompt("A private note (Enter to skip)", default="", show_default=False)
    return mood, tags, note


def help_now(
    as_json: Annotated[bool, typer.Option("--json", help="Print the lines as JSON.")] = False,
) -> None:
    """Show free, confidential crisis lines: for when things feel like too much.

    Example: bounceback help-now
    """
    if as_json:
        print_json(_helplines_dict())
        return
    console.print(
        "If you are in danger, or thinking about ending your life or hurting yourself, "
        "please reach out to someone right now:"
    )
    _print_helplines()
    console.print(
        "bounceback is a self-help tool for the job search; it is not an emergency service."
    )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command()(checkin)
    app.command("help-now")(help_now)
