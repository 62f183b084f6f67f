"""Template helpers so the wellbeing includes need no context from the page that uses them."""

from __future__ import annotations

from django import template

from bounceback.accounts.models import Profile
from bounceback.wellbeing import checkins
from bounceback.wellbeing.data import Helplines, Tag, helplines, tags

register = template.Library()


# In gentle mode the offer doesn't put "Heard a no" in front of someone who asked not to see it.
GENTLE_HIDDEN = {"rejection"}


@register.simple_tag
def checkin_tags(user: object = None) -> tuple[Tag, ...]:
    if getattr(user, "is_authenticated", False) and Profile.for_user(user).gentle_mode:  # type: ignore[arg-type]
        return tuple(tag for tag in tags() if tag.key not in GENTLE_HIDDEN)
    return tags()


@register.simple_tag
def checkin_moods() -> list[tuple[int, str]]:
    return list(checkins.MOODS.items())


@register.simple_tag
def crisis_lines() -> Helplines:
    return helplines()
