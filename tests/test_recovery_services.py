"""The recovery services shared by the web flow and the CLI: capture, drafts, steps, feedback."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import unquote

import pytest

from bounceback.accounts.models import Profile
from bounceback.applications.models import Contact
from bounceback.applications.services import add_application
from bounceback.errors import UserError
from bounceback.recovery import actions, drafts, reading, reflection
from bounceback.recovery.capture import CaptureInput, capture_rejection
from bounceback.recovery.feedback import mark_second_ask_sent, record_feedback
from bounceback.recovery.models import Action, Feedback, Rejection, Win
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def test_capture_creates_a_new_application_when_there_is_none(alice: Any) -> None:
    rejection = capture_rejection(
        alice, CaptureInput(company="Acme", role="Analyst", stage="screen")
    )
    assert str(rejection.application) == "Analyst at Acme"
    assert rejection.application.status == "rejected"


def test_capture_refuses_an_empty_paste(alice: Any) -> None:
    with pytest.raises(UserError, match="nothing to save"):
        capture_rejection(alice, CaptureInput(text="  "))
    assert not Rejection.objects.exists()


def test_capture_needs_a_role_for_a_new_application(alice: Any) -> None:
    with pytest.raises(UserError, match="add the role"):
        capture_rejection(alice, CaptureInput(company="Acme"))


def test_capture_refuses_a_future_date(alice: Any) -> None:
    later = TODAY + timedelta(days=1)
    with pytest.raises(UserError, match="in the future"):
        capture_rejection(alice, CaptureInput(company="Acme", role="R", received_on=later))
    assert not Rejection.objects.exists()


def test_the_contact_named_in_the_email_is_found_or_added(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    known = Contact.objects.create(owner=alice, name="Priya Raman", company=application.company)
    rejection = record_rejection(application, contact_name="priya  raman")
    assert rejection.contact == known
    assert list(known.applications.all()) == [application]


def test_the_analyser_reads_a_rejection_and_notices_an_invitation() -> None:
    text = (
        "Dear Alex, thank you for interviewing for the Data Analyst role at Acme. "
        "Unfortunately we have decided to move ahead with another candidate."
    )
    guess = reading.read_pasted(text)
    assert guess.label == "rejection" and guess.not_a_rejection is None
    assert guess.stage == "interview"
    invite = reading.read_pasted(
        "We would like to invite you to an interview for the Analyst role next week."
    )
    assert invite.not_a_rejection == "an interview invitation"


def test_drafts_use_the_contact_first_name_and_the_tone(alice: Any) -> None:
    application = add_application(alice, company="Keel & Compass", role="Analyst")
    contact = Contact.objects.create(owner=alice, name="Priya Raman", email="priya@example.com")
    rejection = record_rejection(application, stage_reached="final", contact=contact)
    Profile.objects.create(user=alice, display_name="Alex")
    brief = drafts.render("thank_you", "brief", application, rejection)
    assert brief.body.startswith("Hi Priya,")
    assert "Keel & Compass" in brief.body, "plain text, not HTML-escaped"
    assert brief.body.rstrip().endswith("Alex")
    formal = drafts.render("feedback_request", "formal", application, rejection)
    assert formal.body.startswith("Dear Priya Raman,")
    assert formal.subject == "Request for feedback – Analyst"
    assert unquote(formal.mailto).startswith(
        "mailto:priya@example.com?subject=Request for feedback – Analyst&body=Dear"
    )


def test_drafts_without_a_contact_greet_kindly_and_ask_to_sign(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="Analyst")
    rejection = record_rejection(application)
    warm, request = drafts.for_rejection(rejection, "warm")
    assert warm.body.startswith("Hello,") and "[your name]" in warm.body
    assert request.kind == "feedback_request"
    with pytest.raises(UserError, match="not a tone"):
        drafts.render("thank_you", "cheerful", application, rejection)


def test_the_feedback_request_is_drafted_even_when_the_email_seemed_to_give_reasons(
    alice: Any,
) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="A"), has_feedback=True
    )
    assert [d.kind for d in drafts.for_rejection(rejection)] == ["thank_you", "feedback_request"]


def test_only_the_person_saying_it_is_enough_leaves_the_feedback_request_out(
    alice: Any,
) -> None:
    from bounceback.recovery.services import set_feedback_enough

    rejection = record_rejection(add_application(alice, company="Acme", role="A"))
    steps = actions.propose(rejection)
    assert "feedback_request" in {a.kind for a in steps}
    set_feedback_enough(rejection, True)
    assert [d.kind for d in drafts.for_rejection(rejection)] == ["thank_you"]
    dropped = rejection.actions.filter(kind__in=["feedback_request", "follow_up"])
    assert {a.status for a in dropped} == {"dropped"}
    set_feedback_enough(rejection, False)
    assert "feedback_request" in [d.kind for d in drafts.for_rejection(rejection)]


def test_steps_are_proposed_with_due_dates(alice: Any) -> None:
    day = date(2026, 11, 2)
    application = add_application(alice, company="Acme", role="A", applied_on=day)
    rejection = record_rejection(
        application, received_on=day, stage_reached="interview", reapply_invite=True
    )
    reflection.save_answer(rejection, "stumbled", "Why this company?")
    proposed = {a.kind: a.due_on for a in actions.propose(rejection, today=day)}
    assert proposed == {
        "thank_you": day + timedelta(days=1),
        "feedback_request": day + timedelta(days=1),
        "follow_up": day + timedelta(days=8),
        "reapply": day + timedelta(days=90),
        "practice": day + timedelta(days=3),
        "self_care": day,
    }
    assert actions.propose(rejection, today=day + timedelta(days=5))[0].due_on == day, (
        "proposed once"
    )
    assert Action.objects.filter(status="proposed").count() == 6


def test_a_done_step_counts_once_as_a_win(alice: Any) -> None:
    action = Action.objects.create(owner=alice, title="Send the note", due_on=TODAY)
    actions.complete(action)
    actions.complete(action)
    assert Win.objects.filter(kind="action_done").count() == 1
    assert actions.due(alice) == []


def test_editing_a_step_needs_words(alice: Any) -> None:
    action = Action.objects.create(owner=alice, title="x", status="proposed")
    with pytest.raises(UserError):
        actions.edit(action, title="  ", due_on=None)
    actions.edit(action, title="Call Sam", due_on=None)
    assert (action.title, action.status) == ("Call Sam", "open")


def test_generic_feedback_may_be_asked_about_once(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="A")
    record_rejection(application)
    Action.objects.create(owner=alice, application=application, title="Follow up", kind="follow_up")
    fb = record_feedback(application, "Thank you for your interest. We had many strong candidates.")
    assert fb.is_generic
    assert Win.objects.filter(kind="feedback", application=application).exists()
    assert Action.objects.get(kind="follow_up").status == "dropped", "no need to chase any more"
    mark_second_ask_sent(fb)
    with pytest.raises(UserError, match="already asked once"):
        mark_second_ask_sent(fb)
    assert Feedback.objects.get().second_ask_sent


def test_specific_feedback_is_not_generic_and_marks_the_rejection(alice: Any) -> None:
    application = add_application(alice, company="Acme", role="A")
    record_rejection(application)
    fb = record_feedback(
        application, "The panel felt you would benefit from more depth in experiment design."
    )
    assert not fb.is_generic
    assert Rejection.objects.get().has_feedback
    with pytest.raises(UserError):
        mark_second_ask_sent(fb)


def test_every_question_in_the_data_file_is_complete() -> None:
    questions = reflection.all_questions()
    assert len({q.key for q in questions}) == len(questions)
    for q in questions:
        assert (
            q.text
            and q.stages
            and set(q.stages) <= {"application", "screen", "interview", "final", "unknown"}
        )
    assert any(q.practice for q in questions)


def test_an_empty_answer_to_a_new_question_stores_nothing(alice: Any) -> None:
    rejection = record_rejection(add_application(alice, company="Acme", role="A"))
    assert reflection.save_answer(rejection, "went_well", "  ") is None
    with pytest.raises(UserError, match="no longer in the list"):
        reflection.save_answer(rejection, "no-such-question", "x")


def test_reaching_the_final_round_is_one_win_not_two(alice: Any) -> None:
    rejection = record_rejection(
        add_application(alice, company="Acme", role="A"), stage_reached="final"
    )
    wins = list(
        Win.objects.filter(application=rejection.application).values_list("title", flat=True)
    )
    assert wins == ["Reached the final round at Acme"]
