"""Creates that happen once: Back, reload, a double click or a resubmit never make a second.

A create form carries a one-time token (``{% once_field %}``, or ``new_token()`` carried
along a multi-step flow). ``run_once`` makes the thing and records the token with the
address of the result in the same transaction; the same token again leads to that result.
Two requests racing with one token cannot both commit: the second one's insert of the
token fails, its whole transaction (the duplicate included) rolls back, and it is sent to
the first one's result.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from bounceback.accounts.models import SubmittedForm

FIELD = "once"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_from(data: object) -> str:
    """The form's token from posted data ("" when missing or not one of ours)."""
    value = str(getattr(data, "get", lambda *_: "")(FIELD, "") or "")
    return value if _TOKEN.match(value) else ""


def earlier(user: User, token: str) -> str | None:
    """Where the first submission of this form went, if it has been sent before."""
    if not token:
        return None
    return (
        SubmittedForm.objects.filter(user=user, token=token).values_list("url", flat=True).first()
    )


def run_once(user: User, token: str, work: Callable[[], str]) -> tuple[str, bool]:
    """Run ``work`` (it creates something and returns its address) once per token.

    Returns the address and whether it was made now (False: an earlier submission made it).
    Without a token (an old page, a script) the work simply runs.
    """
    found = earlier(user, token)
    if found:
        return found, False
    try:
        with transaction.atomic():
            url = work()
            if token:
                SubmittedForm.objects.create(user=user, token=token, url=url[:500])
    except IntegrityError:
        found = earlier(user, token)
        if found:
            return found, False
        raise
    return url, True
