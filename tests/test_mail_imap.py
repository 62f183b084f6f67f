"""`bounceback import --imap`: against a real Dovecot on loopback (``tests/dovecot.py``),
and where the password comes from.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from rich.console import Console

from bounceback.errors import UserError
from bounceback.lib.mail.imap import ImapMessage
from bounceback.mailbox.models import ImapCursor, ImportedMessage, OriginalMail
from tests.dovecot import PASSWORD, Server, running
from tests.test_mail_import import interview_mail, rejection_mail
from tests.test_mail_reader import RECEIPT


@pytest.fixture
def dovecot(tmp_path: Path) -> Iterator[Server]:
    """A server of its own for each test here (``tests/test_mail_connection.py`` shares one)."""
    with running(tmp_path / "dovecot") as server:
        yield server


def _import(cli: Any, server: Server, *extra: str) -> Any:
    return cli(
        "import", "--imap", "--host", "127.0.0.1", "--port", str(server.port),
        "--user", "sam", "--cafile", str(server.cafile), "--password-env", "BB_TEST_IMAP_PASSWORD",
        *extra,
    )  # fmt: skip


@pytest.mark.django_db
def test_imap_import_reads_only_new_messages_on_each_run(
    cli: Any, dovecot: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_TEST_IMAP_PASSWORD", PASSWORD)
    dovecot.deliver(rejection_mail("Globex", "Data Analyst", 1))
    dovecot.deliver(RECEIPT)
    first = _import(cli, dovecot, "--json")
    assert first.exit_code == 0, first.stderr
    assert {k: json.loads(first.stdout)[k] for k in ("total", "created", "not_job")} == {
        "total": 2,
        "created": 1,
        "not_job": 1,
    }
    cursor = ImapCursor.objects.get()
    assert (cursor.host, cursor.username, cursor.folder, cursor.last_uid) == (
        "127.0.0.1",
        "sam",
        "INBOX",
        2,
    )

    dovecot.deliver(interview_mail("Initech", "Backend Engineer", 2))
    second = json.loads(_import(cli, dovecot, "--json").stdout)
    assert (second["total"], second["created"], second["duplicates"]) == (1, 1, 0)
    third = json.loads(_import(cli, dovecot, "--json").stdout)
    assert third["total"] == 0
    assert ImportedMessage.objects.count() == 2
    assert ImapCursor.objects.get().last_uid == 3


@pytest.mark.django_db
def test_a_changed_uidvalidity_starts_over_without_duplicates(
    cli: Any, dovecot: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_TEST_IMAP_PASSWORD", PASSWORD)
    dovecot.deliver(rejection_mail("Globex", "Data Analyst", 1))
    assert _import(cli, dovecot).exit_code == 0
    ImapCursor.objects.update(uidvalidity=1)  # as if the server had rebuilt the folder
    again = json.loads(_import(cli, dovecot, "--json").stdout)
    assert (again["total"], again["duplicates"]) == (1, 1)


@pytest.mark.django_db
def test_a_wrong_password_is_a_clear_error_and_is_never_printed(
    cli: Any, dovecot: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_TEST_IMAP_PASSWORD", "wrong-secret-123")
    result = _import(cli, dovecot)
    assert result.exit_code == 1
    assert "refused the user name or password" in " ".join(result.stderr.split())
    assert "wrong-secret-123" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_an_untrusted_certificate_is_refused(
    cli: Any, dovecot: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_TEST_IMAP_PASSWORD", PASSWORD)
    result = cli(
        "import", "--imap", "--host", "127.0.0.1", "--port", str(dovecot.port),
        "--user", "sam", "--password-env", "BB_TEST_IMAP_PASSWORD",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "could not be verified" in " ".join(result.stderr.split())


# --- where the password comes from ---------------------------------------------------
#
# These run without a server: a stand-in for ImapSession accepts one password and
# serves a few messages, so every source (environment variable, keyring, prompt) is
# tested wherever the suite runs. The last test repeats the prompt against Dovecot.

SECRET = "Tr0ub4dor&3-never-print-me"
HOST = "imap.example.org"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this test's memory, never the machine's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@dataclass
class FakeServer:
    """What the stand-in session serves, and the passwords it was given."""

    messages: list[bytes]
    logins: list[str]


@pytest.fixture
def fake_imap(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    server = FakeServer(
        messages=[
            rejection_mail("Globex", "Data Analyst", 1),
            RECEIPT,
            interview_mail("Initech", "Engineer", 2),
        ],
        logins=[],
    )

    class FakeSession:
        uidvalidity = 7

        def __init__(
            self, host: str, port: int, user: str, password: str, folder: str, **_: Any
        ) -> None:
            server.logins.append(password)
            if password != SECRET:
                raise UserError(f"The server refused the user name or password for {user}.")

        def new_uids(self, after: int) -> list[int]:
            return [uid for uid in range(1, len(server.messages) + 1) if uid > after]

        def fetch(self, uids: list[int]) -> Iterator[ImapMessage]:
            for uid in uids:
                yield ImapMessage(uid, server.messages[uid - 1])

        def close(self) -> None:
            pass

    monkeypatch.setattr("bounceback.mailbox.imap_sync.ImapSession", FakeSession)
    return server


def _fake_import(cli: Any, *extra: str, input: str | None = None) -> Any:
    return cli("import", "--imap", "--host", HOST, "--user", "sam", *extra, input=input)


def _never_shown(result: Any, caplog: pytest.LogCaptureFixture) -> None:
    assert SECRET not in result.stdout
    assert SECRET not in result.stderr
    assert SECRET not in caplog.text


@pytest.mark.django_db
def test_the_password_can_come_from_an_environment_variable(
    cli: Any,
    fake_imap: FakeServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("BB_IMAP_SECRET", SECRET)
    result = _fake_import(cli, "--password-env", "BB_IMAP_SECRET")
    assert result.exit_code == 0, result.stderr
    assert fake_imap.logins == [SECRET]
    assert "3 e-mails read" in result.stdout
    _never_shown(result, caplog)
    assert memory_keyring.store == {}  # kept only when asked to


@pytest.mark.django_db
def test_each_job_email_read_over_imap_is_kept_as_it_arrived(
    cli: Any, fake_imap: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_IMAP_SECRET", SECRET)
    assert _fake_import(cli, "--password-env", "BB_IMAP_SECRET").exit_code == 0
    kept = {bytes(o.data) for o in OriginalMail.objects.all()}
    job_mail = {fake_imap.messages[0], fake_imap.messages[2]}  # the receipt is not job mail
    assert kept == job_mail


@pytest.mark.django_db
def test_a_missing_password_variable_is_named_in_the_error(
    cli: Any, fake_imap: FakeServer, memory_keyring: MemoryKeyring
) -> None:
    result = _fake_import(cli, "--password-env", "BB_NOT_SET_ANYWHERE")
    assert result.exit_code == 1
    assert "BB_NOT_SET_ANYWHERE is not set" in " ".join(result.stderr.split())
    assert fake_imap.logins == []


@pytest.mark.django_db
def test_a_saved_password_comes_from_the_keyring_next_time(
    cli: Any,
    fake_imap: FakeServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("BB_IMAP_SECRET", SECRET)
    first = _fake_import(cli, "--password-env", "BB_IMAP_SECRET", "--save-password")
    assert "Password saved in your system keyring." in first.stderr
    assert memory_keyring.store == {("bounceback-imap", f"sam@{HOST}"): SECRET}
    monkeypatch.delenv("BB_IMAP_SECRET")
    second = _fake_import(cli, "--json")  # no variable, no terminal: the keyring answers
    assert second.exit_code == 0, second.stderr
    assert fake_imap.logins == [SECRET, SECRET]
    assert json.loads(second.stdout)["total"] == 0  # nothing new since the first run
    for result in (first, second):
        _never_shown(result, caplog)


@pytest.mark.django_db
def test_a_wrong_password_is_not_saved_in_the_keyring(
    cli: Any, fake_imap: FakeServer, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BB_IMAP_SECRET", "not-it-at-all")
    result = _fake_import(cli, "--password-env", "BB_IMAP_SECRET", "--save-password")
    assert result.exit_code == 1
    assert memory_keyring.store == {}
    assert "not-it-at-all" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_in_a_terminal_the_password_is_asked_for_without_echo(
    cli: Any,
    fake_imap: FakeServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr("bounceback.cli.mail._can_prompt", lambda: True)
    result = _fake_import(cli, "--json", input=SECRET + "\n")
    assert result.exit_code == 0, result.stderr
    assert fake_imap.logins == [SECRET]
    assert f"Password for sam on {HOST}" in result.stderr
    assert json.loads(result.stdout)["created"] == 2  # stdout is the JSON and nothing else
    _never_shown(result, caplog)


@pytest.mark.django_db
def test_without_a_terminal_or_a_saved_password_it_says_what_to_do(
    cli: Any, fake_imap: FakeServer, memory_keyring: MemoryKeyring
) -> None:
    result = _fake_import(cli)
    assert result.exit_code == 1
    assert "use --password-env VAR" in " ".join(result.stderr.split())
    assert fake_imap.logins == []


@pytest.mark.django_db
def test_a_terminal_shows_a_progress_bar_of_the_new_messages(
    cli: Any, fake_imap: FakeServer, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr("bounceback.cli.mail._interactive", lambda: True)
    monkeypatch.setattr(
        "bounceback.cli.mail.err_console", Console(file=screen, force_terminal=True, width=100)
    )
    monkeypatch.setenv("BB_IMAP_SECRET", SECRET)
    result = _fake_import(cli, "--password-env", "BB_IMAP_SECRET")
    assert result.exit_code == 0
    assert "Fetching" in screen.getvalue() and "3 of 3 new messages" in screen.getvalue()
    assert SECRET not in screen.getvalue()
    assert "3 e-mails read" in result.stdout  # the summary table still follows


@pytest.mark.django_db
def test_json_output_has_no_progress_bar(
    cli: Any, fake_imap: FakeServer, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr("bounceback.cli.mail._interactive", lambda: True)
    monkeypatch.setattr(
        "bounceback.cli.mail.err_console", Console(file=screen, force_terminal=True, width=100)
    )
    monkeypatch.setenv("BB_IMAP_SECRET", SECRET)
    result = _fake_import(cli, "--password-env", "BB_IMAP_SECRET", "--json")
    assert json.loads(result.stdout)["total"] == 3
    assert "Fetching" not in screen.getvalue()


@pytest.mark.django_db
def test_a_typed_password_logs_in_to_a_real_server_and_is_never_printed(
    cli: Any,
    dovecot: Server,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr("bounceback.cli.mail._can_prompt", lambda: True)
    dovecot.deliver(rejection_mail("Globex", "Data Analyst", 1))
    result = cli(
        "import", "--imap", "--host", "127.0.0.1", "--port", str(dovecot.port),
        "--user", "sam", "--cafile", str(dovecot.cafile), "--json", "--save-password",
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["created"] == 1
    assert memory_keyring.store == {("bounceback-imap", "sam@127.0.0.1"): PASSWORD}
    assert PASSWORD not in result.stdout + result.stderr + caplog.text
