"""Hooks into the wellbeing area, which may not be installed yet: both degrade to nothing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from bounceback.http import AuthedRequest


def sounds_distressed(text: str) -> bool:
    """Whether an answer reads like someone in real distress (never stored, only used to offer help)."""
    try:
        from bounceback.lib.distress import detect
    except ImportError:
        return False
    return bool(detect(text))


def optional_panel(
    template: str, request: HttpRequest, context: dict[str, Any] | None = None
) -> str:
    """Another area's panel if it exists, else an empty string."""
    try:
        return render_to_string(template, context or {}, request=request)
    except TemplateDoesNotExist:
        return ""


def support_panel(request: HttpRequest) -> str:
    """The help cover for an autosave (htmx), or a quiet link once the page has shown it."""
    try:
        from bounceback.wellbeing import support
    except ImportError:
        return ""
    return support.cover(request, seen_field=True)


def support_page(request: HttpRequest, back_url: str, back_label: str) -> HttpResponse | None:
    """The calm help page in place of this one (a form posted without JavaScript)."""
    try:
        from bounceback.wellbeing import support
    except ImportError:
        return None
    return support.page(request, back_url, back_label)


def checkin_offer(request: AuthedRequest) -> str:
    """The same offer as on the dashboard: gone for the day once they have checked in."""
    from bounceback.wellbeing.panels import checkin

    return checkin(request) or ""
