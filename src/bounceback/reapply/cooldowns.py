"""Cool-downs after a "no", the dated step when one ends, and the proof to cite when reapplying.

Every rejection starts a cool-down for its company: six months, unless the e-mail named
its own wait ("you may reapply after 12 months") or the person set another. A company's
cool-down is the one from its latest rejection. When it ends, or when the person says a
role has opened there, one "apply again" step appears on their list, dated, with a note
that cites what they have done since on the themes that came up in that rejection.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.errors import NotFound, UserError
from bounceback.reapply.models import DEFAULT_MONTHS, Cooldown, MonthsFrom
from bounceback.recovery.drafts import Draft, fill, recipient, sender_name, template_path
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Rejection

DRAFTS_DIR = Path(__file__).resolve().parent / "drafts"
MAX_MONTHS = 36
MAX_PROOF = 4  # a note cites a few things done, not a CV
# Steps about the person's own growth: what a note to an employer can cite.
GROWTH_KINDS = [ActionKind.PRACTICE, ActionKind.CUSTOM]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Aug → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_in_email(text: str) -> int | None:
    """The wait the rejection e-mail names ("you may reapply after 12 months"), if any."""
    if not text.strip():
        return None  # a rejection typed by hand: no need to run the analyser on nothing
    from bounceback.lib.mail.analysis import analyse_text  # loads the model: only when needed

    months = analyse_text(text).reapply_after_months
    return months if months is not None and 0 < months <= MAX_MONTHS else None


def start(rejection: Rejection) -> Cooldown:
    """The cool-down for a rejection, made the first time it is asked for."""
    existing = Cooldown.objects.filter(rejection=rejection).first()
    if existing is not None:
        return existing
    named = months_in_email(rejection.source_text)
    cooldown, _ = Cooldown.objects.get_or_create(
        rejection=rejection,
        defaults={
            "owner": rejection.owner,
            "months": named or DEFAULT_MONTHS,
            "months_from": MonthsFrom.EMAIL if named else MonthsFrom.USUAL,
        },
    )
    return cooldown


@dataclass(frozen=True)
class Standing:
    """A company's cool-down as the person sees it."""

    cooldown: Cooldown
    ends_on: date

    @property
    def rejection(self) -> Rejection:
        return self.cooldown.rejection

    @property
    def company(self) -> str:
        return self.rejection.application.company.name

    def ended(self, today: date) -> bool:
        return self.ends_on <= today

    @property
    def open_now(self) -> bool:
        """The cool-down ended or a role opened: it is time to think about applying again."""
        return self.cooldown.step_id is not None


def standing(cooldown: Cooldown) -> Standing:
    return Standing(cooldown, add_months(cooldown.rejection.received_on, cooldown.months))


def by_company(owner: User) -> list[Standing]:
    """Each company's current cool-down (from its latest rejection), soonest ending first."""
    rejections = Rejection.objects.filter(owner=owner).select_related(
        "application__company", "cooldown"
    )
    latest: dict[int, Rejection] = {}
    for rejection in rejections.order_by("received_on", "id"):
        latest[rejection.application.company_id] = rejection
    # One query for them all; a cool-down is made only for a rejection that has none yet.
    found = [standing(r.cooldown if hasattr(r, "cooldown") else start(r)) for r in latest.values()]
    return sorted(found, key=lambda s: (s.ends_on, s.company.lower()))


def get_cooldown(owner: User, pk: int | str) -> Cooldown:
    try:
        return Cooldown.objects.select_related("rejection__application__company").get(
            owner=owner, pk=int(pk)
        )
    except (Cooldown.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no cool-down with id {pk}.") from None


def set_months(cooldown: Cooldown, months: int) -> Standing:
    """The person's own wait; an "apply again" step not yet done moves with it."""
    if not 1 <= months <= MAX_MONTHS:
        raise UserError(f"Pick a wait from 1 to {MAX_MONTHS} months.")
    cooldown.months = months
    cooldown.months_from = MonthsFrom.YOU
    cooldown.save(update_fields=["months", "months_from"])
    now = standing(cooldown)
    step = cooldown.step
    if step is not None and step.status == ActionStatus.OPEN and cooldown.reopened_on is None:
        step.due_on = max(now.ends_on, date.today())
        step.save(update_fields=["due_on"])
    return now


@transaction.atomic
def role_reopened(cooldown: Cooldown, today: date | None = None) -> Action:
    """A role has opened at that company: the step comes now, whatever the cool-down says."""
    today = today or date.today()
    cooldown.reopened_on = today
    cooldown.save(update_fields=["reopened_on"])
    step = cooldown.step
    if step is not None and step.status in (ActionStatus.OPEN, ActionStatus.PROPOSED):
        step.due_on = today
        step.save(update_fields=["due_on"])
        return step
    return _make_step(cooldown, today, reopened=True)


def _make_step(cooldown: Cooldown, due_on: date, *, reopened: bool = False) -> Action:
    rejection = cooldown.rejection
    company = rejection.application.company.name
    done = proof(rejection)
    since = f" Since then you've: {'; '.join(done)}." if done else ""
    title = (
        f"A role has opened at {company}: apply again?"
        if reopened
        else f"Apply again at {company}? Your cool-down has ended"
    )
    step = Action.objects.create(
        owner=rejection.owner,
        title=title,
        why=f"It's been a while since their “no” on {rejection.received_on:%d %b %Y}.{since} "
        "The note is drafted, citing what you've done.",
        kind=ActionKind.REAPPLY,
        due_on=due_on,
        status=ActionStatus.OPEN,
        application=rejection.application,
        rejection=rejection,
    )
    cooldown.step = step
    cooldown.save(update_fields=["step"])
    return step


def sync_steps(owner: User, today: date | None = None) -> list[Action]:
    """The "apply again" steps for cool-downs that have ended; each made once, on its day."""
    today = today or date.today()
    made = []
    for now in by_company(owner):
        if now.cooldown.step_id is not None or not now.ended(today):
            continue
        made.append(_make_step(now.cooldown, today))
    return made


def proof(rejection: Rejection) -> list[str]:
    """What the person has done since the "no", on the themes that came up in it first.

    Themes are the ones the person confirmed on that application's feedback and reflection
    (a suggestion counts nowhere until confirmed); when none were done, their other growth
    steps since.
    """
    from bounceback.insights.tagging import counted_tags

    themes = set(
        counted_tags(rejection.owner)
        .filter(application=rejection.application)
        .values_list("theme", flat=True)
    )
    done = Action.objects.filter(
        owner=rejection.owner,
        status=ActionStatus.DONE,
        done_on__gte=rejection.received_on,
        kind__in=GROWTH_KINDS,
    ).order_by("done_on", "id")
    on_theme = [a.title for a in done if a.theme and a.theme in themes]
    chosen = on_theme or [a.title for a in done]
    return list(dict.fromkeys(chosen))[:MAX_PROOF]


def note(rejection: Rejection, tone: str = "warm") -> Draft:
    """The note for applying again, citing what the person has done since (their words)."""
    contact = recipient(rejection.application, rejection)
    done = proof(rejection)
    subject, body = fill(
        template_path("reapply_with_proof", tone, shipped=DRAFTS_DIR),
        {
            "contact_first": contact.first_name if contact else "",
            "contact_name": contact.name if contact else "",
            "company": rejection.application.company.name,
            "role": rejection.application.role or "[the role]",
            "since": [_as_clause(item) for item in done],
            "my_name": sender_name(rejection.owner),
        },
    )
    return Draft(
        "reapply_with_proof",
        tone,
        subject,
        body,
        contact.name if contact else "",
        contact.email if contact else "",
        label="The note for when you apply again",
    )


def _as_clause(title: str) -> str:
    """A step's title as a line of the note: the person's own words, without a closing stop."""
    return title.removeprefix("Done: ").rstrip(".")
