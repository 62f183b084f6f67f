"""Checking imported mail in a real browser: confirm, correct, set aside; the count falls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import screenshot, shoot
from tests.test_mail_reader import mbox

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "handwritten"
MAILS = (
    "10_spanish_greeting_english_body.eml",  # a rejection bounceback is unsure of: confirmed
    "28_interview_invite_plain_question.eml",  # an invitation: the company is corrected
    "38_received_smartrecruiters_html.eml",  # a receipt the person won't track: set aside
    "04_final_round_with_feedback.eml",  # two applications could fit: left for later
)


def test_check_imported_mail_and_watch_the_count_fall(
    signed_in_page: Any, live_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.applications.models import Application
    from bounceback.applications.services import add_application
    from bounceback.mailbox.importer import import_mailbox
    from bounceback.mailbox.models import SenderRule

    me = local_user()
    add_application(me, company="Lumina Health", role="Head of Product")
    add_application(me, company="Lumina Health", role="Product Owner")
    box = tmp_path / "job-search.mbox"
    box.write_bytes(mbox(*((CORPUS / name).read_bytes() for name in MAILS)))
    # The recogniser is trained on these corpus e-mails and is sure of most of them now;
    # this test is about answering the queue, so every one of them waits there.
    monkeypatch.setattr("bounceback.mailbox.importer.AUTO_FILE_AT", 1.01)
    assert import_mailbox(me, box).queued == 4

    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    page.get_by_text("4 e-mails need a quick look").wait_for()
    page.get_by_role("link", name="Review them").click()

    count = page.locator("#review-count")
    assert count.inner_text() == "4 e-mails are waiting for you to check."
    terracota = page.locator("article", has_text="Terracota Labs - QA Analyst")
    assert "sure" in terracota.inner_text()  # how sure, in words
    terracota.get_by_text("Read the e-mail").click()
    terracota.get_by_text("continue the process with other applicants").wait_for()
    shoot(page, "mail-review-1-queue")

    # Confirm: a new application, filed in one click.
    terracota.get_by_role("button", name="Yes, add it as a new application").click()
    page.get_by_text("Filed under QA Analyst at Terracota Labs.").wait_for()
    page.get_by_text("3 e-mails are waiting for you to check.").wait_for()

    # Correct: the shop's full name, remembered for this sender.
    driftwood = page.locator("article", has_text="Shift Supervisor")
    driftwood.get_by_text("Not quite right? Correct it").click()
    driftwood.get_by_label("Company (new application)").fill("Driftwood Coffee Roasters")
    shoot(page, "mail-review-2-correcting")
    driftwood.get_by_role("button", name="Save the correction").click()
    page.get_by_text("Filed under Shift Supervisor at Driftwood Coffee Roasters.").wait_for()
    page.get_by_text("2 e-mails are waiting for you to check.").wait_for()

    # Set aside: an automatic receipt for a job the person no longer wants to track.
    receipt = page.locator("article", has_text="Ocean Blue Cruises - we got your application")
    receipt.get_by_role("button", name="Set aside: not job mail").click()
    page.get_by_text("Set aside: not about your job search.").wait_for()
    page.get_by_text("One e-mail is waiting for you to check.").wait_for()
    shoot(page, "mail-review-3-answered")

    assert Application.objects.filter(company__name="Terracota Labs").exists()
    assert Application.objects.filter(company__name="Driftwood Coffee Roasters").exists()
    assert not Application.objects.filter(company__name__icontains="Ocean Blue").exists()

    # What was learned from the correction, and how to undo it.
    page.get_by_role("link", name="What I've learned from you").click()
    rule = page.locator("li", has_text="anyone at driftwoodcoffee.co")
    rule.get_by_text("Shift Supervisor at Driftwood Coffee Roasters").wait_for()
    rule.get_by_text("Forget this").click()
    shoot(page, "mail-review-4-learned")
    rule.get_by_role("button", name="Yes, forget it").click()
    page.get_by_text("Forgotten.").wait_for()
    assert not SenderRule.objects.exists()

    # The dashboard panel counts what is left.
    page.get_by_role("link", name="bounceback", exact=True).click()
    page.get_by_text("One e-mail needs a quick look").wait_for()
    shoot(page, "mail-review-5-dashboard")


def test_a_long_queue_pages_with_htmx_and_every_button_works_without_javascript(
    signed_in_page: Any, browser: Any, live_server: Any
) -> None:
    from datetime import UTC, datetime, timedelta

    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user
    from bounceback.mailbox.services import PAGE_SIZE
    from tests.test_mail_review import queue

    me = local_user()
    start = datetime(2025, 11, 1, 9, 0, tzinfo=UTC)
    for n in range(1, PAGE_SIZE + 3):
        queue(me, n, subject=f"Update {n:02d}", company="Acme", date=start + timedelta(hours=n))

    # With htmx: "Show more" adds the rest below, in place.
    page = signed_in_page
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/mail/review/")
    assert page.locator("article.review-item").count() == PAGE_SIZE
    page.get_by_role("link", name="Show more").click()
    page.locator("article.review-item").nth(PAGE_SIZE + 1).wait_for()
    assert page.locator("article.review-item").count() == PAGE_SIZE + 2
    assert page.get_by_role("link", name="Show more").count() == 0
    assert page.url.endswith("/mail/review/")

    # Without JavaScript: the same buttons are plain forms, and "Show more" a plain link.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    plain = context.new_page()
    plain.set_default_timeout(15000)
    plain.goto(live_server.url + reverse("accounts:sign_in_link", args=[SignInToken.issue(me)]))
    plain.goto(live_server.url + "/mail/review/")
    plain.get_by_role("link", name="Show more").click()
    assert plain.locator("article.review-item").count() == 2
    plain.get_by_role("link", name="Back to the newest").click()
    newest = plain.locator("article", has_text="Update 22")
    newest.get_by_role("button", name="Yes, add it as a new application").click()
    plain.get_by_text("Filed under Role not named at Acme.").wait_for()
    plain.get_by_text("21 e-mails are waiting for you to check.").wait_for()
    plain.locator("article", has_text="Update 21").get_by_role(
        "button", name="Set aside: not job mail"
    ).click()
    plain.get_by_text("Set aside: not about your job search.").wait_for()
    plain.get_by_text("20 e-mails are waiting for you to check.").wait_for()
    assert plain.get_by_role("link", name="Show more").count() == 0  # 20 fit on one page
    screenshot(plain, "mail-review-6-without-javascript-phone")
    context.close()
