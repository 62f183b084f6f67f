"""Long work goes through a real queue on a hosted install: the web enqueues, a worker runs it.

Web and workers share only the database (django-tasks' database backend), so they can
run on separate machines.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from bounceback.accounts.tasks import queue_reminders, send_password_link
from bounceback.recovery.models import Action
from tests.clock import TODAY
from tests.people import person

# The worker closes stale connections between tasks, as it should in production; inside a
# test's transaction that would close the test's own, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def hosted_queue(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True
    settings.TASKS = QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_web_only_queues_the_mail_and_a_worker_sends_it(hosted_queue: None, cli: Any) -> None:
    sam = person("sam@example.org")
    send_password_link.enqueue(sam.pk, "invitation", "https://careers.example.org")
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert "password/set" not in str(queued.args_kwargs)  # no working link waits in the queue

    result = cli("worker", "--batch")
    assert result.exit_code == 0, result.output
    assert len(mail.outbox) == 1
    assert "https://careers.example.org/password/set/" in mail.outbox[0].body


def test_reminders_go_one_task_per_seeker_and_only_to_those_with_steps_due(
    hosted_queue: None, cli: Any
) -> None:
    busy, idle = person("busy@example.org"), person("idle@example.org")
    Action.objects.create(owner=busy, title="Send the thank-you note", due_on=TODAY)
    assert queue_reminders("https://careers.example.org") == 2
    cli("worker", "--batch")
    assert [m.to for m in mail.outbox] == [["busy@example.org"]]
    assert mail.outbox[0].subject == "1 step for today"
    assert "thank-you" not in mail.outbox[0].body  # only a count leaves the server
    assert idle.email not in str([m.to for m in mail.outbox])


def test_on_one_computer_there_is_no_worker_to_run(cli: Any) -> None:
    result = cli("worker", "--batch")
    assert result.exit_code == 1
