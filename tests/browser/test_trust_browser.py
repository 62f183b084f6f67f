"""Suggest, then confirm, in a real browser: what bounceback infers waits for the person.

An offer survives a bulk "vacancy filled" notice; a receipt with conditional wording is a
receipt; an interview invitation becomes a dated event on Today and in the calendar once
kept; Back and resubmit make one rejection; a guessed day stays out of this week's count.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils.timezone import make_aware

from tests.clock import CURRENT_TIME, TODAY
from tests.conftest import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def mbox_file(tmp_path: Path, *mails: str) -> Path:
    path = tmp_path / "box.mbox"
    stamp = "From someone@example.org Mon Nov 16 09:00:00 2026\n"
    path.write_text("".join(stamp + m.strip() + "\n\n" for m in mails), encoding="utf-8")
    return path


def mail(n: int, sender: str, subject: str, body: str, when: Any = CURRENT_TIME) -> str:
    return (
        f"From: {sender}\nTo: sam@example.org\nSubject: {subject}\n"
        f"Message-ID: <trust-{n}@mail.example>\nDate: {when:%a, %d %b %Y %H:%M:%S %z}\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
    )


def test_an_offer_survives_a_vacancy_filled_notice_which_waits_in_review(
    signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application, record_event
    from bounceback.lib.mail.message import Analysis, MailMessage
    from bounceback.lib.mail.mime import Parsed
    from bounceback.lib.mail.triage import Analysed
    from bounceback.mailbox.importer import import_items
    from bounceback.mailbox.models import ReviewItem

    me = local_user()
    application = add_application(
        me, company="Acme", role="Data Analyst", applied_on=TODAY - timedelta(days=30)
    )
    record_event(application, "offer", occurred_on=TODAY - timedelta(days=3))
    notice = MailMessage(
        message_id="filled@acme.example",
        date=CURRENT_TIME,
        from_name="Acme Careers",
        from_addr="careers@acme.example",
        subject="Update on your application",
        text="Thank you for your interest in Acme. The vacancy has now been filled.",
    )
    # As sure as the analyser was in the reported case.
    sure = Analysis(label="rejection", confidence=0.999, company="Acme")
    import_items(me, [Analysed(Parsed(1, "message 1", notice), sure)])
    assert ReviewItem.objects.filter(owner=me).count() == 1

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/applications/{application.pk}/")
    assert page.locator(".pill").first.inner_text() == "Offer received"
    page.goto(f"{live_server.url}/mail/review/")
    reason = page.get_by_text("never takes an offer away on a guess")
    reason.wait_for()
    shoot(page, "trust-offer-notice-review")


def test_a_receipt_with_conditional_wording_is_filed_as_received(
    signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.models import Application
    from bounceback.mailbox.importer import import_mailbox

    receipt = mail(
        1,
        "Northwind Analytics Careers <careers@northwind.example>",
        "Your application to Northwind Analytics",
        "Dear Sam,\n\nThank you for applying for the Data Analyst role at Northwind Analytics. "
        "We have received your application and our team will review it carefully.\n\n"
        "If you have not heard from us within three weeks, please assume that your application "
        "has not been successful on this occasion.\n\nKind regards,\nNorthwind Analytics",
    )
    report = import_mailbox(local_user(), mbox_file(tmp_path, receipt))
    assert report.created == 1
    application = Application.objects.get(company__name="Northwind Analytics")
    assert application.status == "active" and not application.applied_on_guessed

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/applications/")
    row = page.locator("tr", has_text="Northwind Analytics")
    assert "In progress" in row.inner_text() and "Not selected" not in row.inner_text()
    page.goto(f"{live_server.url}/applications/?q=nortwind")  # a typo still finds it
    page.get_by_text("Yes: you applied to 1 role").wait_for()


def test_an_interview_invitation_becomes_a_dated_event_on_today_and_in_the_calendar(
    signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.mailbox.importer import import_mailbox

    me = local_user()
    add_application(me, company="Globex", role="Analyst", applied_on=TODAY - timedelta(days=8))
    day = TODAY + timedelta(days=6)
    invite = mail(
        2,
        "Dana Whitlow <dana@globex.example>",
        "Interview invitation: Analyst at Globex",
        f"Hi Sam,\n\nWe'd like to invite you to an interview for the Analyst role at Globex "
        f"on {day:%A} {day.day} {day:%B} at 2pm.\n\nBest,\nDana Whitlow\nGlobex",
    )
    import_mailbox(me, mbox_file(tmp_path, invite))

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/today/")
    events = page.locator("#events")
    events.get_by_text("Interview with Globex").wait_for()
    assert "from the e-mail “Interview invitation: Analyst at Globex”" in events.inner_text()
    assert f"{day.day} {day:%b}, 14:00" in events.inner_text()
    shoot(page, "trust-today-event")
    before = page.request.get(f"{live_server.url}/rejections/today/calendar.ics").text()
    assert "Interview with Globex" not in before  # a suggestion until kept
    events.get_by_role("button", name="Keep: Interview with Globex").click()
    page.locator("#today-1, .today-row").filter(has_text="Done").first.wait_for()
    page.reload()
    page.locator("#coming-up").get_by_text("Interview with Globex").wait_for()
    ics = page.request.get(f"{live_server.url}/rejections/today/calendar.ics").text()
    assert "SUMMARY:Interview with Globex" in ics
    starts = make_aware(datetime.combine(day, time(14, 0))).astimezone(UTC)
    assert f"DTSTART:{starts:%Y%m%dT%H%M%S}Z" in ics
    shoot(page, "trust-today-kept")


def test_a_guessed_day_stays_out_of_this_weeks_count_until_confirmed(
    signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.models import Application
    from bounceback.applications.services import add_application
    from bounceback.mailbox.importer import import_mailbox

    me = local_user()
    add_application(me, company="Acme", role="Analyst", applied_on=TODAY)
    rejection = mail(
        3,
        "Initech Recruiting <jobs@initech.example>",
        "Your application to Initech",
        "Hi Sam,\n\nThank you for applying for the Tester position at Initech. Unfortunately we "
        "have decided not to move forward with your application.\n\nBest,\nJane",
    )
    import_mailbox(me, mbox_file(tmp_path, rejection))
    initech = Application.objects.get(company__name="Initech")
    assert initech.applied_on_guessed

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/")
    this_week = page.locator(".stats div", has_text="This week").locator("dd")
    assert this_week.inner_text().startswith("1 ")
    page.get_by_text("1 more this week has a day guessed from an e-mail").wait_for()
    shoot(page, "trust-guessed-dashboard")
    page.get_by_role("link", name="confirm or change it").click()
    page.get_by_role("link", name="Tester").click()
    page.get_by_text("without asking you").wait_for()  # the "no" itself is read, not known
    shoot(page, "trust-guessed-application")
    page.get_by_role("button", name="Yes, I applied that day").click()
    page.get_by_text("it is.").wait_for()
    page.goto(f"{live_server.url}/")
    assert this_week.inner_text().startswith("2 ")


def test_a_five_thousand_letter_word_never_widens_a_phone_page(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.services import record_rejection

    word = "a" * 5000
    application = add_application(local_user(), company="Acme", role="B" * 200, notes=word)
    rejection = record_rejection(application, source_text=word)
    page = signed_in_page
    page.set_default_timeout(15000)
    for path in (
        f"/applications/{application.pk}/",
        "/applications/",
        f"/rejections/{rejection.pk}/",
        "/rejections/today/",
    ):
        page.goto(live_server.url + path)
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.set_viewport_size({"width": 1200, "height": 900})


def test_back_and_save_again_makes_one_rejection(signed_in_page: Any, live_server: Any) -> None:
    from bounceback.applications.models import Application
    from bounceback.recovery.models import Rejection

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/new/")
    page.get_by_label("Paste the e-mail").fill(
        "Dear Sam,\n\nThank you for applying for the Data Analyst role at Initrode. "
        "Unfortunately we have decided to move ahead with another candidate.\n\nKind regards,\nPriya"
    )
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Here's what bounceback read.").wait_for()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Saved. Here's where this one sits.").wait_for()
    first = page.url
    page.go_back()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_text("This was already saved. Here it is.").wait_for()
    assert page.url == first
    shoot(page, "trust-back-and-resubmit")
    assert Rejection.objects.count() == 1 and Application.objects.count() == 1


def test_drafts_are_signed_once_and_edited_before_copying(
    signed_in_page: Any, live_server: Any
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application
    from bounceback.recovery.services import record_rejection

    rejection = record_rejection(
        add_application(local_user(), company="Acme", role="Analyst"), has_feedback=True
    )
    page = signed_in_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/rejections/{rejection.pk}/drafts/")
    page.get_by_role("heading", name="Feedback request").wait_for()  # a stock line removes nothing
    page.get_by_label("How do you sign your e-mails?").fill("Sam Okafor")
    page.get_by_role("button", name="Sign the drafts with it").click()
    page.get_by_text("Your drafts are signed “Sam Okafor” now.").wait_for()
    # The drafts were swapped in anew: edit once the page follows the new box's edits.
    page.locator("#b-thank_you[data-following]").wait_for()
    body = page.locator("#b-thank_you")
    assert body.input_value().rstrip().endswith("Sam Okafor")
    body.fill(body.input_value().replace("Hello,", "Dear Priya,"))
    page.get_by_role("button", name="Copy the message").first.click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Dear Priya,")
    href = page.locator("#m-thank_you").get_attribute("href") or ""
    assert "Dear%20Priya" in href
    shoot(page, "trust-drafts")
