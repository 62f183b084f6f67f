from __future__ import annotations

from typing import Any

import pytest

from bounceback.demo import build_demo
from bounceback.recovery.models import Action, PracticeQuestion, Reflection, Win
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_results_of_the_recovery_flow(alice: Any) -> None:
    build_demo(alice, today=TODAY)
    assert Reflection.objects.filter(owner=alice).count() >= 7
    assert PracticeQuestion.objects.filter(owner=alice).count() >= 2
    assert Action.objects.filter(owner=alice, status="done").count() >= 3
    assert Win.objects.filter(owner=alice, kind="action_done").exists()
    assert not Action.objects.filter(owner=alice, status="proposed").exists()
