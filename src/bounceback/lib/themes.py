"""Themes of rejection and an explainable tagger: plain phrase matching, no Django.

A theme is found in a text when one of its trigger phrases appears there, unless the
words just around it cancel it ("no concerns about your communication"). The matched
words are returned so the person can always see *why* a theme was suggested.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Tokens either side of a trigger in which a cancelling phrase may sit.
NEGATION_WINDOW = 3


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
    """One theme found in a text, with the exact words that triggered it."""

    slug: str
    words: tuple[str, ...] = field(default_factory=tuple)


def normalise(text: str) -> list[str]:
    """Lower-case word tokens; curly quotes and accents folded so "don’t" matches "don't"."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _TOKEN.findall(text)


def _pattern(phrase: str) -> tuple[str, ...]:
    words: list[str] = []
    for raw in phrase.split():
        parts = normalise(raw)
        if parts and raw.endswith("*"):
            parts[-1] += "*"  # a trailing * means "any ending"
        words.extend(parts)
    return tuple(words)


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def _find(pattern: tuple[str, ...], tokens: list[str]) -> list[int]:
    size = len(pattern)
    if not size:
        return []
    return [
        start
        for start in range(len(tokens) - size + 1)
        if all(_word_matches(p, tokens[start + i]) for i, p in enumerate(pattern))
    ]


def _contains(window: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_find(phrase, window) for phrase in phrases)


class Tagger:
    """Matches a set of themes against texts. Build once, use for many texts."""

    def __init__(self, themes: list[Theme], negation: Negation | None = None) -> None:
        self.themes = themes
        self._patterns = [(t.slug, [(p, _pattern(p)) for p in t.triggers]) for t in themes]
        negation = negation or Negation()
        self._before = tuple(_pattern(p) for p in negation.before)
        self._after = tuple(_pattern(p) for p in negation.after)
        longest = max((len(p) for p in self._before + self._after), default=0)
        self._reach = NEGATION_WINDOW + longest

    def _cancelled(self, tokens: list[str], start: int, end: int) -> bool:
        before = tokens[max(0, start - self._reach) : start]
        after = tokens[end : end + self._reach]
        # A cancelling phrase must end just before the trigger, or start just after it.
        near_before = [
            phrase
            for phrase in self._before
            if any(len(before) - (i + len(phrase)) < NEGATION_WINDOW for i in _find(phrase, before))
        ]
        near_after = [
            phrase
            for phrase in self._after
            if any(i < NEGATION_WINDOW for i in _find(phrase, after))
        ]
        return bool(near_before or near_after)

    def tag(self, text: str) -> list[Found]:
        """The themes in a text, each with its triggering words, in taxonomy order."""
        tokens = normalise(text)
        if not tokens:
            return []
        found: list[Found] = []
        for slug, patterns in self._patterns:
            words: list[str] = []
            for _phrase, pattern in patterns:
                for start in _find(pattern, tokens):
                    end = start + len(pattern)
                    if self._cancelled(tokens, start, end):
                        continue
                    matched = " ".join(tokens[start:end])
                    if matched not in words:
                        words.append(matched)
            if words:
                found.append(Found(slug, tuple(words)))
        return found


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
