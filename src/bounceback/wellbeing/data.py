"""The wording people may want to change — tags, exercises, help lines — read from data/ files."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Tag:
    key: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class Prompt:
    key: str
    label: str
    hint: str = ""
    lines: int = 3
    goal_kind: str = ""  # Ikigai prompts suggest goals of this kind


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: str
    summary: str
    minutes: int
    intro: str
    prompts: tuple[Prompt, ...]
    outro: str = ""
    repeatable: bool = True  # a log (strengths) gets a new entry each time; a worksheet is one
    offers_action: bool = False


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


def _load(name: str) -> dict[str, object]:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def tags() -> tuple[Tag, ...]:
    raw = _load("checkin_tags.toml")["tag"]
    assert isinstance(raw, list)
    return tuple(Tag(**item) for item in raw)


def tag_labels() -> dict[str, str]:
    return {tag.key: tag.label for tag in tags()}


@cache
def exercises() -> tuple[Exercise, ...]:
    found = []
    for path in sorted((DATA / "exercises").glob("*.toml")):
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        prompts = tuple(Prompt(**prompt) for prompt in raw.pop("prompt"))
        found.append(Exercise(slug=path.stem.split("-", 1)[1], prompts=prompts, **raw))
    return tuple(found)


def exercise(slug: str) -> Exercise | None:
    return next((item for item in exercises() if item.slug == slug), None)


@cache
def helplines() -> Helplines:
    raw = _load("helplines.toml")
    lines = raw["line"]
    sources = raw.get("sources", [])
    assert isinstance(lines, list) and isinstance(sources, list)
    return Helplines(
        last_verified=str(raw["last_verified"]),
        emergency=str(raw["emergency"]),
        lines=tuple(Helpline(**line) for line in lines),
        sources=tuple(str(source) for source in sources),
    )
