"""The gates on every sharing page: hosted only, the right role, and unknown ids as 404."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest

from bounceback.accounts.roles import coach_required, hosted_only, seeker_required
from bounceback.errors import NotFound

View = Callable[..., Any]


def _not_found_is_404(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(str(error)) from None

    return wrapped


def for_seekers(view: View) -> View:
    """A page of the seeker's own sharing."""
    return hosted_only(seeker_required(_not_found_is_404(view)))


def for_coaches(view: View) -> View:
    """A page a coach opens; the view itself checks the share is theirs and still active."""
    return hosted_only(coach_required(_not_found_is_404(view)))
