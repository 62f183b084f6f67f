"""Which column holds what: a tracker's preset, the person's ``--map``, or a guess from the
headings (no Django in here). docs/spreadsheet-import.md lists each preset's columns."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from bounceback.errors import UserError

# The fields an application can take from a spreadsheet, with what they mean to a person.
FIELDS: dict[str, str] = {
    "company": "Company",
    "role": "Role",
    "applied_on": "Date applied",
    "status": "Status",
    "status_on": "Date of the latest news",
    "link": "Link to the ad",
    "notes": "Notes",
    "source": "Where you found it",
    "place": "Town or city",
    "salary": "Salary",
}
IGNORE = "ignore"

# Headings people give each field in their own sheets: the guess compares against these.
ALIASES: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization", "firm"),
    "role": (
        "role",
        "position",
        "job title",
        "title",
        "job",
        "job position",
        "role title",
        "vacancy",
        "job role",
    ),
    "applied_on": (
        "date applied",
        "applied on",
        "applied",
        "application date",
        "date",
        "applied date",
        "date of application",
        "date sent",
    ),
    "status": ("status", "stage", "outcome", "result", "progress", "state", "list"),
    "status_on": (
        "last update",
        "last updated",
        "date of last update",
        "updated",
        "response date",
        "date heard back",
        "heard back",
        "status date",
        "outcome date",
        "date rejected",
        "last moved",
    ),
    "link": ("link", "url", "job url", "job link", "posting", "job posting", "ad", "listing"),
    "notes": ("notes", "note", "comments", "comment", "details", "remarks"),
    "source": ("source", "where found", "found on", "found via", "job board", "channel"),
    "place": ("location", "place", "city", "town", "where"),
    "salary": ("salary", "pay", "compensation", "salary range", "wage"),
}
# Closer than this to an alias, a heading is taken to mean that field.
GUESS_AT = 85


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    columns: dict[str, tuple[str, ...]]  # field -> the headings the export uses for it


PRESETS: dict[str, Preset] = {
    "huntr": Preset(
        "huntr",
        "Huntr",
        {
            "company": ("Company", "Employer"),
            "role": ("Job Title", "Title", "Position"),
            "status": ("List", "Stage", "Status"),
            "applied_on": ("Date Applied", "Applied At", "Created At", "Date Added"),
            "status_on": ("Last Moved", "Updated At", "Date Rejected"),
            "link": ("Job URL", "URL", "Job Link"),
            "place": ("Location",),
            "salary": ("Salary",),
            "notes": ("Notes", "Note"),
        },
    ),
    "teal": Preset(
        "teal",
        "Teal",
        {
            "company": ("Company", "Company Name"),
            "role": ("Job Position", "Job Title", "Position"),
            "status": ("Status",),
            "applied_on": ("Date Applied", "Applied Date", "Date Saved"),
            "status_on": ("Last Status Update", "Follow Up Date", "Date Updated"),
            "link": ("Job URL", "Job Link", "URL"),
            "place": ("Location",),
            "salary": ("Salary", "Max. Salary", "Min. Salary"),
            "notes": ("Notes",),
            "source": ("Source", "Found Via"),
        },
    ),
    "template": Preset(
        "template",
        "a typical spreadsheet",
        {
            "company": ("Company", "Company Name", "Employer"),
            "role": ("Role", "Position", "Job Title", "Title"),
            "applied_on": ("Date Applied", "Applied On", "Application Date", "Date"),
            "status": ("Status", "Stage", "Outcome"),
            "status_on": ("Last Update", "Date of Last Update", "Response Date", "Outcome Date"),
            "link": ("Link", "URL", "Job Link", "Job URL"),
            "notes": ("Notes", "Comments"),
            "source": ("Source", "Where Found"),
            "place": ("Location", "City"),
            "salary": ("Salary",),
        },
    ),
}


@dataclass(frozen=True)
class Mapping:
    """Column index -> field, and how each one was decided (for the preview)."""

    fields: dict[int, str]
    how: dict[int, str]  # "preset", "map", "exact", "guess"

    def column(self, field: str) -> int | None:
        return next((i for i, f in self.fields.items() if f == field), None)


def listed(headers: list[str]) -> str:
    """The file's headings for a message: a few, each short, however wild the file."""
    shown = [f"“{h[:40]}”" for h in headers[:12]]
    more = f" and {len(headers) - 12} more" if len(headers) > 12 else ""
    return ", ".join(shown) + more


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def guess(headers: list[str]) -> Mapping:
    """Each field given to the heading most like one of its names (each field once)."""
    scored: list[tuple[float, int, str]] = []
    for index, header in enumerate(headers):
        name = _norm(header)
        if not name:
            continue
        for field, aliases in ALIASES.items():
            best = max(float(fuzz.ratio(name, _norm(a))) for a in aliases)
            if best >= GUESS_AT:
                scored.append((best, index, field))
    fields: dict[int, str] = {}
    how: dict[int, str] = {}
    for score, index, field in sorted(scored, key=lambda s: (-s[0], s[1])):
        if index in fields or field in fields.values():
            continue
        fields[index] = field
        how[index] = "exact" if score == 100 else "guess"
    return Mapping(dict(sorted(fields.items())), how)


def from_preset(name: str, headers: list[str]) -> Mapping:
    """The preset's columns, found by heading (case and spacing set aside)."""
    preset = PRESETS.get(name.strip().lower())
    if preset is None:
        raise UserError(
            f"There is no preset called '{name[:40]}'. Use one of: {', '.join(PRESETS)}."
        )
    by_name = {_norm(h): i for i, h in enumerate(headers)}
    fields: dict[int, str] = {}
    for field, names in preset.columns.items():
        index = next((by_name[_norm(n)] for n in names if _norm(n) in by_name), None)
        if index is not None and index not in fields:
            fields[index] = field
    if "company" not in fields.values():
        wanted = " or ".join(f"“{n}”" for n in preset.columns["company"])
        raise UserError(
            f"This file has no {wanted} column, so it doesn't look like an export from "
            f"{preset.title}. Its columns are: {listed(headers)}. Leave out --preset to let "
            "bounceback guess, or say which column is which with --map."
        )
    return Mapping(dict(sorted(fields.items())), dict.fromkeys(fields, "preset"))


def parse_map(text: str, headers: list[str]) -> dict[int, str]:
    """ "Employer=company,Job=role" as column index -> field ("ignore" drops a column)."""
    chosen: dict[int, str] = {}
    by_name = {_norm(h): i for i, h in enumerate(headers)}
    for pair in (p for p in text.split(",") if p.strip()):
        column, sep, field = pair.rpartition("=")
        column, field = column.strip(), field.strip().lower()
        if not sep or not column:
            raise UserError(
                f'“{pair.strip()[:80]}” isn\'t COLUMN=field. Write it like --map "Employer=company,Job=role".'
            )
        if field not in FIELDS and field != IGNORE:
            raise UserError(
                f"'{field[:40]}' is not a field bounceback knows. Use one of: "
                f"{', '.join(FIELDS)} (or ignore)."
            )
        index = by_name.get(_norm(column))
        if index is None:
            raise UserError(
                f"There is no column called “{column[:80]}”. The columns are: {listed(headers)}."
            )
        chosen[index] = field
    return chosen


def combine(base: Mapping, chosen: dict[int, str]) -> Mapping:
    """The person's choices over the preset or guess: a field named twice moves, never doubles."""
    fields, how = dict(base.fields), dict(base.how)
    for index, field in chosen.items():
        if field != IGNORE:
            for other in [i for i, f in fields.items() if f == field]:
                del fields[other]
                how.pop(other, None)
        fields.pop(index, None)
        how.pop(index, None)
        if field != IGNORE:
            fields[index] = field
            how[index] = "map"
    return Mapping(dict(sorted(fields.items())), how)


def choose(headers: list[str], preset: str = "", map_text: str = "") -> Mapping:
    """The mapping an import uses: preset or guess, then the person's --map on top."""
    base = from_preset(preset, headers) if preset.strip() else guess(headers)
    mapping = combine(base, parse_map(map_text, headers)) if map_text.strip() else base
    if mapping.column("company") is None:
        raise UserError(
            "bounceback can't tell which column holds the company. Its columns are: "
            f'{listed(headers)}. Say which with --map, e.g. --map "{headers[0][:40]}=company".'
        )
    return mapping
