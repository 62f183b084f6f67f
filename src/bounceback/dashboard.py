"""The dashboard: a calm first screen assembled from panels that each area provides.

Each app has a ``panels.py`` with functions ``(request) -> str | None`` (rendered
HTML, or None to show nothing). Listing them here keeps the dashboard view free
of any one area's logic, and lets an area add its panel without touching another's.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from bounceback.http import AuthedRequest

PANELS = [
    "bounceback.wellbeing.panels.checkin",
    "bounceback.recovery.panels.today",
    "bounceback.weekly.panels.week",
    "bounceback.applications.panels.overview",
    "bounceback.mailbox.panels.review",
    "bounceback.recovery.panels.wins",
    "bounceback.insights.panels.summary",
]


def _load(dotted: str) -> Callable[[HttpRequest], str | None] | None:
    module_name, _, name = dotted.rpartition(".")
    module = import_module(module_name)
    return getattr(module, name, None)


def dashboard(request: AuthedRequest) -> HttpResponse:
    panels = []
    for dotted in PANELS:
        panel = _load(dotted)
        html = panel(request) if panel else None
        if html:
            panels.append(mark_safe(html))  # noqa: S308 - rendered by our own templates
    return render(request, "dashboard.html", {"panels": panels})
