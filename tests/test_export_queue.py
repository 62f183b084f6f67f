"""On a hosted install a worker makes the "Download everything" zip, and Settings offers it.

Years of mail make a large zip: the web only asks for it, a worker builds the same zip
as `bounceback export`, and the person downloads it when it is ready. On one computer
the download is made at once, as before (tests/test_export.py).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from bounceback.portability import prepared
from bounceback.portability.export import DATA_NAME, export_data
from bounceback.portability.models import PreparedExport, PrepareState
from bounceback.wellbeing.models import CheckIn
from tests.clock import TODAY
from tests.people import person, signed_in
from tests.test_export import canonical, full_search

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def centre(settings: Any) -> Any:
    settings.BOUNCEBACK_HOSTED = True
    return settings


def _zip_data(content: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data: dict[str, Any] = json.loads(archive.read(DATA_NAME))
    return data


def test_settings_asks_a_worker_for_the_zip_instead_of_making_it_in_the_page(
    centre: Any,
) -> None:
    centre.TASKS = QUEUE
    sam = person("sam@example.org")
    client = signed_in(sam)
    page = client.get("/settings/").content.decode()
    assert "Prepare a download of everything" in page
    assert 'action="/your-data/download/"' not in page

    assert client.post("/your-data/prepare/").status_code == 302
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs == {"args": [sam.pk], "kwargs": {}}  # an id, nothing private
    assert "is being made" in client.get("/settings/").content.decode()
    assert client.post("/your-data/prepare/download/").status_code == 404  # not yet


def test_asking_again_while_it_is_being_made_queues_nothing_more(centre: Any) -> None:
    centre.TASKS = QUEUE
    sam = person("sam@example.org")
    assert prepared.request(sam)
    assert not prepared.request(sam)
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker closes connections between tasks
def test_a_worker_makes_the_same_zip_as_the_command_and_settings_offers_it(
    centre: Any, cli: Any
) -> None:
    centre.TASKS = QUEUE
    sam, bob = person("sam@example.org"), person("bob@example.org")
    full_search(sam)
    CheckIn.objects.create(owner=bob, mood=2, note="Bob's own words")
    client = signed_in(sam)
    client.post("/your-data/prepare/")
    result = cli("worker", "--batch")
    assert result.exit_code == 0, result.output

    page = client.get("/settings/").content.decode()
    assert "Your download is ready" in page
    response = client.post("/your-data/prepare/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"bounceback-export-{TODAY:%Y-%m-%d}.zip" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert canonical(_zip_data(response.content)) == canonical(export_data(sam))
    assert "Bob's own words" not in response.content.decode("latin-1")
    # Nobody else downloads it: there is no id to guess, and Bob has none of his own.
    assert signed_in(bob).post("/your-data/prepare/download/").status_code == 404


def test_the_zip_is_kept_for_a_day_then_deleted(centre: Any, frozen_clock: Any) -> None:
    sam = person("sam@example.org")
    assert prepared.request(sam)  # the test settings run tasks at once
    assert prepared.ready_file(sam) is not None
    frozen_clock.shift(prepared.KEEP_FOR + timedelta(seconds=1))
    assert prepared.ready_file(sam) is None
    assert not PreparedExport.objects.exists()
    assert "Prepare a download of everything" in signed_in(sam).get("/settings/").content.decode()


def test_a_zip_that_could_not_be_made_says_so_and_can_be_asked_for_again(
    centre: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sam = person("sam@example.org")

    def broken(*args: Any) -> bytes:
        raise RuntimeError("a bug")

    monkeypatch.setattr(prepared, "export_zip", broken)
    prepared.request(sam)  # the task fails (the queue records how; nothing private in it)
    made = PreparedExport.objects.get(owner=sam)
    assert (made.state, bytes(made.data)) == (PrepareState.FAILED, b"")
    page = signed_in(sam).get("/settings/").content.decode()
    assert "could not be made this time" in page
    monkeypatch.undo()
    assert prepared.request(sam)
    assert prepared.ready_file(sam) is not None


def test_on_ones_own_computer_the_download_is_made_at_once_as_before(
    alice: Any, alice_client: Any
) -> None:
    page = alice_client.get("/settings/").content.decode()
    assert 'action="/your-data/download/"' in page
    assert "Prepare a download" not in page
