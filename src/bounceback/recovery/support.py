"""Hooks into the wellbeing area, which may not be installed yet: both degrade to nothing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
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
    return optional_panel("wellbeing/_support_panel.html", request)


def checkin_offer(request: AuthedRequest) -> str:
    """The same offer as on the dashboard: gone for the day once they have checked in."""
    from bounceback.wellbeing.panels import checkin

    return checkin(request) or ""
