"""Text fits its column on every database: checked in the app, never left to the database.

SQLite stores a 100,000-character company name without a word, PostgreSQL refuses it with
a traceback; both refuse nothing about NUL except PostgreSQL, which refuses it outright.
One check before every save of a bounceback model makes the two behave the same: NUL and
the other control characters, terminal escapes included, are dropped (no one types them;
better a lost invisible character than a lost reflection, or a terminal rewritten by a
mail's subject) and text longer than its field becomes a message that says which field and how
long it may be. Services that know a better word for a field check it themselves first.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from bounceback.errors import UserError
from bounceback.lib.hygiene import without_escapes


class TooLong(UserError):
    """A value longer than the field that keeps it."""


def check_text_fields(instance: models.Model) -> None:
    """Drop NUL from every text field of ``instance``; refuse one longer than its field."""
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        cleaned = without_escapes(value)
        if cleaned is not value:
            value = cleaned
            setattr(instance, field.attname, value)
        if field.max_length is not None and len(value) > field.max_length:
            raise TooLong(
                too_long_message(_field_name(instance, field), len(value), field.max_length)
            )


def too_long_message(what: str, length: int, limit: int) -> str:
    return (
        f"The {what} is {length:,} characters long; bounceback keeps up to {limit:,}. "
        "Please shorten it and try again. Nothing was saved."
    )


def _field_name(instance: models.Model, field: Any) -> str:
    model = str(instance._meta.verbose_name)
    name = str(field.verbose_name)
    return name if name.startswith(model) else f"{model}'s {name}"


def before_save(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    """The pre_save receiver: every bounceback model (fixtures loaded raw are left alone)."""
    if not raw and sender.__module__.startswith("bounceback."):
        check_text_fields(instance)
