"""When a page is missing or breaks: a calm page in bounceback's layout, with a way back."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.template.loader import get_template
from django.test import Client
from django.urls import include, path, reverse

pytestmark = pytest.mark.django_db


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug, not the person's fault")


# This module doubles as a URLconf: the app's own pages plus one view that fails.
urlpatterns = [path("boom/", _boom), path("", include("bounceback.urls"))]


@pytest.mark.parametrize("url", ["/applications/99999/", "/rejections/99999/", "/no-such-page/"])
def test_a_missing_page_is_kind_and_shows_the_way_back(alice_client: Any, url: str) -> None:
    response = alice_client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "We couldn't find that page" in page
    assert f'href="{reverse("dashboard")}"' in page
    assert f'href="{reverse("applications:list")}"' in page
    assert "Need help now?" in page  # from the layout
    assert "Not Found" not in page


def test_a_missing_page_keeps_the_help_link_when_signed_out(client: Any) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Need help now?" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_server_error_says_nothing_saved_is_lost_and_what_to_try(alice: Any) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "what you saved before is still there" in page
    assert "try once more" in page and "bounceback serve" in page
    assert "Need help now?" in page
    assert "RuntimeError" not in page


def test_the_error_page_needs_no_context_and_its_links_are_real_pages() -> None:
    # Django renders 500.html with an empty context: it must not depend on one.
    page = get_template("500.html").render({})
    assert "{%" not in page and "{{" not in page
    assert f'href="{reverse("wellbeing:help_now")}"' in page
    assert f'href="{reverse("dashboard")}"' in page
