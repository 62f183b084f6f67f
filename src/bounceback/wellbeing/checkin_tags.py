"""The tags a check-in can carry ("interview", "rest day"...), read from data/checkin_tags.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TAGS_FILE = Path(__file__).parent / "data" / "checkin_tags.toml"


@dataclass(frozen=True)
class Tag:
    key: str
    label: str
    group: str = ""


@cache
def tags() -> tuple[Tag, ...]:
    with TAGS_FILE.open("rb") as handle:
        raw = tomllib.load(handle)["tag"]
    assert isinstance(raw, list)
    return tuple(Tag(**item) for item in raw)


def tag_labels() -> dict[str, str]:
    return {tag.key: tag.label for tag in tags()}
