"""`bounceback add / list / show / stage`: the job search from the terminal."""

from __future__ import annotations

import shlex
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from bounceback.cli.common import console, err_console, owner, parse_day, plain, print_json

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")
]


def add(
    company: Annotated[str, typer.Argument(help="The employer, e.g. 'Acme'.")],
    role: Annotated[str, typer.Argument(help="The job title, e.g. 'Data Analyst'.")],
    applied_on: Annotated[
        str | None,
        typer.Option("--applied-on", "--on", help="Date you applied (YYYY-MM-DD). Default: today."),
    ] = None,
    source: Annotated[
        str, typer.Option(help="Where you found it, e.g. 'LinkedIn' or 'referral'.")
    ] = "",
    link: Annotated[str, typer.Option(help="Link to the job ad.")] = "",
    salary: Annotated[
        str, typer.Option(help="Yearly salary or range from the ad, e.g. '35-40k'.")
    ] = "",
    place: Annotated[str, typer.Option(help="Town or city, e.g. 'Leeds'.")] = "",
    work: Annotated[
        str, typer.Option("--work", help="How the work is done: on_site, hybrid or remote.")
    ] = "",
    sector: Annotated[str, typer.Option(help="Sector or industry, e.g. 'public health'.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Add an application (salary, place and sector are optional: they show its fit with your goals).

    Example: bounceback add "Acme" "Data Analyst" --on 2026-11-02 --source LinkedIn
    Example: bounceback add "Ostara" "Product Analyst" --salary 40-45k --work remote --sector energy
    """
    from bounceback.applications.serializers import application_dict
    from bounceback.applications.services import (
        add_application,
        already_applied,
        already_applied_hint,
        similar_companies,
    )

    day = parse_day(applied_on)
    me = owner()
    similar = similar_companies(me, company)
    if similar and not as_json and sys.stdin.isatty():
        # The same question the web asks: two companies are never merged on a guess.
        for candidate in similar:
            if typer.confirm(f"Is “{company}” the company you have as “{candidate.name}”?"):
                company, similar = candidate.name, []
                break
    earlier = already_applied(me, company, role)
    application = add_application(
        me,
        company=company,
        role=role,
        applied_on=day,
        source=source,
        link=link,
        salary=salary,
        place=place,
        work_place=work,
        sector=sector,
    )
    if as_json:
        print_json(_with_fit(application_dict(application, with_events=True), application))
    else:
        console.print(f"Saved [bold]{escape(str(application))}[/bold] (id {application.pk}).")
    # Warnings, not questions: a second application to the same role can be real. On
    # stderr, so --json output stays clean.
    if earlier:
        look = shlex.quote(earlier[0].company.name.lower())
        err_console.print(
            f"[yellow]{escape(already_applied_hint(earlier))} — saved anyway; "
            f"`bounceback list --search {escape(look)}` shows them all.[/yellow]"
        )
    if similar:
        names = ", ".join(f"“{c.name}”" for c in similar)
        err_console.print(
            f"[yellow]{escape(names)} {'is' if len(similar) == 1 else 'are'} close to "
            f"“{escape(application.company.name)}”; saved as a separate company. If it is the "
            "same, edit the application's company in the app.[/yellow]"
        )


def list_(
    status: Annotated[
        str | None,
        typer.Option(help="Only this status: active, offer, rejected, withdrawn, ghosted."),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Company or role to look for.")
    ] = None,
    guessed: Annotated[
        bool, typer.Option("--guessed", help="Only those whose day applied is a guess.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List your applications, newest first. A day applied marked * is a guess.

    Example: bounceback list --search acme
    Example: bounceback list --guessed
    """
    from bounceback.applications.models import Application, Status
    from bounceback.applications.serializers import application_dict
    from bounceback.applications.services import search as search_applications
    from bounceback.errors import UserError
    from bounceback.goals.fit import fits_for

    me = owner()
    applications = (
        search_applications(me, search)
        if search
        else Application.objects.filter(owner=me).select_related("company")
    )
    if status:
        if status not in Status.values:
            raise UserError(f"'{status}' is not a status. Use one of: {', '.join(Status.values)}.")
        applications = applications.filter(status=status)
    if guessed:
        applications = applications.filter(applied_on_guessed=True)
    rows = list(applications)
    if as_json:
        fits = fits_for(me, rows)
        print_json([{**application_dict(a), "fit": fits[a.pk].as_dict()} for a in rows])
        return
    if not rows:
        console.print(
            "No applications found."
            if (search or status or guessed)
            else "No applications yet. Add one with `bounceback add`."
        )
        return
    fits = fits_for(me, rows)
    with_fit = any(f.total for f in fits.values())
    table = Table(box=None, header_style="bold")
    for column in ("id", "role", "company", "applied", "stage", "status"):
        table.add_column(column)
    if with_fit:
        table.add_column("fit")
    for a in rows:
        cells = [
            str(a.pk),
            escape(a.role_or_placeholder),
            escape(a.company.name),
            f"{a.applied_on:%Y-%m-%d}{'*' if a.applied_on_guessed else ''}",
            a.get_stage_display(),
            a.get_status_display(),
        ]
        if with_fit:
            cells.append(f"{fits[a.pk].matched}/{fits[a.pk].total}")
        table.add_row(*cells)
    console.print(table)
    if any(a.applied_on_guessed for a in rows):
        console.print(
            "[dim]* guessed from a later e-mail: left out of your weekly count until you "
            "confirm it with `bounceback confirm ID` (or --on DAY).[/dim]"
        )


def show(
    application_id: Annotated[str, typer.Argument(help="The id shown by `bounceback list`.")],
    as_json: JsonOption = False,
) -> None:
    """Show one application with its timeline.

    Example: bounceback show 12 --json
    """
    from bounceback.applications.serializers import application_dict
    from bounceback.applications.services import get_application
    from bounceback.goals.fit import fit_for

    application = get_application(owner(), application_id)
    if as_json:
        print_json(_with_fit(application_dict(application, with_events=True), application))
        return
    console.print(
        f"[bold]{plain(application.role_or_placeholder)}[/bold] at {plain(application.company.name)}  (id {application.pk})"
    )
    console.print(
        f"{application.get_status_display()} · furthest stage: {application.get_stage_display()}"
    )
    fit = fit_for(application)
    if fit.total:
        console.print(f"Fit with your goals: {escape(fit.summary)}.")
    for event in application.events.all():
        note = f" — {plain(event.note)}" if event.note else ""
        guess = " (day guessed)" if event.date_guessed else ""
        console.print(
            f"  {event.occurred_on:%Y-%m-%d}  {escape(str(event.get_kind_display()))}{guess}{note}"
        )
    rejection = getattr(application, "rejection", None)
    if rejection is not None and rejection.is_guess:
        console.print(
            "The “not selected” was filed from an e-mail without asking you: "
            f"`bounceback confirm {application.pk}` if it is right, "
            f"`bounceback reject --app {application.pk} --stage …` to correct it."
        )
    elif application.applied_on_guessed or application.events.filter(date_guessed=True).exists():
        console.print(
            f"Days marked guessed stay out of your numbers: `bounceback confirm {application.pk}` "
            "if they are right (or --on DAY for the day you applied)."
        )


def stage(
    application_id: Annotated[str, typer.Argument(help="The id shown by `bounceback list`.")],
    kind: Annotated[
        str,
        typer.Argument(
            help="What happened: screen, assessment, interview, final, offer, rejected, withdrawn, ghosted, note."
        ),
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="When (YYYY-MM-DD). Default: today.")
    ] = None,
    note: Annotated[str, typer.Option(help="A short note for the timeline.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Move an application along its timeline.

    For a rejection, use `bounceback reject` so you also get the reflection and drafts.

    Example: bounceback stage 12 interview --on 2026-11-20 --note "with the team lead"
    """
    from bounceback.applications.serializers import application_dict
    from bounceback.applications.services import get_application, record_event
    from bounceback.recovery.services import record_rejection

    day = parse_day(on)
    application = get_application(owner(), application_id)
    if kind == "rejected":
        # Same bookkeeping as the recovery flow: the Rejection row, its timeline entry, any win.
        record_rejection(application, received_on=day, source_text=note)
    else:
        record_event(application, kind, occurred_on=day, note=note)
    application.refresh_from_db()
    if as_json:
        print_json(application_dict(application, with_events=True))
    else:
        console.print(
            f"Noted. {escape(str(application))} is now at {application.get_stage_display()} "
            f"({application.get_status_display().lower()})."
        )


def confirm(
    application_id: Annotated[str, typer.Argument(help="The id shown by `bounceback list`.")],
    on: Annotated[
        str | None,
        typer.Option("--on", help="The day you really applied (YYYY-MM-DD), if not the guess."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Confirm what bounceback guessed on an application, so it counts.

    The day you applied (or the right one with --on), the days on its timeline marked guessed, and a “not selected” filed from an e-mail without asking you.

    Example: bounceback confirm 12
    Example: bounceback confirm 12 --on 2026-11-02
    """
    from bounceback.applications.serializers import application_dict
    from bounceback.applications.services import confirm_all, get_application

    application = get_application(owner(), application_id)
    confirmed = confirm_all(application, parse_day(on))
    application.refresh_from_db()
    if as_json:
        print_json({**application_dict(application, with_events=True), "confirmed": confirmed})
        return
    if not confirmed:
        console.print(f"Nothing on {escape(str(application))} was a guess. It all counts already.")
        return
    console.print(f"Confirmed on {escape(str(application))}: {escape(', '.join(confirmed))}.")


def _with_fit(data: dict[str, Any], application: Any) -> dict[str, Any]:
    """An application's JSON with its fit to the person's goals under ``fit``."""
    from bounceback.goals.fit import fit_for

    return {**data, "fit": fit_for(application).as_dict()}


def register(app: typer.Typer) -> None:
    app.command()(add)
    app.command("list")(list_)
    app.command()(show)
    app.command()(confirm)
    app.command()(stage)
