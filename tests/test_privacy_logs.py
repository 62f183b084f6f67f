"""Secrets that travel in URLs (sign-in links, calendar addresses) never reach a log line."""

from __future__ import annotations

import io
import logging
from typing import Any

import pytest

from bounceback.redact import redact

pytestmark = pytest.mark.django_db

SECRET = "s3cretTOKENvalue_0123456789abcdef"


def test_the_secret_part_of_sign_in_and_calendar_paths_is_replaced() -> None:
    assert redact(f"Not Found: /calendar/{SECRET}.ics") == "Not Found: /calendar/…"
    assert redact(f"Not Found: /sign-in/{SECRET}/") == "Not Found: /sign-in/…/"
    assert redact("Not Found: /applications/12/") == "Not Found: /applications/12/"


def test_a_wrong_calendar_address_is_logged_without_its_token(client: Any) -> None:
    handler = next(h for h in logging.getLogger("django").handlers if h.filters)
    assert isinstance(handler, logging.StreamHandler)
    captured = io.StringIO()
    # Swapped by hand: setStream() would flush the old stream, which pytest may have closed.
    previous, handler.stream = handler.stream, captured
    try:
        assert client.get(f"/calendar/{SECRET}.ics").status_code == 404
        assert client.get(f"/sign-in/{SECRET}/").status_code == 403  # used or unknown link
    finally:
        handler.stream = previous
    logged = captured.getvalue()
    assert SECRET not in logged
    assert "/calendar/…" in logged and "/sign-in/…/" in logged
