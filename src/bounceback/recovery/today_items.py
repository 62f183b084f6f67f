"""What the momentum areas add to Today: check-ins due, thank-yous, practice, reapplying.

Each area has a ``today.py`` with ``items(owner, today) -> list[TodayItem]``, listed in
AREAS, the way dashboard panels are listed in ``bounceback.dashboard``. Today (the web page,
its dashboard panel and `bounceback today`) asks ``collect`` once and shows what comes back;
it needs to know nothing else about contacts, the deck or cool-downs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.utils.module_loading import import_string

from bounceback.recovery.drafts import Draft

AREAS = [
    "bounceback.reapply.today.items",
    "bounceback.contacts.today.items",
    "bounceback.practice.today.items",
]


@dataclass(frozen=True)
class Button:
    """A one-click answer, sent as a POST form (so it works without JavaScript)."""

    label: str
    url: str
    accessible: str = ""  # a longer name for screen readers when the label is short


@dataclass(frozen=True)
class TodayItem:
    area: str  # "contacts", "practice", "reapply"
    key: str  # stable across days, e.g. "check-in-12"
    title: str
    why: str = ""
    url: str = ""  # where to act on it
    link: str = ""  # words for that link
    draft: Draft | None = None
    buttons: tuple[Button, ...] = field(default_factory=tuple)

    @property
    def kind(self) -> str:
        """ "check_in", "thank_you", "practice": the key without its id."""
        head, _, tail = self.key.rpartition("-")
        return (head if tail.isdigit() else self.key).replace("-", "_")

    def as_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "kind": self.kind,
            "key": self.key,
            "title": self.title,
            "why": self.why,
            "url": self.url,
            "draft": self.draft.as_dict() if self.draft else None,
        }


def collect(owner: User, today: date | None = None) -> list[TodayItem]:
    """Every area's items for today, in AREAS order."""
    today = today or date.today()
    items: list[TodayItem] = []
    for dotted in AREAS:
        area: Callable[[User, date], list[TodayItem]] = import_string(dotted)
        items += area(owner, today)
    return items


def back_url(posted: str, default: str) -> str:
    """Where a button sends the person back to: a path on this site, else ``default``."""
    if not posted.startswith("/") or posted.startswith("//") or "\\" in posted:
        return default
    return posted
