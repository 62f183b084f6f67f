from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.demo import build_demo
from bounceback.recovery.models import Rejection, Win
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_the_demo_is_a_varied_search_over_months(alice: Any) -> None:
    build_demo(alice, today=TODAY)
    applications = Application.objects.filter(owner=alice)
    assert applications.count() >= 30
    span = max(a.applied_on for a in applications) - min(a.applied_on for a in applications)
    assert span.days >= 120
    stages = set(Rejection.objects.filter(owner=alice).values_list("stage_reached", flat=True))
    assert {"application", "screen", "interview", "final"} <= stages
    assert Win.objects.filter(owner=alice, automatic=True).exists()
    assert set(applications.values_list("status", flat=True)) >= {"active", "rejected", "ghosted"}


def test_the_dashboard_shows_the_demo_search(alice_client: Any, alice: Any) -> None:
    build_demo(alice)
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "Your search" in page and "Worth remembering" in page
