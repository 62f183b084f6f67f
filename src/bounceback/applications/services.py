"""What can be done with applications, shared by the web views, the CLI and the importers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from bounceback.applications.models import (
    Application,
    Company,
    Contact,
    EventKind,
    StageEvent,
    WorkPlace,
)
from bounceback.errors import NotFound, UserError
from bounceback.lib.companies import SIMILAR, alike, company_key, matching, role_key, similarity
from bounceback.lib.days import past_problem
from bounceback.lib.fit import parse_money
from bounceback.lib.hygiene import clip, is_safe_link


def check_sensible(day: date, what: str = "That date") -> None:
    """Refuse a day something happened that makes no sense: in the future, or decades ago."""
    problem = past_problem(day, what)
    if problem:
        raise UserError(problem)


def check_link(link: str) -> None:
    """Refuse a job-ad link that is not a web address (javascript:, data:, file: ...).

    Such a link would run code or open a local file when clicked on the application page.
    """
    if link.strip() and not is_safe_link(link):
        raise UserError(
            f"“{clip(link)}” is not a web address. Give the job ad's link as it starts in your "
            "browser, with http:// or https://, or leave it out."
        )


def get_application(owner: User, pk: int | str) -> Application:
    """The owner's application, or a NotFound that says how to find the right id."""
    if not str(pk).strip().isdigit():
        raise NotFound(f"'{pk}' is not an application id; `bounceback list` shows the ids.")
    try:
        return Application.objects.select_related("company").get(owner=owner, pk=int(pk))
    except (Application.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            f"There is no application with id {pk}. `bounceback list` shows the ids."
        ) from None


@transaction.atomic
def add_application(
    owner: User,
    *,
    company: str,
    role: str,
    applied_on: date | None = None,
    source: str = "",
    link: str = "",
    notes: str = "",
    allow_blank_role: bool = False,
    applied_on_guessed: bool = False,
    salary: str = "",
    place: str = "",
    work_place: str = "",
    sector: str = "",
    referred_by: Contact | None = None,
) -> Application:
    """Create an application and its first timeline entry ("applied").

    ``allow_blank_role`` is for applications found in the mailbox whose e-mail does not
    name the role: it is stored empty (screens say it isn't named), never made up.
    ``applied_on_guessed`` marks an ``applied_on`` that is really the date of a later
    message (a rejection or an invitation seen before the application itself), so
    response times never count it.
    """
    company = company.strip()
    role = role.strip()
    if not company_key(company):
        raise UserError("Please give the company's name.")
    if not role and not allow_blank_role:
        raise UserError("Please give the role you applied for.")
    check_link(link)
    applied_on = applied_on or date.today()
    check_sensible(applied_on, "The application date")
    salary_from, salary_to = read_salary(salary)
    application = Application.objects.create(
        owner=owner,
        company=Company.objects.for_name(owner, company),
        role=role,
        applied_on=applied_on,
        applied_on_guessed=applied_on_guessed,
        source=source.strip(),
        link=link.strip(),
        notes=notes,
        salary_from=salary_from,
        salary_to=salary_to,
        place=place.strip()[:120],
        work_place=checked_work_place(work_place),
        sector=sector.strip()[:120],
        referred_by=referred_by,
    )
    if referred_by is not None:
        referred_by.applications.add(application)
    StageEvent.objects.create(
        owner=owner,
        application=application,
        kind=EventKind.APPLIED,
        occurred_on=applied_on,
        date_guessed=applied_on_guessed,
    )
    return application


def read_salary(text: str) -> tuple[int | None, int | None]:
    """A yearly salary or range as an ad puts it ("£38,000", "35-40k"); refuses what isn't one."""
    if not text.strip():
        return None, None
    low, high = parse_money(text)
    if low is None:
        raise UserError(
            f"“{text.strip()}” doesn't read as a salary. Write a yearly amount or range, "
            "e.g. 38000, £38k or 35-40k."
        )
    if (high or low) > 10_000_000:
        raise UserError("That salary looks too large to be yearly pay. Check the number.")
    return low, high


def checked_work_place(value: str) -> str:
    value = value.strip().lower().replace("-", "_").replace(" ", "_")
    if value and value not in WorkPlace.values:
        raise UserError(
            f"'{value}' is not a way of working bounceback knows. Use on_site, hybrid or remote."
        )
    return value


@transaction.atomic
def confirm_applied_on(application: Application, day: date | None = None) -> Application:
    """The person says the day they applied: the guessed one is right, or it is ``day``.

    The "applied" entry on the timeline moves with it, and from now on the date counts.
    """
    if day is not None and day != application.applied_on:
        check_sensible(day, "The application date")
        first_news = (
            application.events.exclude(kind=EventKind.APPLIED).order_by("occurred_on").first()
        )
        if first_news is not None and day > first_news.occurred_on:
            raise UserError(
                f"That is after the first news on its timeline ({first_news.get_kind_display()}, "
                f"{first_news.occurred_on:%d %b %Y}). Check the date and try again."
            )
        application.applied_on = day
    application.applied_on_guessed = False
    application.save(update_fields=["applied_on", "applied_on_guessed", "updated_at"])
    application.events.filter(kind=EventKind.APPLIED).update(
        occurred_on=application.applied_on, date_guessed=False
    )
    return application


def confirm_all(application: Application, applied_on: date | None = None) -> list[str]:
    """Confirm every guess on an application (the CLI's `confirm`); what was confirmed, in words."""
    done = []
    if application.applied_on_guessed or (
        applied_on is not None and applied_on != application.applied_on
    ):
        confirm_applied_on(application, applied_on)
        done.append(f"applied {application.applied_on.day} {application.applied_on:%b %Y}")
    for event in application.events.filter(date_guessed=True):
        confirm_event_day(event)
        done.append(
            f"{event.get_kind_display().lower()} on {event.occurred_on.day} {event.occurred_on:%b}"
        )
    rejection = getattr(application, "rejection", None)
    if rejection is not None and not rejection.confirmed:
        from bounceback.recovery.services import confirm_rejection  # recovery builds on this

        confirm_rejection(rejection)
        done.append("the “not selected” read from the e-mail")
    return done


def confirm_event_day(event: StageEvent) -> StageEvent:
    """The person says a guessed day on the timeline is right: it counts from now on."""
    if event.kind == EventKind.APPLIED:
        confirm_applied_on(event.application)
        event.refresh_from_db()
        return event
    event.date_guessed = False
    event.save(update_fields=["date_guessed"])
    return event


@transaction.atomic
def record_event(
    application: Application,
    kind: str,
    *,
    occurred_on: date | None = None,
    note: str = "",
    round: int | None = None,
    date_guessed: bool = False,
) -> StageEvent:
    """Add a timeline entry and move the application's stage and status along with it."""
    if kind not in EventKind.values:
        choices = ", ".join(EventKind.values)
        raise UserError(f"'{kind}' is not a step bounceback knows. Use one of: {choices}.")
    occurred_on = occurred_on or date.today()
    check_sensible(occurred_on)
    if occurred_on < application.applied_on:
        raise UserError(
            f"That date is before you applied ({application.applied_on:%d %b %Y}). Check the date and try again."
        )
    if kind == EventKind.INTERVIEW and round is None:
        round = application.events.filter(kind=EventKind.INTERVIEW).count() + 1
    event = StageEvent.objects.create(
        owner=application.owner,
        application=application,
        kind=kind,
        occurred_on=occurred_on,
        note=note,
        round=round,
        date_guessed=date_guessed,
    )
    application.apply_event(event)
    application.save(update_fields=["stage", "status", "updated_at"])
    from bounceback.recovery.wins import record_wins_for_event  # recovery builds on applications

    record_wins_for_event(event)
    return event


def _companies(owner: User) -> dict[int, str]:
    return dict(Company.objects.filter(owner=owner).values_list("pk", "name"))


MAX_SEARCH_CHARS = 200  # the longest company or role name kept


def search(owner: User, text: str) -> QuerySet[Application]:
    """Answer "did I already apply there?": forgiving on company names, plain on roles.

    One matcher for the web search, `list --search` and Mail review's "Look for it": legal
    forms, spacing, joined words and small typos ("nortwind", "lumen cloud") still find it.
    """
    text = text.replace("\x00", "").strip()
    if len(text) > MAX_SEARCH_CHARS:
        # No name is that long, and a long LIKE pattern is work (SQLite refuses it outright).
        raise UserError(
            f"That search is {len(text):,} characters long; a company or role is at most "
            f"{MAX_SEARCH_CHARS}. Search for a few words of it."
        )
    base = Application.objects.filter(owner=owner).select_related("company")
    if not text:
        return base.none()
    found = matching(text, _companies(owner))
    return base.filter(
        Q(role__icontains=text) | Q(company__name__icontains=text) | Q(company__in=found)
    )


def similar_companies(owner: User, name: str) -> list[Company]:
    """Companies whose name is close to ``name`` but not the same: asked about, never merged."""
    ids = alike(name, _companies(owner))
    by_id = Company.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def company_name(owner: User, pk: int) -> str:
    """The name of one of the person's companies (chosen when asked "is it this one?")."""
    try:
        return Company.objects.get(owner=owner, pk=pk).name
    except Company.DoesNotExist:
        raise NotFound("That company isn't in your list any more. Type its name again.") from None


def already_applied(owner: User, company: str, role: str) -> list[Application]:
    """Earlier applications to this company for this role, newest first (forgiving on both)."""
    wanted = role_key(role or "")
    if not company_key(company or "") or not wanted:
        return []
    same_company = Application.objects.filter(
        owner=owner, company__in=Company.objects.same_as(owner, company)
    ).select_related("company")
    return [a for a in same_company.order_by("-applied_on", "-id") if role_key(a.role) == wanted]


def already_applied_hint(earlier: list[Application]) -> str:
    """ "You already applied to Acme for Analyst on 1 Nov 2026", for the newest of ``earlier``."""
    last = earlier[0]
    when = f"{last.applied_on.day} {last.applied_on:%b %Y}"
    times = f" ({len(earlier)} times, most recently" if len(earlier) > 1 else ""
    closing = ")" if times else ""
    return (
        f"You already applied to {last.company.name} for {last.role_or_placeholder}"
        f"{times} on {when}{closing}"
    )


@dataclass(frozen=True)
class Match:
    """The result of looking for the application an e-mail or a paste is about."""

    application: Application | None
    candidates: tuple[Application, ...]  # when not sure: the ones to ask about
    certain: bool


def match_application(owner: User, company: str, role: str | None = None) -> Match:
    """Find the application for a company (and role), forgivingly; say when unsure.

    Certain only when exactly one application fits: the same normalised company and,
    if there are several there, a matching role. A loose fuzzy match is never certain,
    because updating the wrong application is worse than asking.
    """
    key = company_key(company or "")
    if not key:
        return Match(None, (), False)
    same = Company.objects.same_as(owner, company)
    exact = list(
        Application.objects.filter(owner=owner, company__in=same)
        .select_related("company")
        .order_by("-applied_on")
    )
    if exact:
        if role:
            wanted = role_key(role)
            same_role = [a for a in exact if role_key(a.role) == wanted]
            if len(same_role) == 1:
                return Match(same_role[0], tuple(same_role), True)
            if same_role:
                return Match(None, tuple(same_role), False)
        if len(exact) == 1:
            return Match(exact[0], (exact[0],), role is None or not role.strip())
        open_ones = [a for a in exact if a.is_open]
        if len(open_ones) == 1 and not role:
            return Match(open_ones[0], tuple(exact), False)
        return Match(None, tuple(exact), False)
    companies = Company.objects.filter(owner=owner)
    near = [c for c in companies if similarity(c.name, company) >= SIMILAR]
    candidates = tuple(
        Application.objects.filter(owner=owner, company__in=near)
        .select_related("company")
        .order_by("-applied_on")
    )
    return Match(None, candidates, False)


def weeks_in_a_row(owner: User, today: date | None = None) -> int:
    """Full weeks in a row, up to last week, with at least one application sent.

    The week in progress never breaks the count (it is Monday for everyone sometime),
    and it is never shown as a streak to lose: only as momentum kept. Applications whose
    day is a guess don't count: they were sent some other, unknown week.
    """
    from datetime import timedelta

    today = today or date.today()
    this_monday = today - timedelta(days=today.weekday())
    # Distinct days, folded into weeks here: cheaper than SQL week truncation on SQLite.
    days = (
        Application.objects.filter(
            owner=owner,
            applied_on__gte=this_monday - timedelta(weeks=104),
            applied_on__lt=this_monday,
            applied_on_guessed=False,
        )
        .order_by()  # no model ordering, or DISTINCT would see every row
        .values_list("applied_on", flat=True)
        .distinct()
    )
    weeks = {day - timedelta(days=day.weekday()) for day in days}
    count, monday = 0, this_monday - timedelta(weeks=1)
    while monday in weeks:
        count += 1
        monday -= timedelta(weeks=1)
    return count
