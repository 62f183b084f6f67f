"""A messy spreadsheet of a job search, made to order, with its exact expected counts.

Like the sheets people really keep: dates in six formats, statuses in many words, the same
job twice (with "Ltd" and different case), blank lines, stray spaces, formulas, wishlist
rows, a missing company, a date nobody can read. Seeded, so the counts are fixed; the
bench uses it at 5,000 rows too.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta

_FIRST = [
    "Blue",
    "Red",
    "Green",
    "North",
    "South",
    "East",
    "West",
    "Silver",
    "Golden",
    "Bright",
    "Quiet",
    "Rapid",
    "Clear",
    "Open",
    "Stone",
    "Iron",
    "Cedar",
    "Maple",
    "River",
    "Harbor",
]
_SECOND = [
    "Analytics",
    "Systems",
    "Labs",
    "Works",
    "Health",
    "Energy",
    "Foods",
    "Media",
    "Logistics",
    "Robotics",
    "Bank",
    "Studio",
    "Cloud",
    "Foundry",
    "Partners",
    "Digital",
    "Motors",
    "Insurance",
    "Retail",
    "Games",
]
_ROLES = [
    "Data Analyst",
    "Product Manager",
    "Backend Engineer",
    "UX Researcher",
    "Operations Lead",
    "Marketing Associate",
    "Account Manager",
    "QA Engineer",
]
# Status words, and whether each one records a rejection.
STATUSES = [
    ("Applied", False),
    ("  applied ", False),
    ("Phone screen", False),
    ("Interviewing", False),
    ("2nd interview", False),
    ("Final round", False),
    ("Offer", False),
    ("Rejected", True),
    ("Not selected", True),
    ("rejected after interview", True),
    ("Unsuccessful", True),
    ("No response", False),
    ("Ghosted 👻", False),
    ("Withdrew", False),
    ("", False),
]
HEADERS = ["Company", "Role", "Date Applied", "Status", "Link", "Notes"]
EXISTING_ROLE = "Support Analyst"


@dataclass(frozen=True)
class Sample:
    data: bytes
    rows: int  # lines with something on them, headings aside
    to_create: int
    rejections: int
    duplicates_in_file: int
    duplicates_in_db: int
    skipped: int
    blank_lines: int
    existing: list[str]  # companies to add (with EXISTING_ROLE) before importing


def _date_text(day: date, style: int) -> str:
    if style == 0:
        return day.isoformat()
    if style == 1:
        return f"{day.day}/{day.month}/{day.year}"  # day first; some days are past 12
    if style == 2:
        return f"{day:%b} {day.day}, {day.year}"
    if style == 3:
        return f"{day.day} {day:%B %Y}"
    if style == 4:
        return f"{day:%d-%b-%y}"
    return str((day - date(1899, 12, 30)).days)  # an Excel serial number


def messy_sheet(today: date, good: int = 420, seed: int = 7) -> Sample:
    """``good`` new applications (420 makes a 500-row sheet, 4,200 a 5,000-row one), plus
    1 in 10 repeated, 3 in 70 already in bounceback, 1 in 21 that can't be brought in,
    and a blank line every 20 rows."""
    rng = random.Random(seed)
    names = [f"{a} {b}" for a in _FIRST for b in _SECOND]
    rng.shuffle(names)
    companies = [
        names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "")
        for i in range(good)
    ]
    lines: list[list[str]] = []
    first_rows: list[list[str]] = []
    rejections = 0
    for i, company in enumerate(companies):
        day = today - timedelta(days=1 + (i * 7) % 300)
        status, rejected = STATUSES[i % len(STATUSES)]
        rejections += rejected
        link = (
            f'=HYPERLINK("https://jobs.example/{i}","ad")'
            if i % 9 == 0
            else f"https://jobs.example/{i}"
        )
        if i % 25 == 0:
            link = "javascript:alert(1)"
        notes = "=B2&C2" if i % 31 == 0 else ("Met them at a meetup" if i % 4 == 0 else "")
        row = [
            f"  {company} ",
            _ROLES[i % len(_ROLES)],
            _date_text(day, i % 6),
            status,
            link,
            notes,
        ]
        lines.append(row)
        first_rows.append(row)
    duplicates_in_file = good // 10
    for n in range(duplicates_in_file):
        company, role, applied, status, link, notes = first_rows[(n * 37) % good]
        lines.append(
            [company.strip().upper() + " Ltd", role.lower() + "  ", applied, status, link, notes]
        )
    duplicates_in_db = good * 3 // 70
    existing = [f"Longstanding {i}" for i in range(duplicates_in_db)]
    for company in existing:
        lines.append(
            [
                f"{company} Limited",
                EXISTING_ROLE.upper(),
                (today - timedelta(days=3)).isoformat(),
                "Applied",
                "",
                "",
            ]
        )
    skipped_rows = [
        ["", "Data Analyst", today.isoformat(), "Applied", "", "no company"],
        ["Wishful Co", "Designer", "", "Wishlist", "", ""],
        ["Someday Inc", "Designer", "sometime in spring", "Applied", "", ""],
        ["Tomorrow Ltd", "Designer", (today + timedelta(days=30)).isoformat(), "Applied", "", ""],
        ["=CONCAT(A1,B1)", "Designer", today.isoformat(), "Applied", "", ""],
    ]
    skipped = good // 21
    lines += [skipped_rows[i % len(skipped_rows)][:] for i in range(skipped)]
    rng.shuffle(lines)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    blank_lines = 0
    for n, row in enumerate(lines, start=1):
        writer.writerow(row)
        if n % 20 == 0:
            out.write(",,,,,\r\n" if n % 40 else "\r\n")
            blank_lines += 1
    return Sample(
        data=out.getvalue().encode("utf-8"),
        rows=len(lines),
        to_create=good,
        rejections=rejections,
        duplicates_in_file=duplicates_in_file,
        duplicates_in_db=duplicates_in_db,
        skipped=skipped,
        blank_lines=blank_lines,
        existing=existing,
    )
