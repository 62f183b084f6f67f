"""The theme taxonomy as data: the nine built-in themes, their phrases and steps, no Django.

Everything here is read from ``insights/data/themes.toml``, which people may edit
without touching code. The phrases are *features* for the tagger (see ``model.py``),
not verdicts; for a person's own themes they are the whole rule (see ``phrases.py``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class SuggestedAction:
    title: str
    why: str


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    description: str
    triggers: tuple[str, ...]
    actions: tuple[SuggestedAction, ...] = ()
    builtin: bool = True


@dataclass(frozen=True)
class Negation:
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Found:
    """One theme suggested for a text, with the words that led to it (quoted from the text).

    ``probability`` is the model's for a built-in theme, None for a person's own theme,
    which is found by its listed words alone.
    """

    slug: str
    words: tuple[str, ...] = field(default_factory=tuple)
    probability: float | None = None


def theme_from_dict(data: dict[str, Any], builtin: bool = True) -> Theme:
    return Theme(
        slug=str(data["slug"]),
        name=str(data["name"]),
        description=str(data.get("description", "")),
        triggers=tuple(str(t) for t in data.get("triggers", [])),
        actions=tuple(
            SuggestedAction(str(a.get("title", "")), str(a.get("why", "")))
            for a in data.get("actions", [])
        ),
        builtin=builtin,
    )


@cache
def _taxonomy() -> dict[str, Any]:
    raw = (
        resources.files("bounceback.insights")
        .joinpath("data/themes.toml")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(raw)


@cache
def skipped_questions() -> frozenset[str]:
    """Reflection questions about what went well or what one wants: not reasons for a no."""
    return frozenset(_taxonomy().get("tagging", {}).get("skip_questions", []))


@cache
def builtin_data() -> tuple[tuple[Theme, ...], Negation]:
    """The taxonomy shipped in insights/data/themes.toml (read once)."""
    data = _taxonomy()
    negation = data.get("negation", {})
    return (
        tuple(theme_from_dict(item) for item in data.get("themes", [])),
        Negation(tuple(negation.get("before", [])), tuple(negation.get("after", []))),
    )


def builtin_themes() -> tuple[Theme, ...]:
    return builtin_data()[0]


@cache
def cue_groups() -> dict[str, list[str]]:
    """Shared groups of words the tagger weighs beside each theme's phrases (``[cues]``)."""
    return {str(k): [str(p) for p in v] for k, v in _taxonomy().get("cues", {}).items()}
