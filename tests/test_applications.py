from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application, Company, EventKind, Stage, Status
from bounceback.applications.services import (
    add_application,
    match_application,
    record_event,
    search,
)
from bounceback.errors import UserError
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_adding_an_application_starts_its_timeline(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=date(2026, 10, 1)
    )
    assert [e.kind for e in application.events.all()] == [EventKind.APPLIED]
    assert application.stage == Stage.APPLIED and application.status == Status.ACTIVE


def test_acme_corp_and_acme_are_one_company(alice: Any) -> None:
    add_application(alice, company="ACME Corp", role="Analyst")
    add_application(alice, company="Acme", role="Engineer")
    assert Company.objects.filter(owner=alice).count() == 1


def test_each_person_has_their_own_companies(alice: Any, bob: Any) -> None:
    add_application(alice, company="Acme", role="Analyst")
    add_application(bob, company="Acme", role="Analyst")
    assert Company.objects.count() == 2


def test_events_move_the_stage_forward_but_never_back(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    record_event(application, EventKind.INTERVIEW, occurred_on=TODAY - timedelta(days=5))
    record_event(application, EventKind.SCREEN, occurred_on=TODAY - timedelta(days=4))
    assert application.stage == Stage.INTERVIEW


def test_interview_rounds_are_numbered(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    first = record_event(application, EventKind.INTERVIEW, occurred_on=TODAY - timedelta(days=5))
    second = record_event(application, EventKind.INTERVIEW)
    assert (first.round, second.round) == (1, 2)


def test_an_interview_is_kept_as_a_win(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    record_event(application, EventKind.INTERVIEW)
    record_event(application, EventKind.INTERVIEW)
    assert [w.title for w in application.wins.all()] == ["Interview with Acme for Analyst"]


def test_a_reply_after_silence_reopens_a_ghosted_application(alice: Any) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=40)
    )
    record_event(application, EventKind.GHOSTED, occurred_on=TODAY - timedelta(days=3))
    record_event(application, EventKind.SCREEN)
    assert application.status == Status.ACTIVE


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"company": " ", "role": "Analyst"}, "company"),
        ({"company": "Acme", "role": ""}, "role"),
        (
            {"company": "Acme", "role": "Analyst", "applied_on": TODAY + timedelta(days=2)},
            "future",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_reason(
    alice: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        add_application(alice, **kwargs)
    assert not Application.objects.exists()


def test_an_event_before_the_application_date_is_refused(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst", applied_on=TODAY)
    with pytest.raises(UserError, match="before you applied"):
        record_event(application, EventKind.SCREEN, occurred_on=TODAY - timedelta(days=3))
    assert application.events.count() == 1


def test_search_answers_did_i_already_apply_there(alice: Any, bob: Any) -> None:
    add_application(alice, company="Acme Inc.", role="Analyst")
    add_application(bob, company="Globex", role="Analyst")
    assert [a.company.name for a in search(alice, "ACME")] == ["Acme Inc."]
    assert list(search(alice, "Globex")) == []


def test_matching_is_certain_only_when_one_application_fits(alice: Any) -> None:
    analyst = add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Engineer")
    assert match_application(alice, "ACME Corp", "Data Analyst") == match_application(
        alice, "acme", "data analyst"
    )
    certain = match_application(alice, "ACME Corp", "Data Analyst")
    assert certain.certain and certain.application == analyst
    unsure = match_application(alice, "Acme", None)
    assert not unsure.certain and len(unsure.candidates) == 2


def test_a_loose_fuzzy_company_match_is_never_certain(alice: Any) -> None:
    add_application(alice, company="Northwind Analytics", role="Analyst")
    match = match_application(alice, "Northwind Analytic", "Analyst")
    assert not match.certain and len(match.candidates) == 1


# --- the web app ---------------------------------------------------------------------------


def test_pages_require_signing_in(client: Any) -> None:
    response = client.get(reverse("applications:list"))
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]


def test_help_is_reachable_without_signing_in(client: Any) -> None:
    assert client.get(reverse("wellbeing:help_now")).status_code == 200


def test_a_sign_in_link_works_once(client: Any, alice: Any) -> None:
    from bounceback.accounts.models import SignInToken

    token = SignInToken.issue(alice)
    assert client.get(reverse("accounts:sign_in_link", args=[token])).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    client.logout()
    assert client.get(reverse("accounts:sign_in_link", args=[token])).status_code == 403


def test_a_foreign_host_header_is_refused(alice_client: Any) -> None:
    # DNS rebinding: a hostile page resolving its own name to 127.0.0.1.
    assert alice_client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_the_dashboard_shows_the_search_and_the_help_link(alice_client: Any, alice: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "Data Analyst" in page and "Need help now?" in page


def test_an_application_can_be_added_and_edited_on_the_web(alice_client: Any, alice: Any) -> None:
    response = alice_client.post(
        reverse("applications:add"),
        {
            "company_name": "Acme",
            "role": "Analyst",
            "applied_on": "2026-10-01",
            "source": "LinkedIn",
        },
    )
    application = Application.objects.get(owner=alice)
    assert response.status_code == 302
    alice_client.post(
        reverse("applications:edit", args=[application.pk]),
        {"company_name": "Globex", "role": "Senior Analyst", "applied_on": "2026-10-01"},
    )
    application.refresh_from_db()
    assert (application.company.name, application.role) == ("Globex", "Senior Analyst")


def test_a_future_date_on_the_web_form_is_explained_and_nothing_saved(alice_client: Any) -> None:
    response = alice_client.post(
        reverse("applications:add"),
        {"company_name": "Acme", "role": "Analyst", "applied_on": "2099-01-01"},
    )
    assert response.status_code == 200
    assert "in the future" in response.content.decode()
    assert not Application.objects.exists()


def test_adding_a_step_with_htmx_returns_the_timeline_fragment(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=4)
    )
    response = alice_client.post(
        reverse("applications:event_add", args=[application.pk]),
        {"kind": "screen", "occurred_on": TODAY.isoformat(), "note": "With Priya"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "<html" not in body and "Screening call" in body and "With Priya" in body


def test_the_search_box_answers_with_htmx(alice_client: Any, alice: Any) -> None:
    add_application(alice, company="Acme Corp", role="Analyst")
    response = alice_client.get(
        reverse("applications:list"),
        {"q": "acme"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="application-results",
    )
    assert "Yes: you applied to 1 role" in response.content.decode()


def test_bob_cannot_see_or_change_alices_application(bob_client: Any, alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    assert bob_client.get(reverse("applications:detail", args=[application.pk])).status_code == 404
    assert bob_client.post(reverse("applications:delete", args=[application.pk])).status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()


def test_every_model_is_in_the_admin() -> None:
    from django.apps import apps
    from django.contrib import admin

    ours = [m for m in apps.get_models() if m.__module__.startswith("bounceback.")]
    missing = [
        m.__name__ for m in ours if m not in admin.site._registry and m.__name__ != "SignInToken"
    ]
    assert missing == []


def test_a_timeline_entry_can_be_corrected_but_not_moved_before_applying(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9)
    )
    event = record_event(application, EventKind.SCREEN, occurred_on=TODAY - timedelta(days=5))
    url = reverse("applications:event_edit", args=[application.pk, event.pk])
    too_early = (TODAY - timedelta(days=30)).isoformat()
    response = alice_client.post(
        url, {"kind": "interview", "occurred_on": too_early, "note": "typo fixed"}
    )
    assert "before you applied" in response.content.decode()
    event.refresh_from_db()
    assert event.kind == EventKind.SCREEN
    alice_client.post(
        url, {"kind": "interview", "occurred_on": TODAY.isoformat(), "note": "typo fixed"}
    )
    event.refresh_from_db()
    assert (event.kind, event.note) == (EventKind.INTERVIEW, "typo fixed")


def test_weeks_in_a_row_count_full_weeks_with_an_application_up_to_last_week(alice: Any) -> None:
    from bounceback.applications.services import weeks_in_a_row

    monday = TODAY - timedelta(days=TODAY.weekday())  # this week has only just begun
    for days_back in (3, 9, 16, 40):  # last week, the two before, then a gap
        add_application(
            alice,
            company=f"Co {days_back}",
            role="Analyst",
            applied_on=monday - timedelta(days=days_back),
        )
    assert weeks_in_a_row(alice, monday) == 3
    assert weeks_in_a_row(alice, monday + timedelta(days=6)) == 3  # this week never breaks it
    assert weeks_in_a_row(alice, monday + timedelta(days=7)) == 0  # a week with none did


def test_the_dashboard_notes_momentum_kindly_and_never_a_lost_streak(
    alice: Any, alice_client: Any
) -> None:
    today = TODAY
    for weeks_back in (1, 2):
        add_application(
            alice,
            company=f"Co {weeks_back}",
            role="Analyst",
            applied_on=today - timedelta(weeks=weeks_back),
        )
    body = alice_client.get("/").content.decode()
    assert "an application every week for 2 weeks" in body
