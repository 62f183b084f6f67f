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


def test_no_admin_filter_can_rebuild_a_reflection_one_letter_at_a_time(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application)
    Reflection.objects.create(
        owner=alice, rejection=rejection, question_key="felt", question="How was it?", answer=SECRET
    )
    client = signed_in(User.objects.create_superuser("root", password="pw-for-tests"))
    for probe in (
        "/admin/recovery/reflection/?answer__startswith=I",
        "/admin/recovery/reflection/?answer=x",
        "/admin/recovery/rejection/?reflections__answer__startswith=I",
        "/admin/recovery/feedback/?text__contains=a",
        "/admin/mailbox/importedmessage/?original__data__contains=a",
        "/admin/mailbox/originalmail/?data__contains=a",
        "/admin/wellbeing/checkin/?note__startswith=I",
        "/admin/insights/themetag/?words__contains=cried",
        "/admin/mailbox/reviewitem/?text__icontains=regret",
        "/admin/applications/application/?notes__startswith=a",
    ):
        assert client.get(probe).status_code == 400, probe
    # The filters the page offers still work.
    assert client.get("/admin/recovery/rejection/?has_feedback__exact=1").status_code == 200


def test_every_text_a_person_wrote_is_named_private_in_its_admin() -> None:
    """A new free-text field must be decided on: private, or listed here as safe to show."""
    from django.contrib import admin
    from django.db import models

    from bounceback.admin_privacy import PrivateAdmin

    safe = {
        "applications.Company": {"name", "key", "website"},
        "applications.Application": {"role", "source", "link", "stage", "status"},
        "applications.StageEvent": {"kind"},
        "applications.Contact": {"name", "role", "email", "phone", "linkedin"},
        "recovery.Reflection": {"question_key", "question", "control"},
        "recovery.Rejection": {"stage_reached"},
        "recovery.Action": {"title", "kind", "theme", "status"},
        "recovery.Win": {"title", "kind"},
    }
    problems = []
    for model, model_admin in admin.site._registry.items():
        if not model.__module__.startswith("bounceback."):
            continue
        if not isinstance(model_admin, PrivateAdmin):
            problems.append(f"{model._meta.label}: its admin is not a PrivateAdmin")
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.TextField | models.JSONField):
                continue
            if field.name in model_admin.private_fields:
                continue
            if field.name in safe.get(model._meta.label, set()):
                continue
            if isinstance(field, models.TextField):
                problems.append(f"{model._meta.label}.{field.name}: private or safe?")
        for name in model_admin.search_fields:
            if name.split("__")[0] in model_admin.private_fields:
                problems.append(f"{model._meta.label}: searches the private {name}")
    assert not problems, "\n".join(problems)
