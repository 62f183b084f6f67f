"""The missing-page screen, as a person sees it on a laptop and a phone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_missing_application_shows_the_layout_and_the_way_back(
    signed_in_page: Any, live_server: Any
) -> None:
    page = signed_in_page
    response = page.goto(live_server.url + "/applications/99999/")
    assert response.status == 404
    page.get_by_role("heading", name="We couldn't find that page").wait_for()
    assert page.get_by_role("link", name="Your applications").first.is_visible()
    assert page.get_by_role("link", name="Need help now?").is_visible()
    shoot(page, "error-404")
    page.get_by_role("link", name="Back to today").click()
    page.get_by_role("heading", name="Hello.").wait_for()
