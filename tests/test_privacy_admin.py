"""A coach or administrator in the admin sees dates and flags, never a person's private words."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from bounceback.applications.services import add_application
from bounceback.recovery.models import Feedback, Reflection
from bounceback.recovery.services import record_rejection
from bounceback.wellbeing.models import CheckIn, ExerciseEntry
from tests.people import signed_in

pytestmark = pytest.mark.django_db

SECRET = "I cried in the car park afterwards"


def test_the_admin_never_shows_reflections_feedback_or_check_in_notes(
    alice: Any, client: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application)
    reflection = Reflection.objects.create(
        owner=alice, rejection=rejection, question_key="felt", question="How was it?", answer=SECRET
    )
    feedback = Feedback.objects.create(owner=alice, application=application, text=SECRET)
    check_in = CheckIn.objects.create(owner=alice, mood=2, note=SECRET)
    entry = ExerciseEntry.objects.create(owner=alice, exercise="friend", answers={"friend": SECRET})
    staff = User.objects.create_superuser("coach", password="pw-for-tests")
    client = signed_in(staff)
    pages = [
        f"/admin/recovery/reflection/{reflection.pk}/change/",
        f"/admin/recovery/feedback/{feedback.pk}/change/",
        f"/admin/recovery/rejection/{rejection.pk}/change/",
        f"/admin/wellbeing/checkin/{check_in.pk}/change/",
        f"/admin/wellbeing/exerciseentry/{entry.pk}/change/",
        "/admin/recovery/reflection/",
        "/admin/wellbeing/checkin/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert SECRET not in response.content.decode(), page
