"""Sharing with a coach, as plain functions the seeker's and the coach's pages both call.

Every function that shows a seeker's data to a coach starts from an *active* share whose
coach is the person asking (``share_for_coach``), so a revoked share stops working on
the very next request, and a coach never reaches a seeker who did not share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from bounceback.accounts.models import Role
from bounceback.applications.models import Application
from bounceback.coaching.models import (
    PARTS,
    CoachNote,
    ItemKind,
    NoteKind,
    Opening,
    Share,
    SharedItem,
    StepAnswer,
)
from bounceback.errors import NotFound, UserError
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Feedback, Reflection
from bounceback.wellbeing.models import CheckIn, ExerciseEntry


def coaches() -> QuerySet[User]:
    """Everyone a seeker can choose to share with."""
    return User.objects.filter(is_active=True, profile__role=Role.COACH).order_by("username")


def shares_of(seeker: User) -> QuerySet[Share]:
    return Share.objects.filter(seeker=seeker).select_related("coach")


def caseload(coach: User) -> QuerySet[Share]:
    """The seekers who share with this coach now."""
    return Share.objects.active().filter(coach=coach).select_related("seeker", "seeker__profile")


def share_with(seeker: User, coach_id: int, parts: list[str]) -> Share:
    """Start sharing the chosen parts with a coach (or change what an existing share shows)."""
    coach = coaches().filter(pk=coach_id).first()
    if coach is None or coach == seeker:
        raise UserError("Choose one of the coaches in the list.")
    share = Share.objects.active().filter(seeker=seeker, coach=coach).first()
    if share is None:
        try:
            with transaction.atomic():
                share = Share.objects.create(seeker=seeker, coach=coach)
        except IntegrityError:  # two tabs at once: the other one made it
            share = Share.objects.active().get(seeker=seeker, coach=coach)
    return set_parts(share, parts)


def set_parts(share: Share, parts: list[str]) -> Share:
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise UserError("Choose from the parts listed.")
    for key in PARTS:
        setattr(share, key, key in parts)
    share.save(update_fields=list(PARTS))
    return share


def own_share(seeker: User, pk: int) -> Share:
    """One of the seeker's own shares (a revoked one too: its history is theirs to read)."""
    share = Share.objects.filter(seeker=seeker, pk=pk).select_related("coach").first()
    if share is None:
        raise NotFound("There is no such share. It may have been removed.")
    return share


def revoke(share: Share) -> None:
    """Stop sharing at once: the coach's next request finds nothing."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])


def share_for_coach(coach: User, pk: int) -> Share:
    """An active share with this coach; NotFound for anything else (revoked looks the same)."""
    share = Share.objects.active().filter(coach=coach, pk=pk).select_related("seeker").first()
    if share is None:
        raise NotFound("This person no longer shares with you, or never did.")
    return share


def require_part(share: Share, part: str) -> None:
    if not getattr(share, part):
        raise NotFound("This part isn't shared with you.")


# Opening the same page again within this long is one line in the log, not many.
REPEAT_WINDOW = timedelta(minutes=30)


def record_opening(share: Share, what: str) -> None:
    what = what[:250]
    since = timezone.now() - REPEAT_WINDOW
    if not Opening.objects.filter(share=share, what=what, opened_at__gte=since).exists():
        Opening.objects.create(share=share, what=what)


# --- Private words, item by item ---------------------------------------------------------

ITEM_MODELS: dict[str, type[Model]] = {
    ItemKind.REFLECTION: Reflection,
    ItemKind.FEEDBACK: Feedback,
    ItemKind.CHECKIN: CheckIn,
    ItemKind.EXERCISE: ExerciseEntry,
}


@dataclass
class Item:
    """One private piece of writing, as the seeker picks it and the coach reads it."""

    kind: str
    pk: int
    day: date
    title: str
    text: str


def _reflection_item(row: Reflection) -> Item:
    application = row.rejection.application
    return Item(
        ItemKind.REFLECTION,
        row.pk,
        row.rejection.received_on,
        f"{application.company.name}: {row.question}",
        row.answer,
    )


def _feedback_item(row: Feedback) -> Item:
    return Item(
        ItemKind.FEEDBACK,
        row.pk,
        row.received_on,
        f"What {row.application.company.name} said",
        row.text,
    )


def _checkin_item(row: CheckIn) -> Item:
    return Item(ItemKind.CHECKIN, row.pk, row.day, f"Check-in, mood {row.mood} of 5", row.note)


def _exercise_item(row: ExerciseEntry) -> Item:
    text = "\n\n".join(str(value) for value in row.answers.values() if str(value).strip())
    title = f"Exercise: {row.exercise.replace('-', ' ')}"
    return Item(ItemKind.EXERCISE, row.pk, row.updated_at.date(), title, text)


def shareable_items(seeker: User) -> list[Item]:
    """Everything private the seeker could share, newest first, empty writing left out."""
    items = [
        _reflection_item(r)
        for r in Reflection.objects.filter(owner=seeker)
        .exclude(answer="")
        .select_related("rejection__application__company")
    ]
    items += [
        _feedback_item(f)
        for f in Feedback.objects.filter(owner=seeker).select_related("application__company")
    ]
    items += [_checkin_item(c) for c in CheckIn.objects.filter(owner=seeker).exclude(note="")]
    items += [_exercise_item(e) for e in ExerciseEntry.objects.filter(owner=seeker)]
    items = [item for item in items if item.text.strip()]
    return sorted(items, key=lambda item: (item.day, item.kind, item.pk), reverse=True)


def _owned_item(seeker: User, kind: str, pk: int) -> Item:
    model = ITEM_MODELS.get(kind)
    row = model._default_manager.filter(owner=seeker, pk=pk).first() if model else None
    if row is None:
        raise NotFound("That piece of writing isn't yours to share, or was deleted.")
    makers: dict[str, Any] = {
        ItemKind.REFLECTION: _reflection_item,
        ItemKind.FEEDBACK: _feedback_item,
        ItemKind.CHECKIN: _checkin_item,
        ItemKind.EXERCISE: _exercise_item,
    }
    item: Item = makers[kind](row)
    return item


def set_items(share: Share, chosen: list[tuple[str, int]]) -> int:
    """Share exactly these items (kind, id) in this share; the rest stop being shared."""
    if not share.active:
        raise UserError("This share has ended. Start a new one to share again.")
    for kind, pk in chosen:
        _owned_item(share.seeker, kind, pk)  # refuses anything that isn't the seeker's
    wanted = set(chosen)
    with transaction.atomic():
        current = {(i.kind, i.object_id): i for i in share.items.all()}
        for key, item in current.items():
            if key not in wanted:
                item.delete()
        for kind, pk in wanted - set(current):
            SharedItem.objects.create(share=share, kind=kind, object_id=pk)
    return len(wanted)


def shared_items(share: Share) -> list[tuple[SharedItem, Item]]:
    """The items still shared and still there (a deleted reflection simply drops out)."""
    found = []
    for shared in share.items.all():
        try:
            found.append((shared, _owned_item(share.seeker, shared.kind, shared.object_id)))
        except NotFound:
            continue
    return found


def shared_item(share: Share, pk: int) -> Item:
    shared = share.items.filter(pk=pk).first()
    if shared is None:
        raise NotFound("This isn't shared with you.")
    return _owned_item(share.seeker, shared.kind, shared.object_id)


def shared_application(share: Share, pk: int) -> Application:
    require_part(share, "applications")
    found = Application.objects.filter(owner=share.seeker, pk=pk).select_related("company").first()
    if found is None:
        raise NotFound("There is no such application.")
    return found


# --- What the coach says ------------------------------------------------------------------


def add_note(share: Share, kind: str, text: str) -> CoachNote:
    text = text.strip()
    if kind not in NoteKind.values:
        raise UserError("Choose a comment or a suggested step.")
    if not text:
        raise UserError("Write a few words first.")
    if kind == NoteKind.STEP and len(text) > 200:
        raise UserError("Keep a suggested step under 200 characters; add a comment for more.")
    answer = StepAnswer.WAITING if kind == NoteKind.STEP else ""
    return CoachNote.objects.create(share=share, kind=kind, text=text, answer=answer)


def answer_step(seeker: User, pk: int, accept: bool) -> CoachNote:
    """The seeker takes a suggested step into their own steps, or declines it. Theirs to decide."""
    note = (
        CoachNote.objects.filter(share__seeker=seeker, pk=pk, kind=NoteKind.STEP)
        .select_related("share__coach")
        .first()
    )
    if note is None:
        raise NotFound("There is no such suggestion.")
    if note.answer != StepAnswer.WAITING:
        return note
    with transaction.atomic():
        if accept:
            note.action = Action.objects.create(
                owner=seeker,
                title=note.text,
                why="Suggested by your coach.",
                kind=ActionKind.CUSTOM,
                status=ActionStatus.OPEN,
            )
        note.answer = StepAnswer.ACCEPTED if accept else StepAnswer.DECLINED
        note.save(update_fields=["answer", "action"])
    return note
