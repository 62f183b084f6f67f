"""`bounceback contacts`: the people you've met, and who is due a check-in."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from bounceback.cli.common import console, owner, print_json


def _standing_dict(standing: Any, today: Any, with_draft: bool) -> dict[str, Any]:
    from bounceback.contacts.rhythm import rhythm_words
    from bounceback.contacts.services import check_in_draft

    contact = standing.contact
    data: dict[str, Any] = {
        "id": contact.pk,
        "name": contact.name,
        "email": contact.email or None,
        "role": contact.role,
        "company": contact.company.name if contact.company else None,
        "last_in_touch": standing.last_in_touch,
        "rhythm_days": standing.rhythm,
        "rhythm": rhythm_words(standing.rhythm),
        "next_check_in": standing.next_on,
        "due": standing.is_due(today),
    }
    if with_draft:
        data["draft"] = check_in_draft(standing).as_dict()
    return data


def contacts(
    due: Annotated[
        bool, typer.Option("--due", help="Only the people a check-in is due with, with a draft.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """The people you've met: when you were last in touch and when to check in next.

    A rhythm per person (a recruiter every three months, a mentor monthly, an interviewer a few months after it ended) is set on their page in the app.

    Example: bounceback contacts --due --json
    """
    from datetime import date

    from bounceback.contacts import rhythm
    from bounceback.contacts.services import check_in_draft
    from bounceback.recovery.templatetags.recovery_dates import day_words

    today = date.today()
    everyone = rhythm.standings(owner())
    shown = [s for s in everyone if s.is_due(today)] if due else everyone
    if as_json:
        print_json([_standing_dict(s, today, with_draft=due) for s in shown])
        return
    if not shown:
        console.print(
            "No check-ins are due. Everyone has heard from you recently enough."
            if due
            else "No contacts yet. Add people from an application's page in the app."
        )
        return
    if due:
        for standing in shown:
            contact, draft = standing.contact, check_in_draft(standing)
            where = f" ({escape(contact.company.name)})" if contact.company else ""
            console.print(f"[bold]{escape(contact.name)}[/bold]{where} · id {contact.pk}")
            console.print(
                f"Subject: {escape(draft.subject)}\n\n{escape(draft.body)}", soft_wrap=True
            )
        console.print("Once you've been in touch, note it on their page in the app.")
        return
    table = Table(box=None, header_style="bold")
    for column in ("id", "name", "role", "company", "last in touch", "next check-in"):
        table.add_column(column)
    for s in shown:
        next_on = "due now" if s.is_due(today) else (day_words(s.next_on) if s.next_on else "—")
        table.add_row(
            str(s.contact.pk),
            escape(s.contact.name),
            s.contact.get_role_display(),
            escape(s.contact.company.name) if s.contact.company else "",
            day_words(s.last_in_touch) if s.last_in_touch else "—",
            next_on,
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(contacts)
