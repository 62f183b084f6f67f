"""Sections other areas add to the Settings page, below the person's own settings.

Accounts owns the page but knows nothing of what the sections hold: each area adds a
function ``(request) -> str`` (rendered HTML) from its ``AppConfig.ready``, so accounts
imports no app that builds on it (see docs/architecture.md, "Who may import whom").
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

from bounceback.http import AuthedRequest

Section = Callable[[AuthedRequest], str]

SECTIONS: list[Section] = []


def add(section: Section) -> None:
    """Show ``section`` on the Settings page (once, however often ready() runs)."""
    if section not in SECTIONS:
        SECTIONS.append(section)


def rendered(request: AuthedRequest) -> list[SafeString]:
    """Every section's HTML, in the order the apps were loaded."""
    return [mark_safe(section(request)) for section in SECTIONS]  # noqa: S308 - our templates
