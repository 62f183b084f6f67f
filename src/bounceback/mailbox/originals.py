"""The original bytes of each imported job e-mail, so an export can give the e-mail back.

Only job mail that becomes an ``ImportedMessage`` is kept: mail that is not about the job
search is never stored. A copy is at most ``MAX_ORIGINAL_BYTES``; a bigger e-mail (nearly
always one with large attachments) keeps its headers and text parts, and its attachments
give way to a short note. The copy says it was shortened in a header
(``SHORTENED_HEADER``), so the ``.eml`` in an export says so to whoever opens it.

The bytes are the person's own mail: they never reach a log, and the admin never shows
them (``ImportedMessageAdmin.private_fields``).
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.lib.mail.mime import split_head
from bounceback.mailbox.models import ImportedMessage, OriginalMail

# An e-mail with a CV attached is well under 1 MB; 5 MB keeps nearly every e-mail whole
# while a mailbox of job mail stays a small part of the database.
MAX_ORIGINAL_BYTES = 5 * 1024 * 1024
SHORTENED_HEADER = "X-Bounceback-Shortened"


def keep_original(record: ImportedMessage, raw: bytes, text: str = "") -> OriginalMail:
    """Store the e-mail's bytes beside its record (call inside the import's transaction).

    ``text``: the body as bounceback read it, kept when even the e-mail's text parts are
    over the limit."""
    return OriginalMail.objects.create(message=record, data=capped(raw, text))


def without_original(owner: User) -> set[str]:
    """Dedupe keys of the person's imported mail kept without its bytes (imported before
    bounceback kept them): importing the mailbox again fills them in."""
    return set(
        ImportedMessage.objects.filter(owner=owner, original__isnull=True).values_list(
            "dedupe_key", flat=True
        )
    )


def keep_late_original(owner: User, dedupe_key: str, raw: bytes, text: str = "") -> None:
    """The bytes of an e-mail imported before, met again in a mailbox."""
    record = ImportedMessage.objects.filter(owner=owner, dedupe_key=dedupe_key).first()
    if record is not None:
        with transaction.atomic():
            OriginalMail.objects.get_or_create(message=record, defaults={"data": capped(raw, text)})


def capped(raw: bytes, text: str = "") -> bytes:
    """The bytes to keep: ``raw`` itself when it is within the limit, else a shortened copy."""
    if len(raw) <= MAX_ORIGINAL_BYTES:
        return raw
    note = (
        f"bounceback kept a shortened copy: the e-mail was {_megabytes(len(raw))}, more "
        f"than the {_megabytes(MAX_ORIGINAL_BYTES)} it keeps of one e-mail"
    )
    try:
        shortened = _without_attachments(raw, note)
    except Exception:  # a message too broken to rebuild still keeps its headers and text
        shortened = None
    if shortened is not None and len(shortened) <= MAX_ORIGINAL_BYTES:
        return shortened
    return _headers_and_text(raw, text, note)


def is_shortened(data: bytes) -> bool:
    head, _ = split_head(bytes(data))
    return f"\n{SHORTENED_HEADER.lower()}:".encode() in b"\n" + head.lower()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _without_attachments(raw: bytes, note: str) -> bytes:
    """The e-mail with its text parts as they were and every other part replaced by a note."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.is_multipart() or _is_text(part):
            continue
        name = part.get_filename() or part.get_content_type()
        size = len(part.get_payload(decode=False) or "")
        for key in list(part.keys()):
            del part[key]
        part.set_payload(
            f"[{name}, about {_megabytes(size * 3 // 4)}, was left out: {note}.]\n",
            charset="utf-8",
        )
    message[SHORTENED_HEADER] = f"attachments left out; {note}"
    return message.as_bytes()


def _is_text(part: Message) -> bool:
    disposition = (part.get("content-disposition") or "").lower()
    return part.get_content_maintype() == "text" and not disposition.startswith("attachment")


def _headers_and_text(raw: bytes, text: str, note: str) -> bytes:
    """The headers as they were, and the text as bounceback read it (within the limit)."""
    head, _ = split_head(raw)
    head = head[: MAX_ORIGINAL_BYTES // 2]
    lines: list[bytes] = []
    dropping = False  # inside a header this copy replaces (its continuation lines too)
    for line in head.splitlines():
        if line[:1] not in (b" ", b"\t"):
            dropping = line.lower().startswith((b"content-type:", b"content-transfer-encoding:"))
        if not dropping:
            lines.append(line)
    body = text.encode("utf-8")[: MAX_ORIGINAL_BYTES // 2].decode("utf-8", "ignore")
    lines += [
        f"{SHORTENED_HEADER}: only the headers and text kept; {note}".encode(),
        b'Content-Type: text/plain; charset="utf-8"',
        b"Content-Transfer-Encoding: 8bit",
        b"",
        body.encode("utf-8"),
    ]
    return b"\r\n".join(lines) if b"\r\n" in head else b"\n".join(lines)
