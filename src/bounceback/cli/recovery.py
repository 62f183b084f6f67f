"""`bounceback reject / feedback`: the recovery flow from the terminal.

The commands parse options, call the same service functions as the web flow, and print.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from bounceback.cli.common import console, owner, parse_day, print_json, read_text_arg

if TYPE_CHECKING:
    from bounceback.recovery.models import Rejection

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print what was saved as JSON, for scripts.")
]
ToneOption = Annotated[
    str, typer.Option("--tone", help="Tone of the drafts: brief, warm or formal.")
]


def _interactive(no_input: bool, reads_stdin: bool) -> bool:
    """Ask questions only when a person is at the keyboard (never block a script or a pipe)."""
    return not no_input and not reads_stdin and sys.stdin.isatty()


def _action_dict(action: Any) -> dict[str, Any]:
    from bounceback.recovery.today import action_dict

    return action_dict(action)


def _rejection_dict(rejection: Any) -> dict[str, Any]:
    return {
        "id": rejection.pk,
        "received_on": rejection.received_on,
        "stage_reached": rejection.stage_reached,
        "has_feedback": rejection.has_feedback,
        "feedback_enough": rejection.feedback_enough,
        "reapply_invite": rejection.reapply_invite,
        "filed_from_mail": rejection.filed_from_mail,
        "confirmed": rejection.confirmed,
        "outside_control": rejection.outside_control,
        "contact": rejection.contact.name if rejection.contact else None,
        "contact_email": (rejection.contact.email or None) if rejection.contact else None,
    }


def _day(day: Any) -> str:
    """'Wed 3 Dec', with the year when it isn't this year."""
    from bounceback.recovery.templatetags.recovery_dates import day_words

    return day_words(day)


def _candidates_text(candidates: Any) -> str:
    return "; ".join(f"{a.pk}: {a} (applied {a.applied_on:%Y-%m-%d})" for a in candidates)


def reject(
    email: Annotated[
        str | None,
        typer.Option(
            "--email", help="The rejection e-mail: a file path, or - to read standard input."
        ),
    ] = None,
    company: Annotated[
        str, typer.Option(help="The company (overrides what the e-mail says).")
    ] = "",
    role: Annotated[str, typer.Option(help="The role (overrides what the e-mail says).")] = "",
    stage: Annotated[
        str,
        typer.Option(help="How far you got: application, screen, interview, final or unknown."),
    ] = "",
    on: Annotated[
        str | None, typer.Option("--on", help="When you heard (YYYY-MM-DD). Default: today.")
    ] = None,
    applied_on: Annotated[
        str | None,
        typer.Option(
            "--applied-on",
            help="For a new application: when you applied (YYYY-MM-DD). Without it, the day "
            "you heard stands in, marked as a guess.",
        ),
    ] = None,
    contact: Annotated[str, typer.Option(help="Who wrote to you, e.g. 'Priya Raman'.")] = "",
    contact_email: Annotated[
        str, typer.Option("--contact-email", help="Their e-mail address, for the drafts.")
    ] = "",
    feedback: Annotated[
        bool | None,
        typer.Option(
            "--feedback/--no-feedback",
            help="The e-mail says something specific about how you were judged (default: as read); a feedback request is still drafted unless --enough.",
        ),
    ] = None,
    enough: Annotated[
        bool | None,
        typer.Option(
            "--enough/--ask-for-feedback",
            help="What they told you is enough: no feedback request is drafted (default: one is).",
        ),
    ] = None,
    reapply: Annotated[
        bool | None,
        typer.Option(
            "--reapply/--no-reapply", help="They invite you to apply again (default: as read)."
        ),
    ] = None,
    outside_control: Annotated[
        bool | None,
        typer.Option(
            "--outside-control/--no-outside-control",
            help="The role was put on hold or closed: no feedback request (default: as read).",
        ),
    ] = None,
    app_id: Annotated[
        int | None, typer.Option("--app", help="The application id (see `bounceback list`).")
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Save it as a new application, even if one looks similar.")
    ] = False,
    anyway: Annotated[
        bool,
        typer.Option("--anyway", help="Save it even if the e-mail doesn't read like a rejection."),
    ] = False,
    keep_steps: Annotated[
        bool, typer.Option("--keep-steps", help="Keep every suggested next step without asking.")
    ] = False,
    tone: ToneOption = "warm",
    drafts_dir: Annotated[
        Path | None,
        typer.Option("--drafts-dir", help="Write the drafts as text files into this folder."),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing: for scripts.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Record a rejection, reflect on it, and leave with drafts and dated next steps.

    With --email, the e-mail's own Date: is the day you heard (unless --on says otherwise) and a person's From: address addresses the drafts. How far you got starts from the further of what the e-mail says and what your timeline shows.

    On an application that already has a rejection, --app ID with any of --stage, --on, --contact, --contact-email, --role, --feedback, --enough, --reapply or --outside-control corrects it (the timeline and wins follow, nothing is duplicated); --app ID alone picks up its flow.

    Example: bounceback reject --email rejection.eml --tone brief
    Example: bounceback reject --company Acme --role "Data Analyst" --stage interview --no-input --json
    Example: bounceback reject --app 12 --stage interview --on 2026-11-20
    """
    from bounceback.applications.serializers import application_dict
    from bounceback.errors import UserError
    from bounceback.recovery import actions, capture, drafts, services
    from bounceback.recovery.models import ActionStatus, StageReached
    from bounceback.recovery.reading import read_pasted
    from bounceback.recovery.wins import stage_win

    drafts.check_tone(tone)
    if stage and stage not in StageReached.values:
        raise UserError(f"'{stage}' is not a stage. Use one of: {', '.join(StageReached.values)}.")
    received_on = parse_day(on)
    me = owner()
    corrections = {
        "received_on": received_on,
        "stage_reached": stage or None,
        "has_feedback": feedback,
        "feedback_enough": enough,
        "reapply_invite": reapply,
        "outside_control": outside_control,
        "contact_name": contact or None,
        "contact_email": contact_email or None,
    }
    if app_id is not None and (any(v is not None for v in corrections.values()) or role):
        existing = services.rejection_to_continue(me, app_id)
        if existing is not None:
            if email is not None:
                raise UserError(
                    f"A rejection is already recorded for application {app_id}; its e-mail is kept. "
                    "To correct it, give only what changes: --stage, --on, --contact, --contact-email, "
                    "--role, --feedback, --reapply or --outside-control. Nothing was changed."
                )
            _correct(existing, corrections, role, as_json)
            return
    text = ""
    if email is not None:
        text = read_text_arg(email, "rejection e-mail")
        if not text.strip():
            raise UserError(
                "The e-mail is empty. Check the file, or use --company and --role to describe what happened. "
                "Nothing was saved."
            )
    guess = read_pasted(text)
    if guess.not_a_rejection and not anyway:
        raise UserError(
            f"This reads like {guess.not_a_rejection}, not a rejection. Nothing was saved. "
            "To add it to the timeline instead, use `bounceback stage ID interview` (or offer, …); "
            "if it really is a rejection, run again with --anyway."
        )
    interactive = _interactive(no_input, email == "-")
    data = capture.CaptureInput(
        text=text,
        company=company or guess.company,
        role=role or guess.role,
        contact_name=contact or guess.contact_name,
        contact_email=contact_email or (guess.contact_email if not contact else ""),
        stage=stage or guess.stage,
        stage_is_guess=not stage,
        received_on=received_on or guess.heard_on,
        has_feedback=guess.has_feedback if feedback is None else feedback,
        feedback_enough=bool(enough),
        reapply_invite=guess.reapply_invite if reapply is None else reapply,
        outside_control=guess.outside_control if outside_control is None else outside_control,
        application_id=app_id,
        create_new=new,
        rename_role=bool(role.strip()) and app_id is not None,
        applied_on=parse_day(applied_on),
    )
    if not data.company.strip() and app_id is None:
        raise UserError(
            "Which company was it? Use --company NAME, or --app ID for an application you already have."
        )
    # A rejection already filed (say, by `bounceback import`) is picked up where it is,
    # so mail that was never typed in still gets its reflection, drafts and steps.
    picked_up = (
        services.rejection_to_continue(me, app_id)
        if app_id is not None and not text and not stage
        else None
    )
    rejection = picked_up or _capture(me, data, interactive)
    application = rejection.application
    if not as_json:
        console.print(
            f"Picking up the rejection from {escape(application.company.name)} you already have "
            f"(heard {_day(rejection.received_on)})."
            if picked_up is not None
            else f"Saved: not selected for [bold]{escape(str(application))}[/bold] "
            f"(application {application.pk}), heard {_day(rejection.received_on)}."
        )
        said = guess.stage if not stage else StageReached.UNKNOWN
        if picked_up is None and said not in (StageReached.UNKNOWN, rejection.stage_reached):
            console.print(
                f"The e-mail reads like the {StageReached(said).label.lower()} stage, but your "
                f"timeline shows you reached the {rejection.get_stage_reached_display().lower()} "
                f"stage, so bounceback kept that. To change it: "
                f"bounceback reject --app {application.pk} --stage STAGE"
            )
    if interactive:
        _ask_reflection(rejection)
    proposed = actions.propose(rejection)
    for action in proposed:
        if keep_steps or (
            interactive
            and typer.confirm(
                f"Keep this step: {action.title} (by {_day(action.due_on)})?", default=True
            )
        ):
            actions.accept(action)
        elif interactive:
            actions.drop(action)
    ready = drafts.for_rejection(rejection, tone)
    if drafts_dir is not None:
        _write_drafts(drafts_dir, ready)
    win = stage_win(application, rejection.stage_reached)
    if as_json:
        print_json(
            {
                "application": application_dict(application),
                "rejection": _rejection_dict(rejection),
                "win": {"title": win.title, "occurred_on": win.occurred_on} if win else None,
                "drafts": [d.as_dict() for d in ready],
                "actions": [_action_dict(a) for a in rejection.actions.order_by("due_on", "id")],
                "drafts_dir": str(drafts_dir) if drafts_dir else None,
            }
        )
        return
    if win:
        console.print(f"Kept in your wins: {escape(win.title)}.")
    if drafts_dir is None:
        for draft in ready:
            console.rule(escape(draft.title))
            console.print(
                f"Subject: {escape(draft.subject)}\n\n{escape(draft.body)}", soft_wrap=True
            )
    else:
        console.print(f"Drafts written to {escape(str(drafts_dir))}.")
    console.rule("Next steps")
    steps = list(rejection.actions.order_by("due_on", "id"))
    for action in steps:
        console.print(
            f"  {action.pk:>4}  {_day(action.due_on)}  {escape(action.title)}  [dim]({action.get_status_display().lower()})[/dim]"
        )
    if any(a.status == ActionStatus.PROPOSED for a in steps):
        console.print(
            "These are suggestions until you keep them: keep one with `bounceback step ID --keep`, "
            "or all of them next time with --keep-steps."
        )
    console.print("bounceback never sends anything. `bounceback today` shows what is due.")


def _correct(rejection: Any, corrections: dict[str, Any], role: str, as_json: bool) -> None:
    """Correct a rejection already saved; the timeline and wins follow, nothing is duplicated."""
    from bounceback.applications.serializers import application_dict
    from bounceback.recovery import capture, services
    from bounceback.recovery.wins import stage_win

    application = rejection.application
    renamed = bool(role.strip()) and capture.rename_role(application, role)
    services.update_rejection(rejection, **corrections)
    rejection.refresh_from_db()
    application.refresh_from_db()
    win = stage_win(application, rejection.stage_reached)
    if as_json:
        print_json(
            {
                "application": application_dict(application),
                "rejection": _rejection_dict(rejection),
                "win": {"title": win.title, "occurred_on": win.occurred_on} if win else None,
                "corrected": True,
            }
        )
        return
    contact = rejection.contact
    who = f", from {escape(contact.name)}" if contact else ""
    if contact and contact.email:
        who += f" <{escape(contact.email)}>"
    console.print(
        f"Corrected the rejection for [bold]{escape(str(application))}[/bold]: heard "
        f"{_day(rejection.received_on)}, got as far as "
        f"{rejection.get_stage_reached_display().lower()}{who}."
    )
    if renamed:
        console.print(f"The application's role is now “{escape(application.role)}”.")
    if win:
        console.print(f"Kept in your wins: {escape(win.title)}.")


def _capture(me: Any, data: Any, interactive: bool) -> Rejection:
    """Save the rejection; when the application is unclear, ask (or say how to choose)."""
    from bounceback.errors import UserError
    from bounceback.recovery import capture

    try:
        return capture.capture_rejection(me, data)
    except capture.AmbiguousApplication as ambiguous:
        if not interactive:
            raise UserError(
                f"{ambiguous} Candidates: {_candidates_text(ambiguous.candidates)}. "
                "Run again with --app ID, or --new for a new application. Nothing was saved."
            ) from None
        console.print(escape(str(ambiguous)))
        for a in ambiguous.candidates:
            console.print(
                f"  {a.pk}  {escape(a.role)} at {escape(a.company.name)}  (applied {a.applied_on:%Y-%m-%d})"
            )
        choice = typer.prompt("Type the id, or 'new'", default="new")
        data.application_id = int(choice) if choice.strip().isdigit() else None
        data.create_new = data.application_id is None
        return capture.capture_rejection(me, data)


def _ask_reflection(rejection: Any) -> None:
    from bounceback.lib.distress import detect
    from bounceback.recovery.reflection import questions_for, save_answer

    console.print("\nA few questions, if you'd like. Press Enter to skip any of them.")
    for question in questions_for(rejection):
        answer = typer.prompt(question.text, default="", show_default=False)
        control = ""
        if answer.strip() and question.control:
            picked = (
                typer.prompt(
                    "Something you can change (c), or outside your control (o)? Enter to skip",
                    default="",
                    show_default=False,
                )
                .strip()
                .lower()
            )
            control = {"c": "can_change", "o": "outside"}.get(picked[:1], "")
        save_answer(rejection, question.key, answer, control)
        if detect(answer):
            console.print(
                "That sounds heavy. You don't have to carry it alone: the 'Need help now?' page "
                "in the app lists people you can talk to today."
            )


def _write_drafts(folder: Path, ready: list[Any]) -> None:
    from bounceback.errors import UserError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for draft in ready:
            (folder / f"{draft.kind}-{draft.tone}.txt").write_text(
                f"Subject: {draft.subject}\n\n{draft.body}", encoding="utf-8"
            )
    except OSError as error:
        raise UserError(
            f"Could not write the drafts to {folder}: {error.strerror}. "
            "The rejection is saved; the drafts are also in the app."
        ) from None


def feedback(
    application_id: Annotated[
        int, typer.Argument(help="The application id (see `bounceback list`).")
    ],
    text: Annotated[
        str | None,
        typer.Option("--text", help="Their reply: a file path, or - for standard input."),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="When it came (YYYY-MM-DD). Default: today.")
    ] = None,
    asked_again: Annotated[
        bool,
        typer.Option(
            "--asked-again",
            help="Note that you sent the one follow-up question for specifics (once is enough).",
        ),
    ] = False,
    tone: ToneOption = "warm",
    as_json: JsonOption = False,
) -> None:
    """Keep the employer's feedback, apart from your own reflection.

    Example: bounceback feedback 12 --text reply.txt
    Example: bounceback feedback 12 --asked-again
    """
    from bounceback.applications.services import get_application
    from bounceback.errors import UserError
    from bounceback.recovery import drafts
    from bounceback.recovery import feedback as feedback_service

    drafts.check_tone(tone)
    day = parse_day(on)
    application = get_application(owner(), application_id)
    if asked_again and text is None:
        noted = feedback_service.second_ask_sent_for(application)
        if as_json:
            print_json({"id": noted.pk, "application": application.pk, "second_ask_sent": True})
        else:
            console.print(
                "Noted: you asked once for specifics. Whatever comes back, that's enough."
            )
        return
    if text is None:
        raise UserError(
            "Add their reply with --text FILE (or - to paste it), "
            "or use --asked-again after sending the follow-up question."
        )
    saved = feedback_service.record_feedback(
        application, read_text_arg(text, "reply"), received_on=day
    )
    second = None
    if saved.is_generic:
        second = drafts.render(
            "second_ask", tone, application, getattr(application, "rejection", None)
        )
    if as_json:
        print_json(
            {
                "id": saved.pk,
                "application": application.pk,
                "received_on": saved.received_on,
                "is_generic": saved.is_generic,
                "second_ask": second.as_dict() if second else None,
            }
        )
        return
    console.print(f"Saved their feedback on {escape(str(application))}. Kept in your wins.")
    if second:
        console.print(
            "Their reply is fairly general. If you'd like, ask once for one specific point; "
            "after that it's kind to let it go. A draft:"
        )
        console.print(f"Subject: {escape(second.subject)}\n\n{escape(second.body)}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
    app.command()(reject)
    app.command()(feedback)
