"""Who may do what: the three roles, and the checks views use to let people in.

Job seekers keep their own search (every view filters by ``owner=request.user``, so one
seeker never reaches another's rows). Coaches see only what a seeker shared with them
(``bounceback.coaching``). Staff manage accounts and never see anyone's private words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from bounceback.accounts.models import Profile, Role

View = TypeVar("View", bound=Callable[..., Any])


def role_of(user: User | AnonymousUser) -> str | None:
    """The person's role; None before they sign in. Superusers count as staff."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.STAFF
    cached: str | None = getattr(user, "_bounceback_role", None)
    if cached is None:
        cached = Profile.for_user(user).role or Role.SEEKER
        user._bounceback_role = cached  # type: ignore[attr-defined]
    return cached


def is_staff(user: User | AnonymousUser) -> bool:
    return role_of(user) == Role.STAFF


def is_coach(user: User | AnonymousUser) -> bool:
    return role_of(user) == Role.COACH


def needs_second_factor(user: User | AnonymousUser) -> bool:
    """Staff and coaches see other people's accounts or shared words: a password is not enough."""
    return role_of(user) in (Role.STAFF, Role.COACH)


def _requiring(check: Callable[[User | AnonymousUser], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


staff_required = _requiring(is_staff)
coach_required = _requiring(is_coach)


def hosted_only(view: View) -> View:
    """A page that exists only on a hosted install (passwords, people, sharing): 404 locally."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not settings.BOUNCEBACK_HOSTED:
            raise Http404("Only on a hosted bounceback.")
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


def is_seeker(user: User | AnonymousUser) -> bool:
    return role_of(user) == Role.SEEKER


seeker_required = _requiring(is_seeker)
