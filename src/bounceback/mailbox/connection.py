"""A mailbox connected from the web (hosted mode): saving it, checking it, and its status.

The worker's check (``run_check``, called by ``tasks.check_mailbox``) reads the folder
with ``imap_sync.sync_imap``, the very import ``bounceback import --imap`` runs, so there
is one import and it stays idempotent: a check that dies midway is finished by the next.

Two checks of one person never overlap: a check claims the connection by moving its
state to "running" in one conditional UPDATE, and a second finds it taken. A claim that
has not moved for ``STALE_AFTER`` (a worker that died) may be taken over.

A password the server refuses is not tried again and again by the scheduled checks (a
mail provider may lock the account): they wait an hour, then two, four... up to a day,
until the person saves a new password or presses "Check now".
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bounceback.errors import UserError
from bounceback.lib.hygiene import clip
from bounceback.lib.mail.imap import (
    ImapCertificate,
    ImapError,
    ImapLoginRefused,
    ImapNoFolder,
    ImapSession,
    ImapStopped,
    ImapUnreachable,
)
from bounceback.lib.network import check_host, check_port
from bounceback.mailbox import vault
from bounceback.mailbox.imap_sync import sync_imap
from bounceback.mailbox.models import CheckState, MailConnection

STALE_AFTER = timedelta(minutes=15)  # a running check says it is alive at least this often
HEARTBEAT = timedelta(minutes=1)
FIRST_WAIT = timedelta(hours=1)  # after the first refused password; doubled each time
LONGEST_WAIT = timedelta(days=1)
MAX_PASSWORD = 1000


def offered() -> bool:
    """Whether people may connect a mailbox here: hosted, with the centre's key set."""
    return bool(settings.BOUNCEBACK_HOSTED) and vault.switched_on()


def _require_offered() -> None:
    if not settings.BOUNCEBACK_HOSTED:
        raise UserError(
            "On your own computer, import with `bounceback import --imap`: the password stays "
            "in your system keyring."
        )
    if not vault.switched_on():
        raise UserError(vault.NOT_SWITCHED_ON)


def connection_of(owner: User) -> MailConnection | None:
    return MailConnection.objects.filter(owner=owner).first()


# --- Words for the person, one per way a connection fails --------------------------------


def explain(error: ImapError, *, host: str, port: int, user: str, folder: str) -> str:
    """A warm sentence for what went wrong; never the password, never the server's own words."""
    host, user, folder = clip(host, 80), clip(user, 80), clip(folder, 80)
    if isinstance(error, ImapLoginRefused):
        return (
            f"Your mail server did not accept the user name “{user}” with that app password. "
            "Check the user name (usually your full e-mail address), or make a new app "
            "password with your mail provider and save it here."
        )
    if isinstance(error, ImapCertificate):
        return (
            f"bounceback could not make a secure connection with {host} on port {port}. "
            "Check the server name and port with your mail provider (IMAP over TLS is "
            "usually port 993)."
        )
    if isinstance(error, ImapNoFolder):
        return (
            f"There is no folder called “{folder}” in that mailbox. Check its name as your mail "
            "app shows it, or use INBOX."
        )
    if isinstance(error, ImapUnreachable):
        return (
            f"bounceback could not reach {host} on port {port}. Check the server name with "
            "your mail provider (it often looks like imap.example.org)."
        )
    if isinstance(error, ImapStopped):
        return (
            "Your mail server stopped answering part of the way through. What was read so far "
            "is kept; the next check carries on from there."
        )
    return "Your mail server could not be read this time. The next check tries again."


def _checked_address(host: str) -> str | None:
    """The address to connect to: a public one, unless the centre allows its own network.

    Without this, anyone signed in could use the server to knock on private addresses.
    The connection then goes to this very address (``ImapSession(address=...)``), so a
    DNS answer that changes in between cannot lead it elsewhere. None: resolve as usual
    (private addresses allowed, or a name that does not resolve, which fails with its
    own words when connecting).
    """
    if settings.BOUNCEBACK_IMAP_PRIVATE_HOSTS:
        return None
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return None
    addresses = [str(entry[4][0]).split("%")[0] for entry in found]
    if not addresses or not all(ipaddress.ip_address(a).is_global for a in addresses):
        raise UserError(
            f"{clip(host, 80)} is an address on a private network, which bounceback here "
            "does not connect to. Use your mail provider's IMAP server name, such as "
            "imap.example.org."
        )
    return addresses[0]


def _cafile() -> Path | None:
    return Path(settings.BOUNCEBACK_IMAP_CAFILE) if settings.BOUNCEBACK_IMAP_CAFILE else None


@dataclass(frozen=True)
class Mailbox:
    """What a person typed to connect a mailbox, checked."""

    host: str
    port: int
    username: str
    password: str
    folder: str

    @classmethod
    def checked(cls, host: str, port: int, username: str, password: str, folder: str) -> Mailbox:
        host, username, folder = host.strip(), username.strip(), folder.strip() or "INBOX"
        check_host(host)
        check_port(port, "IMAP over TLS is usually 993")
        if not username or len(username) > 255 or not username.isprintable():
            raise UserError("Give the user name for your mailbox, usually your e-mail address.")
        if not password or len(password) > MAX_PASSWORD or "\x00" in password:
            raise UserError(
                "Give the app password your mail provider made for bounceback (not your usual "
                "password, if your provider offers app passwords)."
            )
        if not (username + password).isascii():
            # IMAP's LOGIN sends plain ASCII; imaplib would fail on the first "é" instead.
            raise UserError(
                "The user name or app password has a character a mail server's sign-in cannot "
                "take (such as é or ü). App passwords are plain letters and digits: copy it "
                "again from your mail provider."
            )
        if len(folder) > 255 or not folder.isprintable():
            raise UserError("Give the folder as your mail app shows it, such as INBOX.")
        return cls(host, port, username, password, folder)

    def try_it(self) -> None:
        """Sign in and open the folder once, then leave; a warm UserError if that fails."""
        address = _checked_address(self.host)
        try:
            session = ImapSession(
                self.host,
                self.port,
                self.username,
                self.password,
                self.folder,
                cafile=_cafile(),
                address=address,
            )
        except ImapError as error:
            raise UserError(
                explain(
                    error, host=self.host, port=self.port, user=self.username, folder=self.folder
                )
            ) from None
        session.close()


def connect(owner: User, mailbox: Mailbox) -> MailConnection:
    """Check the mailbox once, keep it with its password locked (replacing an older one),
    and queue its first reading for a worker."""
    _require_offered()
    mailbox.try_it()
    connection, _created = MailConnection.objects.update_or_create(
        owner=owner,
        defaults={
            "host": mailbox.host,
            "port": mailbox.port,
            "username": mailbox.username,
            "folder": mailbox.folder,
            "secret": vault.lock(mailbox.password),
            "failure": "",
            "login_failures": 0,
            "retry_after": None,
        },
    )
    queue_check(connection)
    return connection


def disconnect(owner: User) -> bool:
    """Forget the mailbox and its password at once; True when there was one."""
    deleted, _ = MailConnection.objects.filter(owner=owner).delete()
    return bool(deleted)


# --- Queueing and running checks ---------------------------------------------------------


def _free(now: datetime) -> Q:
    """Connections nobody is checking (or whose check stopped saying it is alive)."""
    return Q(state=CheckState.IDLE) | Q(state_since__lt=now - STALE_AFTER)


def queue_check(connection: MailConnection) -> bool:
    """Queue one check for a worker; False when one is already waiting or running."""
    from bounceback.mailbox.tasks import check_mailbox

    now = timezone.now()
    with transaction.atomic():
        claimed = (
            MailConnection.objects.filter(pk=connection.pk)
            .filter(_free(now))
            .update(state=CheckState.QUEUED, state_since=now)
        )
        if claimed:
            # In the same transaction as the claim: the queue's row and the state agree.
            check_mailbox.enqueue(connection.pk)
    connection.refresh_from_db()
    return bool(claimed)


@dataclass
class Queued:
    queued: int = 0
    busy: int = 0  # a check already waiting or running
    waiting: int = 0  # backing off after refused passwords

    def as_dict(self) -> dict[str, int]:
        return {"queued": self.queued, "busy": self.busy, "waiting": self.waiting}


def queue_all() -> Queued:
    """One check per connected mailbox, for cron; skips busy ones and those backing off."""
    now = timezone.now()
    counts = Queued()
    for connection in MailConnection.objects.order_by("pk"):
        if connection.retry_after and connection.retry_after > now:
            counts.waiting += 1
        elif queue_check(connection):
            counts.queued += 1
        else:
            counts.busy += 1
    return counts


def _claim(connection_id: int) -> bool:
    now = timezone.now()
    taken = (
        MailConnection.objects.filter(pk=connection_id)
        .filter(_free(now) | Q(state=CheckState.QUEUED))
        .update(state=CheckState.RUNNING, state_since=now)
    )
    return bool(taken)


def _backoff(failures: int) -> timedelta:
    wait: timedelta = FIRST_WAIT * 2 ** min(max(failures - 1, 0), 10)
    return min(wait, LONGEST_WAIT)


def run_check(connection_id: int) -> str:
    """Read the connection's new mail now; what happened, in one word (for the worker's log).

    "gone" (disconnected since), "busy" (another check holds it), "failed" or "done".
    """
    if not _claim(connection_id):
        return "busy" if MailConnection.objects.filter(pk=connection_id).exists() else "gone"
    connection = MailConnection.objects.select_related("owner").get(pk=connection_id)
    beat = [timezone.now()]

    def alive(_done: int, _total: int) -> None:
        now = timezone.now()
        if now - beat[0] >= HEARTBEAT:
            beat[0] = now
            MailConnection.objects.filter(pk=connection_id).update(state_since=now)

    changes: dict[str, object]
    try:
        report = sync_imap(
            connection.owner,
            host=connection.host,
            port=connection.port,
            user=connection.username,
            password=vault.unlock(connection.secret),
            folder=connection.folder,
            cafile=_cafile(),
            address=_checked_address(connection.host),
            progress=alive,
        )
    except ImapLoginRefused as error:
        failures = connection.login_failures + 1
        changes = {
            "failure": _explained(connection, error),
            "login_failures": failures,
            "retry_after": timezone.now() + _backoff(failures),
        }
        outcome = "failed"
    except ImapError as error:
        changes = {"failure": _explained(connection, error)}
        outcome = "failed"
    except UserError as error:  # the key is gone, or a note from the import itself
        changes = {"failure": str(error)}
        outcome = "failed"
    except Exception:
        # A fault of ours: free the connection for the next check, and let the worker log it
        # (the task's arguments are an id, never the password).
        MailConnection.objects.filter(pk=connection_id).update(
            state=CheckState.IDLE,
            state_since=timezone.now(),
            failure="Something went wrong on our side while checking your mail. What was "
            "read so far is kept; the next check tries again.",
        )
        raise
    else:
        changes = {
            "found": report.created + report.updated + report.queued + report.skipped,
            "failure": "",
            "login_failures": 0,
            "retry_after": None,
        }
        outcome = "done"
    now = timezone.now()
    # The row may have been deleted (disconnected) meanwhile: then this updates nothing.
    MailConnection.objects.filter(pk=connection_id).update(
        state=CheckState.IDLE, state_since=now, checked_at=now, **changes
    )
    return outcome


def _explained(connection: MailConnection, error: ImapError) -> str:
    return explain(
        error,
        host=connection.host,
        port=connection.port,
        user=connection.username,
        folder=connection.folder,
    )


def rotate_keys() -> tuple[int, int]:
    """Lock every saved password with the newest key: (re-locked, no key opens them).

    A password no listed key opens stays as it is; its owner is asked to save it again.
    """
    _require_offered()
    relocked = unreadable = 0
    for connection in MailConnection.objects.only("pk", "secret"):
        try:
            secret = vault.relock(connection.secret)
        except UserError:
            unreadable += 1
            continue
        MailConnection.objects.filter(pk=connection.pk).update(secret=secret)
        relocked += 1
    return relocked, unreadable
