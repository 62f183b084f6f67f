"""Reading new messages from an IMAP folder over TLS, by UID.

Incremental by design: the caller passes what it remembers (UIDVALIDITY and the
last UID it saw) and gets only newer messages. When the server's UIDVALIDITY
has changed, old UIDs mean nothing any more, so everything is read again (the
importer's dedupe on Message-ID keeps that harmless).

Messages are fetched with BODY.PEEK[] so reading them does not mark them as
read in the person's mail client. The password is used for LOGIN only: never
kept, logged or put in an error message.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bounceback.errors import UserError
from bounceback.lib.files import check_regular_file
from bounceback.lib.hygiene import clip
from bounceback.lib.network import check_host, check_port

BATCH = 50
TIMEOUT = 60
_UID = re.compile(rb"\bUID (\d+)")


class ImapError(UserError):
    """The server could not be read; the subclass says why, for callers that word it anew."""


class ImapUnreachable(ImapError):
    """No connection: an unknown host, a closed port, a network that is down."""


class ImapCertificate(ImapError):
    """The TLS handshake failed: a certificate that could not be verified, or no TLS at all."""


class ImapLoginRefused(ImapError):
    """The server refused the user name or password."""


class ImapNoFolder(ImapError):
    """The folder is not on the server."""


class ImapStopped(ImapError):
    """The server stopped answering part of the way through."""


@dataclass(frozen=True)
class ImapMessage:
    uid: int
    data: bytes


def tls_context(cafile: Path | None) -> ssl.SSLContext:
    """The system's certificate authorities, or only the certificate the person gave."""
    if cafile is None:
        return ssl.create_default_context()
    path = check_regular_file(cafile, "certificate file")
    try:
        return ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError, ValueError):
        raise UserError(
            f"{clip(cafile, 120)} is not a certificate bounceback can use. Give the server's "
            "certificate as a PEM file (the text that starts with -----BEGIN CERTIFICATE-----)."
        ) from None


class _PinnedIMAP4SSL(imaplib.IMAP4_SSL):
    """IMAP over TLS to one address checked beforehand; the certificate still names the host.

    Resolving the name again when connecting would let a server that changes its DNS
    answer in between lead the connection somewhere the check never saw.
    """

    def __init__(
        self, host: str, port: int, *, address: str, ssl_context: ssl.SSLContext, timeout: float
    ) -> None:
        self._address = address
        super().__init__(host, port, ssl_context=ssl_context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((self._address, self.port), timeout)
        wrapped: socket.socket = self.ssl_context.wrap_socket(sock, server_hostname=self.host)
        return wrapped


class ImapSession:
    """One logged-in connection with one folder selected (read-only)."""

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        folder: str,
        *,
        cafile: Path | None = None,
        address: str | None = None,
    ) -> None:
        """``address``: connect to this IP rather than resolving ``host`` again."""
        check_port(port, "IMAP over TLS is 993")
        check_host(host)
        context = tls_context(cafile)
        shown = clip(host)
        try:
            self.conn = (
                _PinnedIMAP4SSL(host, port, address=address, ssl_context=context, timeout=TIMEOUT)
                if address
                else imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=TIMEOUT)
            )
        except ssl.SSLCertVerificationError as error:
            raise ImapCertificate(
                f"The certificate of {shown} could not be verified ({error.verify_message}). "
                "If it is your own server with a self-signed certificate, pass it with --cafile."
            ) from None
        except ssl.SSLError as error:
            raise ImapCertificate(
                f"Could not start a secure (TLS) connection with {shown}:{port} "
                f"({clip(error, 200)}). Check the port: IMAP over TLS is usually 993."
            ) from None
        except (OSError, ValueError, imaplib.IMAP4.error) as error:
            # ValueError: a host name no resolver takes (too long, or with a NUL in it).
            raise ImapUnreachable(
                f"Could not connect to {shown}:{port} ({clip(error, 200)})."
            ) from None
        try:
            self.conn.login(user, password)
        except imaplib.IMAP4.error:
            self.close()
            raise ImapLoginRefused(
                f"The server refused the user name or password for {user}. Check them and try again."
            ) from None
        try:
            status, _data = self.conn.select(_quote(folder), readonly=True)
        except imaplib.IMAP4.error:
            status = "NO"
        if status != "OK":
            self.close()
            raise ImapNoFolder(f"There is no folder called {folder} on {host}.")
        self.uidvalidity = self._uidvalidity(folder)

    def _uidvalidity(self, folder: str) -> int:
        _typ, data = self.conn.response("UIDVALIDITY")
        if data and data[0]:
            return int(data[0])
        _typ, status = self.conn.status(_quote(folder), "(UIDVALIDITY)")
        match = re.search(rb"UIDVALIDITY (\d+)", status[0] or b"") if status else None
        return int(match.group(1)) if match else 0

    def new_uids(self, after: int) -> list[int]:
        """UIDs greater than ``after``, oldest first."""
        try:
            typ, data = self.conn.uid("SEARCH", f"UID {after + 1}:*")
        except (OSError, imaplib.IMAP4.error) as error:
            raise ImapStopped(f"The server stopped answering ({error}). Try again later.") from None
        if typ != "OK" or not data or not data[0]:
            return []
        # "N:*" always includes the highest UID, even when it is below N.
        return sorted(uid for uid in (int(x) for x in data[0].split()) if uid > after)

    def fetch(self, uids: list[int]) -> Iterator[ImapMessage]:
        """The raw bytes of each message, in batches, without marking them as read."""
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            try:
                typ, data = self.conn.uid("FETCH", ",".join(map(str, chunk)), "(UID BODY.PEEK[])")
            except (OSError, imaplib.IMAP4.error) as error:
                raise ImapStopped(
                    f"The server stopped answering ({error}). Run the import again: "
                    "what was read so far is kept."
                ) from None
            if typ != "OK":
                continue
            found: dict[int, bytes] = {}
            for part in data:
                if isinstance(part, tuple) and len(part) == 2:
                    match = _UID.search(part[0])
                    if match:
                        found[int(match.group(1))] = part[1]
            for uid in chunk:
                if uid in found:
                    yield ImapMessage(uid, found[uid])

    def close(self) -> None:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            self.conn.logout()


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
