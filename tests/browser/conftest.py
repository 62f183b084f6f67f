"""Browser tests: Chromium keeps the real clock while the server runs on the frozen one."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def cookies_without_dates(settings: Any) -> None:
    # A cookie's expiry date comes from the server's frozen clock; Chromium judges it by the
    # real one and would drop a session "expired" years ago. Session cookies have no date.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
