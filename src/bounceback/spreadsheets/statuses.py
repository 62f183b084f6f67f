"""A tracker's status ("Rejected after 2nd interview", "No Response 🔕") as a stage and
an ending (no Django in here). The words are data: ``data/statuses.toml``."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "statuses.toml"
STAGE_ORDER = ("applied", "screen", "interview", "final", "offer")
ENDINGS = ("rejected", "ghosted", "withdrawn", "accepted")


@dataclass(frozen=True)
class Outcome:
    """How far an application got (a Stage value) and how it ended (or "" if still open)."""

    stage: str = "applied"
    ending: str = ""
    understood: bool = True
    applied: bool = True  # False for a wishlist row: not an application yet


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("’", "'")
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.replace("-", " "))) + " "


@cache
def _lists() -> dict[str, dict[str, list[str]]]:
    with DATA.open("rb") as handle:
        return tomllib.load(handle)


def _found(text: str, phrases: list[str]) -> int:
    """Length of the longest phrase in ``text`` (as whole words), 0 when none is."""
    return max((len(p) for p in phrases if _words(p) in text), default=0)


def _best(text: str, groups: dict[str, list[str]]) -> str:
    scored = [
        (length, name) for name, phrases in groups.items() if (length := _found(text, phrases))
    ]
    return max(scored)[1] if scored else ""


def read_status(value: str) -> Outcome:
    """The stage and ending a status cell says; an empty cell is a plain "applied"."""
    text = _words(value)
    if not text.strip():
        return Outcome()
    lists = _lists()
    ending = _best(text, lists["endings"])
    stages = lists["stages"]
    # Every stage named counts: "interview, then rejected" reached the interview.
    reached = [name for name in STAGE_ORDER if _found(text, stages[name])]
    stage = reached[-1] if reached else "applied"
    if ending == "withdrawn" and "offer" in text and stage != "offer":
        stage = "offer"  # "declined offer": the person had one
    if ending == "accepted":
        stage = "offer"
    if not ending and not reached:
        if _found(text, lists["not_applied"]["words"]):
            return Outcome(applied=False)
        return Outcome(understood=False)
    return Outcome(stage, ending)
