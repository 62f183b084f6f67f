"""Contacts kept warm: a rhythm per person, check-ins due on Today with a draft, thank-yous."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bounceback.applications.models import Contact, ContactRole, EventKind
from bounceback.applications.services import add_application, record_event
from bounceback.contacts import rhythm, services
from bounceback.contacts.models import Exchange, ExchangeKind, ThankYou
from bounceback.recovery.services import record_rejection
from bounceback.recovery.today_items import collect
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def _contact(owner: Any, role: str, last: int | None = None, **extra: Any) -> Contact:
    return Contact.objects.create(
        owner=owner,
        name=extra.pop("name", "Priya Raman"),
        role=role,
        last_contacted_on=TODAY - timedelta(days=last) if last is not None else None,
        **extra,
    )


def test_a_recruiter_is_due_every_three_months_and_a_mentor_monthly(alice: Any) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=92)
    mentor = _contact(alice, ContactRole.MENTOR, last=20, name="Sam Okoye")
    assert rhythm.standing(recruiter).is_due(TODAY)
    assert not rhythm.standing(mentor).is_due(TODAY)
    assert rhythm.standing(mentor).next_on == TODAY + timedelta(days=10)
    assert [s.contact for s in rhythm.due(alice)] == [recruiter]


def test_an_interviewer_waits_until_it_ends_then_gets_a_light_check_in_months_later(
    alice: Any,
) -> None:
    app = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=200)
    )
    interviewer = _contact(alice, ContactRole.INTERVIEWER, company=app.company)
    interviewer.applications.add(app)
    record_event(app, EventKind.INTERVIEW, occurred_on=TODAY - timedelta(days=190))
    assert rhythm.standing(interviewer).waiting_for_the_end
    assert not rhythm.standing(interviewer).is_due(TODAY)
    record_rejection(app, received_on=TODAY - timedelta(days=121), contact=interviewer)
    standing = rhythm.standing(interviewer)
    assert standing.last_in_touch == TODAY - timedelta(days=121)
    assert standing.is_due(TODAY)


def test_the_rhythm_is_the_persons_to_change_and_zero_means_no_reminders(alice: Any) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=40)
    services.set_rhythm(recruiter, 30)
    assert rhythm.standing(recruiter).is_due(TODAY)
    services.set_rhythm(recruiter, 0)
    assert rhythm.standing(recruiter).next_on is None
    with pytest.raises(services.UserError, match="0 \\(no reminders\\)"):
        services.set_rhythm(recruiter, -3)


def test_getting_in_touch_starts_the_rhythm_again_and_not_now_moves_it_two_weeks(
    alice: Any,
) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=100)
    services.later(recruiter)
    assert rhythm.standing(recruiter).next_on == TODAY + timedelta(days=14)
    services.log_exchange(recruiter, ExchangeKind.CHECK_IN)
    standing = rhythm.standing(recruiter)
    assert standing.last_in_touch == TODAY and standing.next_on == TODAY + timedelta(days=91)


def test_mail_from_their_address_counts_as_being_in_touch_and_shows_on_their_page(
    alice: Any, alice_client: Any
) -> None:
    from bounceback.mailbox.models import ImportedMessage

    recruiter = _contact(alice, ContactRole.RECRUITER, last=100, email="priya@acme.example")
    ImportedMessage.objects.create(
        owner=alice,
        dedupe_key="m1",
        from_addr="priya@acme.example",
        subject="A role you might like",
        sent_at=datetime.combine(TODAY - timedelta(days=3), datetime.min.time(), tzinfo=UTC),
        label="other_job",
        confidence=0.9,
        outcome="skipped",
    )
    assert not rhythm.standing(recruiter).is_due(TODAY)
    page = alice_client.get(f"/contacts/{recruiter.pk}/").content.decode()
    assert "A role you might like" in page and "from mail" in page


def test_a_due_check_in_is_on_today_with_a_short_draft_and_one_click_answers(
    alice: Any, alice_client: Any
) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=95, email="priya@acme.example")
    item = next(i for i in collect(alice) if i.key == f"check-in-{recruiter.pk}")
    assert item.draft is not None and item.draft.body.startswith("Hi Priya,")
    today = alice_client.get("/rejections/today/").content.decode()
    assert "Check in with Priya Raman" in today and "Hi Priya," in today
    answer = alice_client.post(
        f"/contacts/{recruiter.pk}/checked-in/", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "you got in touch with Priya Raman" in answer
    assert Exchange.objects.get(contact=recruiter).kind == ExchangeKind.CHECK_IN
    assert all(i.key != f"check-in-{recruiter.pk}" for i in collect(alice))


def test_check_in_drafts_are_editable_files_and_the_persons_copy_comes_first(
    alice: Any, settings: Any, tmp_path: Any
) -> None:
    settings.HOME = str(tmp_path)
    own = tmp_path / "drafts" / "check_in" / "mentor.txt"
    own.parent.mkdir(parents=True)
    own.write_text("Subject: Hola\n\nHola {{ contact_first }}!\n", encoding="utf-8")
    mentor = _contact(alice, ContactRole.MENTOR, last=40, name="Sam Okoye")
    draft = services.check_in_draft(rhythm.standing(mentor))
    assert (draft.subject, draft.body) == ("Hola", "Hola Sam!\n")


def test_contacts_due_json_answers_with_drafts(cli: Any, alice: Any) -> None:
    _contact(alice, ContactRole.RECRUITER, last=95)
    _contact(alice, ContactRole.MENTOR, last=3, name="Sam Okoye")
    due = json.loads(cli("contacts", "--due", "--json").output)
    assert [c["name"] for c in due] == ["Priya Raman"]
    assert due[0]["rhythm"] == "every three months" and due[0]["draft"]["subject"]
    everyone = json.loads(cli("contacts", "--json").output)
    assert {c["name"] for c in everyone} == {"Priya Raman", "Sam Okoye"}
    assert "Priya Raman" in cli("contacts", "--due").output


def test_a_thank_you_is_tracked_for_each_interview(alice: Any, alice_client: Any) -> None:
    app = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=10)
    )
    event = record_event(app, EventKind.INTERVIEW, occurred_on=TODAY - timedelta(days=1))
    asked = [i for i in collect(alice) if i.key == f"thank-you-{event.pk}"]
    assert asked and asked[0].title == "Thank-you sent after the interview at Acme?"
    alice_client.post(f"/contacts/thank-you/{event.pk}/")
    assert ThankYou.objects.get(event=event).sent_on == TODAY
    assert not [i for i in collect(alice) if i.key.startswith("thank-you")]
    assert "Thank-you sent" in alice_client.get(f"/applications/{app.pk}/").content.decode()


def test_a_referral_links_the_person_to_the_application_it_led_to(
    alice: Any, alice_client: Any
) -> None:
    jo = _contact(alice, ContactRole.REFERRER, last=5, name="Jo Whitfield")
    app = add_application(alice, company="Acme", role="Analyst", referred_by=jo)
    assert list(jo.referrals.all()) == [app] and app in jo.applications.all()
    page = alice_client.get(f"/contacts/{jo.pk}/").content.decode()
    assert "Referrals" in page and "Analyst at Acme" in page
    assert "referred by" in alice_client.get(f"/applications/{app.pk}/").content.decode()


def test_someone_elses_contact_is_a_404(alice: Any, bob: Any, bob_client: Any) -> None:
    mine = _contact(alice, ContactRole.RECRUITER, last=95)
    assert bob_client.get(f"/contacts/{mine.pk}/").status_code == 404
    assert bob_client.post(f"/contacts/{mine.pk}/checked-in/").status_code == 404
    assert not Exchange.objects.exists()


def test_a_future_exchange_is_refused_with_what_to_do(alice: Any, alice_client: Any) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=95)
    answer = alice_client.post(
        f"/contacts/{recruiter.pk}/exchanges/",
        {"kind": "call", "on": (TODAY + timedelta(days=2)).isoformat()},
        follow=True,
    )
    assert "Use today or an earlier day" in answer.content.decode()
    assert not Exchange.objects.exists()


def test_today_json_lists_the_check_ins_after_the_steps(cli: Any, alice: Any) -> None:
    recruiter = _contact(alice, ContactRole.RECRUITER, last=95)
    entries = json.loads(cli("today", "--json").output)["also"]
    [check_in] = [e for e in entries if e["kind"] == "check_in"]
    assert check_in["key"] == f"check-in-{recruiter.pk}"
    assert check_in["draft"]["body"].startswith("Hi Priya,")
    assert "Check in with Priya Raman" in cli("today").output
