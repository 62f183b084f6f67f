"""Next steps after a rejection: proposing dated actions, and what the person does with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from bounceback.errors import NotFound, UserError
from bounceback.lib.days import future_problem
from bounceback.recovery.drafts import wants_feedback_request
from bounceback.recovery.models import (
    Action,
    ActionKind,
    ActionStatus,
    ControlKind,
    PracticeQuestion,
    Rejection,
    Win,
    WinKind,
)

# Timings, in days after the day the steps are proposed. Why these: a thank-you lands best
# while they still remember you; a week is a polite wait before one follow-up; a few months
# lets a team change before you try again.
THANK_YOU_WITHIN = 1
FEEDBACK_ASK_WITHIN = 1
FEEDBACK_FOLLOW_UP_AFTER = 8
REAPPLY_AFTER = 90
KEEP_IN_TOUCH_AFTER = 30  # a month on, a friendly check-in is welcome rather than pressing
PRACTICE_WITHIN = 3
THEME_STEP_WITHIN = 7
MAX_THEME_PROPOSALS = 2
MAX_PRACTICE_PROPOSALS = 2


@dataclass(frozen=True)
class Proposal:
    kind: str
    title: str
    why: str
    due_in: int
    theme: str = ""


def _proposals(rejection: Rejection) -> list[Proposal]:
    application = rejection.application
    company = application.company.name
    to = rejection.contact.first_name if rejection.contact else company
    found: list[Proposal] = [
        Proposal(
            ActionKind.THANK_YOU,
            f"Send the thank-you note to {to}",
            "A short, gracious note keeps the door open. The draft is ready.",
            THANK_YOU_WITHIN,
        )
    ]
    if rejection.outside_control:
        # The role was put on hold or closed: the door is worth keeping open in case it reopens.
        found.append(
            Proposal(
                ActionKind.KEEP_IN_TOUCH,
                f"Check in with {to} in case the role opens again",
                "The reason lay outside your hands. A friendly note later keeps you in mind; the draft is ready.",
                KEEP_IN_TOUCH_AFTER,
            )
        )
    if wants_feedback_request(rejection):
        found += [
            Proposal(
                ActionKind.FEEDBACK_REQUEST,
                f"Ask {to} for feedback",
                "Framed as wanting to improve; the draft is ready.",
                FEEDBACK_ASK_WITHIN,
            ),
            Proposal(
                ActionKind.FOLLOW_UP,
                f"If {company} hasn't replied about feedback, follow up once",
                "One polite reminder, then let it go.",
                FEEDBACK_FOLLOW_UP_AFTER,
            ),
        ]
    if rejection.reapply_invite:
        found.append(
            Proposal(
                ActionKind.REAPPLY,
                f"Look at the openings at {company} again",
                "They invited you to apply again. A few months on, you can show what has grown.",
                REAPPLY_AFTER,
            )
        )
    stumbled = PracticeQuestion.objects.filter(rejection=rejection).order_by("id")
    for practice in stumbled[:MAX_PRACTICE_PROPOSALS]:
        text = practice.text if len(practice.text) <= 120 else practice.text[:117] + "…"
        found.append(
            Proposal(
                ActionKind.PRACTICE,
                f"Practise out loud: “{text}”",
                "A question that caught you off guard, answered calmly once, is easier next time.",
                PRACTICE_WITHIN,
            )
        )
    found += _from_what_was_learned(rejection)
    found.append(
        Proposal(
            ActionKind.SELF_CARE,
            "Do one kind thing for yourself today",
            "A walk, a call with a friend, an early night. Recovering is part of the work.",
            0,
        )
    )
    return found


def _from_what_was_learned(rejection: Rejection) -> list[Proposal]:
    """Steps from the themes the person confirmed in what they could change and what was said.

    Only confirmed tags (or ones the person added) lead to a step: a suggested theme is a
    guess until they say it fits, and a guess should not set their next week. Answers
    marked "outside my control" and the what-went-well questions teach nothing to act on,
    so they are left out; each theme offers its first suggested step.
    """
    from django.db.models import Q

    from bounceback.insights.tagging import all_themes, counted_tags
    from bounceback.lib.themes import skipped_questions

    skipped = skipped_questions()
    learned = [
        r.pk
        for r in rejection.reflections.order_by("id")
        if r.answer.strip() and r.control != ControlKind.OUTSIDE and r.question_key not in skipped
    ]
    tags = (
        counted_tags(rejection.owner)
        .filter(Q(reflection_id__in=learned) | Q(feedback__application=rejection.application))
        .order_by("id")
    )
    seen = list(dict.fromkeys(tags.values_list("theme", flat=True)))
    if not seen:
        return []
    themes = {t.slug: t for t in all_themes(rejection.owner)}
    steps = []
    for slug in seen:
        theme = themes.get(slug)
        if theme is None or not theme.actions:
            continue
        step = theme.actions[0]
        steps.append(
            Proposal(
                ActionKind.CUSTOM,
                step.title,
                f"{step.why} (From what you noted: {theme.name.lower()}.)",
                THEME_STEP_WITHIN,
                theme=slug,
            )
        )
        if len(steps) == MAX_THEME_PROPOSALS:
            break
    return steps


@transaction.atomic
def propose(rejection: Rejection, today: date | None = None) -> list[Action]:
    """Suggest dated next steps for a rejection, once each (dropped ones are not suggested again)."""
    today = today or date.today()
    for proposal in _proposals(rejection):
        Action.objects.get_or_create(
            owner=rejection.owner,
            rejection=rejection,
            kind=proposal.kind,
            title=proposal.title,
            defaults={
                "application": rejection.application,
                "why": proposal.why,
                "theme": proposal.theme,
                "due_on": today + timedelta(days=proposal.due_in),
                "status": ActionStatus.PROPOSED,
            },
        )
    return list(rejection.actions.order_by("due_on", "id"))


def get_action(owner: User, pk: int | str) -> Action:
    try:
        return Action.objects.select_related("application__company").get(owner=owner, pk=int(pk))
    except (Action.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            f"There is no step with id {pk}. `bounceback today` shows the ids."
        ) from None


def accept(action: Action) -> Action:
    action.status = ActionStatus.OPEN
    action.save(update_fields=["status"])
    return action


def drop(action: Action) -> Action:
    action.status = ActionStatus.DROPPED
    action.save(update_fields=["status"])
    return action


def edit(action: Action, *, title: str, due_on: date | None, at: time | None = None) -> Action:
    """Change the wording, day or time of a step; editing a suggestion also accepts it.

    A dated event keeps its time when only its day moves; a time the person sets is in
    their own zone (the e-mail's zone no longer applies).
    """
    title = " ".join(title.split())
    if not title:
        raise UserError("A step needs a few words saying what it is.")
    if len(title) > 200:
        raise UserError("Please keep the step under 200 characters.")
    if due_on is not None and due_on != action.due_on:
        problem = future_problem(due_on, "That day")
        if problem:
            raise UserError(problem)
    if due_on is None:
        action.starts_at = None
    elif at is not None or action.starts_at is not None:
        local = timezone.localtime(action.starts_at) if action.starts_at else None
        clock = at or (local.timetz().replace(tzinfo=None) if local else None)
        if clock is not None:
            moved = timezone.make_aware(datetime.combine(due_on, clock))
            if moved != action.starts_at:
                action.starts_at, action.zone, action.zone_words = moved, "", ""
    action.title = title
    action.due_on = due_on
    if action.status == ActionStatus.PROPOSED:
        action.status = ActionStatus.OPEN
    action.save(update_fields=["title", "due_on", "status", "starts_at", "zone", "zone_words"])
    return action


def move(action: Action, due_on: date | None) -> Action:
    """Move a step to another day (its time, if it has one, stays)."""
    return edit(action, title=action.title, due_on=due_on)


def undo_drop(action: Action, was: str) -> Action:
    """Take back "Not for me": the step is as it was (a suggestion, or on the list)."""
    if action.status == ActionStatus.DROPPED:
        action.status = ActionStatus.OPEN if was == ActionStatus.OPEN else ActionStatus.PROPOSED
        action.save(update_fields=["status"])
    return action


@transaction.atomic
def complete(action: Action, day: date | None = None) -> Win:
    """Mark a step done and keep it as a win: a step taken on a hard day counts."""
    day = day or date.today()
    if action.status != ActionStatus.DONE:
        action.status = ActionStatus.DONE
        action.done_on = day
        action.save(update_fields=["status", "done_on"])
    win, _ = Win.objects.get_or_create(
        owner=action.owner,
        kind=WinKind.ACTION_DONE,
        title=f"Done: {action.title}"[:200],
        application=action.application,
        automatic=True,
        defaults={"occurred_on": action.done_on or day},
    )
    return win


def due(owner: User, day: date | None = None) -> list[Action]:
    """Open steps due today or earlier, oldest first."""
    return list(
        Action.objects.due_by(owner, day or date.today()).select_related("application__company")
    )


def suggested(owner: User, limit: int = 10) -> list[Action]:
    """Suggested steps nobody has kept or dropped yet, newest rejection first."""
    return list(
        Action.objects.filter(owner=owner, status=ActionStatus.PROPOSED)
        .select_related("application__company")
        .order_by("-rejection__received_on", "due_on", "id")[:limit]
    )


def upcoming(owner: User, day: date | None = None, limit: int = 10) -> list[Action]:
    """Open steps with a later date, so "today" can show what is coming without pressing."""
    day = day or date.today()
    return list(
        Action.objects.filter(owner=owner, status=ActionStatus.OPEN, due_on__gt=day)
        .select_related("application__company")
        .order_by("due_on", "id")[:limit]
    )


def change(
    action: Action,
    *,
    keep: bool = False,
    drop_it: bool = False,
    title: str | None = None,
    due_on: date | None = None,
    undated: bool = False,
) -> Action:
    """One step changed from the command line: kept, dropped, reworded or moved."""
    if keep and drop_it:
        raise UserError("A step can be kept or dropped, not both. Nothing was changed.")
    if not (keep or drop_it or title is not None or due_on or undated):
        raise UserError(
            "Say what to change: --keep, --drop, --title or --due. Nothing was changed."
        )
    if action.status == ActionStatus.DONE:
        raise UserError("That step is already done, and kept in your wins. Nothing was changed.")
    if title is not None or due_on or undated:
        edit(
            action,
            title=action.title if title is None else title,
            due_on=None if undated else (due_on or action.due_on),
        )
    if drop_it:
        return drop(action)
    if keep:
        return accept(action)
    return action
