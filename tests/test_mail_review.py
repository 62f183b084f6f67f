"""The review queue: confirm or correct in one step, with htmx or plain forms; corrections are kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.mailbox import services
from bounceback.mailbox.importer import import_items
from bounceback.mailbox.models import ImportedMessage, ReviewItem, SenderRule
from bounceback.recovery.models import Rejection
from tests.test_mail_import import analysed, message

HX = {"HTTP_HX_REQUEST": "true"}


def queue(owner: Any, n: int = 1, **fields: Any) -> ReviewItem:
    msg_fields = {
        k: fields.pop(k)
        for k in ("from_addr", "from_name", "text", "html", "subject", "date")
        if k in fields
    }
    fields.setdefault("confidence", 0.4)
    import_items(owner, [analysed(message(n, **msg_fields), **fields)])
    return ReviewItem.objects.get(message__dedupe_key=f"mid:m{n}@mail.example")


@pytest.mark.django_db
def test_the_queue_shows_sender_subject_proposal_and_the_reason(
    alice: Any, alice_client: Any
) -> None:
    queue(alice, company="Acme", role="Data Analyst", evidence=("not move forward",))
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "Acme Recruiting &lt;no-reply@greenhouse.io&gt;" in page
    assert "Your application" in page and "Data Analyst" in page
    assert "not sure" in page and "“not move forward”" in page
    assert "We will not move forward." in page  # the plain-text body


@pytest.mark.django_db
def test_an_html_only_body_is_shown_sanitised(alice: Any, alice_client: Any) -> None:
    queue(
        alice,
        text="",
        html='<p>Sorry</p><img src="https://track.example/p.gif"><script>alert(1)</script>',
    )
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "<p>Sorry</p>" in page
    assert "track.example" not in page and "alert(1)" not in page


@pytest.mark.django_db
def test_confirming_files_the_rejection_on_a_new_application(alice: Any, alice_client: Any) -> None:
    item = queue(alice, company="Acme", role="Data Analyst")
    response = alice_client.post(reverse("mailbox:confirm", args=[item.pk]), **HX)
    assert response.status_code == 200
    assert "Filed under Data Analyst at Acme" in response.content.decode()
    application = Application.objects.get(owner=alice)
    assert Rejection.objects.filter(application=application).exists()
    item.refresh_from_db()
    assert item.status == "confirmed" and item.application == application
    assert ImportedMessage.objects.get().outcome == "created"


@pytest.mark.django_db
def test_confirming_with_two_candidates_asks_to_pick_one(alice: Any, alice_client: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Designer")
    item = queue(alice, confidence=0.9)
    response = alice_client.post(reverse("mailbox:confirm", args=[item.pk]), **HX)
    assert "Pick the right one" in response.content.decode()
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_a_correction_links_the_chosen_application_and_is_kept_for_the_sender(
    alice: Any, alice_client: Any
) -> None:
    target = add_application(alice, company="Wayne Enterprises", role="Analyst")
    item = queue(
        alice,
        from_addr="jobs@wayne.example",
        from_name="Wayne Careers",
        company=None,
        label="interview_invite",
    )
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {
            f"r{item.pk}-label": "interview_invite",
            f"r{item.pk}-application": target.pk,
            f"r{item.pk}-remember": "on",
        },
    )
    assert response.status_code == 302  # a plain form works without JavaScript
    assert target.events.filter(kind="interview").exists()
    rule = SenderRule.objects.get(owner=alice)
    assert (rule.sender, rule.company, rule.application) == (
        "@wayne.example",
        "Wayne Enterprises",
        target,
    )
    # The next e-mail from that sender is filed without asking.
    report = import_items(
        alice,
        [
            analysed(
                message(2, from_addr="hr@wayne.example", from_name="HR"),
                label="rejection",
                company=None,
            )
        ],
    )
    assert report.updated == 1
    assert Rejection.objects.get().application == target


@pytest.mark.django_db
def test_a_correction_can_create_a_new_application(alice: Any, alice_client: Any) -> None:
    item = queue(alice, company="Acme")
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {
            f"r{item.pk}-label": "interview_invite",
            f"r{item.pk}-company": "Acme Labs",
            f"r{item.pk}-role": "Engineer",
        },
        **HX,
    )
    assert "Filed under Engineer at Acme Labs" in response.content.decode()
    assert Application.objects.get().events.filter(kind="interview").exists()


@pytest.mark.django_db
def test_a_correction_without_an_application_or_company_is_refused(
    alice: Any, alice_client: Any
) -> None:
    item = queue(alice)
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]), {f"r{item.pk}-label": "rejection"}, **HX
    )
    assert "Pick the application this is about" in response.content.decode()
    item.refresh_from_db()
    assert item.is_open


@pytest.mark.django_db
def test_dismissing_sets_the_mail_aside(alice: Any, alice_client: Any) -> None:
    item = queue(alice)
    alice_client.post(reverse("mailbox:dismiss", args=[item.pk]), **HX)
    item.refresh_from_db()
    assert item.status == "dismissed"
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_bob_cannot_see_or_answer_alices_queue(alice: Any, bob_client: Any) -> None:
    item = queue(alice, company="Acme")
    assert "Your application" not in bob_client.get(reverse("mailbox:review")).content.decode()
    assert bob_client.post(reverse("mailbox:confirm", args=[item.pk])).status_code == 404


@pytest.mark.django_db
def test_bobs_applications_cannot_be_chosen_in_alices_correction(
    alice: Any, bob: Any, alice_client: Any
) -> None:
    bobs = add_application(bob, company="Acme", role="Data Analyst")
    item = queue(alice)
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {f"r{item.pk}-label": "rejection", f"r{item.pk}-application": bobs.pk},
        **HX,
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_the_dashboard_shows_how_many_emails_wait(alice: Any, alice_client: Any) -> None:
    assert "From your mailbox" not in alice_client.get(reverse("dashboard")).content.decode()
    queue(alice, 1)
    queue(alice, 2)
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "2 e-mails need" in page and reverse("mailbox:review") in page


def _dated(owner: Any, n: int, day: int) -> ReviewItem:
    from datetime import UTC, datetime

    return queue(owner, n, date=datetime(2025, 11, day, 9, 0, tzinfo=UTC))


@pytest.mark.django_db
def test_the_page_counts_what_waits_in_words(alice: Any, alice_client: Any) -> None:
    queue(alice, 1, company="Acme", confidence=0.45)
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "One e-mail is waiting for you to check." in page
    assert "Not very sure" in page and "0.45" not in page and "45%" not in page
    queue(alice, 2)
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "2 e-mails are waiting for you to check." in page


@pytest.mark.django_db
def test_a_long_queue_is_shown_a_page_at_a_time_newest_first(alice: Any, alice_client: Any) -> None:
    from bounceback.mailbox.services import PAGE_SIZE

    for n in range(1, PAGE_SIZE + 6):
        queue(alice, n, subject=f"Mail number {n:02d}")
    first = alice_client.get(reverse("mailbox:review"))
    page = first.content.decode()
    assert f"{PAGE_SIZE + 5} e-mails are waiting" in page
    assert page.count('class="panel review-item"') == PAGE_SIZE
    last_shown = first.context["last"]
    assert f"?after={last_shown.pk}" in page and "Show more" in page
    # Without JavaScript the link is a plain page with the rest.
    rest = alice_client.get(reverse("mailbox:review"), {"after": last_shown.pk}).content.decode()
    assert rest.count('class="panel review-item"') == 5 and "Show more" not in rest
    assert "Back to the newest" in rest


@pytest.mark.django_db
def test_show_more_with_htmx_returns_only_the_next_items_even_after_answering_some(
    alice: Any, alice_client: Any
) -> None:
    from bounceback.mailbox.services import PAGE_SIZE, open_items

    for n in range(1, PAGE_SIZE + 4):
        _dated(alice, n, day=1 + n % 28)
    items, _ = open_items(alice)
    for item in items[:3]:  # answered on the first page before asking for more
        alice_client.post(reverse("mailbox:dismiss", args=[item.pk]), **HX)
    more = alice_client.get(reverse("mailbox:review"), {"after": items[-1].pk}, **HX)
    body = more.content.decode()
    assert "<html" not in body and "<h1" not in body
    assert body.count('class="panel review-item"') == 3  # none skipped, none repeated
    shown = {item.pk for item in items}
    assert not shown & {int(pk) for pk in _ids(body)}


def _ids(body: str) -> list[str]:
    import re

    return re.findall(r'id="review-(\d+)"', body)


@pytest.mark.django_db
def test_undated_mail_comes_last(alice: Any) -> None:
    from bounceback.mailbox.services import open_items

    undated = queue(alice, 1)
    dated = _dated(alice, 2, day=3)
    older = _dated(alice, 3, day=1)
    items, more = open_items(alice, size=2)
    assert items == [dated, older] and more
    assert open_items(alice, after=older.pk, size=2) == ([undated], False)


@pytest.mark.django_db
def test_a_bad_page_parameter_shows_the_first_page(alice: Any, alice_client: Any) -> None:
    queue(alice, 1)
    response = alice_client.get(reverse("mailbox:review"), {"after": "x'; drop"})
    assert response.status_code == 200 and "One e-mail is waiting" in response.content.decode()


@pytest.mark.django_db
def test_answering_with_htmx_updates_the_count(alice: Any, alice_client: Any) -> None:
    first = queue(alice, 1, company="Acme", role="Analyst")
    queue(alice, 2)
    body = alice_client.post(reverse("mailbox:confirm", args=[first.pk]), **HX).content.decode()
    assert 'id="review-count"' in body and 'hx-swap-oob="true"' in body
    assert "One e-mail is waiting for you to check." in body


@pytest.mark.django_db
def test_confirm_and_set_aside_work_as_plain_forms(alice: Any, alice_client: Any) -> None:
    one = queue(alice, 1, company="Acme", role="Analyst")
    two = queue(alice, 2)
    response = alice_client.post(reverse("mailbox:confirm", args=[one.pk]), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("mailbox:review")
    assert "Filed under Analyst at Acme." in page and "One e-mail is waiting" in page
    page = alice_client.post(reverse("mailbox:dismiss", args=[two.pk]), follow=True)
    assert "Set aside: not about your job search." in page.content.decode()
    assert "All done: nothing is waiting for you to check." in page.content.decode()


@pytest.mark.django_db
def test_a_refused_confirmation_without_js_says_why(alice: Any, alice_client: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Designer")
    item = queue(alice, confidence=0.9)
    page = alice_client.post(reverse("mailbox:confirm", args=[item.pk]), follow=True)
    assert "Pick the right one" in page.content.decode()


@pytest.mark.django_db
def test_the_rejection_stage_is_shown_in_words(alice: Any, alice_client: Any) -> None:
    queue(alice, stage="final")
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "Got as far as" in page and "Final round" in page


# --- what bounceback learned from corrections ---------------------------------------


def _rule(owner: Any, sender: str = "@wayne.example") -> SenderRule:
    app = add_application(owner, company="Wayne Enterprises", role="Analyst")
    return SenderRule.objects.create(
        owner=owner, sender=sender, company="Wayne Enterprises", application=app
    )


@pytest.mark.django_db
def test_learned_senders_are_listed_in_words_and_linked_from_the_queue(
    alice: Any, alice_client: Any
) -> None:
    _rule(alice)
    SenderRule.objects.create(
        owner=alice, sender="no-reply@greenhouse.io|acme recruiting", company="Acme"
    )
    review = alice_client.get(reverse("mailbox:review")).content.decode()
    assert reverse("mailbox:learned") in review
    page = alice_client.get(reverse("mailbox:learned")).content.decode()
    assert "anyone at wayne.example" in page and "Analyst at Wayne Enterprises" in page
    assert "Acme Recruiting (via greenhouse.io)" in page
    assert "no-reply@greenhouse.io|acme recruiting" not in page


@pytest.mark.parametrize(
    ("key", "name", "words"),
    [
        # A tracking system writing for an employer: the employer, and through what.
        ("noreply@smartrecruiters.com|ocean blue cruises", "", "Ocean Blue Cruises (via smartrecruiters.com)"),
        ("no-reply@us.greenhouse-mail.io|acme recruiting", "", "Acme Recruiting (via greenhouse-mail.io)"),
        # The name as the e-mail wrote it, when it was kept, over the key's lower case.
        ("noreply@smartrecruiters.com|ibm careers", "IBM Careers", "IBM Careers (via smartrecruiters.com)"),
        ("noreply@smartrecruiters.com|", "noreply@smartrecruiters.com", "noreply@smartrecruiters.com"),
        # One employer's domain, kept by the rules (with "@") or the examples (without).
        ("@wayne.example", "", "anyone at wayne.example"),
        ("harbourside-hotels.example", "", "anyone at harbourside-hotels.example"),
        ("harbourside-hotels.example", "Harbourside People Team", "Harbourside People Team (harbourside-hotels.example)"),
        # A webmail address is one person.
        ("jo.bloggs@gmail.com", "", "jo.bloggs@gmail.com"),
        ("jo.bloggs@gmail.com", "Jo Bloggs", "Jo Bloggs (jo.bloggs@gmail.com)"),
        ("jo.bloggs@gmail.com", "jo.bloggs@gmail.com", "jo.bloggs@gmail.com"),
    ],
)  # fmt: skip
def test_a_learned_sender_is_said_in_words_never_as_its_key(
    key: str, name: str, words: str
) -> None:
    assert services.sender_in_words(key, name) == words


def test_every_key_a_sender_is_kept_under_reads_in_words() -> None:
    for key in services.sender_keys("noreply@smartrecruiters.com", "Ocean Blue Cruises"):
        assert services.sender_in_words(key) == "Ocean Blue Cruises (via smartrecruiters.com)"
    assert [
        services.sender_in_words(key)
        for key in services.sender_keys("hr@wayne.example", "People Team")
    ] == ["People Team (hr@wayne.example)", "hr@wayne.example", "anyone at wayne.example"]


@pytest.mark.django_db
def test_forgetting_a_rule_means_the_next_mail_is_recognised_afresh(
    alice: Any, alice_client: Any
) -> None:
    rule = _rule(alice)
    assert alice_client.get(reverse("mailbox:forget", args=[rule.pk])).status_code == 405
    page = alice_client.post(reverse("mailbox:forget", args=[rule.pk]), follow=True)
    assert "Forgotten." in page.content.decode() and "Nothing yet" in page.content.decode()
    assert not SenderRule.objects.exists()
    report = import_items(
        alice,
        [analysed(message(5, from_addr="hr@wayne.example", from_name="HR"), company=None)],
    )
    assert report.queued == 1  # no longer filed by itself


@pytest.mark.django_db
def test_bob_cannot_see_or_forget_alices_rules(alice: Any, bob_client: Any) -> None:
    rule = _rule(alice)
    assert "wayne.example" not in bob_client.get(reverse("mailbox:learned")).content.decode()
    assert bob_client.post(reverse("mailbox:forget", args=[rule.pk])).status_code == 404
    assert SenderRule.objects.filter(pk=rule.pk).exists()


@pytest.mark.django_db
def test_with_two_candidates_each_is_one_click_away(alice: Any, alice_client: Any) -> None:
    analyst = add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Designer")
    item = queue(alice, confidence=0.9)
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "Which application is it about?" in page
    assert ">Data Analyst at Acme</button>" in page and ">Designer at Acme</button>" in page
    response = alice_client.post(
        reverse("mailbox:correct", args=[item.pk]),
        {f"r{item.pk}-label": "rejection", f"r{item.pk}-application": analyst.pk},
    )
    assert response.status_code == 302
    assert Rejection.objects.get().application == analyst
    assert not SenderRule.objects.exists()


@pytest.mark.django_db
def test_only_the_emails_own_words_are_quoted(alice: Any, alice_client: Any) -> None:
    queue(
        alice,
        text="Unfortunately we will not move forward.",
        evidence=("not move forward", "stage: technical test", "rules suggest offer"),
    )
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert "It says: “not move forward”" in page
    assert "stage: technical test" not in page and "rules suggest" not in page


@pytest.mark.django_db
def test_the_page_takes_the_same_number_of_queries_however_long_the_queue(
    alice: Any, alice_client: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(5):
        add_application(alice, company=f"Company {i}", role="Analyst")
    for n in range(1, 3):
        queue(alice, n)
    alice_client.get(reverse("mailbox:review"))  # warm the session
    with CaptureQueriesContext(connection) as short:
        alice_client.get(reverse("mailbox:review"))
    for n in range(3, 30):
        queue(alice, n)
    with CaptureQueriesContext(connection) as long:
        alice_client.get(reverse("mailbox:review"))
    assert len(long) == len(short)


@pytest.mark.django_db
def test_the_correction_form_starts_on_the_proposed_application(
    alice: Any, alice_client: Any
) -> None:
    add_application(alice, company="Other", role="Designer")
    proposed = add_application(alice, company="Acme Analytics", role="Data Analyst")
    queue(alice, company="Acme Analytica", role="Data Analyst")
    page = alice_client.get(reverse("mailbox:review")).content.decode()
    assert f'<option value="{proposed.pk}" selected>Data Analyst at Acme Analytics</option>' in page
    assert "Yes, file it under Data Analyst at Acme Analytics" in page
