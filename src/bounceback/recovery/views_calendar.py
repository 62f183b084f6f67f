"""Next steps in the person's own calendar: a signed-in download and a private subscribe address."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from bounceback.accounts.models import CalendarFeed
from bounceback.http import AuthedRequest
from bounceback.recovery import calendar

FILENAME = "bounceback.ics"
# Said after each button, on the page (htmx) or as a message (plain form).
DONE_MESSAGES = {
    "on": "Your calendar address is ready.",
    "renew": "Here is a new address. The old one has stopped working.",
    "off": "The calendar address is off. Nobody can read your steps through it any more.",
}


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ics(body: bytes, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{FILENAME}"'
    return response


def section_context(request: AuthedRequest, back: str = "") -> dict[str, Any]:
    """What the "Add to your calendar" box needs, on Today and in Settings."""
    feed = CalendarFeed.for_user(request.user)
    url = calendar.feed_url(feed, _base_url(request)) if feed else ""
    return {
        "calendar_back": back or request.path,  # where a plain (no-htmx) form returns to
        "calendar_feed": feed,
        "calendar_url": url,
        # webcal:// asks the system to open its calendar app and subscribe.
        "calendar_webcal": "webcal://" + url.split("://", 1)[-1] if url else "",
    }


def settings_section(request: AuthedRequest) -> str:
    """The same box on the Settings page (added there by ``RecoveryConfig.ready``)."""
    return render_to_string(
        "recovery/_settings_calendar.html", section_context(request), request=request
    )


@require_GET
@never_cache
def download(request: AuthedRequest) -> HttpResponse:
    """The person's next steps as a file to open in any calendar app."""
    return _ics(calendar.to_ics(request.user, _base_url(request)), attachment=True)


@login_not_required
@require_GET
@never_cache
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """What a subscribed calendar app fetches: the token is the only key, so unknown means 404."""
    owner = CalendarFeed.owner_of(token)
    if owner is None:
        raise Http404("No calendar here.")
    response = _ics(calendar.to_ics(owner, _base_url(request)), attachment=False)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
def manage(request: AuthedRequest) -> HttpResponse:
    """Turn the subscribe address on, replace it, or turn it off; htmx swaps just the box."""
    do = request.POST.get("do", "")
    if do == "on":
        CalendarFeed.turn_on(request.user)
    elif do == "renew":
        CalendarFeed.renew(request.user)
    elif do == "off":
        CalendarFeed.turn_off(request.user)
    else:
        do = ""
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("recovery:today")
    if request.htmx:
        context = {**section_context(request, back), "done": DONE_MESSAGES.get(do, "")}
        return HttpResponse(render_to_string("recovery/_calendar.html", context, request=request))
    if do in DONE_MESSAGES:
        messages.success(request, DONE_MESSAGES[do])
    return redirect(back + "#calendar")
