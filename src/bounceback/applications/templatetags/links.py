"""Links from stored data, rendered as links only when they are web addresses."""

from __future__ import annotations

from django import template

from bounceback.lib.hygiene import is_safe_link

register = template.Library()


@register.filter
def web_link(url: object) -> str:
    """The URL if it is http(s), else "": a `javascript:` link saved before links were checked
    must never become a live link (the template shows such a value as plain text)."""
    text = str(url or "")
    return text.strip() if is_safe_link(text) else ""
