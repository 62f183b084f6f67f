"""Template helpers so the wellbeing includes need no context from the page that uses them."""

from __future__ import annotations

from django import template

from bounceback.wellbeing import checkins
from bounceback.wellbeing.data import Helplines, Tag, helplines, tags

register = template.Library()


@register.simple_tag
def checkin_tags() -> tuple[Tag, ...]:
    return tags()


@register.simple_tag
def checkin_moods() -> list[tuple[int, str]]:
    return list(checkins.MOODS.items())


@register.simple_tag
def crisis_lines() -> Helplines:
    return helplines()
