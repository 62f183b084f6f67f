"""Template helpers so the wellbeing includes need no context from the page that uses them."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import User

from bounceback.accounts.models import Profile
from bounceback.wellbeing import checkins
from bounceback.wellbeing.checkin_tags import Tag, tags
from bounceback.wellbeing.checkin_tags import tag_labels as data_tag_labels
from bounceback.wellbeing.helplines import Helplines, helplines

register = template.Library()


# In gentle mode the offer doesn't put "Heard a no" in front of someone who asked not to see it.
GENTLE_HIDDEN = {"rejection"}


@register.simple_tag
def checkin_tags(user: object = None) -> tuple[Tag, ...]:
    # The template passes request.user: a User once signed in, else an AnonymousUser.
    if isinstance(user, User) and Profile.for_user(user).gentle_mode:
        return tuple(tag for tag in tags() if tag.key not in GENTLE_HIDDEN)
    return tags()


@register.simple_tag
def checkin_moods() -> list[tuple[int, str]]:
    return list(checkins.MOODS.items())


@register.simple_tag
def crisis_lines() -> Helplines:
    return helplines()


@register.filter
def mood_label(mood: int) -> str:
    return checkins.MOODS.get(mood, "")


@register.filter
def tag_labels(keys: list[str]) -> str:
    """Stored tag keys as the words people chose them by."""
    labels = data_tag_labels()
    return ", ".join(labels.get(key, key) for key in keys or [])
