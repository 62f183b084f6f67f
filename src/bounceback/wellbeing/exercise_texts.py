"""The exercises on offer (strengths log, Ikigai...): their wording, one TOML file each in
data/exercises/, so it can be edited without touching code. What a person writes in them is
``exercises``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

EXERCISES_DIR = Path(__file__).parent / "data" / "exercises"  # one file an exercise


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


@cache
def exercises() -> tuple[Exercise, ...]:
    found = []
    for path in sorted(EXERCISES_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        prompts = tuple(Prompt(**prompt) for prompt in raw.pop("prompt"))
        found.append(Exercise(slug=path.stem.split("-", 1)[1], prompts=prompts, **raw))
    return tuple(found)


def exercise(slug: str) -> Exercise | None:
    return next((item for item in exercises() if item.slug == slug), None)
