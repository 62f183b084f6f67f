"""What an import would make, row by row, before anything is saved: the preview.

Each row ends in exactly one list: ``to_create``, ``duplicates`` (of an application
already in bounceback or of an earlier line of the file: the same company for certain and
a role alike, the "did I already apply there?" rule) or ``skipped`` with its reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from rapidfuzz import fuzz

from bounceback.applications.models import Application
from bounceback.errors import UserError
from bounceback.lib.companies import compact_key, role_key
from bounceback.lib.days import past_problem, words
from bounceback.lib.fit import parse_money
from bounceback.spreadsheets.columns import FIELDS, Mapping
from bounceback.spreadsheets.dates import (
    DATE_ORDERS,
    AmbiguousOrder,
    MixedOrder,
    infer_order,
    numeric_parts,
    parse_date,
)
from bounceback.spreadsheets.reading import Cell, Row, Sheet
from bounceback.spreadsheets.statuses import Outcome, read_status

# Roles at least this alike (once case and punctuation are folded) are one role.
SAME_ROLE = 92
# Longest text each field keeps (the columns' own limits).
LIMITS = {"company": 200, "role": 200, "source": 120, "place": 120, "link": 500}
STAGE_LABELS = {
    "applied": "Applied",
    "screen": "Screening",
    "interview": "Interview",
    "final": "Final round",
    "offer": "Offer",
}
ENDING_LABELS = {
    "": "",
    "rejected": "Not selected",
    "ghosted": "No reply",
    "withdrawn": "Withdrawn",
    "accepted": "Accepted",
}


class DateOrderNeeded(UserError):
    """Every numeric date in the file reads both ways: the person says which it is."""


@dataclass
class Planned:
    line: int
    company: str
    role: str
    applied_on: date
    applied_on_guessed: bool
    outcome: Outcome
    status_text: str = ""
    status_on: date | None = None
    link: str = ""
    notes: str = ""
    source: str = ""
    place: str = ""
    salary: str = ""

    @property
    def outcome_words(self) -> str:
        stage = STAGE_LABELS[self.outcome.stage]
        ending = ENDING_LABELS[self.outcome.ending]
        return f"{stage}, {ending.lower()}" if ending else stage


@dataclass(frozen=True)
class Duplicate:
    line: int
    company: str
    role: str
    of: str  # the application or line it matches, in words
    application_id: int | None = None


@dataclass(frozen=True)
class Skipped:
    line: int
    what: str  # the row as a person would recognise it
    reason: str


@dataclass
class Plan:
    headers: list[str]
    mapping: Mapping
    date_order: str | None
    to_create: list[Planned] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    blank_lines: int = 0

    @property
    def rejections(self) -> int:
        return sum(1 for p in self.to_create if p.outcome.ending == "rejected")

    def summary(self) -> dict[str, int]:
        return {
            "to_create": len(self.to_create),
            "rejections": self.rejections,
            "duplicates": len(self.duplicates),
            "skipped": len(self.skipped),
            "blank_lines": self.blank_lines,
        }


def _cell(row: Row, mapping: Mapping, name: str) -> Cell:
    index = mapping.column(name)
    return row.get(index) if index is not None else Cell("")


def _date_order(sheet: Sheet, mapping: Mapping, order: str | None) -> str | None:
    if order:
        if order not in DATE_ORDERS:
            raise UserError(
                f"'{order[:20]}' is not a date order. Use dmy (3/11 is 3 Nov) or mdy (11 Mar)."
            )
        return order
    texts = [_cell(r, mapping, f).text for r in sheet.rows for f in ("applied_on", "status_on")]
    try:
        return infer_order(texts)
    except AmbiguousOrder:
        example = next(t for t in texts if _reads_both_ways(t))
        raise DateOrderNeeded(
            f"Every date like “{example}” in this file could be day-first or month-first. "
            "Say which with --date-order dmy (3/11 is 3 November) or --date-order mdy "
            "(3/11 is 11 March)."
        ) from None
    except MixedOrder:
        raise UserError(
            "Some dates in this file put the day first (like 13/11) and others the month "
            "(like 11/13). Correct the odd ones, or choose with --date-order dmy or mdy: the "
            "dates that don't fit it are then listed as skipped."
        ) from None


def _reads_both_ways(text: str) -> bool:
    parts = numeric_parts(text)
    return parts is not None and parts[0] != parts[1]


def _link(cell: Cell) -> str:
    value = (cell.link or cell.text).strip()
    lowered = value.lower()
    ok = lowered.startswith(("http://", "https://")) and " " not in value
    return value if ok and len(value) <= LIMITS["link"] else ""


def _what(company: str, role: str, line: int) -> str:
    shown = " at ".join(x for x in (role[:60], company[:60]) if x)
    return shown or f"line {line}"


class _Existing:
    """The person's applications, by company key, for the duplicate check (one query)."""

    def __init__(self, owner: User) -> None:
        self.in_db: dict[str, list[Application]] = defaultdict(list)
        for app in Application.objects.filter(owner=owner).select_related("company"):
            self.in_db[compact_key(app.company.name)].append(app)

    def match(self, company: str, role: str) -> Application | None:
        return next(
            (a for a in self.in_db.get(compact_key(company), []) if _alike(a.role, role)), None
        )


def _alike(a: str, b: str) -> bool:
    ka, kb = role_key(a), role_key(b)
    return ka == kb or (bool(ka) and bool(kb) and fuzz.ratio(ka, kb) >= SAME_ROLE)


def build_plan(
    owner: User,
    sheet: Sheet,
    mapping: Mapping,
    date_order: str | None = None,
    today: date | None = None,
) -> Plan:
    """The preview: every row sorted into to-create, duplicate or skipped. Saves nothing."""
    today = today or date.today()
    order = _date_order(sheet, mapping, date_order)
    plan = Plan(
        sheet.headers, mapping, order, notes=list(sheet.notes), blank_lines=sheet.blank_lines
    )
    existing = _Existing(owner)
    seen: dict[str, list[Planned]] = defaultdict(list)
    unknown_statuses: Counter[str] = Counter()
    no_date = links_dropped = formulas = 0
    for row in sheet.rows:
        company_cell, role_cell = _cell(row, mapping, "company"), _cell(row, mapping, "role")
        company, role = company_cell.text, role_cell.text
        what = _what(company, role, row.number)
        formulas += sum(1 for c in row.cells if c.formula)

        def skip(reason: str, row: Row = row, what: str = what) -> None:
            plan.skipped.append(Skipped(row.number, what, reason))

        if company_cell.formula:
            skip("The company cell is a formula, not a name.")
            continue
        if not company:
            skip("No company on this line.")
            continue
        too_long = [
            f for f, text in (("company", company), ("role", role)) if len(text) > LIMITS[f]
        ]
        if too_long:
            skip(f"The {too_long[0]} is longer than {LIMITS[too_long[0]]} characters.")
            continue
        status_text = _cell(row, mapping, "status").text
        outcome = read_status(status_text)
        if not outcome.applied:
            skip(f"Not applied yet (“{status_text[:40]}”).")
            continue
        if not outcome.understood:
            unknown_statuses[status_text[:40]] += 1
        applied_cell = _cell(row, mapping, "applied_on")
        applied_on = parse_date(applied_cell.text, order)
        if applied_cell.text and applied_on is None:
            skip(f"“{applied_cell.text[:40]}” isn't a date bounceback can read.")
            continue
        if applied_cell.formula:
            skip("The date applied is a formula, not a day.")
            continue
        if applied_on is not None:
            problem = past_problem(applied_on, "The date applied", today)
            if problem:
                skip(problem)
                continue
        status_on = parse_date(_cell(row, mapping, "status_on").text, order)
        if status_on is not None and (
            past_problem(status_on, today=today) or (applied_on and status_on < applied_on)
        ):
            status_on = None
        guessed = applied_on is None
        if applied_on is None:
            no_date += 1
            applied_on = status_on or today
        link_cell = _cell(row, mapping, "link")
        link = _link(link_cell)
        if (link_cell.link or link_cell.text) and not link:
            links_dropped += 1
        salary = _cell(row, mapping, "salary").text
        notes = _cell(row, mapping, "notes").text
        if salary and (
            parse_money(salary)[0] is None or (parse_money(salary)[0] or 0) > 10_000_000
        ):
            notes = "\n".join(x for x in (notes, f"Salary: {salary[:200]}") if x)
            salary = ""
        planned = Planned(
            line=row.number,
            company=company,
            role=role,
            applied_on=applied_on,
            applied_on_guessed=guessed,
            outcome=outcome,
            status_text=status_text,
            status_on=status_on,
            link=link,
            notes=notes,
            source=_cell(row, mapping, "source").text[: LIMITS["source"]],
            place=_cell(row, mapping, "place").text[: LIMITS["place"]],
            salary=salary,
        )
        same = existing.match(company, role)
        if same is not None:
            plan.duplicates.append(
                Duplicate(
                    row.number,
                    company,
                    role,
                    f"Already in bounceback: {same.role_or_placeholder} at {same.company.name}, "
                    f"applied {words(same.applied_on)} (id {same.pk})",
                    same.pk,
                )
            )
            continue
        key = compact_key(company)
        earlier = next((p for p in seen[key] if _alike(p.role, role)), None)
        if earlier is not None:
            plan.duplicates.append(
                Duplicate(row.number, company, role, f"Same as line {earlier.line} of this file")
            )
            continue
        seen[key].append(planned)
        plan.to_create.append(planned)
    _explain(plan, unknown_statuses, no_date, links_dropped, formulas)
    return plan


def _explain(
    plan: Plan, unknown: Counter[str], no_date: int, links_dropped: int, formulas: int
) -> None:
    """The notes under the preview: what was decided for the person, said once each."""
    guessed = [i for i, how in plan.mapping.how.items() if how == "guess"]
    if guessed:
        pairs = ", ".join(
            f"“{plan.headers[i]}” as {FIELDS[plan.mapping.fields[i]].lower()}" for i in guessed
        )
        plan.notes.append(f"Columns read by their likeness to usual headings: {pairs}.")
    if plan.date_order:
        way = (
            "day first (3/11 is 3 November)"
            if plan.date_order == "dmy"
            else "month first (3/11 is 11 March)"
        )
        plan.notes.append(f"Dates with numbers only are read {way}.")
    for text, count in unknown.most_common(10):
        rows = "row" if count == 1 else "rows"
        plan.notes.append(
            f"“{text}” ({count} {rows}) isn't a status bounceback knows: brought in as Applied."
        )
    if no_date:
        plan.notes.append(
            f"{no_date} {'row has' if no_date == 1 else 'rows have'} no date applied: the day of the "
            "latest news, or today, stands in, marked as a guess (`bounceback list --guessed`)."
        )
    if links_dropped:
        one = links_dropped == 1
        plan.notes.append(
            f"{links_dropped} {'link was' if one else 'links were'} not a web address (http or "
            f"https) and {'was' if one else 'were'} left out."
        )
    if formulas:
        plan.notes.append(
            f"{formulas} {'cell holds a formula' if formulas == 1 else 'cells hold formulas'} "
            f"bounceback can't work out, read as {'empty' if formulas == 1 else 'empty cells'}."
        )
    if plan.blank_lines:
        plan.notes.append(
            f"{plan.blank_lines} blank {'line was' if plan.blank_lines == 1 else 'lines were'} passed over."
        )
