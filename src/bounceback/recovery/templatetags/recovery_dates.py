"""Dates as people say them: "Wed 3 Dec", with the year whenever it isn't this year."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

register = template.Library()


def day_words(day: date | None, *, weekday: bool = True, today: date | None = None) -> str:
    """'Wed 3 Dec' this year; 'Wed 1 Jan 2025' in any other year, so no date is ambiguous."""
    if day is None:
        return ""
    text = f"{day:%a} {day.day} {day:%b}" if weekday else f"{day.day} {day:%b}"
    if day.year != (today or date.today()).year:
        text += f" {day.year}"
    return text


@register.filter
def day(value: date | None) -> str:
    return day_words(value)


@register.filter
def short_day(value: date | None) -> str:
    return day_words(value, weekday=False)


@register.filter
def when(action: Any) -> str:
    """A step's day, or an event's day and time ('Thu 10 Dec, 14:00 CET (13:00 your time)')."""
    from bounceback.recovery.dated import when_words

    return when_words(action) if action.due_on else ""


@register.filter
def from_mail(action: Any) -> str:
    """'from the e-mail “Interview” of 30 Nov', for an event read from mail."""
    from bounceback.recovery.dated import source_words

    return source_words(action)
