"""The "I just got rejected" flow on the web: paste, check, reflect, drafts, next steps, today."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.models import Contact
from bounceback.applications.services import add_application, record_event
from bounceback.recovery.models import (
    Action,
    ActionStatus,
    PracticeQuestion,
    Reflection,
    Rejection,
    Win,
)
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

EMAIL = (
    "Dear Alex,\n\nThank you for interviewing with us for the Data Analyst role at Acme. "
    "Unfortunately we have decided to move ahead with another candidate.\n\n"
    "Kind regards,\nPriya Raman\nAcme"
)
INVITE = (
    "Hi Alex, we would like to invite you to an interview for the Data Analyst role at Acme "
    "next week. Please pick a time that suits you."
)


def _save(client: Any, **fields: Any) -> Any:
    data = {
        "step": "save",
        "text": EMAIL,
        "company": "Acme",
        "role": "Data Analyst",
        "contact_name": "Priya Raman",
        "stage": "interview",
        "received_on": TODAY.isoformat(),
        "application": "new",
    }
    data.update(fields)
    return client.post("/rejections/new/", data)


def test_pasting_an_email_shows_what_was_read_for_checking(alice_client: Any, alice: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    response = alice_client.post("/rejections/new/", {"step": "read", "text": EMAIL})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Here's what bounceback read." in body
    assert 'value="Acme"' in body
    assert 'value="interview" selected' in body
    assert not Rejection.objects.exists()


def test_an_empty_paste_gets_a_kind_note_and_saves_nothing(alice_client: Any) -> None:
    response = alice_client.post("/rejections/new/", {"step": "read", "text": "   "})
    assert "There is nothing here yet" in response.content.decode()
    assert not Rejection.objects.exists()


def test_an_interview_invitation_is_recognised_and_the_text_is_kept(alice_client: Any) -> None:
    response = alice_client.post("/rejections/new/", {"step": "read", "text": INVITE})
    body = response.content.decode()
    assert "an interview invitation, not a rejection" in body
    assert "Please pick a time that suits you." in body
    assert not Rejection.objects.exists()


def test_saving_links_the_rejection_to_the_existing_application(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Data Analyst")
    response = _save(alice_client, company="ACME Corp", application=str(application.pk))
    rejection = Rejection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/rejections/{rejection.pk}/"
    assert rejection.application == application
    assert rejection.contact is not None and rejection.contact.name == "Priya Raman"
    assert list(Win.objects.filter(application=application).values_list("title", flat=True)) == [
        "Interview with Acme for Data Analyst"
    ]


def test_a_corrected_field_is_what_gets_saved(alice_client: Any) -> None:
    _save(alice_client, role="Senior Data Analyst", stage="final")
    rejection = Rejection.objects.get()
    assert rejection.application.role == "Senior Data Analyst"
    assert rejection.stage_reached == "final"


def test_a_future_date_is_refused_and_everything_typed_is_kept(alice_client: Any) -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    response = _save(alice_client, received_on=tomorrow, role="Typed role")
    body = response.content.decode()
    assert "That date is in the future" in body
    assert 'value="Typed role"' in body
    assert "move ahead with another candidate" in body
    assert not Rejection.objects.exists()


def test_an_unknown_application_id_is_a_kind_message_not_an_error(alice_client: Any) -> None:
    response = _save(alice_client, application="9999")
    assert response.status_code == 200
    assert "That application isn&#x27;t in your list" in response.content.decode()
    assert not Rejection.objects.exists()


def test_when_unsure_the_person_picks_among_candidates(alice_client: Any, alice: Any) -> None:
    first = add_application(alice, company="Acme", role="Data Analyst")
    add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=30)
    )
    response = alice_client.post("/rejections/new/", {"step": "read", "text": EMAIL})
    body = response.content.decode()
    assert "Which application is it?" in body
    assert f'value="{first.pk}"' in body
    response = _save(alice_client, application="")
    assert "not sure which of your applications" in response.content.decode()
    assert not Rejection.objects.exists()


def test_bob_cannot_see_or_change_alices_rejection(alice: Any, bob_client: Any) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    for url in ("", "reflect/", "drafts/", "next/", "done/"):
        assert bob_client.get(f"/rejections/{rejection.pk}/{url}").status_code == 404
    assert (
        bob_client.post(
            f"/rejections/{rejection.pk}/reflect/", {"key": "went_well", "answer": "x"}
        ).status_code
        == 404
    )
    response = _save(bob_client, application=str(rejection.application.pk))
    assert "That application isn&#x27;t in your list" in response.content.decode()


def test_the_context_uses_only_the_persons_own_numbers(alice_client: Any, alice: Any) -> None:
    record_rejection(add_application(alice, company="Other", role="Analyst"))
    add_application(alice, company="Still open", role="Analyst")
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=10)
    )
    record_event(application, "interview", occurred_on=TODAY)
    rejection = record_rejection(application, stage_reached="interview")
    body = alice_client.get(f"/rejections/{rejection.pk}/").content.decode()
    assert "1 of your 1 finished application stopped at an earlier step" in body
    assert "In the 30 days before you heard" in body
    assert "this was the one interview" in body
    assert "Kept in your wins" in body


def test_answers_save_with_htmx_and_return_a_small_saved_note(
    alice_client: Any, alice: Any
) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="Analyst"), stage_reached="interview"
    )
    response = alice_client.post(
        f"/rejections/{rejection.pk}/reflect/",
        {"key": "struggled", "answer": "The case study", "control": "can_change"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.startswith("Saved")
    # The answer's suggested themes come back too, to replace the block under the question.
    assert 'id="themes-struggled" hx-swap-oob="true"' in html
    saved = Reflection.objects.get()
    assert (saved.answer, saved.control, saved.private) == ("The case study", "can_change", True)


def test_answers_save_without_javascript_too(alice_client: Any, alice: Any) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="Analyst"), stage_reached="interview"
    )
    response = alice_client.post(
        f"/rejections/{rejection.pk}/reflect/", {"key": "went_well", "answer": "Rapport"}
    )
    assert response.status_code == 302
    assert "Rapport" in alice_client.get(response["Location"]).content.decode()


def test_stumbled_questions_are_kept_for_practice(alice_client: Any, alice: Any) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="Analyst"), stage_reached="interview"
    )
    url = f"/rejections/{rejection.pk}/reflect/"
    alice_client.post(url, {"key": "stumbled", "answer": "Tell me about a conflict\n- Why us?"})
    assert sorted(PracticeQuestion.objects.values_list("text", flat=True)) == [
        "Tell me about a conflict",
        "Why us?",
    ]
    alice_client.post(url, {"key": "stumbled", "answer": "Why us?"})
    assert list(PracticeQuestion.objects.values_list("text", flat=True)) == ["Why us?"]


def test_questions_follow_the_stage_reached(alice_client: Any, alice: Any) -> None:
    early = record_rejection(
        add_application(alice, company="A", role="R"), stage_reached="application"
    )
    body = alice_client.get(f"/rejections/{early.pk}/reflect/").content.decode()
    assert "Reading the job ad again" in body
    assert "caught you off guard" not in body


def test_the_drafts_page_addresses_the_contact_in_the_chosen_tone(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Keel & Compass", role="Analyst")
    contact = Contact.objects.create(owner=alice, name="Priya Raman", email="priya@example.com")
    rejection = record_rejection(application, stage_reached="interview", contact=contact)
    warm = alice_client.get(f"/rejections/{rejection.pk}/drafts/").content.decode()
    assert "Hi Priya," in warm
    assert "mailto:priya@example.com?subject=" in warm
    formal = alice_client.get(f"/rejections/{rejection.pk}/drafts/?tone=formal").content.decode()
    assert "Dear Priya Raman," in formal


def test_an_invitation_to_reapply_brings_a_note_for_later_with_what_was_done_since(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application, stage_reached="interview", reapply_invite=True)
    Action.objects.create(
        owner=alice,
        title="Built a dbt project end to end",
        kind="custom",
        status="done",
        done_on=TODAY,
    )
    Action.objects.create(
        owner=alice,
        title="Send the thank-you note",
        kind="thank_you",
        status="done",
        done_on=TODAY,
    )
    body = alice_client.get(f"/rejections/{rejection.pk}/drafts/").content.decode()
    assert "For later: when you apply again" in body
    assert "Built a dbt project end to end" in body  # offered to pick from, not put in their mouth
    assert "Send the thank-you note" not in body.split("For later")[1]
    without = record_rejection(add_application(alice, company="Beta", role="Analyst"))
    assert (
        "when you apply again"
        not in alice_client.get(f"/rejections/{without.pk}/drafts/").content.decode()
    )


def test_next_steps_are_proposed_and_can_be_kept_changed_or_dropped(
    alice_client: Any, alice: Any
) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="Analyst"), stage_reached="interview"
    )
    alice_client.get(f"/rejections/{rejection.pk}/next/")
    proposed = list(Action.objects.filter(rejection=rejection))
    assert {a.status for a in proposed} == {ActionStatus.PROPOSED}
    thank, feedback = (
        Action.objects.get(rejection=rejection, kind=k) for k in ("thank_you", "feedback_request")
    )
    response = alice_client.post(
        f"/rejections/steps/{thank.pk}/", {"do": "accept"}, HTTP_HX_REQUEST="true"
    )
    assert "Kept" in response.content.decode()
    alice_client.post(
        f"/rejections/steps/{feedback.pk}/", {"do": "drop", "back": "/rejections/today/"}
    )
    later = (TODAY + timedelta(days=2)).isoformat()
    alice_client.post(
        f"/rejections/steps/{thank.pk}/", {"do": "edit", "title": "Write to Priya", "due_on": later}
    )
    thank.refresh_from_db()
    feedback.refresh_from_db()
    assert (thank.status, thank.title, str(thank.due_on)) == (
        "open",
        "Write to Priya",
        later,
    )
    assert feedback.status == "dropped"
    alice_client.get(f"/rejections/{rejection.pk}/next/")
    assert Action.objects.get(pk=feedback.pk).status == "dropped", (
        "a dropped step is not suggested again"
    )


def test_today_lists_due_steps_and_one_click_done_records_a_win(
    alice_client: Any, alice: Any
) -> None:
    due = Action.objects.create(owner=alice, title="Send the note", due_on=TODAY, status="open")
    Action.objects.create(
        owner=alice, title="Not yet", due_on=TODAY + timedelta(days=5), status="open"
    )
    Action.objects.create(owner=alice, title="Only a suggestion", due_on=TODAY, status="proposed")
    body = alice_client.get("/rejections/today/").content.decode()
    assert "Send the note" in body
    # The web page is as complete as `bounceback today`: suggestions wait there to be kept.
    assert "Suggested, not kept yet" in body and "Only a suggestion" in body
    assert "Coming up" in body
    response = alice_client.post(
        f"/rejections/steps/{due.pk}/", {"do": "done", "view": "today"}, HTTP_HX_REQUEST="true"
    )
    assert "Done: Send the note" in response.content.decode()
    assert Win.objects.filter(owner=alice, kind="action_done").count() == 1


def test_the_dashboard_offers_a_calm_way_in(alice_client: Any) -> None:
    body = alice_client.get("/").content.decode()
    assert "Got a no? Start here" in body


def test_an_imported_rejection_waits_on_the_dashboard_until_it_is_opened(
    alice_client: Any, alice: Any, bob: Any
) -> None:
    application = add_application(alice, company="Globex", role="Analyst")
    rejection = record_rejection(application)  # as the mailbox import does
    record_rejection(add_application(bob, company="Initech", role="Tester"))
    body = alice_client.get("/").content.decode()
    assert f"/rejections/{rejection.pk}/" in body and "Globex" in body
    assert "Initech" not in body
    alice_client.get(f"/rejections/{rejection.pk}/next/")  # steps proposed: it has been seen
    assert "waiting for a look" not in alice_client.get("/").content.decode()


def test_gentle_mode_keeps_waiting_rejections_off_the_dashboard(
    alice_client: Any, alice: Any
) -> None:
    from bounceback.accounts.models import Profile

    record_rejection(add_application(alice, company="Globex", role="Analyst"))
    profile = Profile.for_user(alice)
    profile.gentle_mode = True
    profile.save()
    body = alice_client.get("/").content.decode()
    assert "Globex" not in body


def test_the_application_page_offers_the_flow_and_then_its_results(
    alice_client: Any, alice: Any
) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    body = alice_client.get(application.get_absolute_url()).content.decode()
    assert f"/rejections/new/?application={application.pk}" in body
    record_rejection(application)
    body = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Your reflection" in body and "What they said" in body


def test_the_capture_form_is_prefilled_from_the_application(alice_client: Any, alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    body = alice_client.get(f"/rejections/new/?application={application.pk}").content.decode()
    assert "About: <strong>Analyst</strong> at Acme" in body
    response = alice_client.post(
        "/rejections/new/", {"step": "read", "text": "", "application": application.pk}
    )
    assert f'value="{application.pk}"' in response.content.decode()


def test_a_very_long_paste_is_kept_with_a_kind_note(alice_client: Any) -> None:
    response = alice_client.post("/rejections/new/", {"step": "read", "text": "word " * 12_000})
    assert "longer than an e-mail usually is" in response.content.decode()
    assert not Rejection.objects.exists()


def test_a_draft_copied_into_the_data_folder_is_used_first(
    alice: Any, settings: Any, tmp_path: Any
) -> None:
    from bounceback.recovery import drafts

    settings.HOME = tmp_path
    own = tmp_path / "drafts" / "thank_you" / "warm.txt"
    own.parent.mkdir(parents=True)
    own.write_text("Subject: Danke – {{ role }}\n\nHallo,\n\nvielen Dank.\n", encoding="utf-8")
    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    draft = drafts.render("thank_you", "warm", rejection.application, rejection)
    assert (draft.subject, draft.body) == ("Danke – Analyst", "Hallo,\n\nvielen Dank.\n")
    other = drafts.render("thank_you", "brief", rejection.application, rejection)
    assert other.subject.startswith("Thank")  # no copy of this one: the shipped wording


def test_a_new_application_made_from_a_rejection_marks_its_date_as_a_guess(
    alice_client: Any, alice: Any
) -> None:
    _save(alice_client, company="Newco", role="Analyst")
    application = Rejection.objects.get(owner=alice).application
    assert application.applied_on_guessed  # response times leave it out


def test_the_done_page_offers_a_check_in_only_until_they_have_checked_in_today(
    alice_client: Any, alice: Any
) -> None:
    from bounceback.wellbeing.models import CheckIn

    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    assert (
        "How are you feeling?"
        in alice_client.get(f"/rejections/{rejection.pk}/done/").content.decode()
    )
    CheckIn.objects.create(owner=alice, mood=3)
    assert (
        "How are you feeling?"
        not in alice_client.get(f"/rejections/{rejection.pk}/done/").content.decode()
    )


def test_steps_are_proposed_from_the_themes_confirmed_in_what_they_could_change(
    alice: Any,
) -> None:
    from bounceback.recovery import actions
    from tests.suggestions import confirm_all

    rejection = record_rejection(
        add_application(alice, company="Acme", role="Analyst"), stage_reached="interview"
    )
    Reflection.objects.create(
        owner=alice,
        rejection=rejection,
        question_key="could_change",
        question="What could you change?",
        answer="My SQL was rusty in the technical round.",
        control="can_change",
    )
    Reflection.objects.create(
        owner=alice,
        rejection=rejection,
        question_key="outside",
        question="What was outside your control?",
        answer="My communication was fine; they had an internal candidate.",
        control="outside",
    )
    confirm_all(alice)
    steps = {a.title: a for a in actions.propose(rejection)}
    core = "Pick one core skill and practise it for 30 minutes a day this week"
    assert core in steps and steps[core].theme == "core-skill"
    assert steps[core].due_on == TODAY + timedelta(days=actions.THEME_STEP_WITHIN)
    assert not any(a.theme in ("competition", "communication") for a in steps.values())


def test_a_suggested_theme_nobody_confirmed_proposes_no_step(alice: Any) -> None:
    from bounceback.recovery import actions

    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    Reflection.objects.create(
        owner=alice,
        rejection=rejection,
        question_key="could_change",
        question="What could you change?",
        answer="I would explain how I ran the tests. My SQL was rusty in the technical round.",
        control="can_change",
    )
    assert not [a for a in actions.propose(rejection) if a.theme]


def test_no_answers_no_theme_steps(alice: Any) -> None:
    from bounceback.recovery import actions

    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    assert not [a for a in actions.propose(rejection) if a.theme]


def test_good_news_pasted_by_mistake_goes_on_the_timeline_in_one_click(
    alice_client: Any, alice: Any
) -> None:
    from bounceback.applications.models import StageEvent

    application = add_application(
        alice, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=10)
    )
    body = alice_client.post("/rejections/new/", {"step": "read", "text": INVITE}).content.decode()
    assert 'action="/rejections/new/good-news/"' in body
    assert f'name="application" value="{application.pk}"' in body
    assert 'name="kind" value="interview"' in body
    alice_client.post(
        "/rejections/new/good-news/",
        {
            "application": application.pk,
            "kind": "interview",
            "occurred_on": TODAY.isoformat(),
            "note": INVITE[:40],
            "text": INVITE,
        },
    )
    assert StageEvent.objects.filter(application=application, kind="interview").exists()
    assert not Rejection.objects.exists()


def test_a_theme_tag_the_person_removed_proposes_no_step(alice: Any) -> None:
    from bounceback.insights.models import ThemeTag
    from bounceback.insights.tagging import remove_tag
    from bounceback.recovery import actions

    rejection = record_rejection(add_application(alice, company="Acme", role="Analyst"))
    answer = Reflection.objects.create(
        owner=alice,
        rejection=rejection,
        question_key="could_change",
        question="What could you change?",
        answer="My SQL was rusty in the technical round.",
        control="can_change",
    )
    remove_tag(ThemeTag.objects.get(reflection=answer, theme="core-skill"))
    assert not [a for a in actions.propose(rejection) if a.theme == "core-skill"]
