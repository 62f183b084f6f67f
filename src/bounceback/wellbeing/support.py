"""The help that appears when something a person wrote sounds like danger.

Never stored, logged or put in a URL: whether a text sounded like danger is worked out for one
response and forgotten. The help goes on a calm page of its own (a form posted without
JavaScript) or on a cover over the page (an htmx autosave), so nothing else competes with it,
and there is always a plain way back to what the person was writing, which is already saved.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

# The hidden field an autosaving page sends once the cover has been shown on it, so the next
# autosave of the same page brings a quiet link instead of the cover again.
SEEN_FIELD = "support_seen"


def back_to(request: HttpRequest, fallback: str) -> str:
    """The page the form said it came from (POST "back"), if it is one of ours; else fallback."""
    back = request.POST.get("back", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return fallback


def page(request: HttpRequest, back_url: str, back_label: str) -> HttpResponse:
    """The calm page, in place of the page the person was on."""
    return render(
        request, "wellbeing/support.html", {"back_url": back_url, "back_label": back_label}
    )


def cover(request: HttpRequest, seen_field: bool = False) -> str:
    """The cover for an htmx response; a quiet link once this page has already shown it."""
    if request.POST.get(SEEN_FIELD):
        return render_to_string("wellbeing/_support_reminder.html", request=request)
    return render_to_string(
        "wellbeing/_support_panel.html", {"seen_field": seen_field}, request=request
    )
