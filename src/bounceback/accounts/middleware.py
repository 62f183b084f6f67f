"""Per request: each profile asked for once; staff and coaches confirm a second factor."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import user_has_device

from bounceback.accounts.models import profiles_this_request
from bounceback.accounts.roles import needs_second_factor

# Pages a staff member or coach may open before the second step: setting up or typing a
# code, leaving, and the help pages (a person in distress never meets a gate).
OPEN_BEFORE_SECOND_STEP = {
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:sign_out",
    "wellbeing:help_now",
    "wellbeing:professional",
}


class ProfilesPerRequest:
    """Remembers each profile for the length of one request (see Profile.for_user)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = profiles_this_request.set({})
        try:
            return self.get_response(request)
        finally:
            profiles_this_request.reset(token)


class RequireSecondFactor:
    """Staff and coaches confirm a code from their authenticator app before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: object, args: object, kwargs: object
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not needs_second_factor(user):
            return None
        if user.is_verified():  # type: ignore[attr-defined]
            return None
        match = request.resolver_match
        if match is None or match.view_name in OPEN_BEFORE_SECOND_STEP:
            return None
        if user_has_device(user):
            return redirect("accounts:two_factor_verify")
        return redirect("accounts:two_factor_setup")
