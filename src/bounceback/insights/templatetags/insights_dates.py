"""Dates on the insights pages and in the report: the year shown whenever it isn't this one.

Template filters over ``lib.humanize``, which the CLI uses for the same words.
"""

from __future__ import annotations

from datetime import date

from django import template

from bounceback.lib import humanize

register = template.Library()


@register.filter
def day_label(value: date | None) -> str:
    """{{ day|day_label }}: '23 Oct' this year, '23 Oct 2024' in any other."""
    return humanize.day_label(value) if value else ""


@register.filter
def month_label(value: date | None) -> str:
    """{{ month|month_label }}: 'Oct' this year, 'Oct 2024' in any other."""
    return humanize.month_label(value) if value else ""
