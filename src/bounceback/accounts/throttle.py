"""How hard password guessing is made: the numbers django-axes reads, in one place.

django-axes records every failed sign-in and refuses any password, the right one too,
while an account or an address is locked. It asks these functions three things:

- how many failures lock (``failure_limit``): 10 on one account, but 50 from one address,
  since everyone at a career centre may reach us from the centre's one address;
- how long a lock lasts (``cool_off``): 15 minutes at the limit, doubled for every further
  limit's worth of failures (30 wrong passwords on an account: an hour), never over a day.
  Below the limit, failures are remembered for the same 15 minutes;
- who is asking (``client_address`` and ``username_tried``).
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta
from typing import Any

from axes.helpers import get_client_user_agent, get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Sum
from django.http import HttpRequest
from django.utils import timezone

ACCOUNT_LIMIT = 10
ADDRESS_LIMIT = 50
FIRST_DELAY = timedelta(minutes=15)
LONGEST_DELAY = timedelta(hours=24)


def delay_after(failures: int, limit: int) -> timedelta:
    """How long a lock lasts after this many failures (below the limit: how long they count)."""
    if failures < limit:
        return FIRST_DELAY
    doublings = min((failures - limit) // limit, 16)  # 2**16 lots of 15 minutes is past a day
    return min(FIRST_DELAY * (1 << doublings), LONGEST_DELAY)


def _live_failures(username: str | None, address: str) -> tuple[int, int]:
    """Live failures on an account and from an address, in one query."""
    on_account = Q(username=username) if username else Q(pk__in=[])
    from_address = Q(ip_address=address)
    live = AccessAttempt.objects.filter(expiration__expires_at__gt=timezone.now())
    counts = live.filter(on_account | from_address).aggregate(
        account=Sum("failures_since_start", filter=on_account),
        address=Sum("failures_since_start", filter=from_address),
    )
    return counts["account"] or 0, counts["address"] or 0


def _tried(request: HttpRequest, credentials: dict[str, Any] | None) -> tuple[int, int]:
    """Live failures on the account being tried, and from the address asking."""
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    return _live_failures(username, address)


def failure_limit(request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
    """The limit django-axes compares with the larger of the two counts.

    Once the account has reached its own limit, that is the limit; otherwise only the
    address's larger limit can lock (the account's count is below it by then).
    """
    on_account, _ = _tried(request, credentials)
    return ACCOUNT_LIMIT if on_account >= ACCOUNT_LIMIT else ADDRESS_LIMIT


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """How long this request's account and address stay locked, or how long failures count."""
    if request is None:
        return FIRST_DELAY
    on_account, from_address = _tried(request, None)
    return max(delay_after(on_account, ACCOUNT_LIMIT), delay_after(from_address, ADDRESS_LIMIT))


def refuse_while_locked(request: HttpRequest) -> timedelta | None:
    """Refuse a try on a locked account or from a locked address, counting it, in a few queries.

    django-axes refuses it too, but only after the whole sign-in form has run: about 25
    queries and 17 ms of the server's time. A guesser who never pauses sends little else
    once locked, so this path is what a flood costs everyone else (bench/bench_load.py).
    The try still counts exactly as axes counts it, so each one starts the wait again.

    Returns how long to wait, or None to let the form and axes handle the try: when
    nothing is locked, and when this is the first try from a new computer (axes makes its
    record).
    """
    username = username_tried(request)
    address = client_address(request)
    on_account, from_address = _live_failures(username, address)
    if on_account < ACCOUNT_LIMIT and from_address < ADDRESS_LIMIT:
        return None
    with transaction.atomic():
        attempt = (
            AccessAttempt.objects.select_for_update(of=("self",))
            .select_related("expiration")
            .filter(
                username=username,
                ip_address=address,
                user_agent=get_client_user_agent(request),
            )
            .first()
        )
        expiration = getattr(attempt, "expiration", None)
        if attempt is None or expiration is None:
            return None
        now = timezone.now()
        attempt.failures_since_start = F("failures_since_start") + 1
        attempt.attempt_time = now
        attempt.save(update_fields=["failures_since_start", "attempt_time"])
        wait = max(
            delay_after(on_account + 1, ACCOUNT_LIMIT),
            delay_after(from_address + 1, ADDRESS_LIMIT),
        )
        until: datetime = max(now + wait, expiration.expires_at)
        expiration.expires_at = until
        expiration.save(update_fields=["expires_at"])
    return until - now


def username_tried(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The name typed, as the account is looked up: 'Sam@X.org ' and 'sam@x.org' are one."""
    if credentials and credentials.get("username"):
        return str(credentials["username"]).strip().lower()
    return str(request.POST.get("username", "")).strip().lower()


def client_address(request: HttpRequest) -> str:
    """The address of the person's computer.

    Behind the documented proxy it is the last address in X-Forwarded-For: the one our
    proxy added. Anything before it was written by the client and could be made up.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not settings.BOUNCEBACK_BEHIND_PROXY:
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return remote
