"""A real Dovecot on loopback, for the tests that read mail over IMAP.

``running()`` writes a Dovecot config in a folder: TLS only (a self-signed certificate
made with openssl, which the client trusts through its cafile, so the real certificate
check runs), one user, sam, in a passwd-file, Maildir storage in the folder, listening on
127.0.0.1 on a free port. Starting one takes about a second and stopping it another, so a
test module may share one server and call ``Server.empty()`` before each test.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clock import CURRENT_TIME

DOVECOT = Path("/usr/sbin/dovecot")
PASSWORD = "correct horse battery staple"
_MAILDIR_PARTS = ("cur", "new", "tmp")


@dataclass
class Server:
    port: int
    cafile: Path
    maildir: Path
    uid: int
    gid: int
    delivered: int = 0

    def deliver(self, raw: bytes) -> None:
        self.delivered += 1
        name = f"{int(CURRENT_TIME.timestamp())}.{self.delivered}.test"  # Maildir: time.seq.host
        path = self.maildir / "new" / name
        path.write_bytes(raw)
        path.chmod(0o644)

    def empty(self) -> None:
        """Sam's mailbox as on the first day: no mail, and no index (UIDs start again at 1)."""
        shutil.rmtree(self.maildir, ignore_errors=True)
        for part in _MAILDIR_PARTS:
            (self.maildir / part).mkdir(parents=True)
        for folder in (self.maildir, *(self.maildir / part for part in _MAILDIR_PARTS)):
            os.chown(folder, self.uid, self.gid)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _skip_unless_installed() -> None:
    if not DOVECOT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Dovecot is missing at {DOVECOT}; CI must install dovecot-imapd.")
        pytest.skip(
            "Dovecot is not installed here (apt-get install dovecot-imapd): IMAP tests skipped."
        )
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test server's certificate.")


@contextmanager
def running(folder: Path) -> Iterator[Server]:
    """A Dovecot serving from ``folder`` (a fresh, empty one) until the block ends."""
    _skip_unless_installed()
    uid, gid = os.getuid(), os.getgid()
    if uid == 0:
        # Dovecot never reads mail as root, and its helpers run as its own users: give them
        # a folder outside pytest's private (0700) temp dir and the mail to "nobody".
        root = Path(tempfile.mkdtemp(prefix="bounceback-dovecot-"))
        root.chmod(0o755)
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, nobody.pw_gid
    else:
        root = folder
    for sub in ("run", *(f"home/sam/Maildir/{part}" for part in _MAILDIR_PARTS)):
        (root / sub).mkdir(parents=True)
    for path in [root / "home", *(root / "home").rglob("*")]:
        os.chown(path, uid, gid)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    (root / "passwd").write_text(f"sam:{{PLAIN}}{PASSWORD}::::::\n")
    port = _free_port()
    user, group = pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name
    # As root, Dovecot's own unprivileged users (from the package) run its helper processes.
    service_users = (
        ""
        if os.getuid() == 0
        else f"default_login_user = {user}\ndefault_internal_user = {user}\n"
        f"default_internal_group = {group}\n"
    )
    # Refused passwords are answered at once, with no login penalty per address (the
    # anvil-auth-penalty listener off): Dovecot's own slowing down of password guessers
    # cost the backoff test 30 s, and on a shared server one test's refusals would slow
    # the next test's sign-in. bounceback's own backoff is what the tests specify.
    (root / "dovecot.conf").write_text(
        f"""
base_dir = {root}/run
state_dir = {root}/run
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
auth_mechanisms = plain
auth_failure_delay = 0
first_valid_uid = {uid}
first_valid_gid = {gid}
{service_users}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:{root}/home/%u/Maildir
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
}}
"""
    )
    process = subprocess.Popen(
        [str(DOVECOT), "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (
                        (root / "dovecot.log").read_text()
                        if (root / "dovecot.log").exists()
                        else ""
                    )
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"Dovecot did not start:\n{output}\n{log}")
                time.sleep(0.05)
        yield Server(port, root / "cert.pem", root / "home/sam/Maildir", uid, gid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if os.getuid() == 0:
            shutil.rmtree(root, ignore_errors=True)
