"""The hosted pages (sign-in, passwords, people, sharing, a coach's view) name every control too."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.test import Client
from django.urls import reverse

from bounceback.accounts.models import Role
from bounceback.applications.services import add_application
from bounceback.coaching import services as coaching
from bounceback.coaching.models import NoteKind
from bounceback.mailbox.models import MailConnection
from bounceback.recovery.models import Reflection
from bounceback.recovery.services import record_rejection
from tests.people import person, signed_in
from tests.test_accessibility import _Page

pytestmark = pytest.mark.django_db


def _problems(client: Client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    page = _Page()
    page.feed(response.content.decode())
    problems = [f"{path}: control without a label {c}" for c in page.unnamed_controls()]
    problems += [f"{path}: button without a name {b}" for b in page.unnamed_buttons]
    if page.h1 != 1:
        problems.append(f"{path}: {page.h1} <h1> headings")
    return problems


def test_every_hosted_page_names_its_controls_and_has_one_main_heading(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    settings.BOUNCEBACK_MAIL_KEYS = [Fernet.generate_key().decode()]
    sam, carol = person("sam@example.org"), person("carol@example.org", Role.COACH)
    erin = person("erin@example.org", Role.STAFF)
    application = add_application(sam, company="Acme", role="Analyst")
    reflection = Reflection.objects.create(
        owner=sam,
        rejection=record_rejection(application),
        question_key="felt",
        question="How was it?",
        answer="Tired but fine",
    )
    connected = person("lee@example.org")
    MailConnection.objects.create(owner=connected, host="imap.example.org", username="lee")
    share = coaching.share_with(sam, carol.pk, ["applications", "insights"])
    coaching.set_items(share, [("reflection", reflection.pk)])
    coaching.add_note(share, NoteKind.STEP, "Practise the first two minutes")
    pages = {
        Client(): [reverse("accounts:sign_in"), reverse("accounts:password_reset")],
        signed_in(sam): [
            reverse("accounts:password_change"),
            reverse("coaching:sharing"),
            reverse("coaching:share_items", args=[share.pk]),
            reverse("mailbox:connection"),  # the form alone
        ],
        signed_in(connected): [reverse("mailbox:connection")],  # the status, the form
        signed_in(carol): [
            reverse("coaching:caseload"),
            reverse("coaching:person", args=[share.pk]),
            reverse("coaching:application", args=[share.pk, application.pk]),
            reverse("coaching:insights", args=[share.pk]),
            reverse("coaching:item", args=[share.pk, share.items.get().pk]),
        ],
        signed_in(erin): [reverse("accounts:people")],
    }
    problems = [
        p for client, paths in pages.items() for path in paths for p in _problems(client, path)
    ]
    assert not problems, "\n".join(problems)
