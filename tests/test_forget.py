"""`bounceback forget` and Settings → Delete everything: every row and file gone, for good.

The byte search runs `bounceback` on a real SQLite data folder (tests/safekeeping_helpers):
what the person wrote must not be found anywhere in the folder's files afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from bounceback.applications.models import Application, Company
from bounceback.demo import build_demo
from bounceback.recovery.models import Reflection
from bounceback.wellbeing.models import CheckIn
from tests.safekeeping_helpers import bounceback, folder_bytes, python

# Words nobody else would write, planted where a person writes: a check-in note, a
# reflection, the body of a rejection e-mail, a contact's note, an application's notes, and a
# header of an imported e-mail.
WORDS = {
    "journal note": "Quokkamarmalade evening walk",
    "reflection": "Zebrafinch answer about nerves",
    "e-mail body": "Periwinkleoctopus regrets to inform",
    "application notes": "Tangerinewombat salary talk",
    # Only in a header of the imported e-mail itself: found only in the kept original.
    "imported e-mail as it arrived": "Xylophonegecko",
}

MAIL = (
    "From: Globex Recruiting <no-reply@greenhouse.io>\n"
    f"X-Mailer: {WORDS['imported e-mail as it arrived']} 2.0\n"
    "Subject: Your application to Globex\nMessage-ID: <forget-1@mail.example>\n"
    "Date: Tue, 04 Nov 2025 10:00:00 +0100\nContent-Type: text/plain\n\n"
    "Hi Sam,\n\nThank you for applying for the Data Analyst position at Globex. "
    "Unfortunately we have decided not to move forward with your application.\n"
)

PLANT = f"""
from bounceback.safekeeping.upgrade import ensure_ready
ensure_ready()  # a new data folder: the database is created
from bounceback.accounts.services import local_user
from bounceback.applications.services import add_application
from bounceback.recovery.models import Reflection
from bounceback.recovery.services import record_rejection
from bounceback.wellbeing import checkins
me = local_user()
app = add_application(me, company="Northwind", role="Analyst", notes={WORDS["application notes"]!r})
checkins.record(me, mood=2, note={WORDS["journal note"]!r})
rejection = record_rejection(app, source_text={WORDS["e-mail body"]!r} * 3)
Reflection.objects.create(owner=me, rejection=rejection, question_key="nerves",
                          question="What would you change?", answer={WORDS["reflection"]!r})
import tempfile
from pathlib import Path
from bounceback.mailbox.importer import import_mailbox
from bounceback.mailbox.models import OriginalMail
box = Path(tempfile.mkdtemp()) / "job.eml"  # outside the data folder, as a person's mail is
box.write_text({MAIL!r})
import_mailbox(me, box)
assert OriginalMail.objects.count() == 1
"""


@pytest.mark.slow
def test_after_forget_no_text_of_the_persons_is_left_in_the_data_folders_bytes(
    tmp_path: Path,
) -> None:
    home = tmp_path / "data"
    python(home, PLANT)
    assert bounceback(home, "backup").returncode == 0
    (home / "exports").mkdir()
    (home / "exports" / "everything.json").write_text(WORDS["reflection"])
    before = folder_bytes(home)
    assert all(text.encode() in before for text in WORDS.values()), "the test plants nothing"

    result = bounceback(home, "forget", "--yes")

    assert result.returncode == 0, result.stderr
    assert "Everything is gone" in result.stdout
    after = folder_bytes(home)
    left = [where for where, text in WORDS.items() if text.encode() in after]
    assert left == []
    assert not (home / "backups").exists() and not (home / "exports").exists()
    listed = bounceback(home, "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"


PLAIN_DELETE = """
import bounceback.safekeeping.forget as f
f._wipe_free_space = lambda: None
f._pragma = lambda sql: f.connection.cursor().execute("PRAGMA secure_delete=OFF")
from bounceback.accounts.services import local_user
f.forget(local_user())
"""


@pytest.mark.slow
def test_deleting_rows_alone_would_leave_the_words_readable_in_the_file(tmp_path: Path) -> None:
    """Why forget zeroes and rewrites: the search above finds words a plain delete leaves."""
    home = tmp_path / "data"
    python(home, PLANT)
    python(home, PLAIN_DELETE)
    after = folder_bytes(home)
    assert [where for where, text in WORDS.items() if text.encode() in after] != []


def test_forget_needs_yes_when_nobody_is_at_the_keyboard(cli: Any, alice: User) -> None:
    Application.objects.create(owner=alice, company=Company.objects.for_name(alice, "Acme"))
    result = cli("forget")
    assert result.exit_code == 1
    assert "Add --yes" in result.output
    assert Application.objects.filter(owner=alice).exists()


@pytest.mark.django_db(transaction=True)
def test_forget_deletes_every_row_the_person_owns_and_nobody_elses(alice: User, bob: User) -> None:
    from bounceback.safekeeping.forget import forget

    build_demo(alice)
    build_demo(bob)
    bobs = _owned_counts(bob)
    assert _owned_counts(alice) and sum(bobs.values()) > 0

    done = forget(alice)

    assert done.rows > 0
    assert not User.objects.filter(pk=alice.pk).exists()
    assert sum(_owned_counts(alice).values()) == 0
    assert _owned_counts(bob) == bobs


def _owned_counts(user: User) -> dict[str, int]:
    """Rows of every model with an owner, for this person."""
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "owner" in names:
            counts[model.__name__] = model._default_manager.filter(owner_id=user.pk).count()
    return counts


# --- The web page -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_page_says_what_goes_and_deletes_nothing_without_the_typed_word(
    alice: User, alice_client: Client
) -> None:
    build_demo(alice)
    page = alice_client.get("/settings/delete-everything/")
    assert page.status_code == 200
    assert b"check-ins, exercises, goals" in page.content
    refused = alice_client.post("/settings/delete-everything/", {"confirm": "delete please"})
    assert refused.status_code == 200
    assert b"Type DELETE in capitals" in refused.content
    assert CheckIn.objects.filter(owner=alice).exists()


@pytest.mark.django_db(transaction=True)
def test_typing_delete_on_the_page_deletes_everything_and_signs_out(
    alice: User, alice_client: Client, bob: User
) -> None:
    build_demo(alice)
    build_demo(bob)
    done = alice_client.post("/settings/delete-everything/", {"confirm": "DELETE"})
    assert done.status_code == 200
    assert b"Everything is deleted" in done.content
    assert not Reflection.objects.filter(owner_id=alice.pk).exists()
    assert Reflection.objects.filter(owner=bob).exists()
    assert alice_client.get("/").status_code == 302  # signed out: the account is gone


def test_settings_links_to_delete_everything(alice_client: Client) -> None:
    assert b"/settings/delete-everything/" in alice_client.get("/settings/").content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_on_postgresql_backup_says_it_is_the_administrators_job(cli: Any) -> None:
    result = cli("backup")
    assert result.exit_code == 1
    assert "pg_dump" in result.output and "administrator" in result.output
