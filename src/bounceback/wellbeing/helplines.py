"""The help lines shown when someone needs help now, read from data/helplines.toml (with the
day they were last checked and where they come from)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HELPLINES_FILE = Path(__file__).parent / "data" / "helplines.toml"


@dataclass(frozen=True)
class Helpline:
    region: str
    name: str
    how: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Helplines:
    last_verified: str
    lines: tuple[Helpline, ...]
    emergency: str
    sources: tuple[str, ...] = field(default_factory=tuple)


@cache
def helplines() -> Helplines:
    with HELPLINES_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    lines = raw["line"]
    sources = raw.get("sources", [])
    assert isinstance(lines, list) and isinstance(sources, list)
    return Helplines(
        last_verified=str(raw["last_verified"]),
        emergency=str(raw["emergency"]),
        lines=tuple(Helpline(**line) for line in lines),
        sources=tuple(str(source) for source in sources),
    )
