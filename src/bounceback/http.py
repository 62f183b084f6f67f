"""Request types for views, and the one piece of middleware that tidies what comes in."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, QueryDict
from django_htmx.middleware import HtmxDetails


class AuthedRequest(HttpRequest):
    """What LoginRequiredMiddleware and HtmxMiddleware guarantee to our views."""

    user: User
    htmx: HtmxDetails


def back_to(request: HttpRequest, default: str) -> str:
    """Where a plain (no-JavaScript) form returns to: its "back" path on this site, else ``default``."""
    back = request.POST.get("back", "")
    return back if back.startswith("/") and not back.startswith("//") else default


class DropNulCharacters:
    """Remove NUL characters from submitted text before any view sees it.

    No one types them, but broken clients and pasted binary can send them, and
    PostgreSQL refuses them in text columns: better a lost invisible character than a
    lost reflection.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The stubs type these as immutable QueryDicts; ours is one too (made read-only below).
        request.GET = _without_nul(request.GET)  # type: ignore[assignment]
        if request.method == "POST":
            request.POST = _without_nul(request.POST)  # type: ignore[assignment]
        return self.get_response(request)


def _without_nul(data: QueryDict) -> QueryDict:
    if not any("\x00" in value for _, values in data.lists() for value in values):
        return data
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(key, [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned
