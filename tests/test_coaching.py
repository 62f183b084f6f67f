"""Sharing with a coach: chosen parts, private words only item by item, revocable at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from bounceback.accounts.models import Role
from bounceback.applications.services import add_application
from bounceback.coaching import services
from bounceback.coaching.models import NoteKind, StepAnswer
from bounceback.errors import NotFound, UserError
from bounceback.recovery.models import Action, Reflection
from bounceback.recovery.services import record_rejection
from bounceback.wellbeing.models import CheckIn
from tests.people import person, signed_in

pytestmark = pytest.mark.django_db

SECRET = "I froze on the salary question and felt stupid"
CHECKIN_NOTE = "Slept badly, the waiting is hard"


@pytest.fixture(autouse=True)
def hosted(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True


@pytest.fixture
def sam() -> User:
    return person("sam@example.org")


@pytest.fixture
def carol() -> User:
    return person("carol@example.org", Role.COACH)


def _search(owner: User) -> Reflection:
    application = add_application(owner, company="Acme", role="Data Analyst")
    rejection = record_rejection(application)
    CheckIn.objects.create(owner=owner, mood=2, note=CHECKIN_NOTE)
    return Reflection.objects.create(
        owner=owner,
        rejection=rejection,
        question_key="felt",
        question="How did it go?",
        answer=SECRET,
    )


def test_whole_parts_never_include_private_words(sam: User, carol: User) -> None:
    _search(sam)
    share = services.share_with(sam, carol.pk, ["applications", "insights", "report"])
    coach = signed_in(carol)
    pages = [
        reverse("coaching:person", args=[share.pk]),
        reverse("coaching:insights", args=[share.pk]),
        reverse("coaching:report", args=[share.pk]),
    ]
    for page in pages:
        response = coach.get(page)
        assert response.status_code == 200, page
        text = response.content.decode()
        assert SECRET not in text and CHECKIN_NOTE not in text, page
    assert "Acme" in coach.get(pages[0]).content.decode()


def test_private_words_are_shared_one_item_at_a_time(sam: User, carol: User) -> None:
    reflection = _search(sam)
    share = services.share_with(sam, carol.pk, [])
    services.set_items(share, [("reflection", reflection.pk)])
    coach = signed_in(carol)
    overview = coach.get(reverse("coaching:person", args=[share.pk])).content.decode()
    assert CHECKIN_NOTE not in overview
    item = share.items.get()
    page = coach.get(reverse("coaching:item", args=[share.pk, item.pk])).content.decode()
    assert SECRET in page


def test_a_seeker_cannot_share_someone_elses_words(sam: User, carol: User) -> None:
    theirs = _search(person("bob@example.org"))
    share = services.share_with(sam, carol.pk, [])
    with pytest.raises(NotFound):
        services.set_items(share, [("reflection", theirs.pk)])
    assert not share.items.exists()


def test_a_part_that_is_not_shared_stays_closed(sam: User, carol: User) -> None:
    _search(sam)
    share = services.share_with(sam, carol.pk, ["insights"])
    application = sam_application(sam)
    coach = signed_in(carol)
    assert coach.get(reverse("coaching:report", args=[share.pk])).status_code == 404
    url = reverse("coaching:application", args=[share.pk, application])
    assert coach.get(url).status_code == 404


def sam_application(sam: User) -> int:
    from bounceback.applications.models import Application

    return Application.objects.filter(owner=sam).values_list("pk", flat=True)[0]


def test_revoking_closes_everything_at_once(sam: User, carol: User) -> None:
    reflection = _search(sam)
    share = services.share_with(sam, carol.pk, ["applications"])
    services.set_items(share, [("reflection", reflection.pk)])
    coach = signed_in(carol)
    assert coach.get(reverse("coaching:person", args=[share.pk])).status_code == 200

    signed_in(sam).post(reverse("coaching:share_revoke", args=[share.pk]))

    assert coach.get(reverse("coaching:person", args=[share.pk])).status_code == 404
    item = share.items.get()
    assert coach.get(reverse("coaching:item", args=[share.pk, item.pk])).status_code == 404
    assert share.pk not in [s.pk for s in services.caseload(carol)]


def test_a_new_share_after_revoking_starts_with_nothing(sam: User, carol: User) -> None:
    reflection = _search(sam)
    first = services.share_with(sam, carol.pk, ["applications"])
    services.set_items(first, [("reflection", reflection.pk)])
    services.revoke(first)
    second = services.share_with(sam, carol.pk, [])
    assert second.pk != first.pk
    assert second.parts() == [] and not second.items.exists()


def test_the_seeker_reads_what_the_coach_opened(sam: User, carol: User) -> None:
    _search(sam)
    share = services.share_with(sam, carol.pk, ["applications", "insights"])
    coach = signed_in(carol)
    coach.get(reverse("coaching:insights", args=[share.pk]))
    coach.get(reverse("coaching:application", args=[share.pk, sam_application(sam)]))
    page = signed_in(sam).get(reverse("coaching:sharing")).content.decode()
    assert "Themes and insights" in page
    assert "Data Analyst at Acme" in page


def test_a_suggested_step_joins_the_seekers_steps_only_if_they_accept(
    sam: User, carol: User
) -> None:
    share = services.share_with(sam, carol.pk, [])
    coach = signed_in(carol)
    coach.post(
        reverse("coaching:person", args=[share.pk]),
        {"kind": NoteKind.STEP, "text": "Practise the salary question out loud"},
    )
    coach.post(
        reverse("coaching:person", args=[share.pk]),
        {"kind": NoteKind.STEP, "text": "Apply to three roles this week"},
    )
    take, leave = sorted(share.notes.all(), key=lambda note: note.text)
    seeker = signed_in(sam)
    seeker.post(reverse("coaching:note_answer", args=[take.pk]), {"accept": "0"})
    seeker.post(reverse("coaching:note_answer", args=[leave.pk]), {"accept": "1"})

    titles = list(Action.objects.filter(owner=sam).values_list("title", flat=True))
    assert titles == ["Practise the salary question out loud"]
    take.refresh_from_db()
    assert take.answer == StepAnswer.DECLINED


def test_only_coaches_can_be_chosen(sam: User) -> None:
    bob = person("bob@example.org")
    with pytest.raises(UserError):
        services.share_with(sam, bob.pk, ["applications"])


def test_a_comment_has_words_and_a_step_is_short(sam: User, carol: User) -> None:
    share = services.share_with(sam, carol.pk, [])
    with pytest.raises(UserError):
        services.add_note(share, NoteKind.COMMENT, "   ")
    with pytest.raises(UserError):
        services.add_note(share, NoteKind.STEP, "x" * 201)
