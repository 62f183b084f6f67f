"""Request types for views: every page but sign-in and help runs for a signed-in person."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class AuthedRequest(HttpRequest):
    """What LoginRequiredMiddleware and HtmxMiddleware guarantee to our views."""

    user: User
    htmx: HtmxDetails
