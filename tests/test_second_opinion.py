"""A second pair of eyes (P13): offered from the person's own numbers, only when they say so."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application, record_event
from bounceback.insights.services import as_json, overview
from bounceback.recovery.models import Feedback
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def _applied(owner: Any, name: str, days_ago: int) -> Any:
    return add_application(
        owner, company=name, role="Analyst", applied_on=TODAY - timedelta(days=days_ago)
    )


def kinds(owner: Any) -> list[str]:
    return [s.kind for s in overview(owner, TODAY, propose=False).second_opinions]


def test_many_early_nos_suggest_someone_looks_over_the_cv(alice: Any) -> None:
    for n in range(14):
        app = _applied(alice, f"Early {n}", 60 - n)
        record_rejection(app, received_on=TODAY - timedelta(days=30 - n))
    assert kinds(alice) == ["cv_review"]
    opinion = overview(alice, TODAY, propose=False).second_opinions[0]
    assert "0 of your 14 answered applications" in opinion.because


def test_a_few_early_nos_are_too_few_to_suggest_anything(alice: Any) -> None:
    for n in range(5):
        record_rejection(_applied(alice, f"Early {n}", 40 - n), received_on=TODAY)
    assert kinds(alice) == []


def test_interviews_without_an_offer_suggest_practice_with_someone(alice: Any) -> None:
    for n in range(4):
        app = _applied(alice, f"Far {n}", 80 - n)
        record_event(app, "interview", occurred_on=TODAY - timedelta(days=40 - n))
        record_rejection(app, stage_reached="interview", received_on=TODAY - timedelta(days=30))
    assert "interview_practice" in kinds(alice)
    record_event(_applied(alice, "Yes", 50), "offer", occurred_on=TODAY - timedelta(days=5))
    assert "interview_practice" not in kinds(alice)  # an offer already came


def test_what_employers_keep_saying_across_months_suggests_help_with_it(alice: Any) -> None:
    from bounceback.insights.tagging import retag_all
    from tests.suggestions import confirm_all

    for n in range(6):
        app = _applied(alice, f"Said {n}", 150 - 20 * n)
        record_rejection(app, received_on=TODAY - timedelta(days=120 - 20 * n))
        if n < 3:
            Feedback.objects.create(
                owner=alice,
                application=app,
                received_on=TODAY - timedelta(days=120 - 20 * n),
                text="We wanted more hands-on experience with the core tools for this role.",
            )
    retag_all(alice)
    confirm_all(alice)
    data = as_json(overview(alice, TODAY, propose=False))
    recurring = [s for s in data["second_opinions"] if s["kind"] == "recurring_theme"]
    assert len(recurring) == 1 and "3 times" in recurring[0]["because"]


def test_bob_never_sees_alices_patterns(alice: Any, bob: Any, bob_client: Any) -> None:
    for n in range(14):
        record_rejection(_applied(alice, f"Early {n}", 60 - n), received_on=TODAY)
    assert kinds(bob) == []
    assert "A second pair of eyes" not in bob_client.get("/insights/").content.decode()
