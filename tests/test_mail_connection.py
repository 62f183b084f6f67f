"""A mailbox connected from the web on a hosted install, checked by the workers.

Against the same real Dovecot as `bounceback import --imap` (``tests/dovecot.py``): the
web checks the connection once when it is saved, keeps the app password locked with the
centre's key, and a task per person reads new mail with the CLI's own import.

One server serves the whole module (starting and stopping one took over a second per
test); each test starts from an empty mailbox, and the database is each test's own.
"""

from __future__ import annotations

import io
import json
import logging
import os
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import User
from django.db import connection as db
from django.test import Client
from django_tasks_db.models import DBTaskResult

from bounceback import conf
from bounceback.accounts.models import Role
from bounceback.errors import UserError
from bounceback.lib.mail.imap import ImapCertificate, ImapSession, ImapStopped
from bounceback.mailbox import connection as service
from bounceback.mailbox import vault
from bounceback.mailbox.models import CheckState, ImportedMessage, MailConnection
from bounceback.portability.export import export_zip
from tests.dovecot import PASSWORD, Server, running
from tests.people import person, signed_in
from tests.test_mail_import import rejection_mail

pytestmark = pytest.mark.django_db

KEY = Fernet.generate_key().decode()
OLD_KEY = Fernet.generate_key().decode()
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def centre(settings: Any) -> Any:
    """A hosted install with a mail key, allowed to reach the test server on loopback."""
    settings.BOUNCEBACK_HOSTED = True
    settings.BOUNCEBACK_MAIL_KEYS = [KEY]
    settings.BOUNCEBACK_IMAP_PRIVATE_HOSTS = True
    return settings


@pytest.fixture(scope="module")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("dovecot")) as server:
        yield server


@pytest.fixture
def server(centre: Any, dovecot: Server) -> Server:
    """The module's server, sam's mailbox on it empty, its certificate trusted by the centre."""
    dovecot.empty()
    centre.BOUNCEBACK_IMAP_CAFILE = str(dovecot.cafile)
    return dovecot


@pytest.fixture
def sam() -> User:
    """A job seeker on the centre's install (the mailbox user on the server is sam too)."""
    return person("sam@example.org")


@pytest.fixture
def mailbox(sam: User, server: Server) -> MailConnection:
    """Sam's mailbox, connected from the web (and read once: tests run tasks at once)."""
    return _connected(sam, server)


def _form(server: Server, **changes: Any) -> dict[str, Any]:
    return {
        "host": "127.0.0.1",
        "port": server.port,
        "username": "sam",
        "password": PASSWORD,
        "folder": "INBOX",
    } | changes


def _connected(owner: Any, server: Server) -> MailConnection:
    mailbox = service.Mailbox.checked("127.0.0.1", server.port, "sam", PASSWORD, "INBOX")
    return service.connect(owner, mailbox)


def _stored(password: str, owner: Any, port: int = 993) -> MailConnection:
    """A connection saved earlier (its check passed then), with this password."""
    return MailConnection.objects.create(
        owner=owner,
        host="127.0.0.1",
        port=port,
        username="sam",
        folder="INBOX",
        secret=vault.lock(password),
    )


# --- Connecting ---------------------------------------------------------------------------


def test_connecting_checks_the_mailbox_and_keeps_the_password_only_locked(
    server: Server, sam: User
) -> None:
    response = signed_in(sam).post("/mail/connection/", _form(server))
    assert response.status_code == 302
    saved = MailConnection.objects.get(owner=sam)
    assert (saved.host, saved.port, saved.username, saved.folder) == (
        "127.0.0.1",
        server.port,
        "sam",
        "INBOX",
    )
    with db.cursor() as cursor:
        cursor.execute("SELECT * FROM mailbox_mailconnection")
        row = cursor.fetchone()
    assert row is not None
    assert not any(PASSWORD in str(value) for value in row)
    assert vault.unlock(saved.secret) == PASSWORD


def test_the_page_never_shows_the_password_again(server: Server, sam: User) -> None:
    client = signed_in(sam)
    client.post("/mail/connection/", _form(server))
    page = client.get("/mail/connection/").content.decode()
    assert "sam on 127.0.0.1" in page
    assert PASSWORD not in page
    assert MailConnection.objects.get().secret not in page


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"password": "not-the-password"}, "did not accept the user name “sam”"),
        ({"folder": "Job hunt"}, "There is no folder called “Job hunt”"),
        ({"host": "no-such-host.invalid"}, "could not reach no-such-host.invalid"),
    ],
)
def test_a_mailbox_that_cannot_be_read_is_not_saved_and_the_page_says_why(
    server: Server, changes: dict[str, Any], says: str, sam: User
) -> None:
    response = signed_in(sam).post("/mail/connection/", _form(server, **changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert says in page
    assert "not-the-password" not in page
    assert not MailConnection.objects.exists()


def test_a_server_whose_certificate_cannot_be_checked_is_refused(
    server: Server, centre: Any, sam: User
) -> None:
    centre.BOUNCEBACK_IMAP_CAFILE = ""  # the test server's certificate is self-signed
    response = signed_in(sam).post("/mail/connection/", _form(server))
    assert response.status_code == 400
    assert "could not make a secure connection with 127.0.0.1" in response.content.decode()
    assert not MailConnection.objects.exists()


def test_a_server_on_the_centres_own_network_is_refused_unless_the_centre_allows_it(
    centre: Any, sam: User
) -> None:
    centre.BOUNCEBACK_IMAP_PRIVATE_HOSTS = False
    response = signed_in(sam).post(
        "/mail/connection/",
        {"host": "127.0.0.1", "port": 993, "username": "sam", "password": "x", "folder": "INBOX"},
    )
    assert response.status_code == 400
    assert "private network" in response.content.decode()
    assert not MailConnection.objects.exists()


def test_the_connection_goes_to_the_checked_address_and_still_checks_the_certificate(
    server: Server,
) -> None:
    # The name does not resolve at all: only the pinned address can reach the server, and
    # the certificate (made for 127.0.0.1) must still match the name, so TLS refuses it.
    with pytest.raises(ImapCertificate):
        ImapSession(
            "mail.bounceback-test.invalid",
            server.port,
            "sam",
            PASSWORD,
            "INBOX",
            cafile=server.cafile,
            address="127.0.0.1",
        )
    session = ImapSession(
        "127.0.0.1",
        server.port,
        "sam",
        PASSWORD,
        "INBOX",
        cafile=server.cafile,
        address="127.0.0.1",
    )
    session.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [("host", ""), ("port", "0"), ("port", "imap"), ("username", ""), ("password", "")],
)
def test_bad_input_on_the_form_is_named_and_nothing_is_saved(
    centre: Any, field: str, value: str, sam: User
) -> None:
    data = {"host": "imap.example.org", "port": "993", "username": "sam", "password": "x"}
    response = signed_in(sam).post("/mail/connection/", data | {field: value, "folder": "INBOX"})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not MailConnection.objects.exists()


@pytest.mark.parametrize(
    "host", ["imap example.org", "x" * 300, "imap.example.org\x07"], ids=["space", "long", "bell"]
)
def test_a_host_no_server_could_have_is_refused_before_any_connection(host: str) -> None:
    with pytest.raises(UserError, match="is not a host name"):
        service.Mailbox.checked(host, 993, "sam", "pw", "INBOX")


def test_a_password_a_mail_server_could_not_take_is_refused_before_any_connection() -> None:
    with pytest.raises(UserError, match="plain letters and digits"):
        service.Mailbox.checked("imap.example.org", 993, "sam", "pässword", "INBOX")


def test_without_the_centres_key_the_page_says_it_is_not_switched_on(
    centre: Any, sam: User
) -> None:
    centre.BOUNCEBACK_MAIL_KEYS = []
    client = signed_in(sam)
    page = client.get("/mail/connection/").content.decode()
    assert "has not switched on connecting a mailbox" in page
    assert 'name="password"' not in page
    assert "has not switched on connecting a mailbox" in client.get("/settings/").content.decode()
    with pytest.raises(UserError, match="has not switched on"):
        service.connect(sam, service.Mailbox.checked("imap.example.org", 993, "s", "p", "INBOX"))
    assert not MailConnection.objects.exists()


def test_on_ones_own_computer_nothing_changes(alice: Any, alice_client: Client) -> None:
    assert "Your mailbox" not in alice_client.get("/settings/").content.decode()
    page = alice_client.get("/mail/connection/").content.decode()
    assert "bounceback import --imap" in page
    assert 'name="password"' not in page


def test_disconnecting_deletes_the_password_at_once(mailbox: MailConnection, sam: User) -> None:
    response = signed_in(sam).post("/mail/connection/disconnect/")
    assert response.status_code == 302
    assert not MailConnection.objects.exists()
    with db.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM mailbox_mailconnection")
        assert cursor.fetchone() == (0,)


# --- The key -------------------------------------------------------------------------------


def test_a_new_key_listed_first_still_opens_passwords_locked_with_the_old_one(
    centre: Any, sam: User
) -> None:
    centre.BOUNCEBACK_MAIL_KEYS = [OLD_KEY]
    saved = _stored("app-password-1", sam)
    centre.BOUNCEBACK_MAIL_KEYS = [KEY, OLD_KEY]
    assert vault.unlock(saved.secret) == "app-password-1"
    assert service.rotate_keys() == (1, 0)
    saved.refresh_from_db()
    centre.BOUNCEBACK_MAIL_KEYS = [KEY]  # the old key dropped after the rotation
    assert vault.unlock(saved.secret) == "app-password-1"


def test_a_password_no_listed_key_opens_asks_the_person_to_save_it_again(
    centre: Any, sam: User
) -> None:
    centre.BOUNCEBACK_MAIL_KEYS = [OLD_KEY]
    saved = _stored("app-password-1", sam)
    centre.BOUNCEBACK_MAIL_KEYS = [KEY]
    assert service.rotate_keys() == (0, 1)
    assert service.run_check(saved.pk) == "failed"
    saved.refresh_from_db()
    assert "Save your app password here again" in saved.failure


def test_a_mail_key_that_is_not_a_key_is_refused_without_repeating_it() -> None:
    with pytest.raises(conf.SettingsError) as refused:
        conf.mail_keys({"BOUNCEBACK_MAIL_KEY": f"{KEY},hunter2-is-not-a-key"})
    assert "key number 2" in str(refused.value)
    assert "hunter2" not in str(refused.value)
    assert conf.mail_keys({"BOUNCEBACK_MAIL_KEY": f" {KEY} , {OLD_KEY} "}) == [KEY, OLD_KEY]
    assert conf.mail_keys({}) == []


def test_mail_key_rotate_relocks_every_saved_password(centre: Any, cli: Any) -> None:
    centre.BOUNCEBACK_MAIL_KEYS = [OLD_KEY]
    saved = _stored("app-password-1", person("sam@example.org"))
    centre.BOUNCEBACK_MAIL_KEYS = [KEY, OLD_KEY]
    result = cli("mail-key", "--rotate")
    assert result.exit_code == 0, result.output
    assert "Re-locked 1 mailbox password" in result.output
    centre.BOUNCEBACK_MAIL_KEYS = [KEY]
    saved.refresh_from_db()
    assert vault.unlock(saved.secret) == "app-password-1"


def test_mail_key_rotate_without_a_key_says_it_is_switched_off(centre: Any, cli: Any) -> None:
    centre.BOUNCEBACK_MAIL_KEYS = []
    result = cli("mail-key", "--rotate")
    assert result.exit_code == 1
    assert "has not switched on" in result.output


def test_mail_key_prints_a_key_the_setting_accepts(cli: Any) -> None:
    result = cli("mail-key")
    assert result.exit_code == 0, result.output
    key = result.stdout.strip()
    assert conf.mail_keys({"BOUNCEBACK_MAIL_KEY": key}) == [key]


# --- Checking, on the queue ------------------------------------------------------------------


def test_a_check_imports_new_job_mail_with_the_same_import_as_the_command(
    server: Server, mailbox: MailConnection, sam: User
) -> None:
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    assert service.queue_check(mailbox)  # the test settings run tasks at once
    mailbox.refresh_from_db()
    assert (mailbox.state, mailbox.found, mailbox.failure) == (CheckState.IDLE, 1, "")
    assert mailbox.checked_at is not None
    message = ImportedMessage.objects.get(owner=sam)
    assert message.source == "imap://sam@127.0.0.1/INBOX"
    # Again: nothing new, nothing twice.
    assert service.run_check(mailbox.pk) == "done"
    mailbox.refresh_from_db()
    assert mailbox.found == 0
    assert ImportedMessage.objects.filter(owner=sam).count() == 1


def test_check_now_shows_the_result_on_the_page(
    server: Server, mailbox: MailConnection, sam: User
) -> None:
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    client = signed_in(sam)
    response = client.post("/mail/connection/check/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "1 new job e-mail" in response.content.decode()


def test_two_checks_of_one_person_never_run_at_once(
    server: Server, monkeypatch: pytest.MonkeyPatch, mailbox: MailConnection, sam: User
) -> None:
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    seen: list[str] = []
    real_sync = service.sync_imap

    def sync_while_another_worker_tries(*args: Any, **kwargs: Any) -> Any:
        seen.append(service.run_check(mailbox.pk))  # a second worker, midway through the first
        seen.append(str(service.queue_check(mailbox)))
        return real_sync(*args, **kwargs)

    monkeypatch.setattr(service, "sync_imap", sync_while_another_worker_tries)
    assert service.run_check(mailbox.pk) == "done"
    assert seen == ["busy", "False"]
    assert ImportedMessage.objects.filter(owner=sam).count() == 1


def test_a_check_whose_worker_died_is_taken_over_after_a_while(
    frozen_clock: Any, mailbox: MailConnection
) -> None:
    MailConnection.objects.filter(pk=mailbox.pk).update(state=CheckState.RUNNING)
    assert service.run_check(mailbox.pk) == "busy"
    frozen_clock.shift(service.STALE_AFTER + timedelta(seconds=1))
    assert service.run_check(mailbox.pk) == "done"


def test_a_check_that_stops_midway_leaves_nothing_half_filed(
    server: Server, monkeypatch: pytest.MonkeyPatch, mailbox: MailConnection, sam: User
) -> None:
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    server.deliver(rejection_mail("Initech", "Analyst", 2))
    real_fetch = service.ImapSession.fetch

    def fetch_one_then_drop(self: Any, uids: list[int]) -> Any:
        yield from real_fetch(self, uids[:1])
        raise ImapStopped("The server stopped answering.")

    monkeypatch.setattr(service.ImapSession, "fetch", fetch_one_then_drop)
    assert service.run_check(mailbox.pk) == "failed"
    mailbox.refresh_from_db()
    assert mailbox.state == CheckState.IDLE
    assert "carries on from there" in mailbox.failure
    assert ImportedMessage.objects.filter(owner=sam).count() <= 1
    monkeypatch.undo()
    assert service.run_check(mailbox.pk) == "done"
    assert ImportedMessage.objects.filter(owner=sam).count() == 2
    mailbox.refresh_from_db()
    assert mailbox.failure == ""


def test_a_fault_of_ours_frees_the_mailbox_for_the_next_check(
    monkeypatch: pytest.MonkeyPatch, mailbox: MailConnection
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(service, "sync_imap", broken)
    with pytest.raises(RuntimeError):
        service.run_check(mailbox.pk)
    mailbox.refresh_from_db()
    assert mailbox.state == CheckState.IDLE
    assert "on our side" in mailbox.failure


@pytest.mark.skipif(
    bool(os.environ.get("FAKETIME")),
    reason="dovecot runs under the moved machine clock too, and after ten refused sign-ins "
    "its own login penalty refuses the right password; the backoff is tested on the "
    "frozen clock in every other run",
)
def test_a_refused_password_backs_off_instead_of_trying_again_and_again(
    server: Server, frozen_clock: Any, caplog: pytest.LogCaptureFixture, sam: User
) -> None:
    saved = _stored("a-revoked-app-password", sam, port=server.port)
    with caplog.at_level(logging.DEBUG):
        assert service.run_check(saved.pk) == "failed"
    saved.refresh_from_db()
    assert saved.login_failures == 1
    assert "did not accept" in saved.failure
    assert "a-revoked-app-password" not in saved.failure + caplog.text
    assert saved.retry_after is not None
    assert saved.retry_after - saved.checked_at == timedelta(hours=1)  # type: ignore[operator]
    assert service.queue_all().as_dict() == {"queued": 0, "busy": 0, "waiting": 1}

    frozen_clock.shift(timedelta(hours=1, seconds=1))
    assert service.queue_all().as_dict() == {"queued": 1, "busy": 0, "waiting": 0}
    saved.refresh_from_db()
    assert saved.login_failures == 2
    assert saved.retry_after - saved.checked_at == timedelta(hours=2)  # type: ignore[operator]

    for _ in range(8):
        service.run_check(saved.pk)
    saved.refresh_from_db()
    assert saved.retry_after - saved.checked_at == timedelta(days=1)  # type: ignore[operator]

    # Saving the right password starts the checks again at once.
    _connected(sam, server)
    saved.refresh_from_db()
    assert (saved.login_failures, saved.retry_after, saved.failure) == (0, None, "")
    assert service.queue_all().queued == 1


def test_the_page_says_when_checks_wait_after_a_refused_password(server: Server, sam: User) -> None:
    saved = _stored("a-revoked-app-password", sam, port=server.port)
    service.run_check(saved.pk)
    page = signed_in(sam).get("/mail/connection/").content.decode()
    assert "did not accept" in page
    assert "the regular checks wait until" in page
    assert "a-revoked-app-password" not in page


# --- Who may see and trigger what ---------------------------------------------------------


def test_nobody_else_sees_or_checks_someones_mailbox(server: Server, centre: Any) -> None:
    alice = person("alice@example.org")
    saved = _connected(alice, server)
    centre.TASKS = QUEUE  # from here on, a check anyone triggers would wait in the queue
    others = {
        "another seeker": person("bob@example.org"),
        "a coach": person("carol@example.org", Role.COACH),
        "staff": person("erin@example.org", Role.STAFF),
    }
    for who, user in others.items():
        client = signed_in(user)
        for url in ("/mail/connection/", "/mail/connection/status/", "/settings/"):
            page = client.get(url, headers={"HX-Request": "true"}).content.decode()
            assert "127.0.0.1" not in page, f"{who} sees Alice's mailbox on {url}"
        client.post("/mail/connection/check/")
        client.post("/mail/connection/disconnect/")
        saved.refresh_from_db()
        assert saved.state == CheckState.IDLE, who
        assert not DBTaskResult.objects.exists(), who
    assert MailConnection.objects.filter(owner=alice).exists()


def test_the_admin_never_shows_the_locked_password(server: Server) -> None:
    from django.contrib.auth.models import User

    alice = person("alice@example.org")
    saved = _connected(alice, server)
    erin = User.objects.create_superuser("erin@example.org", "erin@example.org", "pw-x-123")
    client = signed_in(erin)
    for url in (
        "/admin/mailbox/mailconnection/",
        f"/admin/mailbox/mailconnection/{saved.pk}/change/",
    ):
        page = client.get(url).content.decode()
        assert saved.secret not in page and PASSWORD not in page
    # Read-only: a server name changed by staff would send Alice's password elsewhere.
    client.post(
        f"/admin/mailbox/mailconnection/{saved.pk}/change/",
        {"host": "evil.example", "port": 993, "username": "sam", "folder": "INBOX"},
    )
    saved.refresh_from_db()
    assert saved.host == "127.0.0.1"
    refused = client.get(f"/admin/mailbox/mailconnection/?secret__startswith={saved.secret[:3]}")
    assert refused.status_code != 200 or saved.secret[:10] not in refused.content.decode()


def test_the_export_leaves_the_connection_and_its_password_out(server: Server) -> None:
    alice = person("alice@example.org")
    saved = _connected(alice, server)
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    service.run_check(saved.pk)
    archive = zipfile.ZipFile(io.BytesIO(export_zip(alice)))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert saved.secret.encode() not in everything
    assert PASSWORD.encode() not in everything
    assert b"mailconnection" not in everything.lower()
    assert b"imapcursor" in everything.lower()  # which folder was read does travel


def test_the_queue_holds_the_connections_id_never_its_password(
    server: Server, centre: Any, sam: User
) -> None:
    centre.TASKS = QUEUE
    saved = _connected(sam, server)  # its first reading is queued at once
    assert not service.queue_check(saved)  # and only once
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs == {"args": [saved.pk], "kwargs": {}}
    assert PASSWORD not in str(queued.args_kwargs) and saved.secret not in str(queued.args_kwargs)
    saved.refresh_from_db()
    assert saved.state == CheckState.QUEUED
    assert (
        "Waiting for its turn"
        in signed_in(sam)
        .get("/mail/connection/status/", headers={"HX-Request": "true"})
        .content.decode()
    )


@pytest.mark.django_db(transaction=True)  # the worker closes connections between tasks
def test_check_now_only_queues_and_a_worker_reads_the_mail(
    server: Server, centre: Any, cli: Any, sam: User
) -> None:
    centre.TASKS = QUEUE
    _connected(sam, server)
    server.deliver(rejection_mail("Globex", "Data Analyst", 1))
    response = signed_in(sam).post("/mail/connection/check/")
    assert response.status_code == 302
    assert not ImportedMessage.objects.exists()  # the web only queued it

    result = cli("worker", "--batch")
    assert result.exit_code == 0, result.output
    assert ImportedMessage.objects.filter(owner=sam).count() == 1
    saved = MailConnection.objects.get(owner=sam)
    assert (saved.state, saved.found) == (CheckState.IDLE, 1)
    assert "1 new job e-mail" in signed_in(sam).get("/mail/connection/").content.decode()


# --- The command for cron ------------------------------------------------------------------


def test_sync_mail_all_queues_one_check_per_connected_mailbox(
    server: Server, centre: Any, cli: Any
) -> None:
    for name in ("sam@example.org", "lee@example.org"):
        _connected(person(name), server)  # read once at once (tests run tasks straight away)
    person("no-mailbox@example.org")
    centre.TASKS = QUEUE
    result = cli("sync-mail", "--all", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"queued": 2, "busy": 0, "waiting": 0}
    assert DBTaskResult.objects.count() == 2
    # Again before the workers ran: both are already waiting, nothing is queued twice.
    again = cli("sync-mail", "--all", "--json")
    assert json.loads(again.stdout) == {"queued": 0, "busy": 2, "waiting": 0}
    assert DBTaskResult.objects.count() == 2


def test_sync_mail_without_all_says_what_to_give(centre: Any, cli: Any) -> None:
    result = cli("sync-mail")
    assert result.exit_code == 1
    assert "--all" in result.output


def test_sync_mail_on_ones_own_computer_points_to_import(cli: Any) -> None:
    result = cli("sync-mail", "--all")
    assert result.exit_code == 1
    assert "bounceback import --imap" in result.output


def test_mail_review_points_to_the_mailbox_page_where_it_is_offered(centre: Any, sam: User) -> None:
    page = signed_in(sam).get("/mail/review/").content.decode()
    assert 'href="/mail/connection/"' in page
    assert "bounceback import --imap" not in page


def test_settings_shows_the_mailbox_and_how_its_checks_go(server: Server, sam: User) -> None:
    client = signed_in(sam)
    assert "Connect your mailbox" in client.get("/settings/").content.decode()
    _connected(sam, server)
    assert "Connected: sam on 127.0.0.1" in client.get("/settings/").content.decode()
