"""`bounceback today / step / done`: the daily list from the terminal, the same as the Today page.

The commands read ``recovery.today.today_list`` (what the web page and the dashboard read)
and change steps through ``recovery.actions``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from bounceback.cli.common import console, owner, parse_day, print_json

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print what was saved as JSON, for scripts.")
]


def _day(day: Any) -> str:
    from bounceback.recovery.templatetags.recovery_dates import day_words

    return day_words(day)


def _action_dict(action: Any) -> dict[str, Any]:
    from bounceback.recovery.today import action_dict

    return action_dict(action)


def today(as_json: JsonOption = False) -> None:
    """What is due, dates read from your mail, suggestions waiting, and what is coming up.

    The same list as the Today page. With --json, an object with "due", "events" (dated events read from mail, not kept yet), "suggested", "coming_up", "waiting" and "also" (check-ins, thank-yous, practice and reapplying).

    Example: bounceback today --json
    """
    from bounceback.recovery.today import as_json as today_json
    from bounceback.recovery.today import today_list

    view = today_list(owner())
    if as_json:
        print_json(today_json(view))
        return
    if view.due:
        for action in view.due:
            console.print(f"  {action.pk:>4}  {_when(action)}  {_step_line(action)}")
        console.print(
            "Mark one done with `bounceback done ID`; move or drop one with `bounceback step ID`."
        )
    elif not view.also:
        console.print(
            "Nothing you kept is due today." if not view.empty else "Nothing is due today."
        )
    if view.also:
        console.print("\nAlso today:" if view.due else "For today:")
        for item in view.also:
            why = f" [dim]({escape(item.why)})[/dim]" if item.why else ""
            console.print(f"  · {escape(item.title)}{why}")
        console.print(
            "Drafts and one-click answers are on Today in the app; "
            "`bounceback contacts --due` and `bounceback practice` work here too."
        )
    if view.events:
        console.print("\nRead from your mail, not kept yet:")
        for action in view.events:
            console.print(f"  {action.pk:>4}  {_when(action)}  {_step_line(action)}")
            source = _source(action)
            if source:
                console.print(f"        [dim]{escape(source)}[/dim]")
    if view.suggested:
        console.print("\nSuggested, not kept yet:")
        for action in view.suggested:
            when = f"by {_day(action.due_on)}" if action.due_on else "no date"
            console.print(f"  {action.pk:>4}  {when}  {_step_line(action)}")
    if view.events or view.suggested:
        console.print(
            "Keep one with `bounceback step ID --keep` (or all with `bounceback step all --keep`), "
            "or leave it out with `bounceback step ID --drop`."
        )
    if view.coming_up:
        console.print("\nComing up:")
        for action in view.coming_up:
            console.print(f"  {action.pk:>4}  {_when(action)}  {_step_line(action)}")
    if view.waiting:
        console.print("\nWhen you feel ready, these are waiting for a look:")
        for rejection in view.waiting:
            app = rejection.application
            unchecked = " (read from an e-mail, not checked yet)" if rejection.is_guess else ""
            console.print(
                f"  {escape(str(app))} (heard {_day(rejection.received_on)}){unchecked}: "
                f"bounceback reject --app {app.pk}"
            )


def _when(action: Any) -> str:
    from bounceback.recovery.dated import when_words

    return escape(when_words(action)) if action.due_on else "no date"


def _source(action: Any) -> str:
    from bounceback.recovery.dated import source_words

    source = source_words(action)
    if source and action.evidence:
        source += f": “{action.evidence}”"
    if action.moved_note:
        source += f" ({action.moved_note})"
    return source


def _step_line(action: Any) -> str:
    from bounceback.recovery.models import DATED_KINDS, ActionKind

    # A step for the person themselves (or an event that names its company already) isn't about the company that said no.
    company = action.application.company.name if action.application else ""
    mine = action.kind == ActionKind.SELF_CARE or action.kind in DATED_KINDS
    where = f" · {escape(company)}" if company and not mine else ""
    return f"{escape(action.title)}{where}"


def done(
    action_id: Annotated[int, typer.Argument(help="The step's id, shown by `bounceback today`.")],
    as_json: JsonOption = False,
) -> None:
    """Mark a step done (it is kept as a win).

    Example: bounceback done 42
    """
    from bounceback.recovery import actions

    action = actions.get_action(owner(), action_id)
    win = actions.complete(action)
    if as_json:
        print_json({"action": _action_dict(action), "win": {"title": win.title, "kind": win.kind}})
    else:
        console.print(f"Done: {escape(action.title)}. Kept in your wins.")


def step(
    action_id: Annotated[
        str,
        typer.Argument(
            help="The step's id, shown by `bounceback today` and `reject`; 'all' with --keep "
            "keeps every suggestion waiting."
        ),
    ],
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep a suggested step (or a date read from mail).")
    ] = False,
    drop_it: Annotated[
        bool, typer.Option("--drop", help="Drop it: not for you, or not now.")
    ] = False,
    undo: Annotated[
        bool, typer.Option("--undo", help="Take back a --drop: it is suggested again.")
    ] = False,
    title: Annotated[str | None, typer.Option("--title", help="New wording for the step.")] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", help="A new day (YYYY-MM-DD), or 'none' to leave it undated."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Keep, drop, reword or move one of your next steps.

    Example: bounceback step 42 --due 2026-12-05
    Example: bounceback step 43 --drop
    Example: bounceback step all --keep
    """
    from bounceback.errors import UserError
    from bounceback.recovery import actions
    from bounceback.recovery.today import keep_all

    me = owner()
    if action_id.strip().lower() == "all":
        if not keep or drop_it or undo or title is not None or due is not None:
            raise UserError("'all' works with --keep only: `bounceback step all --keep`.")
        kept = keep_all(me)
        if as_json:
            print_json({"kept": kept})
        else:
            console.print(f"Kept {kept} step{'s' if kept != 1 else ''} on your list.")
        return
    if not action_id.strip().isdigit():
        raise UserError(f"'{action_id}' is not a step id; `bounceback today` shows the ids.")
    undated = due is not None and due.strip().lower() == "none"
    due_on = None if undated else parse_day(due)
    action = actions.get_action(me, action_id)
    if undo:
        action = actions.undo_drop(action, "proposed")
    else:
        action = actions.change(
            action, keep=keep, drop_it=drop_it, title=title, due_on=due_on, undated=undated
        )
    if as_json:
        print_json(_action_dict(action))
        return
    when = f" (by {_when(action)})" if action.due_on else ""
    console.print(f"{escape(action.title)}{when}: {action.get_status_display().lower()}.")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command()(today)
    app.command()(step)
    app.command()(done)
