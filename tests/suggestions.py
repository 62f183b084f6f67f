"""Saying yes to every suggested theme tag, for tests about counting what the person confirmed."""

from __future__ import annotations

from typing import Any

from bounceback.insights.models import TagState, ThemeTag


def confirm_all(owner: Any) -> int:
    """Confirm every suggestion waiting for ``owner`` (as clicking "Yes, fits" on each would)."""
    return ThemeTag.objects.filter(owner=owner, state=TagState.AUTO).update(
        state=TagState.CONFIRMED
    )
