"""Themes a person adds for themselves: add, edit, delete.

The built-in themes live in data/themes.toml and are edited there, not here. A theme's
slug is what tags and steps point to, so it is set once from the first name and kept
when the name changes later.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify

from bounceback.errors import NotFound, UserError
from bounceback.insights.models import TagState, Theme, ThemeTag
from bounceback.insights.tagging import all_themes, retag_all
from bounceback.lib.themes import builtin_themes
from bounceback.recovery.models import Action


def _check_name(owner: User, name: str, keep: str = "") -> None:
    """No two themes with the same name (or the same slug), so lists never look doubled."""
    for other in all_themes(owner):
        if other.slug == keep:
            continue
        if other.name.casefold() == name.casefold() or other.slug == slugify(name)[:60]:
            raise UserError(f"There is already a theme called “{other.name}”. Pick another name.")


def _actions(titles: list[str], before: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """Steps as the taxonomy holds them; a step kept by title keeps its "why"."""
    why = {
        str(a.get("title", "")): str(a.get("why", "")) for a in before or [] if isinstance(a, dict)
    }
    return [{"title": title, "why": why.get(title, "")} for title in titles]


@transaction.atomic
def add_theme(
    owner: User,
    *,
    name: str,
    description: str = "",
    triggers: list[str] | None = None,
    actions: list[str] | None = None,
) -> Theme:
    """A new theme of the person's own; every text is tagged again so it shows at once."""
    slug = slugify(name)[:60]
    if not slug:
        raise UserError("Please use at least one letter or digit in the theme's name.")
    _check_name(owner, name)
    theme = Theme.objects.create(
        owner=owner,
        slug=slug,
        name=name,
        description=description.strip(),
        triggers=list(triggers or []),
        actions=_actions(list(actions or [])),
    )
    retag_all(owner)
    return theme


def get_own_theme(owner: User, slug: str) -> Theme:
    """One of the person's themes; a built-in one is refused with a reason, others are NotFound."""
    if slug in {t.slug for t in builtin_themes()}:
        raise UserError(
            "That theme comes with bounceback, so it can't be changed or deleted here. "
            "If it is wrong for a text, remove it from that text with ×."
        )
    try:
        return Theme.objects.get(owner=owner, slug=slug)
    except Theme.DoesNotExist:
        raise NotFound(f"There is no theme of yours called '{slug}'.") from None


@transaction.atomic
def update_theme(
    theme: Theme,
    *,
    name: str,
    description: str = "",
    triggers: list[str] | None = None,
    actions: list[str] | None = None,
) -> bool:
    """Save the new name, description, words and steps; returns True if texts were retagged.

    Changing the words tags every text again (the person's own corrections stay); a new
    name alone changes nothing else, as tags point to the slug.
    """
    _check_name(theme.owner, name, keep=theme.slug)
    words = list(triggers or [])
    retag = words != list(theme.triggers or [])
    theme.name = name
    theme.description = description.strip()
    theme.triggers = words
    theme.actions = _actions(list(actions or []), theme.actions)
    theme.save(update_fields=["name", "description", "triggers", "actions"])
    if retag:
        retag_all(theme.owner)
    return retag


@transaction.atomic
def delete_theme(theme: Theme) -> int:
    """Delete a theme and its tags; returns how many texts lost the tag.

    The feedback and reflection texts stay as they were, and so do steps the person took
    for it: those are only unlinked, so a later theme with the same name starts afresh.
    """
    owner, slug = theme.owner, theme.slug
    removed = tagged_texts(theme)
    ThemeTag.objects.filter(owner=owner, theme=slug).delete()
    Action.objects.filter(owner=owner, theme=slug).update(theme="")
    theme.delete()
    return removed


def tagged_texts(theme: Theme) -> int:
    """How many texts carry this theme now (shown before deleting)."""
    tags = ThemeTag.objects.filter(owner=theme.owner, theme=theme.slug)
    return tags.exclude(state=TagState.REJECTED).count()
