"""How well one job fits the person's own goals, with the reasons in words (no Django here).

A fit judges the job against the goals the person wrote down, never the person. Each goal
is one check: the roles they aim for (any one of them), the sectors (any one), the salary
floor, where they want to work (any one place, or remote), and each thing that matters to
them. A check the job's details can't answer is "not known yet", never a miss: an ad that
doesn't name a salary is not below the floor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Result = Literal["match", "miss", "unknown"]

# Words that carry no meaning when comparing a goal with a job's words.
_FILLER = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "at",
        "for",
        "from",
        "i",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "role",
        "roles",
        "something",
        "somewhere",
        "the",
        "to",
        "with",
        "work",
        "working",
        "job",
        "jobs",
        "near",
        "within",
        "based",
    ]
)
_REMOTE_WORDS = frozenset({"remote", "remotely", "wfh", "home", "anywhere", "distributed"})
_HYBRID_WORDS = frozenset({"hybrid", "flexible"})
_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"(\d[\d,. ]*\d|\d)\s*(k\b|thousand\b)?", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Lower-case words without accents, plurals folded ("analysts" → "analyst")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    found = []
    for word in _WORD.findall(text):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.append(word)
    return found


def meaningful(text: str) -> set[str]:
    return {w for w in words(text) if w not in _FILLER}


def parse_money(text: str) -> tuple[int | None, int | None]:
    """A salary or a range in an ad's words: "£38,000" → (38000, None); "35–40k" → (35000, 40000).

    A bare "k" on the second number of a range applies to both ("35-40k").
    """
    amounts: list[tuple[float, bool]] = []
    for number, thousands in _NUMBER.findall(text or ""):
        digits = number.replace(",", "").replace(" ", "")
        try:
            value = float(digits)
        except ValueError:
            continue
        amounts.append((value, bool(thousands)))
    if not amounts:
        return None, None
    amounts = amounts[:2]
    any_k = any(k for _, k in amounts)
    values = [int(v * 1000) if (k or (any_k and v < 1000)) else int(v) for v, k in amounts]
    if len(values) == 1:
        return values[0], None
    low, high = sorted(values)
    return low, high


def money(amount: int) -> str:
    return f"{amount:,}"


@dataclass(frozen=True)
class Job:
    """What is known about a job, as the person recorded it."""

    role: str = ""
    sector: str = ""
    salary_from: int | None = None
    salary_to: int | None = None
    place: str = ""
    work_place: str = ""  # "on_site", "hybrid", "remote" or "" when the ad didn't say
    notes: str = ""


@dataclass(frozen=True)
class Goals:
    """The person's goals that a job can be held against (milestones are about them, not jobs)."""

    titles: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    salary_floor: int | None = None
    places: tuple[str, ...] = ()
    values: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        groups = [self.titles, self.sectors, self.places]
        return sum(1 for g in groups if g) + (self.salary_floor is not None) + len(self.values)


@dataclass(frozen=True)
class Check:
    goal: str  # "role", "sector", "salary", "place" or "value"
    result: Result
    reason: str  # in words, about the job: "below your salary floor (32,000; yours is 38,000)"

    def as_dict(self) -> dict[str, str]:
        return {"goal": self.goal, "result": self.result, "reason": self.reason}


@dataclass(frozen=True)
class Fit:
    checks: tuple[Check, ...]

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def matched(self) -> int:
        return sum(1 for c in self.checks if c.result == "match")

    @property
    def misses(self) -> list[Check]:
        return [c for c in self.checks if c.result == "miss"]

    @property
    def unknown(self) -> list[Check]:
        return [c for c in self.checks if c.result == "unknown"]

    @property
    def summary(self) -> str:
        """ "Matches 3 of your 4 goals; below your salary floor" — empty without goals."""
        if not self.total:
            return ""
        if self.matched == self.total:
            head = (
                "Matches your goal"
                if self.total == 1
                else f"Matches all {self.total} of your goals"
            )
        else:
            head = (
                f"Matches {self.matched} of your {self.total} goal{'s' if self.total > 1 else ''}"
            )
        parts = [head] + [c.reason.split(" (")[0] for c in self.misses]
        if self.unknown:
            parts.append("not known yet: " + ", ".join(_short(c) for c in self.unknown))
        return "; ".join(parts)

    @property
    def level(self) -> str:
        """A word for styling only: "good", "partial", "low" or "none" (no goals)."""
        if not self.total:
            return "none"
        if not self.misses and self.matched * 2 >= self.total:
            return "good"
        return "partial" if self.matched >= len(self.misses) else "low"

    def as_dict(self) -> dict[str, object]:
        return {
            "summary": self.summary,
            "matched": self.matched,
            "goals": self.total,
            "checks": [c.as_dict() for c in self.checks],
        }


def _short(check: Check) -> str:
    return {"role": "the role", "salary": "salary", "place": "place", "sector": "sector"}.get(
        check.goal, check.reason.removeprefix("no word yet on ")
    )


def _contains_all(goal: str, text: str) -> bool:
    wanted = meaningful(re.sub(r"\([^)]*\)", " ", goal)) or meaningful(goal)
    return bool(wanted) and wanted <= set(words(text))


def check_role(job: Job, titles: tuple[str, ...]) -> Check:
    if not job.role.strip():
        return Check("role", "unknown", "no word yet on the role")
    for title in titles:
        if _contains_all(title, job.role):
            return Check("role", "match", f"a role you aim for ({title})")
    return Check("role", "miss", f"not one of the roles you aim for ({', '.join(titles)})")


def check_sector(job: Job, sectors: tuple[str, ...]) -> Check:
    if not job.sector.strip():
        return Check("sector", "unknown", "no word yet on the sector")
    have = meaningful(job.sector)
    for sector in sectors:
        wanted = meaningful(sector)
        if wanted and (wanted <= have or have <= wanted):
            return Check("sector", "match", f"in a sector you aim for ({sector})")
    return Check("sector", "miss", f"outside the sectors you named ({', '.join(sectors)})")


def check_salary(job: Job, floor: int) -> Check:
    top = job.salary_to or job.salary_from
    if top is None:
        return Check("salary", "unknown", "no word yet on salary")
    if top < floor:
        return Check(
            "salary",
            "miss",
            f"below your salary floor ({money(top)}; your floor is {money(floor)})",
        )
    if job.salary_from is not None and job.salary_from < floor:
        return Check("salary", "match", f"the range reaches your salary floor ({money(floor)})")
    return Check("salary", "match", f"at or above your salary floor ({money(floor)})")


def _place_matches(goal: str, job: Job) -> bool:
    goal_words = set(words(goal))
    if goal_words & _REMOTE_WORDS and job.work_place == "remote":
        return True
    if goal_words & _HYBRID_WORDS and job.work_place in ("hybrid", "remote"):
        return True
    towns = meaningful(goal) - _REMOTE_WORDS - _HYBRID_WORDS - {"office", "site", "city"}
    return bool(towns) and bool(towns & set(words(job.place)))


def check_place(job: Job, places: tuple[str, ...]) -> Check:
    if not job.place.strip() and not job.work_place:
        return Check("place", "unknown", "no word yet on where the work is")
    for place in places:
        if _place_matches(place, job):
            return Check("place", "match", f"where you'd like to work ({place})")
    where = ", ".join(p for p in (job.place.strip(), job.work_place.replace("_", " ")) if p)
    return Check("place", "miss", f"not where you'd like to work ({where})")


def check_value(job: Job, value: str) -> Check:
    # Only the person's own notes and the ad's details can say a value is met; silence
    # about it is not a "no".
    if _contains_all(value, " ".join((job.notes, job.sector, job.role))):
        return Check("value", "match", f"offers something that matters to you ({value})")
    return Check("value", "unknown", f"no word yet on {value.lower()}")


def fit(job: Job, goals: Goals) -> Fit:
    checks: list[Check] = []
    if goals.titles:
        checks.append(check_role(job, goals.titles))
    if goals.sectors:
        checks.append(check_sector(job, goals.sectors))
    if goals.salary_floor is not None:
        checks.append(check_salary(job, goals.salary_floor))
    if goals.places:
        checks.append(check_place(job, goals.places))
    checks += [check_value(job, value) for value in goals.values]
    return Fit(tuple(checks))
