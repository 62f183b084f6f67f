"""What comes in from outside is shown safely: web links only, no terminal escapes, a CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bounceback.applications.models import Application
from bounceback.applications.services import add_application
from bounceback.errors import UserError
from bounceback.lib.hygiene import clip, is_safe_link, without_controls
from bounceback.mailbox.importer import import_mailbox
from bounceback.mailbox.models import ImportedMessage
from bounceback.recovery.models import Rejection
from tests.test_mail_import import rejection_mail

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[31mRED\x1b[0m\x07\x08"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "https:no-host",
    ],
)
@pytest.mark.django_db
def test_a_job_ad_link_that_is_not_a_web_address_is_refused(alice: Any, link: str) -> None:
    with pytest.raises(UserError, match="not a web address"):
        add_application(alice, company="Globex", role="Analyst", link=link)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_the_add_form_refuses_a_javascript_link(alice_client: Client) -> None:
    response = alice_client.post(
        "/applications/add/",
        {"company_name": "Globex", "role": "Analyst", "link": "javascript:alert(1)"},
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_old_javascript_link_is_shown_as_text_not_as_a_link(
    alice: Any, alice_client: Client
) -> None:
    application = add_application(alice, company="Globex", role="Analyst")
    Application.objects.filter(pk=application.pk).update(link="javascript:alert(document.cookie)")
    html = alice_client.get(application.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html
    assert "job ad: javascript:alert(document.cookie)" in html


@pytest.mark.django_db
def test_a_web_link_is_still_a_link(alice: Any, alice_client: Client) -> None:
    application = add_application(
        alice, company="Globex", role="Analyst", link="https://jobs.example.org/42"
    )
    html = alice_client.get(application.get_absolute_url()).content.decode()
    assert 'href="https://jobs.example.org/42"' in html


def test_only_http_and_https_with_a_host_are_safe_links() -> None:
    assert is_safe_link("https://example.org/a") and is_safe_link("HTTP://example.org")
    assert (
        not is_safe_link("ftp://example.org") and not is_safe_link("") and not is_safe_link("//x")
    )


def test_terminal_escapes_and_controls_are_stripped_lines_kept() -> None:
    assert without_controls(f"Hello{ESCAPES}\r\nthere\tyou\x00") == "HelloRED\nthere\tyou"
    assert without_controls(f"A\nB{ESCAPES}", multiline=False) == "A BRED"


def test_a_long_value_in_a_message_is_clipped_and_its_length_said() -> None:
    assert clip("x" * 100_000) == "x" * 59 + "… (100,000 characters)"


@pytest.mark.django_db
def test_a_mail_subject_with_terminal_escapes_is_stored_and_shown_without_them(
    alice: Any, cli: Any, tmp_path: Path
) -> None:
    raw = rejection_mail("Globex", "Data Analyst", 1).replace(
        b"Subject: Your application to Globex",
        b"Subject: Your application to Globex " + ESCAPES.encode(),
    )
    raw = raw.replace(b"Best,\nJane", b"Best,\x1b[2J\nJane")
    path = tmp_path / "escapes.eml"
    path.write_bytes(raw)
    assert import_mailbox(alice, path).created == 1
    rejection = Rejection.objects.get(owner=alice)
    assert "\x1b" not in rejection.source_text and "Best,\nJane" in rejection.source_text
    subjects = ImportedMessage.objects.values_list("subject", flat=True)
    assert list(subjects) == ["Your application to Globex RED"]
    shown = cli("show", str(rejection.application.pk)).output
    assert "\x1b" not in shown and "\x07" not in shown


@pytest.mark.django_db
def test_show_strips_escapes_from_text_saved_before_they_were_stripped(
    alice: Any, cli: Any
) -> None:
    application = add_application(alice, company="Globex", role="Analyst")
    event = application.events.get()
    type(event).objects.filter(pk=event.pk).update(note=f"Subject: hello {ESCAPES}")
    shown = cli("show", str(application.pk)).output
    assert "Subject: hello RED" in shown and "\x1b" not in shown


@pytest.mark.django_db
def test_every_response_carries_a_content_security_policy(alice_client: Client) -> None:
    for path in ("/", "/applications/", "/no-such-page/"):
        policy = alice_client.get(path)["Content-Security-Policy"]
        for directive in (
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ):
            assert directive in policy, (path, directive)
